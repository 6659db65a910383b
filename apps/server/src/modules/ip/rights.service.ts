import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, forbidden, invalid, notFound, unauthorized, type ErrorDetail } from '../../platform/http/errors.js';
import { todayIn } from '../../platform/dates.js';
import { queryTokens, tokensOf } from '../../platform/search/segmenter.js';
import type { IpDeps } from './index.js';
import { firstStatus, IP_KINDS, LINK_KINDS, MANUAL_LINK_KINDS, PUBLIC_STATUSES, type IpKind, type LinkKind } from './model/labels.js';
import { rightProblems, type RightInput } from './model/rights.js';
import { linksOf, linkTarget, ownsTarget } from './links.js';
import { rightsWorkbook, RIGHTS_FILE_NAME } from './rights.excel.js';
import { ipViewerOf, type IpViewer } from './viewer.js';

type Q = Kysely<DB> | Transaction<DB>;

export interface RightFilter {
  kind?: string; status?: string; subtype?: string; q?: string;
  /** An organisation's rights: held by it, or linked to it or to its enterprise record. */
  holder?: string;
  enterpriseId?: string; platformId?: string; achievementId?: string;
  /** A challenge's rights: linked to it or to one of its awards (the challenges module records these). */
  challengeId?: string;
  limit: number; offset: number;
}

const NONE = '00000000-0000-0000-0000-000000000000';
const notFoundRight = () => notFound('知识产权不存在', 'IP right not found');
const clean = (s: string | null | undefined) => (typeof s === 'string' ? s.trim() || null : s ?? null);
const many = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []);
const numberTaken = (kind: IpKind) => conflict(`该${IP_KINDS[kind].zh}编号已登记`, `A ${IP_KINDS[kind].en.toLowerCase()} with this number is recorded`, [{ path: '/number', message: '编号已存在（number taken）' }]);

/**
 * Intellectual property (知识产权, task 26): patents, standards, software copyrights and plant
 * varieties with their holders, and links to organisations, enterprises, pilot achievements,
 * innovation platforms and (through the challenges module) challenges and awards. Visitors see
 * rights in force; holders' users and the task force see and keep every state.
 */
