import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { containsPattern } from '../../platform/db/like.js';
import { conflict, forbidden, invalid, notFound, type ErrorDetail } from '../../platform/http/errors.js';
import { todayIn } from '../../platform/dates.js';
import { queryTokens, tokensOf } from '../../platform/search/segmenter.js';
import { nextCode } from '../../platform/db/codes.js';
import { COLLABORATION_KINDS, type CollaborationKind } from './model/labels.js';
import { expertProblems, fieldKeywords, termStatus, type ExpertFields } from './model/rules.js';
import { requireDirectoryReader, requireKeeper, requireTaskForce, seesInFull, talentViewerOf, type TalentViewer } from './viewer.js';
import type { TalentDeps } from './index.js';

export interface ExpertInput {
  code?: string | null;
  nameZh: string; nameEn?: string | null; titleZh?: string | null;
  organisationId?: string | null; organisationZh?: string | null;
  fields: string[]; domains?: string[]; available?: boolean; maxLoad?: number | null;
  contactZh?: string | null; profileZh?: string | null;
}
export type ExpertPatch = Partial<Omit<ExpertInput, 'code'>>;

export interface ExpertFilter {
  q?: string; field?: string; organisationId?: string; organisation?: string; available?: boolean; committee?: boolean;
  limit: number; offset: number;
}

type Q = Kysely<DB> | Transaction<DB>;
const CODE_PREFIX = 'ZJ-';
const TEXT_FIELDS = ['nameZh', 'nameEn', 'titleZh', 'organisationId', 'organisationZh', 'fields', 'domains', 'available', 'maxLoad', 'contactZh', 'profileZh'] as const;
const notFoundExpert = () => notFound('专家不存在', 'Expert not found');
const opt = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

export const expertTokens = (e: Pick<ExpertFields, 'nameZh' | 'nameEn' | 'titleZh' | 'organisationZh' | 'fields'>) =>
  tokensOf(e.nameZh, e.nameEn, e.titleZh, e.organisationZh, e.fields.join(' '));

/** The fields every reader of the directory sees: no contact, no profile, no conflicts or joint work. */
const DIRECTORY_COLUMNS = ['e.id', 'e.code', 'e.nameZh', 'e.nameEn', 'e.titleZh', 'e.organisationId', 'e.organisationZh', 'e.fields', 'e.domains', 'e.available', 'e.maxLoad'] as const;

/** The committee role a member holds today, or null. */
const currentRoleSql = (today: string) => sql<string | null>`(select m.role from committee_membership m where m.expert_id = e.id and m.term_start <= ${today}::date and m.term_end >= ${today}::date order by m.term_start desc limit 1)`;

/**
 * The expert pool (专家库): the task force and units write experts; an expert keeps its own
 * declared conflicts and joint work through its linked account, the task force anyone's. The
 * directory (task force, units, districts, experts) lists names, organisations and fields; the
 * full record — contact, profile, conflicts, joint work, account — is for overseers and the
 * expert itself. Challenge review reads fields, availability, load, organisation, conflicts and
 * joint work to keep reviewers away from work they are close to.
 */
