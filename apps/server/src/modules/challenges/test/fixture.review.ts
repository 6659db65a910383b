import type { Harness, Client } from '../../../test/harness.js';
import type { Ctx } from '../../../platform/context/ctx.js';
import { ctxOf, unique, type ChallengePeople } from './fixture.js';

/**
 * What the review tests add to the core fixture: experts in the pool (talent's table, written
 * here as plain rows until a test needs the talent services), each with a signed-in account when
 * asked, and their declared conflicts and recorded collaborations; and the steps that score a
 * challenge's applications.
 */
export interface ExpertMade { id: string; nameZh: string; userId: string; ctx: Ctx; client?: Client }

export async function makeExpert(h: Harness, o: { nameZh?: string; organisationId?: string | null; fields?: string[]; available?: boolean; login?: boolean } = {}): Promise<ExpertMade> {
  const nameZh = o.nameZh ?? unique('专家');
  const username = unique('cq-expert');
  const userId = await h.user(username, ['expert'], o.organisationId ?? null);
  const org = o.organisationId ? await h.database.db.selectFrom('organisation').select('nameZh').where('id', '=', o.organisationId).executeTakeFirstOrThrow() : { nameZh: '未关联机构' };
  const e = await h.database.db.insertInto('expert').values({
    code: unique('ZJ-T'), userId, organisationId: o.organisationId ?? null, organisationZh: org.nameZh, nameZh, fields: o.fields ?? ['蛋白质设计', '超高通量筛选'],
    available: o.available ?? true, createdAt: new Date(), updatedAt: new Date(),
  }).returning('id').executeTakeFirstOrThrow();
  return { id: e.id, nameZh, userId, ctx: await ctxOf(h, userId), ...(o.login ? { client: await h.login(username) } : {}) };
}

export const declareConflict = (h: Harness, expertId: string, with_: { organisationId?: string; personId?: string }, noteZh = '曾任该单位顾问') =>
  h.database.db.insertInto('expertConflict').values({ expertId, organisationId: with_.organisationId ?? null, personId: with_.personId ?? null, noteZh }).execute();

export const recordCollaboration = (h: Harness, expertId: string, c: { kind: 'publication' | 'project'; titleZh: string; ref?: string; organisationId?: string; personId?: string }) =>
  h.database.db.insertInto('expertCollaboration').values({
    expertId, kind: c.kind, titleZh: c.titleZh, ref: c.ref ?? null, year: 2024, organisationId: c.organisationId ?? null, personId: c.personId ?? null,
  }).execute();

/** Scores for the default rubric that give this weighted total (every criterion the same). */
export const scoresFor = (total: number) => ({ innovation: total, feasibility: total, team: total, impact: total, budget: total });

/** The live assignments of an application, as the organisers list them. */
export async function assignmentsOf(h: Harness, applicationId: string) {
  return h.database.db.selectFrom('reviewAssignment').selectAll().where('applicationId', '=', applicationId).where('status', 'in', ['assigned', 'submitted']).orderBy('assignedAt').execute();
}

/** Every live assignment of the challenge submitted, each application's reviewers scoring it `totals(applicationIndex, reviewerIndex)`. */
export async function submitAll(h: Harness, experts: readonly ExpertMade[], applicationIds: readonly string[], totals: (app: number, reviewer: number) => number) {
  const desk = h.services.challenges.reviewDesk;
  for (const [i, appId] of applicationIds.entries()) {
    const live = (await assignmentsOf(h, appId)).filter((a) => a.status === 'assigned');
    for (const [j, a] of live.entries()) {
      const e = experts.find((x) => x.id === a.expertId);
      if (!e) throw new Error(`expert ${a.expertId} is not one of the test's`);
      await desk.submit(e.ctx, a.id, { scores: scoresFor(totals(i, j)), commentZh: `第 ${j + 1} 位专家的意见：技术路线基本可行` });
    }
  }
}

export type { ChallengePeople };
