import type { ErrorDetail } from '../../app/api';
import type { Aggregate, ReviewerApplication } from './api';
import { TRIM_FROM, WIDE_SPREAD, type RubricCriterion } from './labels';

/**
 * The pure rules of the reviewer's workbench and the ranking: the weighted total as the reviewer
 * types (the server's model/scoring.ts `weightedTotal`; the server computes the total it keeps),
 * what the scoring form refuses before sending, how an applicant is named (blind or not), and the
 * aggregate's rule in words.
 */

const round2 = (x: number) => Math.round(x * 100) / 100;
const msg = (zh: string, en: string) => `${zh}（${en}）`;

export type ScoreValues = Record<string, number | null | undefined>;

/** Σ weight × score / max over the weights' sum, on 100; a criterion not scored counts 0. */
export function weightedTotal(rubric: readonly RubricCriterion[], scores: ScoreValues): number {
  const weights = rubric.reduce((a, c) => a + c.weight, 0);
  if (!weights) return 0;
  const sum = rubric.reduce((a, c) => a + (c.weight * (scores[c.key] ?? 0)) / c.max, 0);
  return round2((sum * 100) / weights);
}

/** Criteria scored so far, of all. */
export const scoredCount = (rubric: readonly RubricCriterion[], scores: ScoreValues) => rubric.filter((c) => typeof scores[c.key] === 'number').length;

/** A draft may leave criteria empty; submitting needs every one scored (0–max, steps of 0.5) and a comment. */
export function scoreFormProblems(rubric: readonly RubricCriterion[], scores: ScoreValues, commentZh: string | null | undefined, final: boolean): ErrorDetail[] {
  const p: ErrorDetail[] = [];
  for (const c of rubric) {
    const v = scores[c.key];
    if (v === undefined || v === null) {
      if (final) p.push({ path: `/scores/${c.key}`, message: msg(`「${c.nameZh}」未评分`, `${c.nameEn} is not scored`) });
      continue;
    }
    if (!Number.isFinite(v) || v < 0 || v > c.max || Math.round(v * 2) !== v * 2)
      p.push({ path: `/scores/${c.key}`, message: msg(`「${c.nameZh}」应为 0–${c.max} 的分数，最小单位 0.5`, `a score from 0 to ${c.max}, in steps of 0.5`) });
  }
  if (final && !commentZh?.trim()) p.push({ path: '/commentZh', message: msg('提交评分须填写评审意见', 'a comment is required to submit') });
  return p;
}

/** The scores a form sends: only the criteria given. */
export const scoresBody = (rubric: readonly RubricCriterion[], scores: ScoreValues) =>
  Object.fromEntries(rubric.filter((c) => typeof scores[c.key] === 'number').map((c) => [c.key, scores[c.key] as number]));

/** How the reviewer's page names a party: its anonymous label where blind, else its name. */
export const partyName = (p: { label?: { zh: string; en: string }; nameZh?: string }, lang: 'zh' | 'en') =>
  p.label ? (lang === 'zh' ? p.label.zh : p.label.en) : p.nameZh ?? '—';

/** Every name the reviewer's page shows for the applicant's side (a blind page shows only labels). */
export function namesShown(a: ReviewerApplication): string[] {
  return [a.lead, ...a.members, ...a.people].map((x) => x.nameZh ?? x.label?.zh ?? '').filter(Boolean);
}

/** The aggregate in words: which rule applied and why. */
export function aggregateRule(a: Pick<Aggregate, 'n' | 'rule'>) {
  return a.rule === 'trimmedMean'
    ? { zh: `${a.n} 份评分，去掉最高、最低分后取平均`, en: `${a.n} scores: highest and lowest dropped, the rest averaged` }
    : { zh: `${a.n} 份评分（不足 ${TRIM_FROM} 份）取平均`, en: `${a.n} scores (fewer than ${TRIM_FROM}): the mean` };
}

/** A spread wide enough to look at before proposing (the server flags it; pages colour it). */
export const isWideSpread = (spread: number | null | undefined) => typeof spread === 'number' && spread > WIDE_SPREAD;
