import * as z from 'zod/mini';

/**
 * The option schemas every model on rows shares: a column name, a list of terms (column names or
 * interactions `'a:b'`), and `levels` (column name to its factor levels, first the reference).
 * @internal
 */
export const columnName = /* @__PURE__ */ (() => z.string({ error: 'a column name (a string)' }).check((ctx) => {
  if (ctx.value === '') ctx.issues.push({ code: 'custom', input: ctx.value, message: 'a column name (a non-empty string)' });
}))();

/** Column names or interactions `'a:b'`, default none. @internal */
export const termList = /* @__PURE__ */ (() => z._default(z.array(columnName, { error: "an array of column names or interactions 'a:b'" }), []))();

/** `levels`: column name to level names, default `{}`. @internal */
export const levelsOption = /* @__PURE__ */ (() => z._default(z
  .record(z.string(), z.array(z.string(), { error: 'an array of level names (strings)' }), { error: 'an object of column name to level names' }), {}))();
