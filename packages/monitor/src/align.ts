/**
 * Batch alignment (批次对齐): putting batches of one recipe on a common time axis so that their
 * trajectories can be averaged (the golden batch) or unfolded into a PCA model (monitoring).
 *
 * Batches differ in how long each phase lasts (a seed takes 9 h or 11 h to grow), so the axis is
 * not "time since the batch started" but, phase by phase, "time since this phase started": a
 * grid is a list of phases, each with offsets from its start. A batch is resampled onto the grid
 * by linear interpolation between its two readings around each grid instant. A grid instant the
 * batch has not reached, that lies past the phase's end in this batch (the next phase had begun),
 * or whose nearest readings are further apart than `maxGap`, is NaN: missing, never invented.
 *
 * All times are milliseconds: instants since the epoch, grid offsets since a phase's start.
 * Everything here is pure (no I/O), so the server, the benchmark and the monitor share it.
 */

/** When a phase began in one batch. Phases are in order; a batch ends at `end` (or its last reading). */
export interface PhaseStart { name: string; start: number }
/** One phase of a grid: offsets (ms) from the phase's start, ascending. */
export interface PhaseGrid { name: string; offsets: number[] }
export type Grid = PhaseGrid[];
/** A variable's readings, [instant ms, value], in any order (they are sorted here). */
export type Series = Record<string, ReadonlyArray<readonly [number, number]>>;

export interface AlignOptions {
  /** When the batch ended; the last phase runs until then. Default: its last reading. */
  end?: number;
  /** The widest gap between two readings to interpolate across (ms). Default one hour. */
  maxGap?: number;
}

/** A batch on a grid: `rows[i][j]` is variable j at grid point i (phase by phase); NaN if missing. */
export interface Aligned {
  variables: string[];
  rows: number[][];
  /** The batch's own instant of each grid point (NaN where its phase never started). */
  at: number[];
}

/** A variable's golden trajectory: mean ± k·σ at each grid point over the batches that have a value there. */
export interface Band {
  variable: string;
  mean: number[];
  sd: number[];
  lower: number[];
  upper: number[];
  /** How many batches had a value at each point; fewer than `minBatches` leaves the point NaN. */
  n: number[];
}

const DEFAULT_MAX_GAP = 3600_000;

export const gridSize = (grid: Grid) => grid.reduce((n, p) => n + p.offsets.length, 0);

/** The value of a sorted series at `t` by linear interpolation, NaN when no readings bracket it closely enough. */
function valueAt(s: ReadonlyArray<readonly [number, number]>, t: number, maxGap: number, from: number): { v: number; i: number } {
  let i = from;
  while (i < s.length && s[i][0] < t) i++;
  // s[i] is the first reading at or after t; s[i - 1] the last before it.
  if (i < s.length && s[i][0] === t) return { v: s[i][1], i };
  if (i === 0 || i === s.length) return { v: NaN, i };
  const [t0, v0] = s[i - 1];
  const [t1, v1] = s[i];
  if (t1 - t0 > maxGap) return { v: NaN, i };
  return { v: v0 + ((v1 - v0) * (t - t0)) / (t1 - t0), i };
}

const sortedSeries = (s: ReadonlyArray<readonly [number, number]>) => {
  for (let i = 1; i < s.length; i++) if (s[i][0] < s[i - 1][0]) return [...s].sort((a, b) => a[0] - b[0]);
  return s;
};

/**
 * Resamples one batch onto `grid` (see the file's comment). `variables` fixes the columns' order
 * (default: the series' own keys, sorted); a variable the batch lacks is a column of NaN.
 */
