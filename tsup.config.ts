import { defineConfig } from 'tsup';

export default defineConfig({
  // Two entry points: the library (`darkfigure`) and the example data sets (`darkfigure/data`).
  entry: { index: 'src/index.ts', 'data/index': 'src/data/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  target: 'es2022',
  platform: 'neutral',
});
