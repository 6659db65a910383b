import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, invalid, notFound, type ErrorDetail } from '../../platform/http/errors.js';
import { addDays, todayIn } from '../../platform/dates.js';
import { nextCode } from '../../platform/db/codes.js';
import { COMMITTEE, COMMITTEE_ROLES, CONSULTATION_KINDS, type CommitteeRole, type ConsultationKind } from './model/labels.js';
import { termProblems, termStatus, termsOverlap, type Term } from './model/rules.js';
import { requireDirectoryReader, requireTaskForce, talentViewerOf } from './viewer.js';
import type { TalentDeps } from './index.js';

export interface MemberInput { expertId: string; role: CommitteeRole; termStart: string; termEnd: string }
export interface ConsultationInput { kind: ConsultationKind; subjectZh: string; heldOn: string; adviceZh: string; taskNo?: number | null; expertIds: string[] }
export interface ConsultationFilter { kind?: ConsultationKind; taskNo?: number; expertId?: string; limit: number; offset: number }

const ROLE_ORDER = Object.keys(COMMITTEE_ROLES);
const notFoundMember = () => notFound('委员任期记录不存在', 'Membership not found');

/**
 * 重庆市生物制造产业专家委员会 (task 19): members by role with their terms — a member is current
 * while today is within the term; renewing adds the next term and keeps the past one — and the
 * consultation records (决策咨询, 项目咨询). Visitors read the current roster only: name, title,
 * organisation, fields and role.
 */