export function alignBatch(phases: readonly PhaseStart[], series: Series, grid: Grid, options: AlignOptions & { variables?: string[] } = {}): Aligned {
  const variables = options.variables ?? Object.keys(series).sort();
  const maxGap = options.maxGap ?? DEFAULT_MAX_GAP;
  const sorted = variables.map((v) => sortedSeries(series[v] ?? []));
  const lastReading = Math.max(-Infinity, ...sorted.map((s) => (s.length ? s[s.length - 1][0] : -Infinity)));
  const end = options.end ?? lastReading;
  const rows: number[][] = [];
  const at: number[] = [];
  const cursors = variables.map(() => 0);
  for (const g of grid) {
    const k = phases.findIndex((p) => p.name === g.name);
    const start = k >= 0 ? phases[k].start : NaN;
    const until = k >= 0 && k + 1 < phases.length ? phases[k + 1].start : end;
    for (const off of g.offsets) {
      const t = start + off;
      at.push(t);
      if (!(t < until || (t === until && k + 1 === phases.length)) || t > end) {
        rows.push(variables.map(() => NaN));
        continue;
      }
      rows.push(sorted.map((s, j) => {
        // Grid instants increase within a phase; each phase restarts the search from its own start.
        const found = valueAt(s, t, maxGap, off === g.offsets[0] ? 0 : cursors[j]);
        cursors[j] = Math.max(0, found.i - 1);
        return found.v;
      }));
    }
  }
  return { variables, rows, at };
}

/** How long each phase lasted in a batch: until the next phase began, the last until `end`. */
export function phaseDurations(phases: readonly PhaseStart[], end: number): Record<string, number> {
  const out: Record<string, number> = {};
  phases.forEach((p, i) => {
    const until = i + 1 < phases.length ? phases[i + 1].start : end;
    if (!(p.name in out) && until > p.start) out[p.name] = until - p.start;
  });
  return out;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * A common grid for batches: their phases in the order they run (as in the first batch that has
 * each), each as long as its median duration over the batches, with a point every `step` ms.
 * With no `step`, one is chosen (a whole number of minutes) to give about `points` points in all.
 */
export function gridFor(batches: ReadonlyArray<{ phases: readonly PhaseStart[]; end: number }>, options: { step?: number; points?: number } = {}): Grid {
  const names: string[] = [];
  const durations: Record<string, number[]> = {};
  for (const b of batches) {
    for (const [name, d] of Object.entries(phaseDurations(b.phases, b.end))) {
      if (!durations[name]) { durations[name] = []; names.push(name); }
      durations[name].push(d);
    }
  }
  const lengths = names.map((n) => median(durations[n]));
  const total = lengths.reduce((a, b) => a + b, 0);
  const step = options.step ?? Math.max(60_000, Math.ceil(total / (options.points ?? 240) / 60_000) * 60_000);
  return names.map((name, i) => ({ name, offsets: Array.from({ length: Math.max(1, Math.ceil(lengths[i] / step)) }, (_, j) => j * step) }));
}

/**
 * The golden band of aligned batches (same grid, same variables): at each point the mean and the
 * sample standard deviation over the batches with a value, and mean ± k·σ. Points with fewer
 * than `minBatches` values stay NaN.
 */
export function goldenBands(aligned: readonly Aligned[], options: { k?: number; minBatches?: number } = {}): Band[] {
  const k = options.k ?? 3;
  const minBatches = Math.max(2, options.minBatches ?? 2);
  if (aligned.length === 0) return [];
  const { variables } = aligned[0];
  const size = aligned[0].rows.length;
  return variables.map((variable, j) => {
    const band: Band = { variable, mean: [], sd: [], lower: [], upper: [], n: [] };
    for (let i = 0; i < size; i++) {
      const xs = aligned.map((a) => a.rows[i]?.[j]).filter((v): v is number => v !== undefined && !Number.isNaN(v));
      const n = xs.length;
      // Two passes: a fermenter's weight (tens of tonnes) varies by kilograms; sums of squares would lose that.
      const mean = n >= minBatches ? xs.reduce((a, b) => a + b, 0) / n : NaN;
      const sd = n >= minBatches ? Math.sqrt(xs.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1)) : NaN;
      band.mean.push(mean); band.sd.push(sd); band.lower.push(mean - k * sd); band.upper.push(mean + k * sd); band.n.push(n);
    }
    return band;
  });
}

/** Which of a batch's aligned values lie outside a band (a missing value or band point is not outside). */
export const outsideBand = (values: readonly number[], band: Pick<Band, 'lower' | 'upper'>) =>
  values.map((v, i) => !Number.isNaN(v) && !Number.isNaN(band.lower[i]) && (v < band.lower[i] || v > band.upper[i]));
