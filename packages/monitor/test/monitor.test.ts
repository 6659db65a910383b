import { describe, expect, it } from 'vitest';
import {
  alarmPoints, alignBatch, componentsByRule, contributionsOf, fitMonitorModel, fitPca, gridFor, scoreAligned,
  alarmsOf, seriesOf, simulateBatch, speLimitBox, speLimitJacksonMudholkar, statisticsOf, t2Limit, topContributors,
  FAULT_DEFAULTS, FAULT_KINDS, SIM_VARIABLES, seededRandom,
} from '../src/index.js';

describe('the fermentation simulator', () => {
  it('gives the same batch for the same seed, phases in order and every variable at every sample', () => {
    const a = simulateBatch({ seed: 7 });
    const b = simulateBatch({ seed: 7 });
    expect(b.readings).toEqual(a.readings);
    expect(a.phases.map((p) => p.name)).toEqual(['batch', 'fedBatch', 'harvest']);
    expect(a.readings.length).toBe(a.hours.length * SIM_VARIABLES.length);
    expect(simulateBatch({ seed: 8 }).readings).not.toEqual(a.readings);
    // Biomass grows, the feed runs only in fed-batch, DO is held near its set point by agitation.
    const i = a.hours.findIndex((h) => h >= 80);
    expect(a.states[i].biomass).toBeGreaterThan(10 * a.states[0].biomass);
    expect(a.values[0][SIM_VARIABLES.indexOf('feedRate')]).toBe(0);
    expect(a.values[i][SIM_VARIABLES.indexOf('feedRate')]).toBeGreaterThan(0.1);
    expect(a.values[i][SIM_VARIABLES.indexOf('dissolvedOxygen')]).toBeGreaterThan(20);
  });

  it('changes nothing before a fault starts and the faulty variable after it', () => {
    const normal = simulateBatch({ seed: 3, noise: 0 });
    for (const kind of FAULT_KINDS) {
      const faulty = simulateBatch({ seed: 3, noise: 0, fault: { kind, startHour: 50 } });
      const before = normal.hours.findIndex((h) => h >= 49);
      expect(faulty.values.slice(0, before)).toEqual(normal.values.slice(0, before));
      const j = SIM_VARIABLES.indexOf(FAULT_DEFAULTS[kind].variable);
      const within = normal.hours.map((h, i) => i).filter((i) => normal.hours[i] >= 50 && normal.hours[i] <= 60);
      const largest = Math.max(...within.map((i) => Math.abs(faulty.values[i][j] - normal.values[i][j]) / Math.abs(normal.values[i][j])));
      expect(largest, kind).toBeGreaterThan(0.01);
    }
  });
});

describe('control limits', () => {
  it('T² limit from the F distribution (tables: F(0.95; 2, 10) = 4.103, F(0.99; 3, 100) = 3.984)', () => {
    expect(t2Limit(2, 12, 0.95)).toBeCloseTo(((2 * 143) / (12 * 10)) * 4.1028, 3);
    expect(t2Limit(3, 103, 0.99)).toBeCloseTo(((3 * (103 * 103 - 1)) / (103 * 100)) * 3.9837, 3);
    // Many observations: the limit tends to χ²(0.99; 3) = 11.345.
    expect(t2Limit(3, 1e6, 0.99)).toBeCloseTo(11.345, 2);
  });

  it('SPE limits: with equal residual eigenvalues SPE/λ is χ²(m); Box is then exact and Jackson–Mudholkar close', () => {
    // χ²(0.95; 5) = 11.070 (tables).
    expect(speLimitBox([2, 2, 2, 2, 2], 0.95)).toBeCloseTo(2 * 11.0705, 3);
    expect(speLimitJacksonMudholkar([2, 2, 2, 2, 2], 0.95) / (2 * 11.0705)).toBeCloseTo(1, 1);
    // Unequal eigenvalues: both hold on simulated residuals (Jackson–Mudholkar errs on the safe side here).
    const eig = [3, 1, 0.5, 0.2];
    const rand = seededRandom(1);
    const normal = () => Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
    const spe = Array.from({ length: 20000 }, () => eig.reduce((s, l) => s + l * normal() ** 2, 0));
    for (const limit of [speLimitJacksonMudholkar(eig, 0.99), speLimitBox(eig, 0.99)]) {
      const over = spe.filter((q) => q > limit).length / spe.length;
      expect(over).toBeGreaterThan(0.003);
      expect(over).toBeLessThan(0.015);
    }
  });
});

