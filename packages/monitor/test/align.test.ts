import { describe, expect, it } from 'vitest';
import { alignBatch, goldenBands, gridFor, gridSize, outsideBand, phaseDurations, type PhaseStart } from '../src/align.js';

const H = 3600_000;
const M = 60_000;

/** A batch whose variable grows linearly with time since the batch started. */
function batch(t0: number, phaseHours: number[], names = ['batch', 'fedBatch', 'harvest']) {
  const phases: PhaseStart[] = [];
  let t = t0;
  phaseHours.forEach((h, i) => { phases.push({ name: names[i], start: t }); t += h * H; });
  const end = t;
  const points: [number, number][] = [];
  for (let x = t0; x <= end; x += 10 * M) points.push([x, (x - t0) / H]);
  return { phases, end, series: { temperature: points.reverse() } };
}

describe('batch alignment', () => {
  it('measures time from each phase’s start, so phases of different lengths line up', () => {
    const a = batch(0, [10, 20, 2]);
    const b = batch(5 * H, [12, 18, 2]);
    const grid = gridFor([a, b], { step: H });
    // Median lengths: 11 h, 19 h, 2 h.
    expect(grid.map((g) => [g.name, g.offsets.length])).toEqual([['batch', 11], ['fedBatch', 19], ['harvest', 2]]);
    expect(gridSize(grid)).toBe(32);
    const al = alignBatch(a.phases, a.series, grid, { end: a.end });
    const bl = alignBatch(b.phases, b.series, grid, { end: b.end });
    // fedBatch's first point is the phase's start: 10 h into a, 12 h into b (readings given newest first).
    expect(al.rows[11][0]).toBeCloseTo(10);
    expect(bl.rows[11][0]).toBeCloseTo(12);
    expect(bl.at[11]).toBe(5 * H + 12 * H);
    // a's batch phase lasted 10 h: the grid's 11th hour of it is missing, not taken from fedBatch.
    expect(al.rows[10][0]).toBeNaN();
    expect(bl.rows[10][0]).toBeCloseTo(10);
  });

  it('interpolates between readings, leaves wide gaps and unreached phases missing', () => {
    const phases = [{ name: 'batch', start: 0 }, { name: 'fedBatch', start: 4 * H }];
    const series = { pH: [[0, 7], [H, 6], [3 * H, 5], [4 * H, 5]] as [number, number][] };
    const grid = [{ name: 'batch', offsets: [0, 30 * M, 2 * H] }, { name: 'fedBatch', offsets: [0, H] }, { name: 'harvest', offsets: [0] }];
    const r = alignBatch(phases, series, grid, { maxGap: H * 1.5, variables: ['pH', 'OD600'] });
    expect(r.variables).toEqual(['pH', 'OD600']);
    expect(r.rows.map((x) => x[0])).toEqual([7, 6.5, NaN, 5, NaN, NaN]);
    expect(r.rows.every((x) => Number.isNaN(x[1]))).toBe(true);
    expect(Number.isNaN(r.at[5])).toBe(true);
  });

  it('makes a band of mean ± k·σ over the batches with a value, and marks values outside it', () => {
    const grid = [{ name: 'p', offsets: [0, H] }];
    const mk = (v0: number, v1: number) => alignBatch([{ name: 'p', start: 0 }], { x: [[0, v0], [H, v1]] }, grid);
    const bands = goldenBands([mk(1, 10), mk(2, 10), mk(3, NaN)], { k: 2 });
    expect(bands[0].mean[0]).toBeCloseTo(2);
    expect(bands[0].sd[0]).toBeCloseTo(1);
    expect(bands[0].lower[0]).toBeCloseTo(0);
    expect(bands[0].upper[0]).toBeCloseTo(4);
    expect(bands[0].n).toEqual([3, 2]);
    expect(outsideBand([5, 10], bands[0])).toEqual([true, false]);
    expect(goldenBands([mk(1, 1)], { minBatches: 2 })[0].mean[0]).toBeNaN();
  });

  it('keeps the first start of a repeated phase and ignores phases of no length', () => {
    expect(phaseDurations([{ name: 'a', start: 0 }, { name: 'b', start: H }, { name: 'b', start: H }], 3 * H)).toEqual({ a: H, b: 2 * H });
  });
});
