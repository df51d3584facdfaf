import { defineConfig } from 'tsup';

export default defineConfig({
  // Four entry points: the library (`darkfigure`), the example data sets (`darkfigure/data`), the models (`darkfigure/models`)
  // and the chart specifications (`darkfigure/charts`).
  entry: { index: 'src/index.ts', 'data/index': 'src/data/index.ts', 'models/index': 'src/models/index.ts', 'charts/index': 'src/charts/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  target: 'es2022',
  platform: 'neutral',
});
