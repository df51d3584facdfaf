import { describe, expect, it } from 'vitest';
import { darkFigure, districtModel, districtRows } from '../../examples/local-prevalence';
import { recordedByCategory, trueCounts, victimsWith, lewisham2017 } from '../../examples/misrecorded';

describe('examples/local-prevalence.ts: Fay-Herriot district prevalence into localEstimates', () => {
  const fit = districtModel();
  it('fits the 16 surveyed districts and gives the 2 unsurveyed their synthetic estimate, inside [0, 1]', () => {
    expect(fit.inSample).toBe(16);
    const unsurveyed = fit.areas.filter((a) => a.direct === null);
    expect(unsurveyed.map((a) => a.area)).toEqual(['South Holland', 'West Lindsey']);
    for (const a of unsurveyed) expect(a.shrinkage).toBe(0);
    for (const a of fit.areas) {
      expect(a.estimate.lower).toBeGreaterThanOrEqual(0);
      expect(a.estimate.upper).toBeLessThanOrEqual(1);
      expect(a.estimate.method).toBe('fay-herriot-arcsin');
    }
  });
  it("the dark figure per partnership starts from the partnership's own Fay-Herriot prevalence", () => {
    const dark = darkFigure(fit);
    expect(dark.areas).toHaveLength(8);
    const rows = new Map(districtRows().map((r) => [r.area, r]));
    const byArea = new Map(fit.areas.map((a) => [a.area, a]));
    for (const a of dark.areas) {
      expect(a.population).toBe(rows.get(a.area)!.people);
      expect(a.victims.value).toBeCloseTo(a.population * byArea.get(a.area)!.estimate.value, 6);
      expect(a.victims.lower).toBeLessThan(a.victims.value);
    }
    expect(dark.notes.join(' ')).toMatch(/10 areas not in this call \(ignored\)/);
  });
});

describe('examples/misrecorded.ts: stalking within the combined category', () => {
  it('splits the real total, reclassifies it, and the audit share raises the victims', () => {
    const recorded = recordedByCategory();
    expect(recorded.stalking + recorded.harassment + recorded.maliciousCommunications).toBe(lewisham2017);
    const t = trueCounts();
    expect(t.true.stalking.value).toBeGreaterThan(recorded.stalking);
    expect(t.recordedCorrectly.stalking).toEqual({ successes: 60, trials: 100 });
    const naive = victimsWith(1);
    const audited = victimsWith(t.recordedCorrectly.stalking);
    expect(audited.victims.value).toBeCloseTo(naive.victims.value / 0.6, 8);
  });
});
