/**
 * The fixed battery of calls that .ci/browser/check.ts runs in Node and in headless Chromium against the
 * BUILT entry (dist/index.js), comparing every number bit for bit.
 *
 * EXTEND THIS TABLE when a public function is added: every function exported from dist must have cases
 * here (check.ts fails otherwise), and every `method` it accepts should appear. Seeded Monte Carlo
 * functions belong here too (pass the seed explicitly in some cases).
 *
 * A case that should throw an InputError says `throws: true`; its error name and message must then match.
 * `throws: 'maybe'` accepts either outcome (as long as both runtimes agree).
 */

export interface BatteryCase {
  /** Arguments, or a function building them from the library (e.g. to pass one function's result to another). */
  args: unknown[] | ((lib: Record<string, unknown>) => unknown[]);
  throws?: boolean | 'maybe';
}

/** Exports that are not functions to call (classes), so they need no cases. */
export const notCallable: readonly string[] = ['InputError'];

const levels = [undefined, 0.9, 0.999] as const;
const withLevel = <T extends Record<string, unknown>>(options: T, level: number | undefined) =>
  level === undefined ? options : { ...options, level };

const proportionMethods = ['wilson', 'clopper-pearson', 'jeffreys', 'agresti-coull', 'wald', 'logit'];
const proportionInputs: [number, number][] = [
  [27, 500],
  [0, 10],
  [10, 10],
  [1, 1],
  [3, 7],
  [12.5, 40.25],
  [999_999, 1_000_000],
  [1, 1e9],
];

const poissonMethods = ['exact', 'byar', 'normal'];
const poissonCounts = [0, 1, 5, 9, 10, 22, 179, 7706, 1e6, 2.5];

const rateMethods = ['auto', 'exact', 'byar'];
const rateInputs: [number, number][] = [
  [0, 755_833],
  [5, 10_000],
  [9, 10_000],
  [10, 10_000],
  [22, 755_833],
  [179, 669_338],
  [7706, 59_115_809],
];

const rateRatioMethods = ['exact', 'normal'];
const rateRatioInputs: [{ count: number; population: number }, { count: number; population: number }][] = [
  [{ count: 22, population: 755_833 }, { count: 179, population: 669_338 }],
  [{ count: 179, population: 669_338 }, { count: 22, population: 755_833 }],
  [{ count: 0, population: 1000 }, { count: 5, population: 1000 }],
  [{ count: 5, population: 1000 }, { count: 0, population: 1000 }],
  [{ count: 239, population: 1 }, { count: 152, population: 1 }],
];

const multinomialMethods = ['sison-glaz', 'goodman', 'quesenberry-hurst', 'wilson'];
const multinomialInputs: Record<string, number>[] = [
  { 'ex-partner': 45, acquaintance: 22, stranger: 10, colleague: 5, family: 4, other: 14 },
  { a: 0, b: 10, c: 90 },
  { a: 1, b: 1 },
  { a: 300, b: 200, c: 100, d: 50, e: 25, f: 10, g: 5, h: 1 },
];

function grid<I>(inputs: I[], methods: string[], toArgs: (input: I, options: Record<string, unknown>) => unknown[]): BatteryCase[] {
  const out: BatteryCase[] = [];
  for (const input of inputs) {
    out.push({ args: toArgs(input, {}) }); // all defaults
    for (const method of methods) for (const level of levels) out.push({ args: toArgs(input, withLevel({ method }, level)) });
  }
  return out;
}

// Inputs for the survey, standardisation and incidence functions (small draws keep the run fast).
const standard4 = [
  { age: '15-24', population: 11500 },
  { age: '25-34', population: 12500 },
  { age: '35-44', population: 14000 },
  { age: '45-59', population: 20500 },
];
const dsrRows = [
  { age: '15-24', count: 41, population: 9800 },
  { age: '25-34', count: 35, population: 11200 },
  { age: '35-44', count: 22, population: 10400 },
  { age: '45-59', count: 14, population: 15600 },
];
const repeatRows = [
  { age: '15-24', personsByEvents: { 1: 25, 2: 5, 3: 2 }, population: 9800 },
  { age: '25-34', personsByEvents: { 1: 20, 2: 6, 3: 1 }, population: 11200 },
  { age: '35-44', personsByEvents: { 1: 14, 2: 4 }, population: 10400 },
  { age: '45-59', personsByEvents: { 1: 10, 2: 2 }, population: 15600 },
];
const esp19Rows = Array.from({ length: 19 }, (_, i) => ({
  age: i === 18 ? '90+' : `${5 * i}-${5 * i + 4}`,
  count: (i * 7) % 23,
  population: 20000 + 1000 * i,
}));
const surveyInputs: Record<string, number>[] = [
  { estimate: 0.049, base: 11500, designFactor: 1.2 },
  { estimate: 0.049, base: 11500, designEffect: 1.44 },
  { estimate: 0.024, standardError: 0.002 },
  { estimate: 0.103, effectiveBase: 800 },
  { estimate: 0.072, lower: 0.06, upper: 0.085 },
  { estimate: 0, base: 500 },
  { estimate: 1, base: 500 },
];
const singleYears = (sex: string, base: number) =>
  Array.from({ length: 44 }, (_, i) => ({ sex, age: 16 + i, population: base + 997 * i }));
