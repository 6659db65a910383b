import { sql } from 'kysely';
import { alignBatch, goldenBands, gridFor, outsideBand, type Grid, type PhaseStart, type Series } from '@cq-biomfg/monitor';
import type { Q } from './batches.store.js';
import type { BatchPhase } from './schema.js';
import type { StoredBand } from './schema.process.js';

/**
 * From stored batches to the monitor package's alignment and back: a batch's phases and series
 * as `alignBatch` reads them, the golden bands of several batches, and one batch against a band.
 */
export interface BatchShape { id: string; phases: BatchPhase[]; startedAt: Date | null; endedAt: Date | null }

export const phaseStarts = (phases: BatchPhase[]): PhaseStart[] => phases.map((p) => ({ name: p.name, start: Date.parse(p.startedAt) }));

/** Every reading of these batches, as series per batch (times in ms). */
export async function seriesOf(q: Q, batchIds: string[]): Promise<Map<string, Series>> {
  const out = new Map<string, Record<string, [number, number][]>>(batchIds.map((id) => [id, {}]));
  if (!batchIds.length) return out;
  const rows = await sql<{ batchId: string; variable: string; t: number; value: number }>`
    select batch_id, variable, extract(epoch from at) * 1000 as t, value from sensor_reading
    where batch_id = any(${batchIds}::uuid[]) order by batch_id, variable, at`.execute(q);
  for (const r of rows.rows) {
    const s = out.get(r.batchId)!;
    (s[r.variable] ??= []).push([Number(r.t), Number(r.value)]);
  }
  return out;
}

const endOf = (b: BatchShape, s: Series) => b.endedAt?.getTime() ?? Math.max(b.startedAt?.getTime() ?? 0, ...Object.values(s).map((x) => (x.length ? x[x.length - 1][0] : 0)));

/** The golden bands of good batches: a grid from their phases, each batch aligned, mean ± k·σ per variable. */
export function computeBands(batches: BatchShape[], series: Map<string, Series>, options: { k: number; stepMs?: number }) {
  const shaped = batches.map((b) => ({ b, phases: phaseStarts(b.phases), s: series.get(b.id) ?? {}, end: endOf(b, series.get(b.id) ?? {}) }));
  const grid = gridFor(shaped, { step: options.stepMs });
  const variables = [...new Set(shaped.flatMap((x) => Object.keys(x.s)))].sort();
  const aligned = shaped.map((x) => alignBatch(x.phases, x.s, grid, { end: x.end, variables }));
  const bands: Record<string, StoredBand> = {};
  for (const band of goldenBands(aligned, { k: options.k })) {
    // A variable no two batches share at any point has no band.
    if (band.n.some((n) => n >= 2)) bands[band.variable] = { mean: band.mean, sd: band.sd, lower: band.lower, upper: band.upper, n: band.n };
  }
  const stepMs = grid[0]?.offsets[1] ?? options.stepMs ?? 60_000;
  return { grid, bands, stepMs };
}

const num = (x: number | null) => (x === null ? NaN : x);

/**
 * One batch on a profile's grid: per variable, at each grid point the batch's own instant, the
 * band, the batch's aligned value and whether it lies outside. Points of phases the batch has
 * not reached have no instant; the current phase's later points carry the band ahead of the batch.
 */
export function compareToBand(b: BatchShape, s: Series, grid: Grid, bands: Record<string, StoredBand>, now: Date) {
  const variables = Object.keys(bands);
  const end = b.endedAt?.getTime() ?? now.getTime();
  const aligned = alignBatch(phaseStarts(b.phases), s, grid, { end, variables });
  const phaseOf = grid.flatMap((g) => g.offsets.map(() => g.name));
  return {
    at: aligned.at.map((t) => (Number.isNaN(t) ? null : t)),
    phase: phaseOf,
    variables: variables.map((v, j) => {
      const band = { lower: bands[v].lower.map(num), upper: bands[v].upper.map(num) };
      const values = aligned.rows.map((r) => r[j]);
      const outside = outsideBand(values, band);
      return {
        variable: v, mean: bands[v].mean, lower: bands[v].lower, upper: bands[v].upper,
        value: values.map((x) => (Number.isNaN(x) ? null : x)), outside, outsideCount: outside.filter(Boolean).length,
      };
    }),
  };
}
