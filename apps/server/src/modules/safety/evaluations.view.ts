import type { StoredFileMeta } from '../../platform/files/files.js';
import { clockOf } from './model/clock.js';
import { mayOf } from './model/evaluations.js';
import { anonymousSummary, aspectsFor, summarise, type Finding, type ReviewSummary } from './model/findings.js';
import type { Conclusion } from './model/labels.js';
import type { EvaluationRow, PauseRow, ReviewRow } from './evaluations.store.js';

/**
 * What each reader sees of an evaluation. The public: the conclusion line only (subject,
 * applicant, conclusion, certificate, date), never the dossier or the findings. The applicant:
 * its application, the clock, the body's conclusion and the reviewers' findings as counts without
 * names. A reviewer: the dossier and its own review, not the others'. The body and overseers:
 * everything, each reviewer's findings included.
 */
export type Audience = 'body' | 'overseer' | 'applicant' | 'reviewer' | 'public';

const PUBLIC_KEYS = ['id', 'code', 'subjectKind', 'titleZh', 'applicantNameZh', 'track', 'conclusion', 'certificateNo', 'concludedOn'] as const;
const HIDDEN = ['tokens', 'isDemo', 'reviewSummary'] as const;
const CONTACT = ['contactNameZh', 'contactPhone', 'contactEmail'] as const;

export const publicView = (e: EvaluationRow) => Object.fromEntries(PUBLIC_KEYS.map((k) => [k, e[k]]));

/** A reviewer as the body sees it. */
export const reviewView = (r: ReviewRow) => ({
  id: r.id, expertId: r.expertId, expertCode: r.expertCode, expertNameZh: r.expertNameZh, expertOrganisationZh: r.expertOrganisationZh, expertTitleZh: r.expertTitleZh,
  status: r.status, source: r.source, fit: r.fit, shared: r.shared, assignedAt: r.assignedAt,
  findings: r.findings, recommendation: r.recommendation, conditionsZh: r.conditionsZh, summaryZh: r.summaryZh, submittedAt: r.submittedAt,
  endReasonZh: r.endReasonZh, endedAt: r.endedAt, replacedBy: r.replacedBy,
});

/** The submitted reviews summarised now: what the body concludes from. */
export const liveSummary = (e: EvaluationRow, reviews: readonly ReviewRow[]): ReviewSummary => summarise(e.subjectKind, reviews.filter((r) => r.status === 'submitted').map((r) => ({
  expertNameZh: r.expertNameZh, findings: (r.findings ?? []) as Finding[], recommendation: r.recommendation as Conclusion, conditionsZh: r.conditionsZh, summaryZh: r.summaryZh,
})));

export const clockFor = (e: EvaluationRow, pauses: readonly PauseRow[], today: string) => clockOf({ ...e, pauses }, today);

export interface Extras { pauses: readonly PauseRow[]; files?: readonly StoredFileMeta[]; reviews?: readonly ReviewRow[]; ownReview?: ReviewRow }

export function present(e: EvaluationRow, audience: Audience, today: string, x: Extras) {
  if (audience === 'public') return publicView(e);
  const out: Record<string, unknown> = { ...e };
  for (const k of HIDDEN) delete out[k];
  if (audience === 'reviewer') for (const k of CONTACT) delete out[k];
  out.aspects = aspectsFor(e.subjectKind);
  out.clock = clockFor(e, x.pauses, today);
  out.pauses = x.pauses.map(({ id, startedOn, endedOn, reasonZh, answerZh }) => ({ id, startedOn, endedOn, reasonZh, answerZh }));
  if (x.files) out.files = x.files;
  const inside = audience === 'body' || audience === 'overseer';
  if (inside && x.reviews) {
    out.reviews = x.reviews.map(reviewView);
    out.reviewSummary = e.reviewSummary ?? liveSummary(e, x.reviews);
  } else if (audience === 'applicant' && e.reviewSummary) out.reviewSummary = anonymousSummary(e.reviewSummary);
  if (audience === 'reviewer' && x.ownReview) out.myReview = reviewView(x.ownReview);
  out.audience = audience;
  out.may = mayOf(e, { applicant: audience === 'applicant', body: audience === 'body' });
  return out;
}
