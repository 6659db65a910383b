import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { hasRole } from '../../platform/access/model.js';
import { forbidden, invalid, notFound, type ErrorDetail } from '../../platform/http/errors.js';
import { todayIn } from '../../platform/dates.js';
import { queryTokens, tokensOf } from '../../platform/search/segmenter.js';
import { PUBLIC_STATUSES } from '../ip/model/labels.js';
import type { InnovationDeps } from './index.js';
import { HIGH_LEVEL, PLATFORM_KINDS, PLATFORM_LEVELS, type PlatformKind, type PlatformLevel } from './model/labels.js';
import { platformProblems, RECOGNITION_FIELDS, type PlatformInput } from './model/platforms.js';
import { platformWorkbook, PLATFORMS_FILE_NAME } from './platforms.excel.js';
import { zeroOf, zeroToOneByPlatform } from './results.js';
import { INNOVATION_INDICATORS } from './targets.service.js';

type Q = Kysely<DB> | Transaction<DB>;

export interface PlatformFilter {
  kind?: string; level?: string; status?: string; field?: string; domain?: string; hostId?: string; q?: string;
  limit: number; offset: number;
}

export interface InstrumentInput {
  nameZh: string; model?: string | null; valueWan?: number | null; openToShare?: boolean; bookingContactZh?: string | null; noteZh?: string | null;
}

const CODE_PREFIX = 'PT-';
const notFoundPlatform = () => notFound('科技创新平台不存在', 'Innovation platform not found');
const notFoundInstrument = () => notFound('共享仪器不存在', 'Shared instrument not found');
const clean = (s: string | null | undefined) => (typeof s === 'string' ? s.trim() || null : s ?? null);
const words = (xs: string[] | undefined) => [...new Set((xs ?? []).map((x) => x.trim()))];
/** Several values in one query parameter: `level=national,municipal`. */
const many = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []);

/** Who is asking: the task force keeps every platform; a host organisation's user keeps its own. */
interface Viewer { userId: string | null; organisationId: string | null; taskForce: boolean }
const viewerOf = (ctx: Ctx): Viewer => ({ userId: ctx.principal?.userId ?? null, organisationId: ctx.principal?.organisationId ?? null, taskForce: hasRole(ctx.principal, 'admin', 'taskforce') });

/**
 * Innovation platforms (科技创新平台, tasks 1–2): the task force records and recognises them with
 * their hosts; a host's users keep the description, contact and shared instruments. Everyone
 * reads them, with the results "from 0 to 1" each has (rights in force linked to it).
 */