export function committeeService(database: Database, deps: TalentDeps) {
  const { db } = database;
  const today = () => todayIn(deps.now());

  const committeeId = async () => (await db.selectFrom('expertCommittee').select('id').where('code', '=', COMMITTEE.code).executeTakeFirstOrThrow()).id;

  const memberRows = (q: Transaction<DB> | Database['db'] = db) => q.selectFrom('committeeMembership as m').innerJoin('expert as e', 'e.id', 'm.expertId')
    .select(['m.id', 'm.expertId', 'm.role', 'm.termStart', 'm.termEnd', 'm.renewedFrom', 'e.code as expertCode', 'e.nameZh', 'e.nameEn', 'e.titleZh', 'e.organisationZh', 'e.fields']);

  const byRole = <T extends { role: string; nameZh: string }>(xs: T[]) =>
    [...xs].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.nameZh.localeCompare(b.nameZh, 'zh'));

  /** Another term of the same expert, or a second chair, that the term would overlap. */
  async function overlapProblems(trx: Transaction<DB>, cid: string, t: MemberInput, except?: string): Promise<{ zh: string; en: string; path: string } | null> {
    const others = await trx.selectFrom('committeeMembership').select(['id', 'expertId', 'role', 'termStart', 'termEnd']).where('committeeId', '=', cid)
      .where((eb) => eb.or([eb('expertId', '=', t.expertId), eb('role', '=', 'chair')])).execute();
    const clash = others.filter((o) => o.id !== except && termsOverlap(o, t));
    const own = clash.find((o) => o.expertId === t.expertId);
    if (own) return { path: '/termStart', zh: `该专家已有任期 ${own.termStart} 至 ${own.termEnd}，与新任期重叠`, en: `The expert already holds a term from ${own.termStart} to ${own.termEnd} that overlaps` };
    const chair = t.role === 'chair' ? clash.find((o) => o.role === 'chair') : undefined;
    if (chair) return { path: '/role', zh: `同一时期只能有一位主任委员（现任期 ${chair.termStart} 至 ${chair.termEnd}）`, en: 'The committee has one chair at a time' };
    return null;
  }

  async function writeTerm(ctx: Ctx, t: MemberInput, action: 'add' | 'update' | 'renew', previous?: { id: string; termStart: string; termEnd: string; role: string }) {
    const problems: ErrorDetail[] = [...termProblems(t)];
    if (!(t.role in COMMITTEE_ROLES)) problems.push({ path: '/role', message: '职务为主任委员、副主任委员或委员（chair, vice-chair or member）' });
    const expert = await db.selectFrom('expert').select(['id', 'code', 'nameZh']).where('id', '=', t.expertId).executeTakeFirst();
    if (!expert) problems.push({ path: '/expertId', message: '专家不存在（no such expert）' });
    if (problems.length) throw invalid(problems);
    const cid = await committeeId();
    const id = await db.transaction().execute(async (trx) => {
      // One writer of a committee's terms at a time, so two overlapping terms cannot both pass the check.
      await sql`select pg_advisory_xact_lock(hashtext(${'committee:' + cid}))`.execute(trx);
      const clash = await overlapProblems(trx, cid, t, action === 'update' ? previous!.id : undefined);
      if (clash) throw conflict(clash.zh, clash.en, [{ path: clash.path, message: `${clash.zh}（${clash.en}）` }]);
      const values = { role: t.role, termStart: t.termStart, termEnd: t.termEnd };
      const row = action === 'update'
        ? await trx.updateTable('committeeMembership').set(values).where('id', '=', previous!.id).returning('id').executeTakeFirstOrThrow()
        : await trx.insertInto('committeeMembership').values({ ...values, committeeId: cid, expertId: t.expertId, renewedFrom: action === 'renew' ? previous!.id : null, createdAt: deps.now() }).returning('id').executeTakeFirstOrThrow();
      const what = { add: '聘任', update: '修改任期', renew: '续聘' }[action];
      await audit(trx, ctx, {
        action: `talent.committee.${action}`, entityType: 'committeeMembership', entityId: row.id,
        summary: `${what}专家委员会${COMMITTEE_ROLES[t.role].zh} ${expert!.nameZh}，任期 ${t.termStart} 至 ${t.termEnd}（Committee membership ${action}）`,
        before: previous ? { role: previous.role, termStart: previous.termStart, termEnd: previous.termEnd } : undefined, after: { expertId: t.expertId, ...values },
      });
      return row.id;
    });
    return member(id);
  }

  async function member(id: string) {
    const m = await memberRows().where('m.id', '=', id).executeTakeFirst();
    if (!m) throw notFoundMember();
    return { ...m, status: termStatus(m, today()) };
  }

  async function loadTerm(id: string) {
    const m = await db.selectFrom('committeeMembership').selectAll().where('id', '=', id).executeTakeFirst();
    if (!m) throw notFoundMember();
    return m;
  }

  async function consultationPage(f: ConsultationFilter & { id?: string }) {
    let q = db.selectFrom('committeeConsultation as c').leftJoin('appUser as u', 'u.id', 'c.createdBy')
      .select(['c.id', 'c.code', 'c.kind', 'c.subjectZh', 'c.heldOn', 'c.adviceZh', 'c.taskNo', 'c.createdAt', 'u.displayName as recordedBy']);
    if (f.id) q = q.where('c.id', '=', f.id);
    if (f.kind) q = q.where('c.kind', '=', f.kind);
    if (f.taskNo) q = q.where('c.taskNo', '=', f.taskNo);
    if (f.expertId) q = q.where(sql<boolean>`exists (select 1 from committee_consultation_expert x where x.consultation_id = c.id and x.expert_id = ${f.expertId})`);
    const rows = await q.select(sql<number>`count(*) over ()`.as('total')).orderBy('c.heldOn', 'desc').orderBy('c.code', 'desc').limit(f.limit).offset(f.offset).execute();
    const experts = rows.length ? await db.selectFrom('committeeConsultationExpert as x').innerJoin('expert as e', 'e.id', 'x.expertId')
      .select(['x.consultationId', 'e.id', 'e.nameZh', 'e.titleZh', 'e.organisationZh']).where('x.consultationId', 'in', rows.map((r) => r.id)).orderBy('e.code').execute() : [];
    return {
      total: rows[0]?.total ?? 0,
      items: rows.map(({ total: _t, ...r }) => ({ ...r, experts: experts.filter((x) => x.consultationId === r.id).map(({ consultationId: _c, ...x }) => x) })),
    };
  }

  return {
    /** The public roster: current members by role, without contact, terms or anything else. */
    async roster() {
      const t = today();
      const rows = await db.selectFrom('committeeMembership as m').innerJoin('expert as e', 'e.id', 'm.expertId').innerJoin('expertCommittee as c', 'c.id', 'm.committeeId')
        .select(['m.role', 'e.nameZh', 'e.titleZh', 'e.organisationZh', 'e.fields']).where('c.code', '=', COMMITTEE.code)
        .where('m.termStart', '<=', t).where('m.termEnd', '>=', t).execute();
      return { nameZh: COMMITTEE.nameZh, nameEn: COMMITTEE.nameEn, mandateZh: COMMITTEE.mandateZh, asOf: t, members: byRole(rows) };
    },

    /** The committee with every term, current or not, for the directory's readers. */
    async committee(ctx: Ctx) {
      requireDirectoryReader(await talentViewerOf(db, ctx));
      const c = await db.selectFrom('expertCommittee').selectAll().where('code', '=', COMMITTEE.code).executeTakeFirstOrThrow();
      const t = today();
      const terms = (await memberRows().where('m.committeeId', '=', c.id).orderBy('m.termStart', 'desc').execute()).map((m) => ({ ...m, status: termStatus(m, t) }));
      const current = byRole(terms.filter((m) => m.status === 'current'));
      const counts = Object.fromEntries(Object.keys(COMMITTEE_ROLES).map((r) => [r, current.filter((m) => m.role === r).length]));
      return { ...c, asOf: t, current, counts, terms };
    },

    async addMember(ctx: Ctx, input: MemberInput) {
      requireTaskForce(await talentViewerOf(db, ctx));
      return writeTerm(ctx, input, 'add');
    },

    /** Corrects a term: its role or dates. */
    async updateMember(ctx: Ctx, id: string, patch: Partial<Omit<MemberInput, 'expertId'>>) {
      requireTaskForce(await talentViewerOf(db, ctx));
      const m = await loadTerm(id);
      return writeTerm(ctx, { expertId: m.expertId, role: patch.role ?? m.role, termStart: patch.termStart ?? m.termStart, termEnd: patch.termEnd ?? m.termEnd }, 'update', m);
    },

    /**
     * The next term of the expert's latest one: it starts the day after that term ends (today,
     * if the old term lapsed meanwhile), in the same role unless another is given.
     */
    async renew(ctx: Ctx, id: string, input: { termEnd: string; role?: CommitteeRole }) {
      requireTaskForce(await talentViewerOf(db, ctx));
      const m = await loadTerm(id);
      const later = await db.selectFrom('committeeMembership').select(['termStart', 'termEnd']).where('expertId', '=', m.expertId).where('committeeId', '=', m.committeeId).where('termStart', '>', m.termStart).executeTakeFirst();
      if (later) throw conflict(`该专家已有后续任期（${later.termStart} 至 ${later.termEnd}），请续聘最新任期`, 'The expert has a later term; renew the latest one', [{ path: '/termEnd', message: '已有后续任期（a later term exists）' }]);
      const next = addDays(m.termEnd, 1);
      const termStart: Term['termStart'] = next < today() ? today() : next;
      if (input.termEnd < termStart) throw invalid([{ path: '/termEnd', message: `新任期自 ${termStart} 起，结束日期不能更早（the new term starts on ${termStart}）` }]);
      return writeTerm(ctx, { expertId: m.expertId, role: input.role ?? m.role, termStart, termEnd: input.termEnd }, 'renew', m);
    },

    async consultations(ctx: Ctx, f: ConsultationFilter) {
      requireDirectoryReader(await talentViewerOf(db, ctx));
      return consultationPage(f);
    },

    async recordConsultation(ctx: Ctx, input: ConsultationInput) {
      const v = await talentViewerOf(db, ctx);
      requireTaskForce(v);
      const problems: ErrorDetail[] = [];
      if (!(input.kind in CONSULTATION_KINDS)) problems.push({ path: '/kind', message: '咨询类型为决策咨询或项目咨询（decision or project advice）' });
      if (!input.subjectZh?.trim()) problems.push({ path: '/subjectZh', message: '请填写咨询事项（the subject is required）' });
      if (!input.adviceZh?.trim()) problems.push({ path: '/adviceZh', message: '请填写咨询意见（the advice is required）' });
      if (input.heldOn > today()) problems.push({ path: '/heldOn', message: '咨询日期不能晚于今天（the date cannot be in the future）' });
      if (input.taskNo != null && (input.taskNo < 1 || input.taskNo > 26)) problems.push({ path: '/taskNo', message: '行动计划任务序号为 1–26（a task number from 1 to 26）' });
      const ids = [...new Set(input.expertIds)];
      if (!ids.length) problems.push({ path: '/expertIds', message: '至少选择一位参加咨询的专家（name at least one expert consulted）' });
      const found = new Set(ids.length ? (await db.selectFrom('expert').select('id').where('id', 'in', ids).execute()).map((e) => e.id) : []);
      ids.forEach((e) => { if (!found.has(e)) problems.push({ path: `/expertIds/${input.expertIds.indexOf(e)}`, message: '专家不存在（no such expert）' }); });
      if (problems.length) throw invalid(problems);
      const cid = await committeeId();
      const id = await db.transaction().execute(async (trx) => {
        const code = await nextCode(trx, 'committee_consultation', `ZX-${input.heldOn.slice(0, 4)}-`);
        const row = await trx.insertInto('committeeConsultation').values({
          code, committeeId: cid, kind: input.kind, subjectZh: input.subjectZh.trim(), heldOn: input.heldOn, adviceZh: input.adviceZh.trim(), taskNo: input.taskNo ?? null, createdBy: v.userId, createdAt: deps.now(),
        }).returning('id').executeTakeFirstOrThrow();
        await trx.insertInto('committeeConsultationExpert').values(ids.map((expertId) => ({ consultationId: row.id, expertId }))).execute();
        await audit(trx, ctx, {
          action: 'talent.consultation.record', entityType: 'committeeConsultation', entityId: row.id,
          summary: `记录${CONSULTATION_KINDS[input.kind].zh} ${code}：${input.subjectZh.trim().slice(0, 60)}（Recorded a consultation）`, after: { code, ...input, expertIds: ids },
        });
        return row.id;
      });
      return (await consultationPage({ id, limit: 1, offset: 0 })).items[0];
    },
  };
}

export type CommitteeService = ReturnType<typeof committeeService>;
