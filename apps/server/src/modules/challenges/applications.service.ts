import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, forbidden, invalid, notFound, unauthorized } from '../../platform/http/errors.js';
import { todayIn } from '../../platform/dates.js';
import { notify } from '../supervision/notifications.js';
import type { ChallengeDeps } from './index.js';
import { APPLICATION_STATUSES, type ApplicationStatus } from './model/labels.js';
import {
  APPLICATION_FIELDS, applicationMoveProblem, applicationProblems, budgetCapOf, BUDGET_RULE, checklistOf,
  type ApplicationInput, type ApplicationMove, type ChallengeTerms, type Known,
} from './model/applications.js';
import { mayRun } from './viewer.js';
import { applicationsWorkbook } from './challenges.excel.js';
import { challengeViewerOf, requireOrganisation, requireOrganiser, type ChallengeViewer } from './viewer.js';

type Q = Kysely<DB> | Transaction<DB>;
export interface ApplicationFilter { status?: string; limit: number; offset: number }

/** Organisations that may lead a consortium. */
export const LEAD_KINDS = ['enterprise', 'institute', 'university'];

const notFoundApplication = () => notFound('申请不存在', 'Application not found');
const stateConflict = () => conflict('申请已被他人变更，请刷新后重试', 'The application changed meanwhile; reload and try again', [{ path: '/status', message: '申请状态已变更（the status changed）' }]);

/**
 * Applications (揭榜申请) by consortia: the lead organisation's users draft, edit, submit and
 * withdraw while the challenge is open and before its deadline (server time); one per lead per
 * challenge. Members read. Organisers and overseers read every application of a challenge;
 * organisers make the formal check once the challenge is in review. Experts and visitors read
 * nothing here.
 */
