import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The engines' Math.exp, Math.log, Math.pow, ... are not correctly rounded and their last bits differ
 * between JavaScript engines (Node 20 and Chromium 156 disagree on a few percent of arguments), so
 * results would not be reproducible to the bit across runtimes. src/ uses the fdlibm-based functions in
 * src/special/elementary instead; Math.sqrt, abs, floor, min, max, imul, ... are exact by specification.
 */
const FORBIDDEN = /\bMath\.(exp|expm1|log|log1p|log2|log10|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh|cbrt|hypot)\b/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('reproducible arithmetic', () => {
  it('src/ calls no engine-dependent Math function (outside comments)', () => {
    const offenders: string[] = [];
    for (const file of files('src')) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, '');
          if (/^\s*(\*|\/\*)/.test(code)) return;
          if (FORBIDDEN.test(code)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});

describe('browser-safe core', () => {
  it('src/ imports no Node built-ins and touches no Node globals', () => {
    const offenders: string[] = [];
    for (const file of files('src')) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, '');
          if (/^\s*(\*|\/\*)/.test(code)) return;
          if (/from ['"](node:|fs|path|os|crypto|url|util)['"]|\brequire\(|\bprocess\.|\bBuffer\b|\b__dirname\b/.test(code)) {
            offenders.push(`${file}:${i + 1}: ${line.trim()}`);
          }
        });
    }
    expect(offenders).toEqual([]);
  });
});