const population16to59 = [...singleYears('female', 380_000), ...singleYears('male', 385_000)];
const prevalence = [
  { sex: 'female', age: '16-19', estimate: 0.103, base: 900, designFactor: 1.2 },
  { sex: 'female', age: '20-59', estimate: 0.045, base: 10600, designFactor: 1.2 },
  { sex: 'male', age: '16-59', estimate: 0.024, standardError: 0.002 },
];
const recordedFOI = { count: 7706, from: '2013-04-01', to: '2016-02-04' };
const probabilityForms: unknown[] = [
  0.05,
  { successes: 100, trials: 2000 },
  { estimate: 0.05, base: 2000, designFactor: 1.3 },
  { estimate: 0.05, effectiveBase: 1500 },
  { estimate: 0.05, standardError: 0.006 },
  { estimate: 0.05, lower: 0.04, upper: 0.06 },
  { alpha: 50.5, beta: 950.5 },
  { value: 0.05, lower: 0.04, upper: 0.062, level: 0.95, method: 'wilson' },
];
const mc = { draws: 2000, seed: 7 };
const hidden = (extra: Record<string, unknown> = {}) => ({
  recorded: recordedFOI,
  reporting: { successes: 150, trials: 300 },
  recording: { successes: 100, trials: 2000 },
  ...extra,
});
const relationship = { exPartner: 45, acquaintance: 22, stranger: 10, colleague: 5, family: 4 };

/** Cases per public function, by export name. */
export const battery: Record<string, BatteryCase[]> = {
  proportionCI: [
    ...grid(proportionInputs, proportionMethods, ([x, n], o) => [x, n, o]),
    { args: [27, 500, { level: 95 }], throws: true },
    { args: [501, 500], throws: true },
  ],
  poissonCI: [...grid(poissonCounts, poissonMethods, (x, o) => [x, o]), { args: [-1], throws: true }],
  rateCI: [
    ...grid(rateInputs, rateMethods, ([x, p], o) => [x, p, o]),
    { args: [22, 755_833, { per: 1000 }] },
    { args: [22, 0], throws: true },
  ],
  rateRatioCI: [
    ...grid(rateRatioInputs, rateRatioMethods, ([a, b], o) => [a, b, o]),
    { args: [{ count: 0, population: 1000 }, { count: 0, population: 1000 }], throws: 'maybe' },
  ],
  multinomialCI: [...grid(multinomialInputs, multinomialMethods, (counts, o) => [counts, o])],
  surveyProportion: [
    ...grid(surveyInputs, ['logit', 'korn-graubard', 'wilson', 'wald'], (input, o) => [input, o]),
    { args: [{ estimate: 4.9, base: 11500 }], throws: true },
  ],
  expectedVictims: [
    { args: [prevalence, population16to59] },
    { args: [prevalence, population16to59, { level: 0.9 }] },
    { args: [[{ sex: 'female', age: '16-24', estimate: 0.08, base: 900 }], population16to59], throws: 'maybe' },
  ],
  standardisedRate: [
    { args: [dsrRows, { standard: standard4 }] },
    { args: [dsrRows, { standard: standard4, per: 1000, level: 0.99 }] },
    { args: [repeatRows, { standard: standard4 }] },
    { args: [esp19Rows] },
    { args: [esp19Rows, { level: 0.998 }] },
  ],
  standardisedRatio: [
    ...grid([[91, 835.88356123117433], [9, 835.88356123117433], [0, 4.875], [3, 4.875]] as [number, number][],
      ['auto', 'exact', 'byar'], ([o, e], opts) => [o, e, opts]),
  ],
  expectedCount: [
    {
      args: [
        [{ age: '16-24', population: 12000 }, { age: '25-59', population: 41000 }],
        [{ age: '16-24', count: 900, population: 6_000_000 }, { age: '25-59', count: 2100, population: 28_000_000 }],
      ],
    },
  ],
  hiddenIncidence: [
    { args: [hidden(), { method: 'delta' }] },
    { args: [hidden(), mc] },
    { args: [hidden(), { ...mc, level: 0.9 }] },
    { args: [hidden({ incidentsPerVictim: 1.4 }), mc] },
    { args: [hidden(), { draws: 1000, seed: 123, keepDraws: true }] },
    ...probabilityForms.flatMap((recording) => [
      { args: [hidden({ recording }), mc] },
      { args: [hidden({ recording }), { method: 'delta' }] },
    ]),
    { args: [{ recorded: 2700, reporting: 0.5, recording: { successes: 100, trials: 2000 } }] }, // default draws and seed
  ],
  impliedRecording: [
    ...[mc, { method: 'delta' }, { ...mc, keepDraws: true, draws: 500 }].map((o) => ({
      args: [
        {
          recorded: recordedFOI,
          victims: { estimate: 1_150_000, lower: 1_100_000, upper: 1_200_000 },
          reporting: { estimate: 0.5, standardError: 0.03 },
        },
        o,
      ],
    })),
    { args: [{ recorded: recordedFOI, victims: { estimate: 1_150_000, lower: 1_100_000, upper: 1_200_000 } }, mc] },
  ],
  relationshipShares: [
    ...grid([{ scale: 'percent', base: 400 }, { scale: 'count' }], multinomialMethods, (o, m) => [
      o.scale === 'count' ? { exPartner: 180, acquaintance: 88, stranger: 40, colleague: 20, family: 16, other: 56 } : relationship,
      { ...o, ...m },
    ]),
    { args: [{ a: 0.6, b: 0.6 }, { base: 100 }], throws: true },
  ],
  splitByShares: [
    {
      args: (lib) => [
        (lib.hiddenIncidence as (...a: unknown[]) => unknown)(hidden(), { draws: 1000, seed: 5, keepDraws: true }),
        relationship,
        { scale: 'percent', base: 400, quantity: 'unrecorded' },
      ],
    },
    { args: [{ value: 100_000, lower: 80_000, upper: 125_000, level: 0.95, method: 'x' }, relationship, { scale: 'percent', base: 400, ...mc }] },
    { args: [50_000, { a: 0.5, b: 0.3 }, mc] },
  ],
};