describe('PCA', () => {
  it('finds the known directions of a matrix and splits T² and SPE into contributions that add up', () => {
    // Points along (1, 1, 0)/√2 with a little spread along (1, −1, 0)/√2 and none along z.
    const rows = [[-2, -2, 0], [-1, -1, 0], [0, 0, 0], [1, 1, 0], [2, 2, 0], [0.1, -0.1, 0], [-0.1, 0.1, 0]];
    const pca = fitPca(rows, 1);
    expect(pca.eigenvalues[0]).toBeCloseTo(20 / 6, 6);
    expect(pca.eigenvalues[1]).toBeCloseTo(0.04 / 6, 6);
    expect(pca.eigenvalues[2]).toBeCloseTo(0, 9);
    expect(Math.abs(pca.loadings[0][0])).toBeCloseTo(Math.SQRT1_2, 6);
    expect(pca.loadings[0][0]).toBeCloseTo(pca.loadings[1][0], 6);
    const z = [1, 0, 2];
    const s = statisticsOf(pca, z);
    expect(s.t2).toBeCloseTo(0.5 / (20 / 6), 6);
    expect(s.spe).toBeCloseTo(0.5 + 4, 6);
    const c = contributionsOf(pca, z, s);
    expect(c.t2.reduce((a, b) => a + b, 0)).toBeCloseTo(s.t2, 9);
    expect(c.spe.reduce((a, b) => a + b, 0)).toBeCloseTo(s.spe, 9);
    expect(topContributors(['x', 'y', 'z'], c.spe, 1)[0].variable).toBe('z');
    expect(componentsByRule([5, 3, 1, 0.5, 0.5])).toBe(2);
  });
});

describe('the alarm rule', () => {
  it('fires once per run of k points above the limit', () => {
    const x = [true, false, true, true, true, true, true, false, true, true, false, true, true, true];
    expect(alarmPoints(x, { consecutive: 3 })).toEqual([4, 13]);
    expect(alarmPoints(x, { consecutive: 1 })).toEqual([0, 2, 8, 11]);
  });
});

describe('monitoring a batch against good batches', () => {
  const good = Array.from({ length: 8 }, (_, i) => seriesOf(simulateBatch({ seed: 100 + i })));
  const grid = gridFor(good, { step: 12 * 60_000 });
  const variables = [...SIM_VARIABLES];
  const model = fitMonitorModel(good.map((b) => alignBatch(b.phases, b.series, grid, { variables, end: b.end })), grid);
  const run = (fault: Parameters<typeof simulateBatch>[0]['fault']) => {
    const s = seriesOf(simulateBatch({ seed: 500, fault }));
    const aligned = alignBatch(s.phases, s.series, grid, { variables, end: s.end });
    const points = scoreAligned(model, aligned);
    return { points, aligned, start: s.phases[0].start, alarms: alarmsOf(model, points) };
  };

  it('fits with limits that the good batches themselves rarely exceed', () => {
    expect(model.pca.components).toBeGreaterThanOrEqual(1);
    expect(model.explained.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(model.trainingExceedance.t2).toBeLessThan(0.03);
    expect(model.trainingExceedance.spe).toBeLessThan(0.05);
  });

  it('raises no alarm on a normal batch, and an alarm after an agitator failure with agitation on top', () => {
    expect(run(null).alarms).toEqual([]);
    const f = run({ kind: 'agitatorFailure', startHour: 50 });
    expect(f.alarms.length).toBeGreaterThan(0);
    const first = f.alarms.sort((a, b) => a.at - b.at)[0];
    const p = f.points[first.at];
    const hour = (f.aligned.at[p.index] - f.start) / 3600e3;
    expect(hour).toBeGreaterThanOrEqual(50);
    expect(hour).toBeLessThan(53);
    expect(topContributors(variables, p.contributions[first.statistic], 1)[0].variable).toBe('agitation');
  });
});
