import type { AgeBand } from '../../core/ageBand';
import { formatPath, type InputIssue } from '../../core/InputError';
import { matchPopulationBands, type BandTarget } from '../../core/populationBands';

/** A prevalence stratum: a sex and an age band. @internal */
export interface Stratum {
  sex: string;
  band: AgeBand;
}

/** An area's population rows, parsed. @internal */
export interface AreaRows {
  name: string;
  population: readonly { sex: string; age: AgeBand; population: number }[];
}

const overlaps = (a: AgeBand, b: AgeBand) => a.min <= b.max && b.min <= a.max;

/**
 * Prevalence strata that overlap (or repeat) within a sex: a total over them would count people twice.
 * One issue per offending row, at `prevalence[h].age`.
 * @internal
 */
export function overlappingStrata(strata: readonly Stratum[]): InputIssue[] {
  const issues: InputIssue[] = [];
  for (let h = 1; h < strata.length; h++) {
    for (let g = 0; g < h; g++) {
      const a = strata[g]!;
      const b = strata[h]!;
      if (a.sex !== b.sex || !overlaps(a.band, b.band)) continue;
      const same = a.band.min === b.band.min && a.band.max === b.band.max;
      issues.push({
        path: ['prevalence', h, 'age'],
        expected: `age bands that do not overlap for sex ${JSON.stringify(b.sex)}`,
        received: b.band.label,
        hint: same ? `the same band as prevalence[${g}]: give each band once` : `${b.band.label} overlaps ${a.band.label} (prevalence[${g}])`,
      });
      break;
    }
  }
  return issues;
}

/**
 * Each area's population in each prevalence stratum, once, as one Float64Array of areas x strata
 * (area i's strata at i x S .. i x S + S - 1), summing single years or bands into the strata as
 * `expectedVictims` does (`matchPopulationBands`). Problems are collected over all areas, with paths
 * `areas[i].population` (ages or a sex not covered) or `areas[i].population[r].age` (a row straddling a
 * band, duplicated rows); an area with no population in the strata is an issue too.
 * @internal
 */
export function areaStrata(areas: readonly AreaRows[], strata: readonly Stratum[]): { populations: Float64Array; issues: InputIssue[] } {
  const S = strata.length;
  const populations = new Float64Array(areas.length * S);
  const issues: InputIssue[] = [];
  for (let i = 0; i < areas.length; i++) {
    const area = areas[i]!;
    const areaPath = ['areas', i, 'population'];
    const targets: BandTarget[] = strata.map((s) => ({ group: s.sex, band: s.band, path: areaPath }));
    const rows = area.population.map((r, j) => ({ group: r.sex, band: r.age, path: ['areas', i, 'population', j] }));
    const match = matchPopulationBands(targets, rows, { groupField: 'sex', rowsName: 'population rows' });
    if (match.issues.length > 0) {
      for (const issue of match.issues) {
        // Issues about a stratum as a whole come back at areas[i].population.age / .sex: name the list itself.
        const aboutStratum = issue.path.length === areaPath.length + 1 && formatPath(issue.path.slice(0, -1)) === formatPath(areaPath);
        issues.push(aboutStratum ? { ...issue, path: [...areaPath] } : issue);
      }
      continue;
    }
    let total = 0;
    for (let s = 0; s < S; s++) {
      let sum = 0;
      for (const r of match.rowsByTarget[s]!) sum += area.population[r]!.population;
      populations[i * S + s] = sum;
      total += sum;
    }
    if (!(total > 0)) {
      issues.push({
        path: [...areaPath],
        expected: 'population rows whose sum over the prevalence strata is > 0',
        received: total,
        hint: `area ${JSON.stringify(area.name)} has no people in the strata ${strata.map((s) => `${s.sex} ${s.band.label}`).join(', ')}`,
      });
    }
  }
  return { populations, issues };
}
