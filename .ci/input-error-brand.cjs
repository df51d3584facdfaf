// An InputError thrown by darkfigure's CommonJS build is recognised by `instanceof InputError` and
// `isInputError` from its ESM build in the same process, and the other way round. Run after `npm run build`.
const path = require('node:path');
const root = path.resolve(__dirname, '..');
const cjs = require(path.join(root, 'dist/index.cjs'));
import(path.join(root, 'dist/index.js')).then((esm) => {
  const out = [];
  try { cjs.rateCI(1, 2, { level: 95 }); } catch (e) { out.push(e instanceof esm.InputError, esm.isInputError(e)); }
  try { esm.rateCI(1, 2, { level: 95 }); } catch (e) { out.push(e instanceof cjs.InputError, cjs.isInputError(e)); }
  if (out.length !== 4 || !out.every(Boolean)) {
    console.error(`InputError across builds: FAILED ${JSON.stringify(out)}`);
    process.exit(1);
  }
  console.log('InputError across the CommonJS and ESM builds: recognised both ways');
});
