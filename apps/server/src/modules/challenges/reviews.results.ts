import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { conflict, forbidden } from '../../platform/http/errors.js';
import type { ChallengeDeps } from './index.js';
import { mayRun } from './viewer.js';
import { aggregate, criterionMeans, rankingOf, rubricOf, type Aggregate, type Rubric } from './model/scoring.js';
import { notFoundApplication, notFoundChallenge } from './reviews.service.js';
import { challengeViewerOf } from './viewer.js';
import { rankingWorkbook } from './reviews.excel.js';

type Q = Kysely<DB> | Transaction<DB>;

/** Applications that were reviewed: eligible at the formal check, and what became of them. */
export const REVIEWED = ['eligible', 'proposed', 'awarded', 'unsuccessful'] as const;
/** Overseers (districts among them) read scores once the ranking is public in the notice. */
const SCORES_PUBLIC_FROM = ['notice', 'awarded', 'completed'];

export interface RankedApplication extends Aggregate {
  id: string; code: string; titleZh: string; status: string; leadOrganisationId: string; leadNameZh: string;
  /** Reviewers on it (assigned or submitted) and those who submitted. */
  reviewers: number; submitted: number;
  /** The submitted totals, highest first, without names. */
  totals: number[];
  criterionMeans: Record<string, number | null>;
  rank: number | null;
}

/** Every reviewed application of a challenge with its aggregate, ranked (model/scoring.ts states the rule). */
export async function rankingOfChallenge(q: Q, challenge: { id: string; rubric: unknown }): Promise<{ rubric: Rubric; items: RankedApplication[] }> {
  const rubric = rubricOf(challenge.rubric);
  const apps = await q.selectFrom('application as a').innerJoin('organisation as o', 'o.id', 'a.leadOrganisationId')
    .select(['a.id', 'a.code', 'a.titleZh', 'a.status', 'a.leadOrganisationId', 'o.nameZh as leadNameZh'])
    .where('a.challengeId', '=', challenge.id).where('a.status', 'in', [...REVIEWED]).execute();
  const rows = await q.selectFrom('reviewAssignment').select(['applicationId', 'status', 'scores', 'total'])
    .where('challengeId', '=', challenge.id).where('status', 'in', ['assigned', 'submitted']).execute();
  const items = apps.map((a) => {
    const mine = rows.filter((r) => r.applicationId === a.id);
    const done = mine.filter((r) => r.status === 'submitted' && r.total !== null);
    const totals = done.map((r) => r.total!).sort((x, y) => y - x);
    return {
      ...a, ...aggregate(totals), reviewers: mine.length, submitted: done.length, totals,
      criterionMeans: criterionMeans(rubric, done.map((r) => r.scores)),
    };
  });
  return { rubric, items: rankingOf(items) };
}

/** The aggregate's rule in words (model/scoring.ts holds it as code). */
const RANKING_RULE = {
  zh: '5 份及以上评分去掉一个最高分和一个最低分后取平均（截尾均值），不足 5 份取平均；极差超过 20 分标注',
  en: 'With 5 or more scores, the highest and the lowest are dropped and the rest averaged (trimmed mean); with fewer, the mean; a spread above 20 points is flagged',
};

/**
 * The aggregate and the ranking (organisers at any time; overseers once the notice is out), and
 * each applicant's feedback after the award: its scores per criterion and in total, the trimmed
 * mean, its rank and the reviewers' comments — never the reviewers' names.
 */
export function reviewResultsService(database: Database, d: ChallengeDeps) {
  const { db } = database;
  void d;

  const service = {
    async ranking(ctx: Ctx, challengeId: string) {
      const v = await challengeViewerOf(db, ctx);
      const c = await db.selectFrom('challenge').selectAll().where('id', '=', challengeId).executeTakeFirst();
      if (!c || c.status === 'draft') throw notFoundChallenge();
      if (!mayRun(v, c) && !(v.overseer && SCORES_PUBLIC_FROM.includes(c.status)))
        throw forbidden('评审结果在公示前仅对组织单位开放', 'Until the notice, the review results are for the organisers only');
      const { rubric, items } = await rankingOfChallenge(db, c);
      return { challengeId: c.id, code: c.code, titleZh: c.titleZh, status: c.status, rubric, rule: RANKING_RULE, items };
    },

    /** The ranking as Excel, for whoever may read it. */
    async rankingExport(ctx: Ctx, challengeId: string) {
      const r = await service.ranking(ctx, challengeId);
      return { buffer: await rankingWorkbook(r, r.rubric, r.items, r.rule.zh), fileName: `${r.code}-评审排名.xlsx` };
    },

    /** An applicant's feedback: the lead's and the members' users, the organisers and overseers; anyone else 404. Only after the award. */
    async feedback(ctx: Ctx, applicationId: string) {
      const v = await challengeViewerOf(db, ctx);
      const a = await db.selectFrom('application').select(['id', 'code', 'titleZh', 'status', 'challengeId', 'leadOrganisationId']).where('id', '=', applicationId).executeTakeFirst();
      if (!a) throw notFoundApplication();
      const c = await db.selectFrom('challenge').selectAll().where('id', '=', a.challengeId).executeTakeFirstOrThrow();
      const member = !!v.organisationId && (a.leadOrganisationId === v.organisationId
        || !!(await db.selectFrom('applicationMember').select('organisationId').where('applicationId', '=', a.id).where('organisationId', '=', v.organisationId).executeTakeFirst()));
      if (!member && !mayRun(v, c) && !v.overseer) throw notFoundApplication();
      if (a.status !== 'unsuccessful' && a.status !== 'awarded')
        throw conflict('评审意见在立项确定后反馈', 'Feedback is given once the awards are confirmed', [{ path: '/status', message: '尚未立项确定（not yet decided）' }]);
      const { rubric, items } = await rankingOfChallenge(db, c);
      const me = items.find((x) => x.id === a.id)!;
      const panel = await db.selectFrom('reviewAssignment').select(['scores', 'criterionComments', 'commentZh', 'total'])
        .where('applicationId', '=', a.id).where('status', '=', 'submitted').orderBy('total', 'desc').orderBy('id').execute();
      const { leadOrganisationId: _l, leadNameZh: _n, id: _i, ...score } = me;
      return {
        applicationId: a.id, challenge: { id: c.id, code: c.code, titleZh: c.titleZh },
        rubric, ...score, ranked: items.filter((x) => x.rank !== null).length,
        reviews: panel.map((p, i) => ({ reviewer: { zh: `评审专家 ${i + 1}`, en: `Reviewer ${i + 1}` }, scores: p.scores, criterionComments: p.criterionComments, total: p.total, commentZh: p.commentZh })),
      };
    },
  };
  return service;
}
