import type { ErrorDetail } from '../../../platform/http/errors.js';
import { ASPECTS, ASSESSMENT_CODES, ASSESSMENTS, CONCLUSION_CODES, type Aspect, type Assessment, type Conclusion, type SubjectKind } from './labels.js';

/**
 * A reviewer's findings (评审意见) and how the body reads them together. Pure: what a complete
 * set of findings is for a subject, what recommendation it allows, and the summary per aspect.
 */

export interface Finding { aspect: string; assessment: string; noteZh?: string | null }
export interface ReviewInput { findings: Finding[]; recommendation: string; conditionsZh?: string | null; summaryZh: string }

const at = (path: string, zh: string, en: string): ErrorDetail => ({ path, message: `${zh}（${en}）` });
const blank = (s: unknown) => typeof s !== 'string' || !s.trim();

/** The aspects a reviewer assesses for this kind of subject, in the order they are shown. */
export const aspectsFor = (kind: SubjectKind): Aspect[] =>
  (Object.keys(ASPECTS) as Aspect[]).filter((a) => (ASPECTS[a].subjects as readonly SubjectKind[]).includes(kind));

/**
 * Every aspect of the subject assessed once (a risk that is not acceptable says why), and a
 * recommendation the findings allow: an unacceptable risk makes it not safe, a risk controllable
 * only under conditions cannot be plainly safe, and conditions are stated when there are any.
 */
export function reviewProblems(kind: SubjectKind, r: Partial<ReviewInput>): ErrorDetail[] {
  const p: ErrorDetail[] = [];
  const wanted = aspectsFor(kind);
  const findings = r.findings ?? [];
  const seen = new Set<string>();
  findings.forEach((f, n) => {
    if (!(wanted as string[]).includes(f.aspect)) p.push(at(`/findings/${n}/aspect`, `「${f.aspect}」不是本类评价对象的评价要点`, 'not an aspect of this kind of subject'));
    else if (seen.has(f.aspect)) p.push(at(`/findings/${n}/aspect`, `「${ASPECTS[f.aspect as Aspect].zh}」重复`, 'assessed twice'));
    seen.add(f.aspect);
    if (!(ASSESSMENT_CODES as readonly string[]).includes(f.assessment)) p.push(at(`/findings/${n}/assessment`, '评估结果不在可选范围内', 'not a known assessment'));
    else if ((f.assessment === 'controllable' || f.assessment === 'unacceptable') && blank(f.noteZh)) p.push(at(`/findings/${n}/noteZh`, `「${ASSESSMENTS[f.assessment].zh}」须说明依据`, 'say why'));
  });
  for (const a of wanted) if (!seen.has(a)) p.push(at('/findings', `缺少「${ASPECTS[a].zh}」的评估`, `${ASPECTS[a].en} is not assessed`));
  const rec = r.recommendation ?? '';
  if (!(CONCLUSION_CODES as readonly string[]).includes(rec)) p.push(at('/recommendation', '评审建议应为安全、附条件安全或不安全', 'the recommendation is safe, safe with conditions or not safe'));
  else {
    const has = (x: Assessment) => findings.some((f) => f.assessment === x);
    if (has('unacceptable') && rec !== 'notSafe') p.push(at('/recommendation', '存在不可接受的风险，建议应为不安全', 'an unacceptable risk makes the recommendation not safe'));
    else if (has('controllable') && rec === 'safe') p.push(at('/recommendation', '存在需条件控制的风险，建议应为附条件安全或不安全', 'a risk controllable under conditions cannot be plainly safe'));
    if (rec === 'safeWithConditions' && blank(r.conditionsZh)) p.push(at('/conditionsZh', '附条件安全须写明条件', 'state the conditions'));
  }
  if (blank(r.summaryZh)) p.push(at('/summaryZh', '综合意见必填', 'the summary is required'));
  return p;
}

export interface SubmittedReview { expertNameZh: string; findings: Finding[]; recommendation: Conclusion; conditionsZh: string | null; summaryZh: string | null }

export interface ReviewSummary {
  reviewers: number;
  recommendations: Record<Conclusion, number>;
  aspects: { aspect: Aspect; zh: string; en: string; counts: Record<Assessment, number>; notes: { expertNameZh: string; assessment: Assessment; noteZh: string }[] }[];
  conditions: { expertNameZh: string; conditionsZh: string }[];
}

/** The submitted reviews summarised per aspect (counts, and the reasons given) and per recommendation. */
export function summarise(kind: SubjectKind, reviews: readonly SubmittedReview[]): ReviewSummary {
  const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  const recommendations = zero(CONCLUSION_CODES);
  for (const r of reviews) recommendations[r.recommendation]++;
  const aspects = aspectsFor(kind).map((aspect) => {
    const counts = zero(ASSESSMENT_CODES);
    const notes: ReviewSummary['aspects'][number]['notes'] = [];
    for (const r of reviews) {
      const f = r.findings.find((x) => x.aspect === aspect);
      if (!f) continue;
      counts[f.assessment as Assessment]++;
      if (f.noteZh?.trim()) notes.push({ expertNameZh: r.expertNameZh, assessment: f.assessment as Assessment, noteZh: f.noteZh.trim() });
    }
    return { aspect, zh: ASPECTS[aspect].zh, en: ASPECTS[aspect].en, counts, notes };
  });
  const conditions = reviews.filter((r) => r.conditionsZh?.trim()).map((r) => ({ expertNameZh: r.expertNameZh, conditionsZh: r.conditionsZh!.trim() }));
  return { reviewers: reviews.length, recommendations, aspects, conditions };
}

/** What the applicant reads of the summary: the counts, without who said what. */
export const anonymousSummary = (s: ReviewSummary) => ({
  reviewers: s.reviewers, recommendations: s.recommendations,
  aspects: s.aspects.map(({ aspect, zh, en, counts }) => ({ aspect, zh, en, counts })),
});

