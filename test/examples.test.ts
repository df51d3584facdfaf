import { build } from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every public function's @example must run as a user would write it: each ```ts block that imports from
// 'darkfigure' (or 'darkfigure/data', 'darkfigure/models', 'darkfigure/charts') is bundled against src/ and executed. Internal helpers' examples, which
// import relative paths, are covered by their own unit tests.
const root = fileURLToPath(new URL('../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

interface Example {
  where: string;
  code: string;
}

function publicExamples(): Example[] {
  const out: Example[] = [];
  for (const file of sourceFiles(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const doc of text.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*?)\*\/\s*export (?:function|class) (\w+)/g)) {
      const blocks = [...doc[1]!.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!.replace(/^\s*\* ?/gm, ''));
      blocks
        .filter((code) => /from 'darkfigure(\/data|\/models|\/charts)?'/.test(code))
        .forEach((code, i) => out.push({ where: `${relative(root, file)} ${doc[2]}${blocks.length > 1 ? ` #${i + 1}` : ''}`, code }));
    }
  }
  return out;
}

const examples = publicExamples();

describe('@example blocks of the public API run as written', () => {
  it('every function and class exported from darkfigure, darkfigure/models and darkfigure/charts has one', async () => {
    const api: Record<string, unknown> = { ...(await import('../src/index')), ...(await import('../src/models/index')), ...(await import('../src/charts/index')) };
    const documented = new Set(examples.map((e) => e.where.split(' ')[1]));
    const missing = Object.keys(api).filter((name) => typeof api[name] === 'function' && !documented.has(name));
    expect(missing).toEqual([]);
  });
  it.each(examples.map((e) => [e.where, e.code] as const))('%s', async (where, code) => {
    const result = await build({
      stdin: { contents: code, resolveDir: root, loader: 'ts', sourcefile: `${where}.example.ts` },
      alias: { 'darkfigure/data': './src/data/index.ts', 'darkfigure/models': './src/models/index.ts', 'darkfigure/charts': './src/charts/index.ts', darkfigure: './src/index.ts' },
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      write: false,
      logLevel: 'silent',
    });
    // run it, capturing what it prints: an example must never show NaN
    const printed: string[] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => void printed.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    try {
      await import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0]!.text).toString('base64')}`);
    } finally {
      console.log = log;
    }
    expect(printed.join('\n')).not.toMatch(/\bNaN\b/);
  });
});
