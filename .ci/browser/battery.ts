/**
 * The fixed battery of calls that .ci/browser/check.ts runs in Node and in headless Chromium against the
 * BUILT entries (dist/index.js, dist/models/index.js, dist/charts/index.js), comparing every number bit for bit.
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
const listCounts = { '1000': 30, '0100': 25, '0010': 20, '0001': 22, '1100': 8, '1010': 6, '0110': 5, '1001': 4, '0101': 3, '0011': 7, '1110': 2, '1101': 1, '1011': 2, '0111': 1, '1111': 1 };

const countRows = [
  { area: 'a', year: '2015', count: 152, population: 171_644 },
  { area: 'a', year: '2016', count: 201, population: 172_100 },
  { area: 'a', year: '2017', count: 239, population: 172_600 },
  { area: 'b', year: '2015', count: 40, population: 95_300 },
  { area: 'b', year: '2016', count: 38, population: 95_900 },
  { area: 'b', year: '2017', count: 61, population: 96_100 },
  { area: 'c', year: '2015', count: 24, population: 69_900 },
  { area: 'c', year: '2016', count: 35, population: 70_200 },
  { area: 'c', year: '2017', count: 44, population: 70_500 },
];

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
// stalking and harassment recorded in 2017 by community safety partnership (mid-2018 populations), for the charts
const chartAreas = [
  { area: 'Lewisham', count: 1579, population: 303536 },
  { area: 'Dartford and Gravesham', count: 1481, population: 216094 },
  { area: 'Bromley', count: 1468, population: 331096 },
  { area: 'Greenwich', count: 1459, population: 286186 },
  { area: 'Bexley', count: 974, population: 247258 },
  { area: 'Wycombe', count: 239, population: 174641 },
  { area: 'South Bucks', count: 108, population: 70043 },
  { area: 'Chiltern', count: 106, population: 95927 },
];
const chartRates = chartAreas.map((a) => (a.count / a.population) * 100000);

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
  changeOverTime: [
    ...[undefined, 0.9, 0.95, 0.998].flatMap((level) =>
      (
        [
          [{ count: 152, from: '2015-01-01', to: '2015-12-31' }, { count: 239, from: '2017-01-01', to: '2017-12-31' }],
          [{ count: 239, days: 365 }, { count: 152, days: 366 }],
          [{ count: 7706, from: '2013-04-01', to: '2016-02-04' }, { count: 2700, days: 365 }],
          [{ count: 0, days: 30 }, { count: 4, days: 31 }],
          [{ count: 9, days: 30 }, { count: 0, days: 31 }],
          [{ count: 1, days: 365 }, { count: 100_000, days: 365 }],
          [{ count: 12.5, days: 40.25 }, { count: 3.2, days: 50 }],
        ] as const
      ).map(([before, after]) => ({ args: level === undefined ? [before, after] : [before, after, { level }] })),
    ),
    { args: [{ count: 239, from: '2017-01-01', to: '2017-12-31' }, { count: 152, from: '2015-01-01', to: '2015-12-31' }], throws: true },
    { args: [{ count: 5, from: '2015-01-01', to: '2015-12-31' }, { count: 6, from: '2015-06-01', to: '2016-05-31' }], throws: true },
    { args: [{ count: 0, days: 3 }, { count: 0, days: 3 }], throws: true },
  ],
  perDay: [
    ...[undefined, 0.9, 0.998].flatMap((level) =>
      (
        [
          [1579, { from: '2017-01-01', to: '2017-12-31' }],
          [974, { days: 365 }],
          [239, { from: '2016-01-01', to: '2016-12-31' }],
          [0, { days: 365 }],
          [1, { days: 1040 }],
          [7706, { from: '2013-04-01', to: '2016-02-04' }],
          [2.5, { days: 0.5 }],
        ] as const
      ).map(([count, period]) => ({ args: level === undefined ? [count, period] : [count, period, { level }] })),
    ),
    { args: [5, 365], throws: true },
  ],
  // funnel plots (helper FUNNEL): exact binomial / Poisson and Wilson limits, grids, overdispersion
  funnelLimits: [
    ...(
      [
        { type: 'proportion', target: 0.80642448, precision: [1, 2, 3, 50, 110000], method: 'wilson' },
        { type: 'proportion', target: 0.80642448, precision: [1, 2, 3, 50, 110000] },
        { type: 'proportion', target: 0.049, precision: [1, 20, 11500, 1e9], levels: [0.9, 0.95, 0.998, 0.999] },
        { type: 'proportion', target: 0.3, precision: { from: 1, to: 40, points: 30 } },
        { type: 'proportion', target: 0.8 },
        { type: 'rate', target: 20, precision: [1000, 100_000, 669_338, 59_115_809] },
        { type: 'rate', target: 2, precision: [10, 1000], per: 1000, levels: [0.99] },
        { type: 'rate', target: 3.0075 },
        { type: 'ratio', target: 1, precision: [0.01, 0.5, 1, 37.3, 1e4, 1e8] },
        { type: 'ratio', target: 1.3, precision: { from: 0.2, to: 8000, points: 25 } },
        { type: 'ratio', target: 1 },
      ] as const
    ).map((input) => ({ args: [input] })),
    { args: [{ type: 'proportion', target: 80.6 }], throws: true },
    { args: [{ type: 'proportion', target: 0.5, precision: [10, 12.5] }], throws: true },
    { args: [{ type: 'ratio', target: 1, method: 'wilson' }], throws: true },
  ],
  funnelPlot: [
    ...(['none', 'multiplicative', 'additive'] as const).flatMap((overdispersion) => [
      {
        args: [
          [
            { area: 'Lewisham', count: 1579, population: 303536 },
            { area: 'Bromley', count: 1468, population: 331096 },
            { area: 'Greenwich', count: 1459, population: 286186 },
            { area: 'Bexley', count: 974, population: 247258 },
            { area: 'Dartford and Gravesham', count: 1481, population: 216094 },
            { area: 'Wycombe', count: 239, population: 174641 },
            { area: 'Chiltern', count: 106, population: 95927 },
            { area: 'South Bucks', count: 108, population: 70043 },
          ],
          { overdispersion },
        ],
      },
      {
        args: [
          [100, 150, 180, 80, 120, 225].map((count, i) => ({ area: 'abcdef'[i], count, expected: [108, 112, 165, 95, 100, 220][i] })),
          { overdispersion, target: 1, trim: 0.05, precision: { from: 50, to: 300, points: 20 } },
        ],
      },
      {
        args: [
          [12, 45, 30, 88, 5, 61, 140, 23, 9, 70, 33, 51].map((count, i) => ({
            area: `Area ${i + 1}`,
            count,
            denominator: [40, 120, 95, 200, 30, 150, 310, 60, 41, 180, 70, 160][i],
          })),
          { overdispersion, levels: [0.9, 0.99] },
        ],
      },
      {
        args: [
          [
            { area: 'a', count: 35078.488, denominator: 41980 },
            { area: 'b', count: 24803.6256, denominator: 31824 },
            { area: 'c', count: 50050.7443, denominator: 61921 },
          ],
          { overdispersion, method: 'wilson' },
        ],
      },
    ]),
    { args: [[{ area: 'a', count: 0, population: 1000 }, { area: 'b', count: 0, population: 5000 }]] },
    { args: [[{ area: 'only', count: 12, population: 50000 }], { target: 20, overdispersion: 'additive' }] },
    { args: [[{ area: 'Lincolnshire', count: 22, population: 755833 }, { area: 'Bedfordshire', count: 179, population: 0 }]], throws: true },
    { args: [[{ area: 'Lincolnshire', count: 22, population: 755833 }, { area: 'Lincolnshire', count: 179, population: 669338 }]], throws: true },
    { args: [[{ count: 22, population: 755833 }]], throws: true },
    { args: [[{ area: 'Lincolnshire', count: 22.5, population: 755833 }]], throws: true },
  ],
  // local estimates (helper LOCAL): shared national prevalence, per-area count noise, funnel flags
  localEstimates: (() => {
    const band = (women: number, men: number) => [
      { sex: 'female', age: '16-59', population: women },
      { sex: 'male', age: '16-59', population: men },
    ];
    const csew = [
      { sex: 'female', age: '16-59', estimate: 0.049, base: 11500, designFactor: 1.2 },
      { sex: 'male', age: '16-59', estimate: 0.024, base: 9800, designFactor: 1.2 },
    ];
    const foi = (count: number) => ({ count, from: '2013-04-01', to: '2016-02-04' });
    const two = [
      { name: 'Lincolnshire', population: band(205_000, 208_000), recorded: foi(22) },
      { name: 'Bedfordshire', population: band(198_000, 201_000), recorded: foi(179) },
    ];
    const years = (scale: number) =>
      ['female', 'male'].flatMap((sex) => Array.from({ length: 60 }, (_, age) => ({ sex, age, population: Math.round(scale * (1000 + 37 * ((age * 7) % 13))) })));
    const bands = [
      { sex: 'female', age: '16-24', estimate: 0.09, effectiveBase: 900 },
      { sex: 'female', age: '25-59', estimate: 0.04, standardError: 0.003 },
      { sex: 'male', age: '16-24', estimate: 0.04, lower: 0.03, upper: 0.05 },
      { sex: 'male', age: '25-59', estimate: 0.02, base: 4000 },
    ];
    const five = [1, 2.5, 0.7, 1.8, 4].map((scale, i) => ({
      name: `area ${i}`,
      code: `E0700000${i}`,
      population: years(scale),
      recorded: i === 2 ? { count: 40, days: 730.5 } : 150 + 90 * i,
    }));
    const reporting = { estimate: 0.5, lower: 0.4, upper: 0.6 };
    return [
      { args: [{ areas: two, prevalence: csew, reporting }] }, // defaults: 10,000 draws, seed 42
      { args: [{ areas: five, prevalence: bands, reporting, populationYear: 2018 }, { draws: 2000, seed: 3, level: 0.9 }] },
      { args: [{ areas: five, prevalence: bands, reporting, recording: { successes: 40, trials: 800 }, incidentsPerVictim: { estimate: 1.3, standardError: 0.1 } }, { draws: 1001, countNoise: 'poisson' }] },
      { args: [{ areas: five, prevalence: bands, reporting: 0.5 }, { draws: 1000, countNoise: 'none', target: 0.01, overdispersion: 'additive' }] },
      { args: [{ areas: five, prevalence: bands, reporting }, { draws: 1000, seed: -7, overdispersion: 'multiplicative', level: 0.998 }] },
      // each area's own prevalence (a fayHerriot-shaped result, a record), and a missing area
      {
        args: [
          {
            areas: five,
            prevalence: { byArea: { areas: five.map((a, i) => ({ area: a.name, estimate: { value: 0.03 + 0.004 * i, lower: 0.02 + 0.004 * i, upper: 0.04 + 0.004 * i, level: 0.95, method: 'fay-herriot', standardError: 0.0051 } })) }, age: '16-59' },
            reporting,
          },
          { draws: 2000, seed: 9 },
        ],
      },
      { args: [{ areas: five, prevalence: { byArea: Object.fromEntries(five.map((a, i) => [a.name, { estimate: 0.05, standardError: 0.002 + 0.001 * i }])), age: '16-24', sex: 'female' }, reporting }, { draws: 1000 }] },
      { args: [{ areas: five, prevalence: { byArea: { 'area 0': 0.05 }, age: '16-59' }, reporting }], throws: true },
      { args: [{ areas: [two[0], { ...two[1], name: 'Lincolnshire' }], prevalence: csew, reporting }], throws: true },
      { args: [{ areas: [two[0], { ...two[1], recorded: 17.5 }], prevalence: csew, reporting }], throws: true },
      { args: [{ areas: [two[0], { ...two[1], population: band(0, 0) }], prevalence: csew, reporting }], throws: true },
      { args: [{ areas: [two[0], { population: band(1, 1), recorded: 3 }], prevalence: csew, reporting }], throws: true },
    ] as BatteryCase[];
  })(),
  // darkfigure/models (merged into the library object by check.ts)
  countModel: [
    { args: [countRows, { response: 'count', exposure: 'population', terms: ['area', 'year'] }] },
    { args: [countRows, { response: 'count', exposure: 'population', terms: ['area', 'year'], family: 'quasipoisson', level: 0.9 }] },
    { args: [countRows, { response: 'count', exposure: 'population', terms: ['area', 'year'], family: 'negative-binomial' }] },
    { args: [countRows, { response: 'count', exposure: 'population', terms: ['area'], interval: 'profile' }] },
    { args: [countRows, { response: 'count', terms: ['area', 'year', 'area:year'] }] },
    { args: [countRows, { response: 'count', terms: ['nowhere'] }], throws: true },
  ],
  predictCounts: [
    {
      args: (lib) => [
        (lib.countModel as (...a: unknown[]) => unknown)(countRows, { response: 'count', exposure: 'population', terms: ['area', 'year'], family: 'negative-binomial' }),
        [{ area: 'b', year: '2017', population: 1000 }],
      ],
    },
    {
      args: (lib) => [
        (lib.countModel as (...a: unknown[]) => unknown)(countRows, { response: 'count', exposure: 'population', terms: ['area'] }),
        [{ area: 'a' }],
        { per: 100000 },
      ],
    },
  ],
  toRows: [
    { args: (lib) => [(lib.multinomialCI as (...a: unknown[]) => unknown)({ a: 45, b: 22, c: 10 })] },
    { args: (lib) => [(lib.countModel as (...a: unknown[]) => unknown)(countRows, { response: 'count', exposure: 'population', terms: ['area', 'year'] })] },
    { args: (lib) => [(lib.closedPopulation as (...a: unknown[]) => unknown)(listCounts)] },
    { args: (lib) => [(lib.roganGladen as (...a: unknown[]) => unknown)({ positives: 80, tested: 1000 }, { sensitivity: 0.9, specificity: 0.95 })] },
    { args: [3], throws: true },
  ],
  isInputError: [{ args: [new Error('x')] }, { args: [{ issues: [] }] }],
  formatInterval: [
    { args: (lib) => [(lib.proportionCI as (...a: unknown[]) => unknown)(27, 500), { percent: true }] },
    { args: (lib) => [(lib.rateCI as (...a: unknown[]) => unknown)(22, 755833), { per: 100000, digits: 4 }] },
    { args: [{ value: 1231114.38, lower: 1130000, upper: Infinity, level: 0.998, method: 'logit' }] },
    { args: [{ value: 1, lower: 0, upper: 2 }], throws: true },
  ],
  twoListEstimate: [
    { args: [{ both: 40, firstOnly: 160, secondOnly: 60 }] },
    { args: [{ both: 40, firstOnly: 160, secondOnly: 60 }, { method: 'lincoln-petersen', interval: 'wald', level: 0.9 }] },
    { args: [{ both: 0, firstOnly: 16, secondOnly: 6 }] },
    { args: [{ both: 0, firstOnly: 16, secondOnly: 6 }, { method: 'lincoln-petersen' }], throws: true },
  ],
  multipleSystems: [
    { args: [listCounts] },
    { args: [listCounts, { model: 'best', criterion: 'bic', interval: 'profile' }] },
    { args: [listCounts, { model: { interactions: [['A', 'B']] }, level: 0.9 }] },
    { args: [listCounts, { interval: 'bootstrap', draws: 60, seed: 3 }] },
    { args: [{ ...listCounts, '000': 3 }], throws: true },
  ],
  closedPopulation: [{ args: [listCounts] }, { args: [{ '10': 30, '01': 25, '11': 9 }] }],
  compareCountModels: [
    {
      args: (lib) => {
        const fit = lib.countModel as (...a: unknown[]) => unknown;
        return [fit(countRows, { response: 'count', terms: ['area'] }), fit(countRows, { response: 'count', terms: ['area', 'year'] })];
      },
    },
  ],
  fayHerriot: (() => {
    const areas = Array.from({ length: 24 }, (_, i) => ({
      area: `district ${i}`,
      y: i === 5 ? null : 0.03 + 0.002 * ((i * 7) % 11) + (i % 3 === 0 ? 0.006 : 0),
      v: i === 5 ? null : 0.00002 + 0.000004 * ((i * 5) % 7),
      n: 200 + 37 * ((i * 3) % 13),
      young: 0.14 + 0.004 * ((i * 5) % 9),
      region: ['north', 'south', 'london'][i % 3],
    }));
    return [
      { args: [areas, { response: 'y', variance: 'v', covariates: ['young', 'region'] }] },
      { args: [areas, { response: 'y', variance: 'v', covariates: ['young'], method: 'ml', level: 0.9 }] },
      { args: [areas, { response: 'y', variance: 'v', method: 'fh' }] },
      { args: [areas, { response: 'y', variance: 'v', effectiveSize: 'n', covariates: ['young'], transform: 'arcsin' }] },
      { args: [[...areas, { ...areas[0], v: -1 }], { response: 'y', variance: 'v' }], throws: true },
    ] as BatteryCase[];
  })(),
  reclassify: [
    {
      args: [
        { stalking: 2706, harassment: 52000, other: 30000 },
        { stalking: { stalking: 60, harassment: 35, other: 5 }, harassment: { stalking: 2, harassment: 180, other: 18 }, other: { stalking: 0, harassment: 6, other: 194 } },
        { draws: 5000, seed: 7 },
      ],
    },
    { args: [{ stalking: 63, harassment: 963 }, { stalking: { stalking: 0.6, harassment: 0.4 }, harassment: { stalking: 0.01, harassment: 0.99 } }] },
    { args: [{ stalking: 3, harassment: 963 }, { stalking: { stalking: 6, harassment: 4 }, harassment: { stalking: 2, harassment: 98 } }, { draws: 2000, prior: 'uniform', level: 0.9 }] },
    { args: [{ a: 10, b: 20 }, { a: { a: 5, b: 5 }, b: { a: 5, b: 5 } }], throws: true },
  ],
  roganGladen: [
    { args: [{ positives: 80, tested: 1000 }, { sensitivity: 0.9, specificity: 0.95 }] },
    { args: [{ positives: 80, tested: 1000 }, { sensitivity: 0.9, specificity: 0.95, method: 'blaker', level: 0.9 }] },
    { args: [{ positives: 20, tested: 1000 }, { sensitivity: 0.9, specificity: 0.95, method: 'clopper-pearson' }] },
    { args: [{ positives: 80, tested: 1000 }, { sensitivity: { successes: 90, trials: 100 }, specificity: { successes: 950, trials: 1000 }, draws: 5000 }] },
    { args: [{ positives: 80, tested: 1000 }, { sensitivity: 0.4, specificity: 0.5 }], throws: true },
  ],
  // darkfigure/charts (merged into the library object by check.ts): specifications built from results
  funnelChart: [
    ...(['none', 'multiplicative', 'additive'] as const).map((overdispersion) => ({
      args: (lib: Record<string, unknown>) => [(lib.funnelPlot as (...a: unknown[]) => unknown)(chartAreas, { overdispersion })],
    })),
    {
      args: (lib) => [
        (lib.funnelPlot as (...a: unknown[]) => unknown)([{ area: 'a', count: 27, denominator: 500 }, { area: 'b', count: 60, denominator: 520 }]),
        { labels: 'all', xScale: 'log', title: 'T', subtitle: 'S', width: 300, height: 'container' },
      ],
    },
    { args: [{ areas: [] }], throws: true },
    { args: (lib) => [(lib.funnelPlot as (...a: unknown[]) => unknown)(chartAreas), { labels: 'some' }], throws: true },
  ],
  forestChart: [
    { args: (lib) => [chartAreas.map((a) => ({ area: a.area, ...(lib.rateCI as (...x: unknown[]) => object)(a.count, a.population) })), { reference: 430 }] },
    { args: (lib) => [(lib.relationshipShares as (...a: unknown[]) => unknown)(relationship, { scale: 'percent', base: 400 }), { sort: 'ascending' }] },
    { args: [[{ label: 'a', value: 2, lower: 1, upper: Infinity }, { label: 'b', value: 1, lower: 0.5, upper: 2 }], { sort: 'none', percent: false }] },
    { args: [[{ value: 1, lower: 0, upper: 2 }]], throws: true },
    { args: [[]], throws: true },
  ],
  icebergChart: [
    { args: (lib) => [(lib.hiddenIncidence as (...a: unknown[]) => unknown)(hidden(), mc)] },
    { args: (lib) => [(lib.hiddenIncidence as (...a: unknown[]) => unknown)(hidden(), { method: 'delta' }), { stages: { victims: 'people stalked' } }] },
    { args: [{ victims: 1 }], throws: true },
  ],
  sharesChart: [
    { args: (lib) => [(lib.relationshipShares as (...a: unknown[]) => unknown)(relationship, { scale: 'percent', base: 400 })] },
    {
      args: (lib) => [
        (lib.splitByShares as (...a: unknown[]) => unknown)({ value: 100_000, lower: 80_000, upper: 125_000, level: 0.95, method: 'x' }, relationship, { scale: 'percent', base: 400, ...mc }),
        { sort: 'none', last: [] },
      ],
    },
    { args: [{}], throws: true },
  ],
  changeChart: [
    {
      args: (lib) => {
        const change = lib.changeOverTime as (...a: unknown[]) => unknown;
        return [
          {
            Wycombe: change({ count: 152, from: '2015-01-01', to: '2015-12-31' }, { count: 239, from: '2017-01-01', to: '2017-12-31' }),
            'South Bucks': change({ count: 70, from: '2015-01-01', to: '2015-12-31' }, { count: 108, from: '2017-01-01', to: '2017-12-31' }),
            Chiltern: change({ count: 59, from: '2015-01-01', to: '2015-12-31' }, { count: 106, from: '2017-01-01', to: '2017-12-31' }),
          },
        ];
      },
    },
    { args: (lib) => [(lib.changeOverTime as (...a: unknown[]) => unknown)({ count: 0, days: 30 }, { count: 4, days: 31 }), { periods: { before: 'first' } }] },
    { args: [{ ratio: 1 }], throws: true },
  ],
  classBreaks: [
    ...(['ckmeans', 'quantile', 'equal'] as const).flatMap((method) =>
      [1, 3, 5, 9].map((classes) => ({ args: [chartRates, { classes, method }] })),
    ),
    { args: [chartRates] },
    { args: [[3, 3, 7, 7, 7], { classes: 5 }] },
    { args: [[1, 1, 1, 1, 2, 3, 4, 5], { classes: 4, method: 'quantile' }] },
    { args: [[0.1, 1e-300, 5e-324, -2.5, 1e100], { classes: 3 }] },
    { args: [[1.7e308, -1.7e308, 1, 2], { classes: 2, method: 'equal' }] },
    { args: [[1e300, 5], { classes: 2 }], throws: true },
    { args: [[]], throws: true },
    { args: [[1, Number.NaN]], throws: true },
    { args: [[1, 2], { classes: 0 }], throws: true },
    { args: [[1, 2], { method: 'jenks' }], throws: true },
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
