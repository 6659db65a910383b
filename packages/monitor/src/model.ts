import type { Aligned, Grid } from './align.js';
import { contributionsOf, fitPca, statisticsOf, type Pca } from './pca.js';
import { speLimitBox, speLimitJacksonMudholkar, t2Limit } from './limits.js';
import { alarmPoints, DEFAULT_RULE, type AlarmRule } from './alarm.js';

/**
 * A monitoring model of good batches (README: "Why observation-wise unfolding"). Each good batch
 * is aligned on a common grid (align.ts); at each grid point the good batches' mean and spread
 * are removed (the trajectory), and every remaining point of every batch is one observation of a
 * PCA over the variables. A running batch is scored point by point as its readings arrive: a
 * point needs only its own values and the model's mean and scale at that grid point, never the
 * future of the batch.
 */
export interface MonitorModel {
  variables: string[];
  grid: Grid;
  /**
   * Trajectory: `mean[k][j]` at grid point k (NaN where too few good batches reached it), and the
   * scale a new batch's deviation from it is divided by (the spread of a new observation).
   */
  mean: number[][];
  scale: number[][];
  pca: Pca;
  /** Each eigenvalue's share of the total variance, largest first. */
  explained: number[];
  batches: number;
  limits: { confidence: number; t2: number; spe: number; speMethod: SpeMethod };
  rule: AlarmRule;
  /** Share of the good batches' own points above each distribution's limit (before any raise to their own quantile). */
  trainingExceedance: { t2: number; spe: number };
}

export type SpeMethod = 'jacksonMudholkar' | 'box';

export interface FitOptions {
  /** Fixed number of components (default: componentsByRule). */
  components?: number;
  /** Confidence of the limits (default 0.99). */
  confidence?: number;
  speMethod?: SpeMethod;
  rule?: AlarmRule;
  /** Half-width, in grid points, of the window over which a point's spread is pooled (default 5). */
  window?: number;
  /** Fewest good batches that must have reached a grid point for it to be monitored (default 3). */
  minBatches?: number;
  /** Raise a limit to the good batches' own quantile where they exceed it too often (default true). */
  empirical?: boolean;
}

const quantile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
};

const isComplete = (row: readonly number[] | undefined): row is number[] => !!row && row.every((v) => Number.isFinite(v));