export function applicationsService(database: Database, d: ChallengeDeps) {
  const { db } = database;

  const rows = (q: Q = db) => q.selectFrom('application as a').innerJoin('organisation as o', 'o.id', 'a.leadOrganisationId').innerJoin('challenge as c', 'c.id', 'a.challengeId')
    .selectAll('a').select(['o.nameZh as leadNameZh', 'o.kind as leadKind', 'c.code as challengeCode', 'c.titleZh as challengeTitleZh', 'c.status as challengeStatus', 'c.deadline as challengeDeadline']);
  type Row = Awaited<ReturnType<ReturnType<typeof rows>['executeTakeFirstOrThrow']>>;
  const load = (id: string, q: Q = db) => rows(q).where('a.id', '=', id).executeTakeFirst();

  const challengeOf = (id: string, q: Q = db) => q.selectFrom('challenge').selectAll().where('id', '=', id).executeTakeFirst();
  type Challenge = NonNullable<Awaited<ReturnType<typeof challengeOf>>>;

  const partsOf = async (id: string, q: Q = db) => ({
    members: await q.selectFrom('applicationMember as m').innerJoin('organisation as o', 'o.id', 'm.organisationId')
      .select(['m.organisationId', 'm.userEnterprise', 'm.roleZh', 'o.nameZh', 'o.kind']).where('m.applicationId', '=', id).orderBy('o.nameZh').execute(),
    people: await q.selectFrom('applicationPerson').select(['id', 'nameZh', 'organisationId', 'expertId', 'roleZh', 'position']).where('applicationId', '=', id).orderBy('position').execute(),
    milestones: await q.selectFrom('applicationMilestone').select(['id', 'position', 'titleZh', 'month', 'deliverableZh']).where('applicationId', '=', id).orderBy('position').execute(),
    budgetLines: await q.selectFrom('applicationBudgetLine').select(['id', 'position', 'itemZh', 'amountWan']).where('applicationId', '=', id).orderBy('position').execute(),
  });

  /** Lead or member: the caller's organisation takes part in it. */
  async function partyOf(v: ChallengeViewer, a: Row): Promise<'lead' | 'member' | null> {
    if (!v.organisationId) return null;
    if (a.leadOrganisationId === v.organisationId) return 'lead';
    const m = await db.selectFrom('applicationMember').select('organisationId').where('applicationId', '=', a.id).where('organisationId', '=', v.organisationId).executeTakeFirst();
    return m ? 'member' : null;
  }

  /** The application for a reader: 404 to anyone who may not see it. */
  async function readable(v: ChallengeViewer, id: string) {
    const a = await load(id);
    if (!a) throw notFoundApplication();
    const party = await partyOf(v, a);
    if (!party && !v.overseer) throw notFoundApplication();
    return { a, party };
  }

  /** The application for a writer (the lead's users, or the task force): a member gets 403, a stranger 404. */
  async function writable(v: ChallengeViewer, id: string) {
    const { a, party } = await readable(v, id);
    if (party === 'lead' || v.taskForce) return a;
    throw forbidden('只有牵头单位可以修改、提交或撤回申请', 'Only the lead organisation may change, submit or withdraw the application');
  }

  function requireMove(move: ApplicationMove, status: string) {
    const why = applicationMoveProblem(move, status);
    if (why) throw conflict(why.zh, why.en, [{ path: '/status', message: `${why.zh}（${why.en}）` }]);
  }

  /** Applications are written only while the challenge is open and before its deadline, by the server's clock. */
  function requireOpen(c: { status: string; deadline: Date }) {
    if (c.status !== 'open') throw conflict('榜单不在揭榜期，不能申报', 'The challenge is not open for applications', [{ path: '/challengeId', message: '榜单未在揭榜中（the challenge is not open）' }]);
    if (d.now() >= c.deadline)
      throw conflict(`申报已于 ${c.deadline.toISOString()} 截止`, 'The deadline for applications has passed', [{ path: '/deadline', message: '已过申报截止时间（past the deadline）' }]);
  }

  const termsOf = (c: Challenge): ChallengeTerms => ({
    mode: c.mode, fundingWan: c.fundingWan, maxTeams: c.maxTeams, durationMonths: c.durationMonths, maxMembers: c.maxMembers, requiresUserEnterprise: c.requiresUserEnterprise,
  });

  /** The organisations and experts an input names, looked up in two queries. */
  async function knownFor(a: ApplicationInput, leadOrganisationId: string, q: Q = db): Promise<Known> {
    const orgIds = [...new Set([leadOrganisationId, ...(a.members ?? []).map((m) => m.organisationId)])];
    const expertIds = [...new Set((a.people ?? []).map((p) => p.expertId).filter((x): x is string => !!x))];
    const orgs = await q.selectFrom('organisation').select(['id', 'kind']).where('id', 'in', orgIds).execute();
    const experts = expertIds.length ? await q.selectFrom('expert').select('id').where('id', 'in', expertIds).execute() : [];
    return { leadOrganisationId, organisationKinds: new Map(orgs.map((o) => [o.id, o.kind])), expertIds: new Set(experts.map((e) => e.id)) };
  }

  /** The stored application as input, so a patch, submitting and the checklist see the whole. */
  async function inputOf(a: Row, q: Q = db): Promise<ApplicationInput> {
    const p = await partsOf(a.id, q);
    return {
      titleZh: a.titleZh, planZh: a.planZh, budgetWan: a.budgetWan, currentTrl: a.currentTrl, targetTrl: a.targetTrl, leadUserEnterprise: a.leadUserEnterprise,
      members: p.members.map((m) => ({ organisationId: m.organisationId, userEnterprise: m.userEnterprise, roleZh: m.roleZh })),
      people: p.people.map((x) => ({ nameZh: x.nameZh, organisationId: x.organisationId, expertId: x.expertId, roleZh: x.roleZh })),
      milestones: p.milestones.map((m) => ({ titleZh: m.titleZh, month: m.month, deliverableZh: m.deliverableZh })),
      budgetLines: p.budgetLines.map((l) => ({ itemZh: l.itemZh, amountWan: l.amountWan })),
    };
  }

  function merged(base: ApplicationInput | null, patch: Partial<ApplicationInput>): ApplicationInput {
    const out = { ...(base ?? { titleZh: '' }) } as Record<string, unknown>;
    for (const k of APPLICATION_FIELDS) if (patch[k] !== undefined) out[k] = patch[k];
    const a = out as unknown as ApplicationInput;
    a.titleZh = a.titleZh?.trim();
    a.planZh = a.planZh?.trim() ?? '';
    a.members = (a.members ?? []).map((m) => ({ ...m, roleZh: m.roleZh?.trim() || null }));
    a.people = (a.people ?? []).map((x) => ({ ...x, nameZh: x.nameZh?.trim(), roleZh: x.roleZh?.trim() || '成员' }));
    a.milestones = (a.milestones ?? []).map((m) => ({ ...m, titleZh: m.titleZh?.trim(), deliverableZh: m.deliverableZh?.trim() || null }));
    a.budgetLines = (a.budgetLines ?? []).map((l) => ({ ...l, itemZh: l.itemZh?.trim() }));
    return a;
  }

  async function checked(a: ApplicationInput, c: Challenge, leadOrganisationId: string, submitting: boolean) {
    const p = applicationProblems(a, termsOf(c), await knownFor(a, leadOrganisationId), submitting);
    if (p.length) throw invalid(p);
    return a;
  }

  const columns = (a: ApplicationInput) => ({
    titleZh: a.titleZh, planZh: a.planZh ?? '', budgetWan: a.budgetWan ?? 0, currentTrl: a.currentTrl ?? null, targetTrl: a.targetTrl ?? null, leadUserEnterprise: a.leadUserEnterprise ?? false,
  });

  /** Replaces the lists the patch names (members, people, milestones, budget lines). */
  async function writeParts(trx: Transaction<DB>, applicationId: string, a: ApplicationInput, names: Partial<Record<keyof ApplicationInput, unknown>>) {
    if (names.members !== undefined) {
      await trx.deleteFrom('applicationMember').where('applicationId', '=', applicationId).execute();
      if (a.members!.length) await trx.insertInto('applicationMember').values(a.members!.map((m) => ({ applicationId, organisationId: m.organisationId, userEnterprise: m.userEnterprise ?? false, roleZh: m.roleZh ?? null }))).execute();
    }
    if (names.people !== undefined) {
      await trx.deleteFrom('applicationPerson').where('applicationId', '=', applicationId).execute();
      if (a.people!.length) await trx.insertInto('applicationPerson').values(a.people!.map((x, position) => ({ applicationId, nameZh: x.nameZh, organisationId: x.organisationId ?? null, expertId: x.expertId ?? null, roleZh: x.roleZh ?? '成员', position }))).execute();
    }
    if (names.milestones !== undefined) {
      await trx.deleteFrom('applicationMilestone').where('applicationId', '=', applicationId).execute();
      if (a.milestones!.length) await trx.insertInto('applicationMilestone').values(a.milestones!.map((m, position) => ({ applicationId, position, titleZh: m.titleZh, month: m.month, deliverableZh: m.deliverableZh ?? null }))).execute();
    }
    if (names.budgetLines !== undefined) {
      await trx.deleteFrom('applicationBudgetLine').where('applicationId', '=', applicationId).execute();
      if (a.budgetLines!.length) await trx.insertInto('applicationBudgetLine').values(a.budgetLines!.map((l, position) => ({ applicationId, position, itemZh: l.itemZh, amountWan: l.amountWan }))).execute();
    }
  }

  async function nextCode(trx: Transaction<DB>) {
    const prefix = `SB-${todayIn(d.now()).slice(0, 4)}-`;
    await sql`select pg_advisory_xact_lock(hashtext(${prefix}))`.execute(trx);
    const r = await sql<{ n: number | null }>`select max(substring(code from ${prefix.length + 1}::int)::int) as n from application where code like ${prefix + '%'}`.execute(trx);
    return prefix + String((r.rows[0]?.n ?? 0) + 1).padStart(4, '0');
  }

  async function duplicateOf(challengeId: string, leadOrganisationId: string) {
    const existing = await db.selectFrom('application').select(['id', 'code', 'status']).where('challengeId', '=', challengeId).where('leadOrganisationId', '=', leadOrganisationId).executeTakeFirst();
    return existing ? duplicate(existing) : null;
  }
  const duplicate = (e: { id: string; code: string; status: string }) => conflict(
    `本单位已牵头申报此榜单（${e.code}，${APPLICATION_STATUSES[e.status as ApplicationStatus]?.zh ?? e.status}），每个牵头单位限报一份`,
    `Your organisation already leads an application to this challenge (${e.code}); one per lead`,
    [{ path: '/leadOrganisationId', message: `已有申请 ${e.code}（existing application ${e.code}, id ${e.id}）` }],
  );

  /** What a reader sees: the application with its consortium, team, plan and the checklist, and what the caller may do. */
  async function present(v: ChallengeViewer, a: Row, party: 'lead' | 'member' | null) {
    const c = (await challengeOf(a.challengeId))!;
    const parts = await partsOf(a.id);
    const input = await inputOf(a);
    const checklist = checklistOf(input, termsOf(c), await knownFor(input, a.leadOrganisationId));
    const write = party === 'lead' || v.taskForce;
    const open = c.status === 'open' && d.now() < c.deadline;
    const may = {
      edit: write && open && !applicationMoveProblem('edit', a.status), submit: write && open && !applicationMoveProblem('submit', a.status),
      withdraw: write && open && !applicationMoveProblem('withdraw', a.status),
      formalCheck: mayRun(v, c) && c.status === 'review' && !applicationMoveProblem('formalCheck', a.status),
    };
    return { ...a, ...parts, party, checklist, budgetCapWan: budgetCapOf(c), budgetRule: BUDGET_RULE, may };
  }

  async function reread(v: ChallengeViewer, id: string) {
    const { a, party } = await readable(v, id);
    return present(v, a, party);
  }

  /** One status move from the status the caller's check saw: two decisions at once take effect once. */
  async function move(ctx: Ctx, a: Row, action: string, set: Record<string, unknown>, detail: Record<string, unknown> = {}, then: (trx: Transaction<DB>) => Promise<unknown> = async () => undefined) {
    await db.transaction().execute(async (trx) => {
      const after = await trx.updateTable('application').set({ ...set, updatedAt: d.now() }).where('id', '=', a.id).where('status', '=', a.status).returning('status').executeTakeFirst();
      if (!after) throw stateConflict();
      await audit(trx, ctx, {
        action: `challenges.application.${action}`, entityType: 'application', entityId: a.id,
        summary: `申请 ${a.code}：${APPLICATION_STATUSES[a.status as ApplicationStatus].zh} → ${APPLICATION_STATUSES[after.status as ApplicationStatus].zh}（application ${action}）`,
        before: { status: a.status }, after: { status: after.status, ...detail },
      });
      await then(trx);
    });
  }

  async function listFor(challengeId: string, f: ApplicationFilter) {
    let q = rows().where('a.challengeId', '=', challengeId);
    if (f.status) q = q.where('a.status', '=', f.status);
    const found = await q.select(sql<number>`count(*) over ()`.as('total'))
      .select((eb) => eb.selectFrom('applicationMember as m').innerJoin('organisation as mo', 'mo.id', 'm.organisationId')
        .select(sql<string>`string_agg(mo.name_zh, '、' order by mo.name_zh)`.as('x')).whereRef('m.applicationId', '=', 'a.id').as('memberNamesZh'))
      .select((eb) => eb.selectFrom('applicationMilestone as ms').select(sql<number>`count(*)::int`.as('x')).whereRef('ms.applicationId', '=', 'a.id').as('milestoneCount'))
      .orderBy('a.code').limit(f.limit).offset(f.offset).execute();
    return { total: found[0]?.total ?? 0, items: found.map(({ total: _t, ...r }) => r) };
  }

  /** Organisers and overseers read every application of a challenge they may see. */
  async function requireOverseerOf(v: ChallengeViewer, challengeId: string) {
    if (!v.overseer) throw forbidden();
    const c = await challengeOf(challengeId);
    if (!c) throw notFound('榜单不存在', 'Challenge not found');
    return c;
  }

  return {
    /** Load an application row (for the other parts); undefined when there is none. */
    load: (id: string, q: Q = db) => load(id, q),
    /** The checklist of a stored application (the review part shows it beside the scores). */
    async checklistOf(id: string, q: Q = db) {
      const a = await load(id, q);
      if (!a) throw notFoundApplication();
      const c = (await challengeOf(a.challengeId, q))!;
      const input = await inputOf(a, q);
      return checklistOf(input, termsOf(c), await knownFor(input, a.leadOrganisationId, q));
    },

    async get(ctx: Ctx, id: string) {
      return reread(await challengeViewerOf(db, ctx), id);
    },

    /** The applications the caller's organisation leads or is a member of, in every status. */
    async mine(ctx: Ctx, f: ApplicationFilter & { challengeId?: string }) {
      const v = await challengeViewerOf(db, ctx);
      if (!v.userId) throw unauthorized();
      const org = v.organisationId ?? '00000000-0000-0000-0000-000000000000';
      let q = rows().where((eb) => eb.or([eb('a.leadOrganisationId', '=', org), eb.exists(eb.selectFrom('applicationMember as m').select('m.organisationId').whereRef('m.applicationId', '=', 'a.id').where('m.organisationId', '=', org))]));
      if (f.status) q = q.where('a.status', '=', f.status);
      if (f.challengeId) q = q.where('a.challengeId', '=', f.challengeId);
      const found = await q.select(sql<number>`count(*) over ()`.as('total')).orderBy('a.updatedAt', 'desc').limit(f.limit).offset(f.offset).execute();
      return { total: found[0]?.total ?? 0, items: found.map(({ total: _t, ...r }) => ({ ...r, party: r.leadOrganisationId === org ? 'lead' : 'member' })) };
    },

    async listForChallenge(ctx: Ctx, challengeId: string, f: ApplicationFilter) {
      const v = await challengeViewerOf(db, ctx);
      await requireOverseerOf(v, challengeId);
      return listFor(challengeId, f);
    },

    async exportForChallenge(ctx: Ctx, challengeId: string) {
      const v = await challengeViewerOf(db, ctx);
      requireOrganiser(v);
      const c = await requireOverseerOf(v, challengeId);
      const { items } = await listFor(challengeId, { limit: 100_000, offset: 0 });
      return { buffer: await applicationsWorkbook(c, items), fileName: `${c.code}-揭榜申请.xlsx` };
    },

    /**
     * A draft for the caller's organisation as lead (the task force names the lead when it enters
     * one on an organisation's behalf). Late, not open, or a second one by the same lead → 409.
     */
    async create(ctx: Ctx, challengeId: string, input: Partial<ApplicationInput> & { leadOrganisationId?: string | null }) {
      const v = await challengeViewerOf(db, ctx);
      let lead: string;
      if (v.taskForce && input.leadOrganisationId) lead = input.leadOrganisationId;
      else {
        lead = requireOrganisation(v);
        if (input.leadOrganisationId && input.leadOrganisationId !== lead) throw forbidden('只能以本单位名义牵头申报', 'You apply for your own organisation only');
      }
      const c = await challengeOf(challengeId);
      if (!c || (c.status === 'draft' && !v.overseer)) throw notFound('榜单不存在', 'Challenge not found');
      requireOpen(c);
      const leadOrg = await db.selectFrom('organisation').select('kind').where('id', '=', lead).executeTakeFirst();
      if (!leadOrg) throw invalid([{ path: '/leadOrganisationId', message: '机构不存在（no such organisation）' }]);
      if (!LEAD_KINDS.includes(leadOrg.kind)) {
        const why = { zh: '牵头单位须为企业、高校或科研院所', en: 'The lead is an enterprise, a university or an institute' };
        if (v.taskForce && input.leadOrganisationId) throw invalid([{ path: '/leadOrganisationId', message: `${why.zh}（${why.en}）` }]);
        throw forbidden(why.zh, why.en);
      }
      const dup = await duplicateOf(challengeId, lead);
      if (dup) throw dup;
      const a = await checked(merged(null, input), c, lead, false);
      try {
        const id = await db.transaction().execute(async (trx) => {
          const code = await nextCode(trx);
          const row = await trx.insertInto('application').values({ ...columns(a), code, challengeId, leadOrganisationId: lead, createdBy: v.userId, createdAt: d.now(), updatedAt: d.now() })
            .returning('id').executeTakeFirstOrThrow();
          await writeParts(trx, row.id, a, { members: 1, people: 1, milestones: 1, budgetLines: 1 });
          await audit(trx, ctx, { action: 'challenges.application.create', entityType: 'application', entityId: row.id, summary: `起草揭榜申请 ${code}（${c.code}）${a.titleZh}（Drafted an application）`, after: { code, challengeId, leadOrganisationId: lead, ...a } });
          return row.id;
        });
        return reread(v, id);
      } catch (e) {
        // A second draft written at the same moment: the unique (challenge, lead) refuses it, the same conflict as above.
        if ((e as { code?: string }).code === '23505') throw (await duplicateOf(challengeId, lead)) ?? e;
        throw e;
      }
    },

    async update(ctx: Ctx, id: string, patch: Partial<ApplicationInput>) {
      const v = await challengeViewerOf(db, ctx);
      const before = await writable(v, id);
      const c = (await challengeOf(before.challengeId))!;
      requireOpen(c);
      requireMove('edit', before.status);
      const old = await inputOf(before);
      const a = await checked(merged(old, patch), c, before.leadOrganisationId, false);
      await db.transaction().execute(async (trx) => {
        const edited = await trx.updateTable('application').set({ ...columns(a), updatedAt: d.now() }).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
        if (!edited.numUpdatedRows) throw stateConflict();
        await writeParts(trx, id, a, patch);
        const changed = APPLICATION_FIELDS.filter((k) => patch[k] !== undefined);
        await audit(trx, ctx, {
          action: 'challenges.application.update', entityType: 'application', entityId: id, summary: `修改揭榜申请 ${before.code}（Edited an application）`,
          before: Object.fromEntries(changed.map((k) => [k, old[k]])), after: Object.fromEntries(changed.map((k) => [k, a[k]])),
        });
      });
      return reread(v, id);
    },

    /** draft → submitted: every rule must hold now, and the deadline not have passed. */
    async submit(ctx: Ctx, id: string) {
      const v = await challengeViewerOf(db, ctx);
      const a = await writable(v, id);
      const c = (await challengeOf(a.challengeId))!;
      requireOpen(c);
      requireMove('submit', a.status);
      await checked(await inputOf(a), c, a.leadOrganisationId, true);
      await move(ctx, a, 'submit', { status: 'submitted', submittedAt: d.now() });
      return reread(v, id);
    },

    /** Before the deadline the lead may withdraw a draft or a submitted application; it stays, withdrawn, as the lead's one. */
    async withdraw(ctx: Ctx, id: string, input: { reasonZh?: string | null } = {}) {
      const v = await challengeViewerOf(db, ctx);
      const a = await writable(v, id);
      const c = (await challengeOf(a.challengeId))!;
      requireOpen(c);
      requireMove('withdraw', a.status);
      await move(ctx, a, 'withdraw', { status: 'withdrawn', withdrawnAt: d.now() }, { reasonZh: input.reasonZh?.trim() || null });
      return reread(v, id);
    },

    /**
     * 形式审查: in review, an organiser of the challenge marks a submitted application eligible or
     * ineligible. Ineligible needs the reason; so does eligible when the checklist finds a rule
     * broken (the organiser overrides it knowingly). The checklist is kept as it was seen.
     */
    async formalCheck(ctx: Ctx, id: string, input: { decision: 'eligible' | 'ineligible'; noteZh?: string | null }) {
      const v = await challengeViewerOf(db, ctx);
      requireOrganiser(v);
      const { a } = await readable(v, id);
      const c = (await challengeOf(a.challengeId))!;
      if (!mayRun(v, c)) throw forbidden('只有发榜单位或工作专班可以进行形式审查', 'Only the posting organisation or the task force makes the formal check');
      if (input.decision !== 'eligible' && input.decision !== 'ineligible') throw invalid([{ path: '/decision', message: '结论须为通过或不通过（eligible or ineligible）' }]);
      if (c.status !== 'review') throw conflict('榜单尚未转入评审，不能进行形式审查', 'The challenge is not in review; the formal check waits for it', [{ path: '/status', message: '榜单未在评审中（the challenge is not in review）' }]);
      requireMove('formalCheck', a.status);
      const input0 = await inputOf(a);
      const checklist = checklistOf(input0, termsOf(c), await knownFor(input0, a.leadOrganisationId));
      const note = input.noteZh?.trim() || null;
      if (!note && input.decision === 'ineligible') throw invalid([{ path: '/noteZh', message: '不通过须说明理由（say why it is ineligible）' }]);
      if (!note && checklist.some((x) => !x.ok)) throw invalid([{ path: '/noteZh', message: '检查清单有未通过项，判定通过须说明理由（the checklist finds a problem: say why it passes anyway）' }]);
      await move(ctx, a, 'formalCheck', {
        status: input.decision, formalNoteZh: note, formalCheckedBy: v.userId, formalCheckedAt: d.now(), formalChecklist: JSON.stringify(checklist),
      }, { noteZh: note, checklist }, (trx) => notify(trx, {
        organisationId: a.leadOrganisationId, kind: `challenges.application.${input.decision}`, link: `/challenges/applications/${a.id}`, dedupeKey: `challenges.application.formalCheck:${a.id}`,
        titleZh: `揭榜申请 ${a.code} 形式审查${input.decision === 'eligible' ? '通过' : `未通过：${(note ?? '').slice(0, 80)}`}`,
        titleEn: `Application ${a.code} ${input.decision === 'eligible' ? 'passed' : 'failed'} the formal check`,
      }));
      return reread(v, id);
    },
  };
}

export type ApplicationsService = ReturnType<typeof applicationsService>;