export function expertsService(database: Database, deps: TalentDeps) {
  const { db } = database;
  const today = () => todayIn(deps.now());

  async function resolveOrganisation(q: Q, id: string | null | undefined, named: string | null | undefined): Promise<{ organisationId: string | null; organisationZh: string; problems: ErrorDetail[] }> {
    if (!id) return { organisationId: null, organisationZh: named?.trim() ?? '', problems: [] };
    const org = await q.selectFrom('organisation').select(['id', 'nameZh']).where('id', '=', id).executeTakeFirst();
    if (!org) return { organisationId: null, organisationZh: '', problems: [{ path: '/organisationId', message: '机构不存在（no such organisation）' }] };
    return { organisationId: org.id, organisationZh: org.nameZh, problems: [] };
  }

  /** The stored fields an input makes (over the record it edits), with what is wrong with them. */
  async function fieldsOf(q: Q, input: ExpertPatch, before?: ExpertFields): Promise<ExpertFields> {
    const orgChanged = input.organisationId !== undefined || input.organisationZh !== undefined;
    const org = orgChanged
      ? await resolveOrganisation(q, input.organisationId === undefined ? before?.organisationId : input.organisationId, input.organisationZh ?? (input.organisationId === null ? '' : before?.organisationZh))
      : { organisationId: before?.organisationId ?? null, organisationZh: before?.organisationZh ?? '', problems: [] };
    const f: ExpertFields = {
      nameZh: (input.nameZh ?? before?.nameZh ?? '').trim(),
      nameEn: input.nameEn !== undefined ? opt(input.nameEn) : before?.nameEn ?? null,
      titleZh: input.titleZh !== undefined ? opt(input.titleZh) : before?.titleZh ?? null,
      organisationId: org.organisationId, organisationZh: org.organisationZh,
      fields: input.fields !== undefined ? fieldKeywords(input.fields) : before?.fields ?? [],
      domains: input.domains !== undefined ? [...new Set(input.domains)] : before?.domains ?? [],
      available: input.available ?? before?.available ?? true,
      maxLoad: input.maxLoad !== undefined ? input.maxLoad : before?.maxLoad ?? null,
      contactZh: input.contactZh !== undefined ? opt(input.contactZh) : before?.contactZh ?? null,
      profileZh: input.profileZh !== undefined ? opt(input.profileZh) : before?.profileZh ?? null,
    };
    const problems = [...org.problems, ...expertProblems(f).filter((p) => !(org.problems.length && p.path === '/organisationZh'))];
    if (problems.length) throw invalid(problems);
    return f;
  }

  const loadRow = (id: string, q: Q = db) => q.selectFrom('expert').selectAll().where('id', '=', id).executeTakeFirst();

  /**
   * The whole record. `asExpert`: the expert reading its own record does not learn the organisation
   * of a conflict it declared from a blind review (that is the applicant it was not to know).
   */
  async function full(id: string, q: Q = db, asExpert = false) {
    const e = await q.selectFrom('expert as e').leftJoin('appUser as u', 'u.id', 'e.userId').selectAll('e').select('u.username').where('e.id', '=', id).executeTakeFirst();
    if (!e) return undefined;
    const [conflicts, collaborations, terms] = await Promise.all([
      q.selectFrom('expertConflict as c').leftJoin('organisation as o', 'o.id', 'c.organisationId').leftJoin('expert as p', 'p.id', 'c.personId')
        .select(['c.id', 'c.organisationId', 'o.nameZh as organisationNameZh', 'c.personId', 'p.nameZh as personNameZh', 'c.noteZh', 'c.declaredAt', 'c.declaredBy', 'c.fromBlindReview'])
        .where('c.expertId', '=', id).orderBy('c.declaredAt').execute()
        .then((rows) => rows.map(({ declaredBy: _d, ...c }) => (asExpert && c.fromBlindReview ? { ...c, organisationId: null, organisationNameZh: '（盲评中回避的申报单位，不公开 Withheld: declared in a blind review）' } : c))),
      q.selectFrom('expertCollaboration as c').leftJoin('organisation as o', 'o.id', 'c.organisationId').leftJoin('expert as p', 'p.id', 'c.personId')
        .select(['c.id', 'c.kind', 'c.ref', 'c.titleZh', 'c.year', 'c.organisationId', 'o.nameZh as organisationNameZh', 'c.personId', 'p.nameZh as personNameZh', 'c.createdAt'])
        .where('c.expertId', '=', id).orderBy('c.year', 'desc').orderBy('c.createdAt').execute(),
      memberships(id, q),
    ]);
    const { tokens: _t, isDemo: _d, ...rest } = e;
    return { ...rest, full: true as const, committeeRole: terms.find((m) => m.status === 'current')?.role ?? null, conflicts, collaborations, memberships: terms };
  }

  async function memberships(expertId: string, q: Q = db) {
    const rows = await q.selectFrom('committeeMembership as m').innerJoin('expertCommittee as c', 'c.id', 'm.committeeId')
      .select(['m.id', 'm.role', 'm.termStart', 'm.termEnd', 'c.nameZh as committeeNameZh']).where('m.expertId', '=', expertId).orderBy('m.termStart', 'desc').execute();
    return rows.map((m) => ({ ...m, status: termStatus(m, today()) }));
  }

  async function limited(id: string) {
    const e = await db.selectFrom('expert as e').select(DIRECTORY_COLUMNS).select(currentRoleSql(today()).as('committeeRole')).where('e.id', '=', id).executeTakeFirst();
    return e ? { ...e, full: false as const } : undefined;
  }

  function filtered(f: Omit<ExpertFilter, 'limit' | 'offset'>) {
    const t = today();
    let q = db.selectFrom('expert as e').select(DIRECTORY_COLUMNS).select([currentRoleSql(t).as('committeeRole'), sql<boolean>`e.user_id is not null`.as('linked')]);
    if (f.field?.trim()) q = q.where(sql<boolean>`e.fields @> array[${f.field.trim()}]::text[]`);
    if (f.organisationId) q = q.where('e.organisationId', '=', f.organisationId);
    if (f.organisation?.trim()) q = q.where('e.organisationZh', 'like', containsPattern(f.organisation.trim()));
    if (f.available !== undefined) q = q.where('e.available', '=', f.available);
    if (f.committee !== undefined) q = q.where(sql<boolean>`${currentRoleSql(t)} is ${sql.raw(f.committee ? 'not null' : 'null')}`);
    const tokens = f.q ? queryTokens(f.q) : [];
    if (tokens.length) q = q.where(sql<boolean>`e.tokens @> ${sql.val(tokens)}::text[]`);
    return q;
  }

  async function list(ctx: Ctx, f: ExpertFilter) {
    const v = await talentViewerOf(db, ctx);
    requireDirectoryReader(v);
    const rows = await filtered(f).select(sql<number>`count(*) over ()`.as('total')).orderBy('e.code').limit(f.limit).offset(f.offset).execute();
    return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _t, linked, ...r }) => (v.overseer ? { ...r, linked } : r)) };
  }

  /** The record for someone who may change its conflicts or joint work: 404 if it does not exist. */
  async function requireExpert(id: string, q: Q = db) {
    const e = await loadRow(id, q);
    if (!e) throw notFoundExpert();
    return e;
  }

  function requireOwnOrTaskForce(v: TalentViewer, expertId: string, what: { zh: string; en: string }, alsoUnits = false) {
    if (v.taskForce || (alsoUnits && v.keeper) || v.expertId === expertId) return;
    throw forbidden(`只能为本人的专家记录${what.zh}`, `An expert may ${what.en} on its own record only`);
  }

  async function auditChange(trx: Transaction<DB>, ctx: Ctx, action: string, id: string, summary: string, before?: unknown, after?: unknown) {
    await audit(trx, ctx, { action: `talent.expert.${action}`, entityType: 'expert', entityId: id, summary, before, after });
  }

  return {
    list,
    /** Used by the import, which checks the same way and writes in its own transaction. */
    fieldsOf,

    async get(ctx: Ctx, id: string) {
      const v = await talentViewerOf(db, ctx);
      requireDirectoryReader(v);
      const e = seesInFull(v, id) ? await full(id, db, !v.overseer) : await limited(id);
      if (!e) throw notFoundExpert();
      return e;
    },

    /** The caller's own expert record, in full. */
    async mine(ctx: Ctx) {
      const v = await talentViewerOf(db, ctx);
      if (!v.expertId) throw notFound('您的账号尚未关联专家记录，请联系工作专班', 'Your account is not linked to an expert record; ask the task force');
      return (await full(v.expertId, db, !v.overseer))!;
    },

    async exportRows(ctx: Ctx, f: Omit<ExpertFilter, 'limit' | 'offset'>) {
      const v = await talentViewerOf(db, ctx);
      requireDirectoryReader(v);
      return filtered(f).orderBy('e.code').execute();
    },

    async create(ctx: Ctx, input: ExpertInput) {
      const v = await talentViewerOf(db, ctx);
      requireKeeper(v);
      const fields = await fieldsOf(db, input);
      const code = opt(input.code);
      const id = await db.transaction().execute(async (trx) => {
        if (code && (await trx.selectFrom('expert').select('id').where('code', '=', code).executeTakeFirst()))
          throw conflict(`专家编号 ${code} 已被使用`, `Expert code ${code} is taken`, [{ path: '/code', message: '编号已被使用（the code is taken）' }]);
        const c = code ?? await nextCode(trx, 'expert', CODE_PREFIX, 5);
        const row = await trx.insertInto('expert').values({ ...fields, code: c, tokens: expertTokens(fields), createdAt: deps.now(), updatedAt: deps.now() }).returning('id').executeTakeFirstOrThrow();
        await auditChange(trx, ctx, 'create', row.id, `登记专家 ${c} ${fields.nameZh}（Registered an expert）`, undefined, { code: c, ...fields });
        return row.id;
      });
      return (await full(id))!;
    },

    async update(ctx: Ctx, id: string, patch: ExpertPatch) {
      const v = await talentViewerOf(db, ctx);
      requireKeeper(v);
      const before = await requireExpert(id);
      const fields = await fieldsOf(db, patch, before);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('expert').set({ ...fields, tokens: expertTokens(fields), updatedAt: deps.now() }).where('id', '=', id).execute();
        const changed = TEXT_FIELDS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(fields[k]));
        await auditChange(trx, ctx, 'update', id, `修改专家 ${before.code} ${fields.nameZh}（Edited an expert）`,
          Object.fromEntries(changed.map((k) => [k, before[k]])), Object.fromEntries(changed.map((k) => [k, fields[k]])));
      });
      return (await full(id))!;
    },

    /** Links the expert to a user account holding the expert role, named by id or username (or unlinks it with a null id). */
    async linkAccount(ctx: Ctx, id: string, account: { userId?: string | null; username?: string }) {
      const v = await talentViewerOf(db, ctx);
      requireTaskForce(v);
      const before = await requireExpert(id);
      const by = account.username?.trim() ? 'username' : 'userId';
      if (by === 'userId' && account.userId === undefined) throw invalid([{ path: '/userId', message: '请指定账号或 null（name the account, or null to unlink）' }]);
      let userId: string | null = null;
      if (by === 'username' || account.userId) {
        const user = await db.selectFrom('appUser').select(['id', 'roles']).where(by === 'username' ? 'username' : 'id', '=', by === 'username' ? account.username!.trim() : account.userId!).executeTakeFirst();
        if (!user) throw invalid([{ path: `/${by}`, message: '用户不存在（no such user）' }]);
        if (!(user.roles as string[]).includes('expert')) throw invalid([{ path: `/${by}`, message: '只能关联具有“专家”角色的账号（the account must hold the expert role）' }]);
        const other = await db.selectFrom('expert').select(['id', 'code', 'nameZh']).where('userId', '=', user.id).where('id', '<>', id).executeTakeFirst();
        if (other) throw conflict(`该账号已关联专家 ${other.code} ${other.nameZh}`, `The account is linked to expert ${other.code} already`, [{ path: `/${by}`, message: '账号已关联其他专家（linked to another expert）' }]);
        userId = user.id;
      }
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('expert').set({ userId, updatedAt: deps.now() }).where('id', '=', id).execute();
        await auditChange(trx, ctx, userId ? 'link' : 'unlink', id, `${userId ? '关联' : '解除'}专家 ${before.code} 的登录账号（${userId ? 'Linked' : 'Unlinked'} the expert's account）`, { userId: before.userId }, { userId });
      });
      return (await full(id))!;
    },

    /** A declared conflict: an organisation or another expert; the expert itself or the task force declares it. */
    async declareConflict(ctx: Ctx, expertId: string, input: { organisationId?: string | null; personId?: string | null; noteZh?: string | null }) {
      const v = await talentViewerOf(db, ctx);
      const e = await requireExpert(expertId);
      requireOwnOrTaskForce(v, expertId, { zh: '申报利益冲突', en: 'declare conflicts' });
      const target = await checkedCounterpart(expertId, input, 'conflict');
      const id = await db.transaction().execute(async (trx) => {
        const same = await trx.selectFrom('expertConflict').select('id').where('expertId', '=', expertId)
          .where(target.organisationId ? 'organisationId' : 'personId', '=', (target.organisationId ?? target.personId)!).executeTakeFirst();
        if (same) throw conflict('该利益冲突已申报', 'This conflict is declared already', [{ path: target.organisationId ? '/organisationId' : '/personId', message: '已申报（declared already）' }]);
        const row = await trx.insertInto('expertConflict').values({ expertId, organisationId: target.organisationId, personId: target.personId, noteZh: opt(input.noteZh), declaredAt: deps.now(), declaredBy: v.userId }).returning('id').executeTakeFirstOrThrow();
        await auditChange(trx, ctx, 'conflict.declare', expertId, `专家 ${e.code} 申报利益冲突：${target.nameZh}（Declared a conflict of interest）`, undefined, { conflictId: row.id, ...target, noteZh: opt(input.noteZh) });
        return row.id;
      });
      return { ...(await full(expertId, db, !v.overseer))!, conflictId: id };
    },

    async withdrawConflict(ctx: Ctx, expertId: string, conflictId: string) {
      const v = await talentViewerOf(db, ctx);
      const e = await requireExpert(expertId);
      requireOwnOrTaskForce(v, expertId, { zh: '撤回利益冲突', en: 'withdraw conflicts' });
      await db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('expertConflict').select(['id', 'declaredBy', 'fromBlindReview']).where('id', '=', conflictId).where('expertId', '=', expertId).executeTakeFirst();
        if (!row) throw notFound('利益冲突记录不存在', 'Conflict not found');
        // One declared in a blind review names an applicant the expert was not to know: only the task force lifts it.
        if (!v.taskForce && (row.declaredBy !== v.userId || row.fromBlindReview)) throw forbidden('只能撤回本人申报的利益冲突；工作专班或评审中登记的须由工作专班撤回', 'You may withdraw only conflicts you declared yourself; the task force withdraws the others');
        const gone = await trx.deleteFrom('expertConflict').where('id', '=', conflictId).returningAll().executeTakeFirstOrThrow();
        await auditChange(trx, ctx, 'conflict.withdraw', expertId, `撤回专家 ${e.code} 的利益冲突申报（Withdrew a declared conflict）`, gone);
      });
      return (await full(expertId, db, !v.overseer))!;
    },

    /** A joint publication or project with an organisation or another expert, recorded so that review keeps them apart. */
    async addCollaboration(ctx: Ctx, expertId: string, input: { kind: CollaborationKind; titleZh: string; ref?: string | null; year?: number | null; organisationId?: string | null; personId?: string | null }) {
      const v = await talentViewerOf(db, ctx);
      const e = await requireExpert(expertId);
      requireOwnOrTaskForce(v, expertId, { zh: '登记合作成果', en: 'record joint work' }, true);
      const problems: ErrorDetail[] = [];
      if (!(input.kind in COLLABORATION_KINDS)) problems.push({ path: '/kind', message: '合作类型为合作发表或合作项目（a joint publication or project）' });
      if (!input.titleZh?.trim()) problems.push({ path: '/titleZh', message: '请填写论文或项目名称（the title is required）' });
      const thisYear = Number(today().slice(0, 4));
      if (input.year != null && (input.year < 1950 || input.year > thisYear + 5)) problems.push({ path: '/year', message: `年份须在 1950–${thisYear + 5} 之间（a year from 1950 to ${thisYear + 5}）` });
      if (problems.length) throw invalid(problems);
      const target = await checkedCounterpart(expertId, input, 'collaboration');
      const id = await db.transaction().execute(async (trx) => {
        const row = await trx.insertInto('expertCollaboration').values({
          expertId, kind: input.kind, titleZh: input.titleZh.trim(), ref: opt(input.ref), year: input.year ?? null, organisationId: target.organisationId, personId: target.personId, createdAt: deps.now(), recordedBy: v.userId,
        }).returning('id').executeTakeFirstOrThrow();
        await auditChange(trx, ctx, 'collaboration.add', expertId, `登记专家 ${e.code} 的${COLLABORATION_KINDS[input.kind].zh}：${input.titleZh.trim().slice(0, 60)}（Recorded joint work）`, undefined, { collaborationId: row.id, kind: input.kind, titleZh: input.titleZh.trim(), ...target });
        return row.id;
      });
      return { ...(await full(expertId, db, !v.overseer))!, collaborationId: id };
    },

    async removeCollaboration(ctx: Ctx, expertId: string, collaborationId: string) {
      const v = await talentViewerOf(db, ctx);
      const e = await requireExpert(expertId);
      requireOwnOrTaskForce(v, expertId, { zh: '删除合作成果', en: 'remove joint work' }, true);
      await db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('expertCollaboration').select(['id', 'recordedBy']).where('id', '=', collaborationId).where('expertId', '=', expertId).executeTakeFirst();
        if (!row) throw notFound('合作记录不存在', 'Joint work not found');
        if (v.expertId === expertId && !v.keeper && row.recordedBy !== v.userId) throw forbidden('只能删除本人登记的合作记录', 'You may remove only joint work you recorded yourself');
        const gone = await trx.deleteFrom('expertCollaboration').where('id', '=', collaborationId).returningAll().executeTakeFirstOrThrow();
        await auditChange(trx, ctx, 'collaboration.remove', expertId, `删除专家 ${e.code} 的合作记录（Removed joint work）`, gone);
      });
      return (await full(expertId, db, !v.overseer))!;
    },
  };

  /** Exactly one counterpart: an organisation in the platform, or another expert (never the expert itself). */
  async function checkedCounterpart(expertId: string, input: { organisationId?: string | null; personId?: string | null }, what: 'conflict' | 'collaboration') {
    const orgId = input.organisationId ?? null;
    const personId = input.personId ?? null;
    const word = what === 'conflict' ? '利益冲突' : '合作';
    if (!orgId === !personId) throw invalid([{ path: orgId ? '/personId' : '/organisationId', message: `${word}对象须为一个机构或一位专家（name one organisation or one expert）` }]);
    if (orgId) {
      const o = await db.selectFrom('organisation').select('nameZh').where('id', '=', orgId).executeTakeFirst();
      if (!o) throw invalid([{ path: '/organisationId', message: '机构不存在（no such organisation）' }]);
      return { organisationId: orgId, personId: null, nameZh: o.nameZh };
    }
    if (personId === expertId) throw invalid([{ path: '/personId', message: '不能指向本人（not the expert itself）' }]);
    const p = await db.selectFrom('expert').select('nameZh').where('id', '=', personId!).executeTakeFirst();
    if (!p) throw invalid([{ path: '/personId', message: '专家不存在（no such expert）' }]);
    return { organisationId: null, personId: personId!, nameZh: p.nameZh };
  }
}

export type ExpertsService = ReturnType<typeof expertsService>;