export function fitMonitorModel(aligned: readonly Aligned[], grid: Grid, options: FitOptions = {}): MonitorModel {
  if (aligned.length < 2) throw new RangeError('a model needs at least two good batches');
  const variables = aligned[0].variables;
  const J = variables.length;
  const K = aligned[0].rows.length;
  const minBatches = Math.max(2, options.minBatches ?? Math.min(3, aligned.length));
  const w = options.window ?? 5;
  const mean: number[][] = [];
  const variance: number[][] = [];
  const count: number[] = [];
  for (let k = 0; k < K; k++) {
    const rows = aligned.map((a) => a.rows[k]).filter(isComplete);
    count.push(rows.length);
    const m = variables.map((_, j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);
    mean.push(rows.length >= minBatches ? m : m.map(() => NaN));
    variance.push(variables.map((_, j) => rows.reduce((s, r) => s + (r[j] - m[j]) ** 2, 0)));
  }
  // A variable's overall spread, to floor a point's scale: a variable that never moved at one point
  // (a set point) must not turn a rounding difference into a huge deviation.
  const overall = variables.map((_, j) => {
    const xs = aligned.flatMap((a) => a.rows.map((r) => r[j])).filter(Number.isFinite);
    const m = xs.reduce((s, v) => s + v, 0) / Math.max(xs.length, 1);
    return Math.sqrt(xs.reduce((s, v) => s + (v - m) ** 2, 0) / Math.max(xs.length - 1, 1));
  });
  const scale = mean.map((m, k) => {
    if (!Number.isFinite(m[0])) return m.map(() => NaN);
    // Spread pooled over neighbouring points: a handful of batches per point is too few alone.
    let dof = 0;
    const ss = new Array<number>(J).fill(0);
    for (let q = Math.max(0, k - w); q <= Math.min(K - 1, k + w); q++) {
      if (count[q] < 2 || !Number.isFinite(mean[q][0])) continue;
      dof += count[q] - 1;
      for (let j = 0; j < J; j++) ss[j] += variance[q][j];
    }
    return ss.map((s, j) => Math.max(Math.sqrt(s / Math.max(dof, 1)), 1e-3 * overall[j], 1e-9));
  });
  // The mean at a point comes from the same n good batches it is taken from: their deviations
  // from it have variance σ²(1 − 1/n), a new batch's σ²(1 + 1/n). Both are brought to σ², so that
  // limits fitted on the good batches hold for new ones (with 5 batches the gap is 1.5×).
  const z: number[][] = [];
  for (const a of aligned) {
    for (let k = 0; k < K; k++) {
      const row = a.rows[k];
      if (!isComplete(row) || !Number.isFinite(mean[k][0])) continue;
      const shrink = Math.sqrt(1 - 1 / count[k]);
      z.push(row.map((v, j) => (v - mean[k][j]) / (scale[k][j] * shrink)));
    }
  }
  const predictive = scale.map((s, k) => s.map((x) => x * Math.sqrt(1 + 1 / Math.max(count[k], 1))));
  if (z.length <= J + 1) throw new RangeError('too few complete points in the good batches to fit a model');
  const pca = fitPca(z, options.components);
  const confidence = options.confidence ?? 0.99;
  const speMethod = options.speMethod ?? 'jacksonMudholkar';
  const residual = pca.eigenvalues.slice(pca.components);
  const limits = {
    confidence,
    t2: t2Limit(pca.components, z.length, confidence),
    spe: speMethod === 'box' ? speLimitBox(residual, confidence) : speLimitJacksonMudholkar(residual, confidence),
    speMethod,
  };
  const total = pca.eigenvalues.reduce((s, l) => s + l, 0);
  const training = z.map((row) => statisticsOf(pca, row));
  const exceed = (stat: 't2' | 'spe') => training.filter((s) => s[stat] > limits[stat]).length / z.length;
  const trainingExceedance = { t2: exceed('t2'), spe: exceed('spe') };
  // The distributions assume independent, normal points; a batch's points are neither quite. Where
  // the good batches themselves exceed a limit more often than its confidence allows, the limit
  // is raised to their own quantile (never lowered).
  if (options.empirical !== false) {
    for (const stat of ['t2', 'spe'] as const) {
      if (trainingExceedance[stat] > 1 - confidence) limits[stat] = Math.max(limits[stat], quantile(training.map((s) => s[stat]), confidence));
    }
  }
  return {
    variables, grid, mean, scale: predictive, pca,
    explained: pca.eigenvalues.map((l) => l / total),
    batches: aligned.length,
    limits,
    rule: options.rule ?? DEFAULT_RULE,
    trainingExceedance,
  };
}

export interface PointScore {
  /** Grid point. */
  index: number;
  t2: number;
  spe: number;
  scores: number[];
  contributions: { t2: number[]; spe: number[] };
}

/** Scores one observation (values in the model's variable order) at grid point `index`; null where the model has no trajectory or a value is missing. */
export function scorePoint(model: MonitorModel, index: number, values: readonly number[]): PointScore | null {
  const m = model.mean[index], s = model.scale[index];
  if (!m || !Number.isFinite(m[0]) || !isComplete(values as number[])) return null;
  const z = values.map((v, j) => (v - m[j]) / s[j]);
  const st = statisticsOf(model.pca, z);
  return { index, t2: st.t2, spe: st.spe, scores: st.scores, contributions: contributionsOf(model.pca, z, st) };
}

/** Scores every complete point of an aligned batch (same grid and variables as the model). */
export function scoreAligned(model: MonitorModel, aligned: Aligned): PointScore[] {
  const out: PointScore[] = [];
  aligned.rows.forEach((row, k) => { const p = scorePoint(model, k, row); if (p) out.push(p); });
  return out;
}

export type Statistic = 't2' | 'spe';

/** Where the alarm rule fires on a series of scored points (in grid order), for each statistic. */
export function alarmsOf(model: MonitorModel, points: readonly Pick<PointScore, 't2' | 'spe'>[]): { statistic: Statistic; at: number }[] {
  return (['t2', 'spe'] as const).flatMap((statistic) =>
    alarmPoints(points.map((p) => p[statistic] > model.limits[statistic]), model.rule).map((at) => ({ statistic, at })));
}

export interface Contributor { variable: string; value: number; share: number }

/**
 * The variables that contribute most to a statistic, largest first, with their share of the
 * positive contributions (T² contributions may be negative; those pull the other way and are left out).
 */
export function topContributors(variables: readonly string[], contributions: readonly number[], n = 3): Contributor[] {
  const positive = contributions.reduce((s, c) => s + Math.max(c, 0), 0);
  return contributions
    .map((value, j) => ({ variable: variables[j], value, share: positive > 0 ? Math.max(value, 0) / positive : 0 }))
    .sort((a, b) => b.value - a.value)
    .slice(0, n);
}
