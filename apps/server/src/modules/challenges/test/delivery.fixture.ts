import { sql } from 'kysely';
import type { Harness } from '../../../test/harness.js';
import { closeApplications, formalCheckAll, makeApplication, makeChallenge, makeConsortium, type ApplicationMade, type ChallengeInReview, type ChallengePeople, type Consortium } from './fixture.js';

/**
 * Awarded challenges for the delivery tests. The challenge and its applications come from the
 * core's services (test/fixture.ts); the award step — reviews, notice, confirmation — is the
 * review part's, and delivery does not depend on how it went, so the awards are written
 * directly: the applications awarded, the challenge awarded, one award (LX-…) per team.
 */
export interface AwardMade { id: string; code: string; applicationId: string; shareWan: number; leadOrgId: string }
export interface AwardedChallenge extends ChallengeInReview { awards: AwardMade[]; indicators: { id: string; nameZh: string; comparator: string; targetValue: number }[] }

let serial = 0;

export async function awardedChallenge(h: Harness, p: ChallengePeople, opts: { teams?: number; members?: number; memberUsers?: boolean; fundingWan?: number; consortia?: Consortium[] } = {}): Promise<AwardedChallenge> {
  const teams = opts.teams ?? 1;
  const fundingWan = opts.fundingWan ?? 900;
  // Posted by the department (p.ctx.unit), which then runs its delivery; the task force runs any challenge.
  const challenge = await makeChallenge(h, p, teams > 1 ? { mode: 'parallel', maxTeams: teams, fundingWan, durationMonths: 24 } : { fundingWan, durationMonths: 24 }, { by: p.ctx.unit });
  const consortia: Consortium[] = [];
  const applications: ApplicationMade[] = [];
  for (let i = 0; i < teams; i++) {
    const k = opts.consortia?.[i] ?? await makeConsortium(h, { members: opts.members ?? 1, memberUsers: opts.memberUsers });
    consortia.push(k);
    applications.push(await makeApplication(h, challenge, k));
  }
  await closeApplications(h, p, challenge);
  await formalCheckAll(h, p, challenge);
  const db = h.database.db;
  const share = Math.round((fundingWan / teams) * 100) / 100;
  const year = h.clock.now().toISOString().slice(0, 4);
  const awards: AwardMade[] = [];
  for (const [i, a] of applications.entries()) {
    const code = `LX-${year}-${String(++serial).padStart(3, '0')}`;
    const row = await db.insertInto('award').values({
      code, challengeId: challenge.id, applicationId: a.id, shareWan: share, awardedAt: h.clock.now(), createdAt: h.clock.now(), updatedAt: h.clock.now(),
    }).returning('id').executeTakeFirstOrThrow();
    await db.updateTable('application').set({ status: 'awarded' }).where('id', '=', a.id).execute();
    awards.push({ id: row.id, code, applicationId: a.id, shareWan: share, leadOrgId: consortia[i].lead.orgId });
  }
  await db.updateTable('challenge').set({ status: 'awarded' }).where('id', '=', challenge.id).execute();
  const indicators = await db.selectFrom('challengeIndicator').select(['id', 'nameZh', 'comparator', 'targetValue']).where('challengeId', '=', challenge.id).orderBy('position').execute();
  return { challenge: { ...challenge, status: 'awarded' }, consortia, applications, awards, indicators };
}

/** The people's own enterprise as a consortium lead, with their institute as its member: role × route tests sign in as them. */
export const peopleConsortium = (p: ChallengePeople): Consortium => ({
  lead: { orgId: p.org.enterprise, userId: p.userId.enterprise, ctx: p.ctx.enterprise, kind: 'enterprise', userEnterprise: false },
  members: [{ orgId: p.org.institute, userId: p.userId.institute, ctx: p.ctx.institute, kind: 'institute', userEnterprise: false }],
});

/** Today in Chongqing by the harness clock. */
export const todayOf = (h: Harness) => new Date(h.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Moves the harness clock forward by whole days. */
export const advance = (h: Harness, days: number) => h.clock.set(new Date(h.clock.now().getTime() + days * 86_400_000));

/** The award's status as stored. */
export const awardStatus = async (h: Harness, id: string) => (await h.database.db.selectFrom('award').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

/** Rows in a table, to show a refused write wrote nothing. */
export const countOf = async (h: Harness, table: string) => (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(h.database.db)).rows[0].n;