/**
 * Serialise a value with every number written exactly: `String(x)` round-trips doubles, and -0,
 * Infinity and NaN are kept (JSON alone would turn Infinity into null).
 */
export function encode(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number') return Object.is(v, -0) ? '#num:-0' : `#num:${String(v)}`;
    if (typeof v === 'bigint') return `#bigint:${String(v)}`;
    if (v === undefined) return '#undefined';
    return v;
  });
}

export interface BatteryOutcome {
  fn: string;
  index: number;
  args: string;
  ok: boolean;
  /** Encoded result, or the error's name and message. */
  outcome: string;
  /** Set when the case did not behave as declared (threw unexpectedly, or did not throw). */
  problem?: string;
}

export interface BatteryRun {
  outcomes: BatteryOutcome[];
  /** Functions with cases that dist does not export yet. */
  notInDist: string[];
  /** Functions dist exports that have no cases: a failure. */
  uncovered: string[];
}

/** Run every case against a module namespace (the built dist/index.js). */
export function runBattery(lib: Record<string, unknown>): BatteryRun {
  const outcomes: BatteryOutcome[] = [];
  const notInDist: string[] = [];
  for (const [fn, cases] of Object.entries(battery)) {
    const f = lib[fn];
    if (typeof f !== 'function') {
      notInDist.push(fn);
      continue;
    }
    cases.forEach((c, index) => {
      let callArgs: unknown[] = [];
      let args = '';
      try {
        callArgs = typeof c.args === 'function' ? c.args(lib) : c.args;
        args = encode(callArgs);
        if (args.length > 200) args = `${args.slice(0, 197)}...`;
        const frozenArgs = encode(callArgs);
        const result: unknown = (f as (...a: unknown[]) => unknown)(...callArgs);
        const o: BatteryOutcome = { fn, index, args, ok: true, outcome: encode(result) };
        if (c.throws === true) o.problem = 'expected an InputError, got a result';
        else if (o.outcome.includes('"#num:NaN"')) o.problem = 'returned NaN';
        else if (encode(callArgs) !== frozenArgs) o.problem = 'mutated its input';
        outcomes.push(o);
      } catch (error) {
        const e = error as { name?: unknown; message?: unknown };
        const o: BatteryOutcome = { fn, index, args, ok: false, outcome: encode({ name: e?.name, message: e?.message }) };
        if (c.throws === undefined || c.throws === false) o.problem = `threw unexpectedly: ${String(e?.message)}`;
        else if (e?.name !== 'InputError') o.problem = `threw ${String(e?.name)}, not InputError: ${String(e?.message)}`;
        outcomes.push(o);
      }
    });
  }
  const uncovered = Object.keys(lib)
    .filter((name) => typeof lib[name] === 'function' && !notCallable.includes(name) && !(name in battery))
    .sort();
  return { outcomes, notInDist, uncovered };
}
