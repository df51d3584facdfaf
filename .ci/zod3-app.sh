#!/usr/bin/env bash
# An app on zod 3 can use darkfigure (which validates with zod 4's tree-shakable zod/mini, declared as ^4.6.7):
# npm gives darkfigure its own zod 4 and the app keeps zod 3. Packs the package, installs it beside zod@3 in
# a fresh folder, and checks both work in ESM and CommonJS, including darkfigure's InputError messages.
# Needs the npm registry. Run after `npm run build`:  bash .ci/zod3-app.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
(cd "$root" && npm pack --silent --pack-destination "$dir" >/dev/null)
cd "$dir"
printf '{ "name": "zod3-app", "private": true, "type": "module" }\n' > package.json
npm install --silent --no-audit --no-fund zod@3 ./darkfigure-*.tgz >/dev/null
cat > check.mjs <<'JS'
import { z } from 'zod';
import { createRequire } from 'node:module';
import { rateCI, InputError } from 'darkfigure';
import { countModel } from 'darkfigure/models';
import { classBreaks, forestChart } from 'darkfigure/charts';
const require = createRequire(import.meta.url);
const appZod = require('zod/package.json').version;
if (!appZod.startsWith('3.')) throw new Error(`the app should have zod 3, has ${appZod}`);
const own = z.object({ n: z.number().int() }).parse({ n: 3 });
const r = rateCI(22, 755833);
if (Math.abs(r.value - 2.9106958812330195) > 1e-12) throw new Error('rateCI changed');
let message = '';
try { rateCI(22, 755833, { level: 95 }); } catch (e) { if (e instanceof InputError) message = e.message; }
if (!message.includes('did you mean 0.95?')) throw new Error(`unexpected error: ${message}`);
const fit = countModel([{ y: 3, g: 'a' }, { y: 9, g: 'b' }], { response: 'y', terms: ['g'] });
const cjs = require('darkfigure');
if (cjs.rateCI(22, 755833).value !== r.value) throw new Error('CommonJS differs');
const breaks = classBreaks([110.5, 136.9, 154.2, 393.9, 443.4, 509.8, 520.2, 685.3], { classes: 3 });
if (breaks.thresholds.join() !== '393.9,685.3') throw new Error(`classBreaks changed: ${breaks.thresholds}`);
const spec = forestChart([{ label: 'a', ...r }]);
if (JSON.stringify(require('darkfigure/charts').forestChart([{ label: 'a', ...r }])) !== JSON.stringify(spec)) throw new Error('CommonJS charts differ');
console.log(`zod 3 app: app zod ${appZod}, darkfigure with its own zod; rateCI ${r.value.toFixed(3)}, countModel ${fit.coefficients.length} coefficients, charts ${spec.layer.length} layers, InputError ok (${own.n})`);
JS
node check.mjs