export function platformsService(database: Database, deps: InnovationDeps) {
  const { db } = database;
  const today = () => todayIn(deps.now());

  const hostsOf = async (q: Q, ids: string[]) => {
    if (!ids.length) return new Map<string, { id: string; nameZh: string; kind: string }[]>();
    const rows = await q.selectFrom('innovationPlatformHost as h').innerJoin('organisation as o', 'o.id', 'h.organisationId')
      .select(['h.platformId', 'o.id', 'o.nameZh', 'o.kind']).where('h.platformId', 'in', ids).orderBy('h.position').execute();
    const m = new Map<string, { id: string; nameZh: string; kind: string }[]>();
    for (const r of rows) m.set(r.platformId, [...(m.get(r.platformId) ?? []), { id: r.id, nameZh: r.nameZh, kind: r.kind }]);
    return m;
  };

  async function decorate<R extends { id: string; level: PlatformLevel; status: string; tokens?: unknown }>(q: Q, rows: R[]) {
    const ids = rows.map((r) => r.id);
    const [hosts, results, instruments] = await Promise.all([
      hostsOf(q, ids), zeroToOneByPlatform(q, ids),
      ids.length ? q.selectFrom('platformInstrument').select(['platformId', sql<number>`count(*)::int`.as('n')]).where('platformId', 'in', ids).groupBy('platformId').execute() : [],
    ]);
    return rows.map(({ tokens: _t, ...r }) => ({
      ...r, hosts: hosts.get(r.id) ?? [], hostNamesZh: (hosts.get(r.id) ?? []).map((h) => h.nameZh).join('、'),
      instrumentCount: instruments.find((i) => i.platformId === r.id)?.n ?? 0, zeroToOne: zeroOf(results, r.id),
      countsTowardTarget: HIGH_LEVEL.levels.includes(r.level) && r.status === HIGH_LEVEL.status,
    }));
  }

  function filtered(f: Omit<PlatformFilter, 'limit' | 'offset'>) {
    let q = db.selectFrom('innovationPlatform as p').leftJoin('district as d', 'd.code', 'p.districtCode').selectAll('p').select('d.nameZh as districtNameZh');
    const kinds = many(f.kind), levels = many(f.level), statuses = many(f.status);
    if (kinds.length) q = q.where('p.kind', 'in', kinds as PlatformKind[]);
    if (levels.length) q = q.where('p.level', 'in', levels as PlatformLevel[]);
    if (statuses.length) q = q.where('p.status', 'in', statuses as never[]);
    if (f.field) q = q.where(sql<boolean>`p.fields @> array[${f.field}]::text[]`);
    if (f.domain) q = q.where(sql<boolean>`p.domains @> array[${f.domain}]::text[]`);
    if (f.hostId) q = q.where((eb) => eb.exists(eb.selectFrom('innovationPlatformHost as h').select('h.platformId').whereRef('h.platformId', '=', 'p.id').where('h.organisationId', '=', f.hostId!)));
    const tokens = f.q ? queryTokens(f.q) : [];
    if (tokens.length) q = q.where(sql<boolean>`p.tokens @> ${sql.val(tokens)}::text[]`);
    return q;
  }

  async function list(f: PlatformFilter) {
    const rows = await filtered(f).select(sql<number>`count(*) over ()`.as('total'))
      .orderBy(sql`case p.level when 'national' then 0 when 'municipal' then 1 else 2 end`).orderBy('p.code').limit(f.limit).offset(f.offset).execute();
    return { total: rows[0]?.total ?? 0, items: await decorate(db, rows.map(({ total: _t, ...r }) => r)) };
  }

  const load = (q: Q, id: string) => q.selectFrom('innovationPlatform as p').leftJoin('district as d', 'd.code', 'p.districtCode').selectAll('p').select('d.nameZh as districtNameZh').where('p.id', '=', id).executeTakeFirst();

  /** The platform for someone who changes it: the task force, or a user of one of its hosts. */
  async function loadForKeeper(ctx: Ctx, id: string) {
    const v = viewerOf(ctx);
    const p = await load(db, id);
    if (!p) throw notFoundPlatform();
    if (v.taskForce) return { p, v };
    const host = v.organisationId && await db.selectFrom('innovationPlatformHost').select('platformId').where('platformId', '=', id).where('organisationId', '=', v.organisationId).executeTakeFirst();
    if (!host) throw forbidden('只有工作专班或平台依托单位可以维护此平台', 'Only the task force or a host organisation may keep this platform');
    return { p, v };
  }

  async function checked(input: Partial<PlatformInput>) {
    const problems: ErrorDetail[] = platformProblems(input, today());
    if (input.hostIds?.length) {
      const found = await db.selectFrom('organisation').select('id').where('id', 'in', input.hostIds).execute();
      if (found.length !== new Set(input.hostIds).size) problems.push({ path: '/hostIds', message: '依托单位不存在（a host organisation does not exist）' });
    }
    if (input.districtCode && !(await db.selectFrom('district').select('code').where('code', '=', input.districtCode).executeTakeFirst()))
      problems.push({ path: '/districtCode', message: '区县代码不存在（unknown district）' });
    const other = input.nameZh && await db.selectFrom('innovationPlatform').select('id').where('nameZh', '=', input.nameZh.trim()).executeTakeFirst();
    if (other && other.id !== (input as { id?: string }).id) problems.push({ path: '/nameZh', message: '已有同名平台（a platform of this name exists）' });
    if (problems.length) throw invalid(problems);
  }

  function columns(i: Partial<PlatformInput>) {
    return {
      nameZh: i.nameZh!.trim(), nameEn: clean(i.nameEn), kind: i.kind as PlatformKind, level: i.level as PlatformLevel, status: (i.status ?? 'operating') as 'operating',
      fields: words(i.fields), domains: words(i.domains), recognisedOn: i.recognisedOn || null, recognisedByZh: clean(i.recognisedByZh),
      districtCode: i.districtCode || null, summaryZh: clean(i.summaryZh), contactZh: clean(i.contactZh),
      tokens: tokensOf(i.nameZh, i.summaryZh, (i.fields ?? []).join(' ')),
    };
  }

  async function writeHosts(trx: Transaction<DB>, platformId: string, hostIds: string[]) {
    await trx.deleteFrom('innovationPlatformHost').where('platformId', '=', platformId).execute();
    if (hostIds.length) await trx.insertInto('innovationPlatformHost').values(hostIds.map((organisationId, position) => ({ platformId, organisationId, position }))).execute();
  }

  async function nextCode(trx: Transaction<DB>) {
    await sql`select pg_advisory_xact_lock(hashtext(${CODE_PREFIX}))`.execute(trx);
    const r = await sql<{ n: number | null }>`select max(substring(code from ${CODE_PREFIX.length + 1}::int)::int) as n from innovation_platform where code ~ ${`^${CODE_PREFIX}[0-9]+$`}`.execute(trx);
    return CODE_PREFIX + String((r.rows[0]?.n ?? 0) + 1).padStart(4, '0');
  }

  async function detail(q: Q, id: string, ctx: Ctx) {
    const p = await load(q, id);
    if (!p) throw notFoundPlatform();
    const [[one], instruments, rights] = await Promise.all([
      decorate(q, [p]),
      q.selectFrom('platformInstrument').selectAll().where('platformId', '=', id).orderBy('createdAt').orderBy('nameZh').execute(),
      q.selectFrom('ipLink as l').innerJoin('ipRight as r', 'r.id', 'l.ipRightId').select(['r.id', 'r.kind', 'r.number', 'r.titleZh', 'r.status', 'r.subtype', 'r.grantedOn'])
        .where('l.targetKind', '=', 'platform').where('l.targetId', '=', id).where('r.status', 'in', PUBLIC_STATUSES).orderBy('r.grantedOn', 'desc').execute(),
    ]);
    const v = viewerOf(ctx);
    const mayKeep = v.taskForce || (!!v.organisationId && one.hosts.some((h) => h.id === v.organisationId));
    return { ...one, instruments, results: { rights }, may: { edit: mayKeep, recognise: v.taskForce } };
  }

  return {
    list: (_ctx: Ctx, f: PlatformFilter) => list(f),
    get: (ctx: Ctx, id: string) => detail(db, id, ctx),

    async exportXlsx(_ctx: Ctx, f: Omit<PlatformFilter, 'limit' | 'offset'>) {
      const { items } = await list({ ...f, limit: 100_000, offset: 0 });
      return { buffer: await platformWorkbook(items), fileName: PLATFORMS_FILE_NAME };
    },

    /** Counts by kind and level, the count the target takes and the target, and the fields in use (for the filters). */
    async summary(_ctx: Ctx) {
      const [cells, fields, target] = await Promise.all([
        db.selectFrom('innovationPlatform').select(['kind', 'level', 'status', sql<number>`count(*)::int`.as('n')]).groupBy(['kind', 'level', 'status']).execute(),
        sql<{ field: string; n: number }>`select f as field, count(*)::int as n from innovation_platform, unnest(fields) f group by f order by n desc, f`.execute(db),
        db.selectFrom('planTarget as t').innerJoin('planVersion as v', 'v.id', 't.planVersionId').select(['t.value', 't.unit']).where('t.code', '=', INNOVATION_INDICATORS.platforms).orderBy('v.version', 'desc').executeTakeFirst(),
      ]);
      const byKind = Object.keys(PLATFORM_KINDS).map((kind) => ({
        kind, ...Object.fromEntries(Object.keys(PLATFORM_LEVELS).map((level) => [level, cells.filter((c) => c.kind === kind && c.level === level && c.status !== 'revoked').reduce((n, c) => n + c.n, 0)])),
      }));
      const counted = cells.filter((c) => HIGH_LEVEL.levels.includes(c.level) && c.status === HIGH_LEVEL.status).reduce((n, c) => n + c.n, 0);
      return { byKind, counted, target: target?.value ?? null, fields: fields.rows };
    },

    async create(ctx: Ctx, input: PlatformInput) {
      if (!viewerOf(ctx).taskForce) throw forbidden('仅工作专班可认定登记科技创新平台', 'Only the task force records a platform');
      const i = { ...input, hostIds: input.hostIds ?? [] };

      await checked(i);
      return db.transaction().execute(async (trx) => {
        const code = await nextCode(trx);
        const row = await trx.insertInto('innovationPlatform').values({ ...columns(i), code, createdAt: deps.now(), updatedAt: deps.now() }).returning('id').executeTakeFirstOrThrow();
        await writeHosts(trx, row.id, i.hostIds);
        await audit(trx, ctx, { action: 'innovation.platform.create', entityType: 'innovationPlatform', entityId: row.id, summary: `登记科技创新平台 ${code} ${i.nameZh}（Recorded an innovation platform）`, after: { code, ...columns(i), tokens: undefined, hostIds: i.hostIds } });
        return detail(trx, row.id, ctx);
      });
    },

    /** The task force changes anything; a host's user the description, fields, domains and contact, not the recognition. */
    async update(ctx: Ctx, id: string, patch: Partial<PlatformInput>) {
      const { p, v } = await loadForKeeper(ctx, id);
      if (!v.taskForce) {
        const denied = RECOGNITION_FIELDS.filter((k) => patch[k] !== undefined);
        if (denied.length) throw forbidden(`认定信息（${denied.join('、')}）仅工作专班可修改`, 'Only the task force changes the recognition (name, kind, level, status, date, body, hosts)');
      }
      const hosts = (await hostsOf(db, [id])).get(id) ?? [];
      const merged: Partial<PlatformInput> & { id: string } = {
        id, nameZh: p.nameZh, nameEn: p.nameEn, kind: p.kind, level: p.level, status: p.status, fields: p.fields, domains: p.domains,
        recognisedOn: p.recognisedOn, recognisedByZh: p.recognisedByZh, districtCode: p.districtCode, summaryZh: p.summaryZh, contactZh: p.contactZh,
        hostIds: patch.hostIds,
      };
      for (const [k, x] of Object.entries(patch)) if (x !== undefined) (merged as Record<string, unknown>)[k] = x;
      await checked(merged);
      return db.transaction().execute(async (trx) => {
        const cols = columns(merged);
        await trx.updateTable('innovationPlatform').set({ ...cols, updatedAt: deps.now() }).where('id', '=', id).execute();
        if (patch.hostIds) await writeHosts(trx, id, merged.hostIds!);
        const changed = Object.keys(patch).filter((k) => (patch as Record<string, unknown>)[k] !== undefined);
        const before = { ...p, hostIds: hosts.map((h) => h.id) } as Record<string, unknown>;
        await audit(trx, ctx, {
          action: 'innovation.platform.update', entityType: 'innovationPlatform', entityId: id, summary: `修改科技创新平台 ${p.code}（Edited an innovation platform）`,
          before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: Object.fromEntries(changed.map((k) => [k, (merged as Record<string, unknown>)[k]])),
        });
        return detail(trx, id, ctx);
      });
    },

    async addInstrument(ctx: Ctx, platformId: string, input: InstrumentInput) {
      const { p } = await loadForKeeper(ctx, platformId);
      const cols = instrumentColumns(input);
      return db.transaction().execute(async (trx) => {
        const row = await trx.insertInto('platformInstrument').values({ ...cols, platformId, createdAt: deps.now(), updatedAt: deps.now() }).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'innovation.instrument.create', entityType: 'platformInstrument', entityId: row.id, summary: `平台 ${p.code} 新增共享仪器 ${cols.nameZh}（Added a shared instrument）`, after: cols });
        return row;
      });
    },

    async updateInstrument(ctx: Ctx, platformId: string, instrumentId: string, patch: Partial<InstrumentInput>) {
      const { p } = await loadForKeeper(ctx, platformId);
      const before = await db.selectFrom('platformInstrument').selectAll().where('id', '=', instrumentId).where('platformId', '=', platformId).executeTakeFirst();
      if (!before) throw notFoundInstrument();
      const cols = instrumentColumns({ ...before, ...Object.fromEntries(Object.entries(patch).filter(([, x]) => x !== undefined)) } as InstrumentInput);
      return db.transaction().execute(async (trx) => {
        const row = await trx.updateTable('platformInstrument').set({ ...cols, updatedAt: deps.now() }).where('id', '=', instrumentId).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'innovation.instrument.update', entityType: 'platformInstrument', entityId: instrumentId, summary: `平台 ${p.code} 修改共享仪器 ${cols.nameZh}（Edited a shared instrument）`, before, after: cols });
        return row;
      });
    },

    async removeInstrument(ctx: Ctx, platformId: string, instrumentId: string) {
      const { p } = await loadForKeeper(ctx, platformId);
      return db.transaction().execute(async (trx) => {
        const gone = await trx.deleteFrom('platformInstrument').where('id', '=', instrumentId).where('platformId', '=', platformId).returningAll().executeTakeFirst();
        if (!gone) throw notFoundInstrument();
        await audit(trx, ctx, { action: 'innovation.instrument.delete', entityType: 'platformInstrument', entityId: instrumentId, summary: `平台 ${p.code} 删除共享仪器 ${gone.nameZh}（Removed a shared instrument）`, before: gone });
        return { deleted: true };
      });
    },
  };
}

function instrumentColumns(i: InstrumentInput) {
  const problems: ErrorDetail[] = [];
  if (!i.nameZh?.trim()) problems.push({ path: '/nameZh', message: '请填写仪器名称（the name is required）' });
  if (i.valueWan != null && !(i.valueWan >= 0)) problems.push({ path: '/valueWan', message: '原值不能为负（the value cannot be negative）' });
  if (problems.length) throw invalid(problems);
  return {
    nameZh: i.nameZh.trim(), model: clean(i.model), valueWan: i.valueWan ?? null, openToShare: i.openToShare ?? true,
    bookingContactZh: clean(i.bookingContactZh), noteZh: clean(i.noteZh),
  };
}

export type PlatformsService = ReturnType<typeof platformsService>;
