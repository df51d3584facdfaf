import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The @example blocks of funnelLimits and funnelPlot must run: each ```ts block is bundled against src/index.ts
// (as the package name 'darkfigure') and imported; console output is captured and checked for NaN.
const root = fileURLToPath(new URL('../../', import.meta.url));

function examplesOf(name: string): string[] {
  const text = readFileSync(new URL(`../../src/compare/${name}.ts`, import.meta.url), 'utf8');
  const doc = /\/\*\*([\s\S]*?)\*\/\s*export function/.exec(text)?.[1] ?? '';
  return [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!.replace(/^\s*\* ?/gm, ''));
}

describe('@example blocks of the funnel functions run', () => {
  it.each(['funnelLimits', 'funnelPlot'])('%s', async (name) => {
    const blocks = examplesOf(name);
    expect(blocks.length).toBeGreaterThan(0);
    for (const code of blocks) {
      expect(code).toContain("from 'darkfigure'");
      const result = await build({
        stdin: { contents: code, resolveDir: root, loader: 'ts', sourcefile: `${name}.example.ts` },
        alias: { darkfigure: './src/index.ts' },
        bundle: true,
        format: 'esm',
        platform: 'neutral',
        write: false,
        logLevel: 'silent',
      });
      const js = result.outputFiles[0]!.text;
      await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`);
    }
  });
});
