import { defineConfig } from 'tsup';

export default defineConfig({
  // Three entry points: the library (`darkfigure`), the example data sets (`darkfigure/data`) and the models (`darkfigure/models`).
  entry: { index: 'src/index.ts', 'data/index': 'src/data/index.ts', 'models/index': 'src/models/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  target: 'es2022',
  platform: 'neutral',
});
