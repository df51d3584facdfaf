/**
 * localEstimates for every local authority in England and Wales at once: 330 synthetic areas x 38 strata
 * (19 five-year age bands '0-4'..'90+' x 2 sexes) x 10,000 Monte Carlo draws (target: under 1 second per call).
 * One operation is one whole call, validation included; ns/op / 1e6 is milliseconds per call.
 *
 *   npm run bench -- localEstimates
 *
 * Variants: the default binomial count noise (two Gamma draws per area and draw); no count noise (the victims
 * product and the percentile limits alone); and populations given as ONS-style single years of age
 * (330 x 182 rows, summed into the bands inside the call).
 */
import { localEstimates, type LocalEstimatesInput } from '../src/index';
import { defineBenchmarks } from './types';

const AREAS = 330;
const BANDS = Array.from({ length: 19 }, (_, i) => (i === 18 ? '90+' : `${5 * i}-${5 * i + 4}`));
const SEXES = ['female', 'male'] as const;

/** A small deterministic generator (not the library's) for the synthetic populations. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Age-sex prevalence with an (assumed) survey design: higher for women, peaking in the late teens. */
const prevalence = SEXES.flatMap((sex) =>
  BANDS.map((age, j) => ({
    sex,
    age,
    estimate: (sex === 'female' ? 0.06 : 0.03) * Math.exp(-(((j - 4) / 6) ** 2)) + 0.002,
    base: 300 + 40 * j,
    designFactor: 1.2,
  })),
);

function areas(singleYears: boolean): LocalEstimatesInput['areas'] {
  const next = lcg(330);
  return Array.from({ length: AREAS }, (_, i) => {
    const size = 0.3 + 2.5 * next(); // areas of about 20,000 to 200,000 people
    const population = singleYears
      ? SEXES.flatMap((sex) =>
          Array.from({ length: 91 }, (_, age) => ({ sex, age: age === 90 ? '90+' : age, population: Math.round(size * 900 * (1 - age / 110) * (0.8 + 0.4 * next())) })),
        )
      : SEXES.flatMap((sex) => BANDS.map((age, j) => ({ sex, age, population: Math.round(size * 4500 * (1 - j / 22) * (0.8 + 0.4 * next())) })));
    return { name: `E0${String(7_000_000 + i)}`, population, recorded: Math.round(100 + 1400 * next()) };
  });
}

const banded: LocalEstimatesInput = { areas: areas(false), prevalence, reporting: { estimate: 0.5, lower: 0.4, upper: 0.6 } };
const single: LocalEstimatesInput = { ...banded, areas: areas(true) };
const draws = 10_000;
let seed = 0;

export default defineBenchmarks([
  { name: 'localEstimates 330 areas x 38 strata x 1e4 draws, binomial count noise (default)', run: () => localEstimates(banded, { draws, seed: seed++ }) },
  { name: 'localEstimates 330 areas x 38 strata x 1e4 draws, no count noise', run: () => localEstimates(banded, { draws, seed: seed++, countNoise: 'none' }) },
  { name: 'localEstimates 330 areas x 38 strata x 1e4 draws, single-year population rows (60,060)', run: () => localEstimates(single, { draws, seed: seed++ }) },
]);
