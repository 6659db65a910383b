import type { ErrorDetail } from '../../../platform/http/errors.js';
import type { RubricCriterion } from '../schema.js';
import { DEFAULT_RUBRIC } from './labels.js';

/**
 * Scoring by rubric (评分细则) and the aggregate of a panel's scores. Pure rules: the review
 * service, the ranking, the notice and the applicants' feedback all read them from here.
 *
 * The outlier rule, stated: with at least 5 submitted totals the highest and the lowest are
 * dropped and the rest averaged (trimmed mean); with fewer, the plain mean. The trimmed mean (or
 * the mean) is the application's score and decides the ranking. The spread (max − min) is shown
 * and flagged when it exceeds 20 points, so organisers look at a split panel before proposing.
 */
export const TRIM_FROM = 5;
export const WIDE_SPREAD = 20;

export type Rubric = readonly RubricCriterion[];
export type Scores = Record<string, number>;

/** A challenge's rubric; the default one when the challenge gave none. */
export const rubricOf = (stored: unknown): Rubric => (Array.isArray(stored) && stored.length ? (stored as RubricCriterion[]) : DEFAULT_RUBRIC);

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The weighted total on a 100-point scale: Σ weight × score / max, over the weights' sum (a
 * rubric's weights add up to 100; one that does not is scaled, so totals stay comparable).
 * A criterion not scored counts 0 (a draft's running total).
 */
export function weightedTotal(rubric: Rubric, scores: Scores): number {
  const weights = rubric.reduce((a, c) => a + c.weight, 0);
  if (!weights) return 0;
  const sum = rubric.reduce((a, c) => a + (c.weight * (scores[c.key] ?? 0)) / c.max, 0);
  return round2((sum * 100) / weights);
}

export interface ScoreInput { scores: Record<string, unknown>; criterionComments?: Record<string, unknown>; commentZh?: string | null }

/**
 * What is wrong with a reviewer's scores, each problem naming its field. A draft may leave
 * criteria and the comment empty; a submission needs every criterion scored and a comment.
 * A score is a number from 0 to the criterion's max, in steps of 0.5.
 */
export function scoreProblems(rubric: Rubric, input: ScoreInput, final: boolean): ErrorDetail[] {
  const p: ErrorDetail[] = [];
  const keys = new Set(rubric.map((c) => c.key));
  for (const k of Object.keys(input.scores ?? {})) if (!keys.has(k)) p.push({ path: `/scores/${k}`, message: '评分细则中没有此项（no such criterion in the rubric）' });
  for (const k of Object.keys(input.criterionComments ?? {})) if (!keys.has(k)) p.push({ path: `/criterionComments/${k}`, message: '评分细则中没有此项（no such criterion in the rubric）' });
  for (const c of rubric) {
    const v = input.scores?.[c.key];
    if (v === undefined || v === null) {
      if (final) p.push({ path: `/scores/${c.key}`, message: `「${c.nameZh}」未评分（${c.nameEn} is not scored）` });
      continue;
    }
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > c.max || Math.round(v * 2) !== v * 2)
      p.push({ path: `/scores/${c.key}`, message: `「${c.nameZh}」应为 0–${c.max} 的分数，最小单位 0.5（${c.nameEn}: a score from 0 to ${c.max}, in steps of 0.5）` });
  }
  if (final && !input.commentZh?.trim()) p.push({ path: '/commentZh', message: '提交评分须填写评审意见（a comment is required to submit）' });
  return p;
}

export interface Aggregate {
  /** Submitted totals. */
  n: number;
  mean: number | null;
  /** Null with fewer than TRIM_FROM totals. */
  trimmedMean: number | null;
  /** The score that ranks: the trimmed mean from TRIM_FROM totals on, else the mean. */
  score: number | null;
  rule: 'trimmedMean' | 'mean';
  min: number | null;
  max: number | null;
  /** Population standard deviation: the panel is all the scores there are, not a sample of them. */
  sd: number | null;
  spread: number | null;
  /** The spread exceeds WIDE_SPREAD points. */
  wideSpread: boolean;
}

const mean = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;

export function aggregate(totals: readonly number[]): Aggregate {
  const n = totals.length;
  const rule = n >= TRIM_FROM ? 'trimmedMean' : 'mean';
  if (!n) return { n, mean: null, trimmedMean: null, score: null, rule, min: null, max: null, sd: null, spread: null, wideSpread: false };
  const sorted = [...totals].sort((a, b) => a - b);
  const m = mean(sorted);
  const trimmed = n >= TRIM_FROM ? mean(sorted.slice(1, -1)) : null;
  const min = sorted[0];
  const max = sorted[n - 1];
  const sd = Math.sqrt(mean(sorted.map((x) => (x - m) ** 2)));
  const spread = round2(max - min);
  return {
    n, mean: round2(m), trimmedMean: trimmed === null ? null : round2(trimmed), score: round2(trimmed ?? m), rule,
    min, max, sd: round2(sd), spread, wideSpread: spread > WIDE_SPREAD,
  };
}

/** Per criterion, the mean of the submitted scores (feedback shows where an application lost points). */
export function criterionMeans(rubric: Rubric, panel: readonly Scores[]): Record<string, number | null> {
  return Object.fromEntries(rubric.map((c) => {
    const xs = panel.map((s) => s[c.key]).filter((x): x is number => typeof x === 'number');
    return [c.key, xs.length ? round2(mean(xs)) : null];
  }));
}

export interface Rankable { id: string; code: string; score: number | null; mean: number | null; n: number }

/**
 * The ranking of a challenge's applications: by score, highest first; equal scores then by the
 * plain mean, then share a rank (1, 2, 2, 4). Applications with no submitted score are not ranked
 * (rank null) and come last, by code.
 */
export function rankingOf<T extends Rankable>(rows: readonly T[]): (T & { rank: number | null })[] {
  const scored = rows.filter((r) => r.score !== null).sort((a, b) => b.score! - a.score! || (b.mean ?? 0) - (a.mean ?? 0) || a.code.localeCompare(b.code));
  const out: (T & { rank: number | null })[] = [];
  scored.forEach((r, i) => {
    const prev = out[i - 1];
    const tied = prev && prev.score === r.score && prev.mean === r.mean;
    out.push({ ...r, rank: tied ? prev.rank : i + 1 });
  });
  const unscored = rows.filter((r) => r.score === null).sort((a, b) => a.code.localeCompare(b.code));
  return [...out, ...unscored.map((r) => ({ ...r, rank: null }))];
}