export function rightsService(database: Database, deps: IpDeps) {
  const { db } = database;
  const today = () => todayIn(deps.now());

  const holdsSql = (org: string | null) => sql<boolean>`exists (select 1 from ip_holder h where h.ip_right_id = r.id and h.organisation_id = ${org ?? NONE})`;

  const holdersOf = async (q: Q, ids: string[]) => {
    if (!ids.length) return new Map<string, { id: string; nameZh: string }[]>();
    const rows = await q.selectFrom('ipHolder as h').innerJoin('organisation as o', 'o.id', 'h.organisationId')
      .select(['h.ipRightId', 'o.id', 'o.nameZh']).where('h.ipRightId', 'in', ids).orderBy('h.position').execute();
    const m = new Map<string, { id: string; nameZh: string }[]>();
    for (const r of rows) m.set(r.ipRightId, [...(m.get(r.ipRightId) ?? []), { id: r.id, nameZh: r.nameZh }]);
    return m;
  };

  async function decorate<R extends { id: string; tokens?: unknown }>(q: Q, rows: R[]) {
    const holders = await holdersOf(q, rows.map((r) => r.id));
    return rows.map(({ tokens: _t, ...r }) => ({ ...r, holders: holders.get(r.id) ?? [], holderNamesZh: (holders.get(r.id) ?? []).map((h) => h.nameZh).join('、'), inForce: PUBLIC_STATUSES.includes((r as unknown as { status: string }).status) }));
  }

  function filtered(v: IpViewer, f: Omit<RightFilter, 'limit' | 'offset'>) {
    let q = db.selectFrom('ipRight as r').selectAll('r');
    if (!v.taskForce) q = q.where((eb) => eb.or([eb('r.status', 'in', PUBLIC_STATUSES), holdsSql(v.organisationId)]));
    const kinds = many(f.kind), statuses = many(f.status);
    if (kinds.length) q = q.where('r.kind', 'in', kinds as IpKind[]);
    if (statuses.length) q = q.where('r.status', 'in', statuses);
    if (f.subtype) q = q.where('r.subtype', '=', f.subtype);
    const linked = (kind: LinkKind, id: string) => sql<boolean>`exists (select 1 from ip_link l where l.ip_right_id = r.id and l.target_kind = ${kind} and l.target_id = ${id})`;
    if (f.holder) q = q.where(sql<boolean>`(${holdsSql(f.holder)} or ${linked('organisation', f.holder)}
      or exists (select 1 from ip_link l join enterprise e on e.id = l.target_id where l.ip_right_id = r.id and l.target_kind = 'enterprise' and e.organisation_id = ${f.holder}))`);
    if (f.enterpriseId) q = q.where(sql<boolean>`(${linked('enterprise', f.enterpriseId)}
      or exists (select 1 from ip_holder h join enterprise e on e.organisation_id = h.organisation_id where h.ip_right_id = r.id and e.id = ${f.enterpriseId}))`);
    if (f.platformId) q = q.where(linked('platform', f.platformId));
    if (f.achievementId) q = q.where(linked('achievement', f.achievementId));
    if (f.challengeId) q = q.where(sql<boolean>`(${linked('challenge', f.challengeId)}
      or exists (select 1 from ip_link l join award a on a.id = l.target_id where l.ip_right_id = r.id and l.target_kind = 'award' and a.challenge_id = ${f.challengeId}))`);
    const tokens = f.q ? queryTokens(f.q) : [];
    if (tokens.length) q = q.where(sql<boolean>`r.tokens @> ${sql.val(tokens)}::text[]`);
    return q;
  }

  async function list(ctx: Ctx, f: RightFilter) {
    const v = await ipViewerOf(db, ctx);
    const rows = await filtered(v, f).select(sql<number>`count(*) over ()`.as('total'))
      .orderBy(sql`r.granted_on desc nulls last`).orderBy(sql`r.filed_on desc nulls last`).orderBy('r.number').limit(f.limit).offset(f.offset).execute();
    return { total: rows[0]?.total ?? 0, items: await decorate(db, rows.map(({ total: _t, ...r }) => r)) };
  }

  const load = (q: Q, id: string) => q.selectFrom('ipRight').selectAll().where('id', '=', id).executeTakeFirst();
  const holds = async (q: Q, rightId: string, org: string | null) =>
    !!org && !!(await q.selectFrom('ipHolder').select('ipRightId').where('ipRightId', '=', rightId).where('organisationId', '=', org).executeTakeFirst());

  /** A right the caller may read: in force, or held by the caller's organisation, or any for the task force; else 404. */
  async function readable(q: Q, v: IpViewer, id: string) {
    const r = await load(q, id);
    if (!r) throw notFoundRight();
    const keeper = v.taskForce || (await holds(q, id, v.organisationId));
    if (!keeper && !PUBLIC_STATUSES.includes(r.status)) throw notFoundRight();
    return { r, keeper };
  }

  /** A right the caller changes: the task force, or a holder's user (403 when it may read but not keep). */
  async function kept(ctx: Ctx, id: string) {
    const v = await ipViewerOf(db, ctx);
    if (!v.userId) throw unauthorized();
    const { r, keeper } = await readable(db, v, id);
    if (!keeper) throw forbidden('只有权利人或工作专班可以维护此知识产权', 'Only a holder or the task force may keep this right');
    return { r, v };
  }

  async function detail(q: Q, v: IpViewer, id: string) {
    const { r, keeper } = await readable(q, v, id);
    const [[one], links, reports] = await Promise.all([
      decorate(q, [r]), linksOf(q, id, keeper),
      keeper ? q.selectFrom('ipInfringementReport').select(['status', sql<number>`count(*)::int`.as('n')]).where('ipRightId', '=', id).groupBy('status').execute() : Promise.resolve(null),
    ]);
    return { ...one, links, reports, may: { edit: keeper, link: keeper, report: !!v.userId } };
  }

  /** Holders exist; someone other than the task force records its own organisation's rights. */
  async function checkHolders(v: IpViewer, holderIds: string[] | undefined, problems: ErrorDetail[]) {
    if (!holderIds?.length) return;
    const found = await db.selectFrom('organisation').select('id').where('id', 'in', holderIds).execute();
    if (found.length !== new Set(holderIds).size) problems.push({ path: '/holderIds', message: '权利人机构不存在（a holder organisation does not exist）' });
    if (!v.taskForce && !holderIds.includes(v.organisationId ?? NONE)) problems.push({ path: '/holderIds', message: '权利人须包含本机构（your organisation must be among the holders）' });
  }

  function columns(i: RightInput) {
    return {
      kind: i.kind, number: i.number.trim(), titleZh: i.titleZh.trim(), titleEn: clean(i.titleEn), subtype: i.subtype || null,
      status: i.status ?? firstStatus(i.kind), filedOn: i.filedOn || null, grantedOn: i.grantedOn || null,
      inventors: [...new Set((i.inventors ?? []).map((x) => x.trim()))], abstractZh: clean(i.abstractZh),
      tokens: tokensOf(i.titleZh, i.abstractZh, i.number, (i.inventors ?? []).join(' ')),
    };
  }

  async function writeHolders(trx: Transaction<DB>, rightId: string, holderIds: string[]) {
    await trx.deleteFrom('ipHolder').where('ipRightId', '=', rightId).execute();
    await trx.insertInto('ipHolder').values(holderIds.map((organisationId, position) => ({ ipRightId: rightId, organisationId, position }))).execute();
  }

  const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';

  return {
    list,
    get: async (ctx: Ctx, id: string) => detail(db, await ipViewerOf(db, ctx), id),

    async exportXlsx(ctx: Ctx, f: Omit<RightFilter, 'limit' | 'offset'>) {
      const { items } = await list(ctx, { ...f, limit: 100_000, offset: 0 });
      return { buffer: await rightsWorkbook(items), fileName: RIGHTS_FILE_NAME };
    },

    async create(ctx: Ctx, input: RightInput) {
      const v = await ipViewerOf(db, ctx);
      if (!v.userId) throw unauthorized();
      const problems = rightProblems(input, today());
      await checkHolders(v, input.holderIds, problems);
      if (problems.length) throw invalid(problems);
      const cols = columns(input);
      if (await db.selectFrom('ipRight').select('id').where('kind', '=', cols.kind).where('number', '=', cols.number).executeTakeFirst()) throw numberTaken(cols.kind);
      try {
        return await db.transaction().execute(async (trx) => {
          const row = await trx.insertInto('ipRight').values({ ...cols, createdBy: v.userId, createdAt: deps.now(), updatedAt: deps.now() }).returning('id').executeTakeFirstOrThrow();
          await writeHolders(trx, row.id, input.holderIds);
          await audit(trx, ctx, { action: 'ip.right.create', entityType: 'ipRight', entityId: row.id, summary: `登记${IP_KINDS[cols.kind].zh} ${cols.number} ${cols.titleZh}（Recorded an IP right）`, after: { ...cols, tokens: undefined, holderIds: input.holderIds } });
          return detail(trx, v, row.id);
        });
      } catch (e) {
        // Two recordings of one number at once: the unique index decides, the loser gets the same 409.
        if (isUniqueViolation(e)) throw numberTaken(cols.kind);
        throw e;
      }
    },

    /** The kind stays: a number is unique within its kind, and a patent does not become a standard. */
    async update(ctx: Ctx, id: string, patch: Partial<Omit<RightInput, 'kind'>>) {
      const { r, v } = await kept(ctx, id);
      const holders = (await holdersOf(db, [id])).get(id) ?? [];
      const merged: RightInput = {
        kind: r.kind, number: r.number, titleZh: r.titleZh, titleEn: r.titleEn, subtype: r.subtype, status: r.status, filedOn: r.filedOn, grantedOn: r.grantedOn,
        inventors: r.inventors, abstractZh: r.abstractZh, holderIds: holders.map((h) => h.id),
      };
      for (const [k, x] of Object.entries(patch)) if (x !== undefined && k !== 'kind') (merged as unknown as Record<string, unknown>)[k] = x;
      const problems = rightProblems(merged, today());
      if (patch.holderIds) await checkHolders(v, patch.holderIds, problems);
      if (problems.length) throw invalid(problems);
      const cols = columns(merged);
      if (cols.number !== r.number && await db.selectFrom('ipRight').select('id').where('kind', '=', r.kind).where('number', '=', cols.number).executeTakeFirst()) throw numberTaken(r.kind);
      try {
        return await db.transaction().execute(async (trx) => {
          await trx.updateTable('ipRight').set({ ...cols, updatedAt: deps.now() }).where('id', '=', id).execute();
          if (patch.holderIds) await writeHolders(trx, id, patch.holderIds);
          const changed = Object.keys(patch).filter((k) => (patch as Record<string, unknown>)[k] !== undefined);
          const before = { ...r, holderIds: holders.map((h) => h.id) } as Record<string, unknown>;
          await audit(trx, ctx, {
            action: 'ip.right.update', entityType: 'ipRight', entityId: id, summary: `修改${IP_KINDS[r.kind].zh} ${r.number}（Edited an IP right）`,
            before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: Object.fromEntries(changed.map((k) => [k, (merged as unknown as Record<string, unknown>)[k]])),
          });
          return detail(trx, v, id);
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw numberTaken(r.kind);
        throw e;
      }
    },

    /**
     * Links a right to what it belongs to or came from. A holder links to its own things (its
     * organisation, its enterprise record, its achievements, platforms it hosts); the task force
     * to anything, challenges and awards included (the challenges module links its outputs itself).
     */
    async link(ctx: Ctx, id: string, input: { targetKind: LinkKind; targetId: string }) {
      const { r, v } = await kept(ctx, id);
      if (!(input.targetKind in LINK_KINDS)) throw invalid([{ path: '/targetKind', message: '关联类型无效（unknown link kind）' }]);
      if (!v.taskForce && !MANUAL_LINK_KINDS.includes(input.targetKind))
        throw forbidden('揭榜挂帅项目与立项的关联由项目成果登记产生', 'Links to challenges and awards come from recorded challenge outputs');
      const t = await linkTarget(db, input.targetKind, input.targetId);
      if (!t) throw invalid([{ path: '/targetId', message: `${LINK_KINDS[input.targetKind].zh}不存在（no such ${LINK_KINDS[input.targetKind].en.toLowerCase()}）` }]);
      if (!v.taskForce && !(await ownsTarget(db, input.targetKind, t, v.organisationId ?? NONE)))
        throw forbidden('只能关联本机构的企业、成果、依托的平台或本机构', 'You link rights to your own organisation, enterprise record, achievements or hosted platforms only');
      return db.transaction().execute(async (trx) => {
        const added = await trx.insertInto('ipLink').values({ ipRightId: id, targetKind: input.targetKind, targetId: input.targetId, createdBy: v.userId, createdAt: deps.now() })
          .onConflict((oc) => oc.columns(['ipRightId', 'targetKind', 'targetId']).doNothing()).returning('ipRightId').executeTakeFirst();
        if (!added) throw conflict('已关联', 'Already linked', [{ path: '/targetId', message: '已存在此关联（the link exists）' }]);
        await audit(trx, ctx, { action: 'ip.right.link', entityType: 'ipRight', entityId: id, summary: `${r.number} 关联${LINK_KINDS[input.targetKind].zh} ${t.code ?? ''} ${t.nameZh}（Linked an IP right）`, after: input });
        return detail(trx, v, id);
      });
    },

    async unlink(ctx: Ctx, id: string, targetKind: LinkKind, targetId: string) {
      const { r, v } = await kept(ctx, id);
      if (!v.taskForce && !MANUAL_LINK_KINDS.includes(targetKind))
        throw forbidden('揭榜挂帅项目与立项的关联由项目成果登记产生', 'Links to challenges and awards come from recorded challenge outputs');
      return db.transaction().execute(async (trx) => {
        const gone = await trx.deleteFrom('ipLink').where('ipRightId', '=', id).where('targetKind', '=', targetKind).where('targetId', '=', targetId).returningAll().executeTakeFirst();
        if (!gone) throw notFound('关联不存在', 'Link not found');
        await audit(trx, ctx, { action: 'ip.right.unlink', entityType: 'ipRight', entityId: id, summary: `${r.number} 取消关联${LINK_KINDS[targetKind].zh}（Unlinked an IP right）`, before: { targetKind, targetId } });
        return detail(trx, v, id);
      });
    },

    /** For reports: the right if the caller may read it. */
    readable: async (ctx: Ctx, id: string) => readable(db, await ipViewerOf(db, ctx), id),
  };
}

export type RightsService = ReturnType<typeof rightsService>;
