import * as z from 'zod/mini';
import { atLeastOne } from '../core/atLeastOne';
import { countRecord } from '../core/countRecord';
import { ageBand, count } from '../core/schemas';
import { HINT } from '../core/validate';

/**
 * Zod schemas shared by the standardisation functions.
 * @internal
 */

const stringHint = (rule: string) => (iss: { input: unknown }) =>
  typeof iss.input === 'string' && iss.input.trim() !== '' && Number.isFinite(Number(iss.input))
    ? `${rule}${HINT}pass the number ${Number(iss.input)}, not a string`
    : rule;

/** A band's population, a finite number > 0; zero gets a hint instead of an infinite rate. */
export const bandPopulation = /* @__PURE__ */ (() => z.number({ error: stringHint('a finite number > 0') }).check((ctx) => {
  const x = ctx.value;
  if (x > 0) return;
  ctx.issues.push({
    code: 'custom',
    input: x,
    message:
      x === 0
        ? `a finite number > 0${HINT}a band with no population has no rate: merge it with a neighbouring band`
        : 'a finite number > 0',
  });
}))();

/** Rows of a standard population `{ age, population }` (population >= 0), at least one. */
export const standardRows = /* @__PURE__ */ (() => z
  .array(z.object({ age: ageBand, population: count }), { error: 'an array of rows { age, population }' })
  .check(atLeastOne('at least one row { age, population }')))();

/**
 * Persons by number of events: keys are whole numbers of events >= 1, values persons (>= 0).
 * the record parser (as zod's) drops an own key '__proto__' without an issue, so callers refuse one with
 * `refuseReservedKey` before validating (its path is then `...personsByEvents.__proto__`).
 */
export const personsByEvents = /* @__PURE__ */ (() => countRecord('an object of persons by number of events, such as { 1: 75, 2: 16, 3: 4 }')
  .check((ctx) => {
    for (const key of Object.keys(ctx.value)) {
      if (!/^[1-9]\d{0,8}$/.test(key))
        ctx.issues.push({
          code: 'custom',
          input: key,
          message: `a whole number of events >= 1 as the key${HINT}keys count events per person; values are persons`,
          path: [key],
        });
    }
  }))();
