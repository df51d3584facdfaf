import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every @example in src/random runs: each ```ts block is bundled from src/random (its relative imports
// resolve there) and imported.
const dir = fileURLToPath(new URL('../../src/random/', import.meta.url));
const FILES = [
  'generator',
  'sampleUniform',
  'sampleNormal',
  'sampleExponential',
  'exponentialSlowPath',
  'gammaMarsagliaTsang',
  'sampleGamma',
  'sampleLogGamma',
  'sampleBeta',
  'sampleDirichlet',
  'samplePoisson',
  'sampleBinomial',
  'stirlingError',
  'xoshiro128StarStar',
  'normalSlowPath',
  'marsagliaTsang',
  'marsagliaTsangSqueeze',
  'resumeMarsagliaTsang',
  'poissonLogPmf',
  'poissonFromNormal',
  'resumePoisson',
  'fillGamma',
  'fillBeta',
  'fillPoisson',
  'fillNegativeBinomial',
];

function examplesOf(name: string): string[] {
  const text = readFileSync(`${dir}${name}.ts`, 'utf8');
  return [...text.matchAll(/@example\s*\n\s*\* ```ts\n([\s\S]*?)```/g)].map((m) => m[1]!.replace(/^\s*\* ?/gm, ''));
}

describe('@example blocks of src/random run', () => {
  it.each(FILES)('%s', async (name) => {
    const blocks = examplesOf(name);
    expect(blocks.length).toBe(1);
    for (const code of blocks) {
      const exported = name === 'generator' ? 'createGenerator' : name === 'xoshiro128StarStar' ? 'Xoshiro128StarStar' : name;
      expect(code).toMatch(new RegExp(`import \\{ ${exported}[ ,]`));
      const result = await build({
        stdin: { contents: code, resolveDir: dir, loader: 'ts', sourcefile: `${name}.example.ts` },
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
