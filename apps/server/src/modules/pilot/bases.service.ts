import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { nextCode } from '../../platform/db/codes.js';
import { conflict, forbidden, invalid, notFound, unauthorized, type ErrorDetail } from '../../platform/http/errors.js';
import { containsPattern } from '../../platform/db/like.js';
import { queryTokens } from '../../platform/search/segmenter.js';
import { todayIn } from '../../platform/dates.js';
import type { PilotDeps } from './index.js';
import { keepsBase, pilotViewerOf, requirePilotTaskForce, type PilotViewer } from './viewer.js';
import { BASE_TIERS } from './model/labels.js';
import { PARTIES } from './http.js';
import {
  baseProblems, baseTokens, capabilityPasses, capabilityProblems, capabilityTokens, equipmentProblems, filtersCapabilities, platformTokens,
  pointProblems, recognitionProblems, serviceProblems, type BaseFields, type BaseTier, type CapabilityFields, type CapabilityFilter,
  type EquipmentFields, type ServiceFields,
} from './model/bases.js';

export interface BaseInput extends BaseFields {
  organisationId?: string | null; tier?: BaseTier; recognisedOn?: string | null; recognisedByZh?: string | null; allianceMember?: boolean;
}
export type BasePatch = Partial<BaseFields> & { organisationId?: string | null };
export interface PlatformInput { nameZh: string; nameEn?: string | null; summaryZh?: string | null }
export interface BaseFilter { districtCode?: string; domain?: string; tier?: string; alliance?: boolean; q?: string; limit: number; offset: number }
export interface EquipmentFilter { baseId?: string; districtCode?: string; status?: string; q?: string; limit: number; offset: number }
export interface AtlasFilter extends CapabilityFilter { domain?: string; district?: string }

type CodedTable = 'pilot_base' | 'pilot_platform' | 'equipment' | 'equipment_booking';

/** What everyone sees of a base: not its search tokens, nor which account organisation runs it. */
const BASE_COLUMNS = [
  'b.id', 'b.code', 'b.nameZh', 'b.nameEn', 'b.operatorZh', 'b.districtCode', 'b.addressZh', 'b.lng', 'b.lat', 'b.domains', 'b.allianceMember',
  'b.tier', 'b.recognisedOn', 'b.recognisedByZh', 'b.summaryZh', 'b.contactZh', 'b.isDemo', 'b.createdAt', 'b.updatedAt',
] as const;
const CAPABILITY_COLUMNS = [
  'c.id', 'c.platformId', 'c.nameZh', 'c.processes', 'c.organisms', 'c.volumeMinL', 'c.volumeMaxL', 'c.qualityGrade', 'c.biosafetyLevel', 'c.descriptionZh', 'c.createdAt', 'c.updatedAt',
] as const;
const TIER_ORDER = sql`case b.tier when 'national' then 0 when 'key' then 1 else 2 end`;

const notFoundBase = () => notFound('中试基地不存在', 'Pilot base not found');
const notFoundPlatform = () => notFound('中试平台不存在', 'Pilot platform not found');
const notFoundCapability = () => notFound('平台能力不存在', 'Capability not found');
const notFoundService = () => notFound('基地服务不存在', 'Service not found');
const notFoundEquipment = () => notFound('设备不存在', 'Equipment not found');

/** Keepers of a base: the task force, and pilot-base users of the organisation that operates it. */
export function requireKeeper(v: PilotViewer, baseId: string) {
  if (!v.userId) throw unauthorized();
  if (!keepsBase(v, baseId)) throw forbidden('只能维护本机构运营的中试基地', 'You keep only the bases your organisation operates');
}

const withoutTokens = <T extends { tokens?: unknown }>(row: T) => { const { tokens: _t, ...rest } = row; return rest; };

/** Only the named fields of an input reach a write, whatever else the caller sent. */
const pick = <T extends object, K extends keyof T>(o: T, keys: readonly K[]) =>
  Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]])) as Partial<Pick<T, K>>;
const BASE_PATCH_KEYS = ['nameEn', 'districtCode', 'contactZh', 'organisationId'] as const;
const SERVICE_KEYS = ['descriptionZh', 'priceYuan', 'priceUnitZh', 'leadTimeDays'] as const;
const EQUIPMENT_KEYS = ['platformId', 'model', 'capacityZh', 'capacityL', 'status', 'priceMemberYuan', 'priceEnterpriseYuan', 'priceInstituteYuan'] as const;

/**
 * Pilot bases (中试基地) and what they offer: platforms, their capabilities, services with prices
 * and lead times, and shared equipment; the public list, profile and capability atlas (中试图谱).
 * The task force creates bases and decides tier and alliance membership; a base's own pilot-base
 * users keep everything else about it.
 */
export function basesService(database: Database, deps: PilotDeps) {
  const { db } = database;
  const today = () => todayIn(deps.now());

  async function loadBase(id: string) {
    const b = await db.selectFrom('pilotBase').selectAll().where('id', '=', id).executeTakeFirst();
    if (!b) throw notFoundBase();
    return b;
  }
  async function loadPlatform(id: string) {
    const p = await db.selectFrom('pilotPlatform').selectAll().where('id', '=', id).executeTakeFirst();
    if (!p) throw notFoundPlatform();
    return p;
  }
  async function loadCapability(id: string) {
    const c = await db.selectFrom('pilotCapability as c').innerJoin('pilotPlatform as p', 'p.id', 'c.platformId').selectAll('c').select('p.baseId').where('c.id', '=', id).executeTakeFirst();
    if (!c) throw notFoundCapability();
    return c;
  }
  async function loadService(id: string) {
    const s = await db.selectFrom('pilotService').selectAll().where('id', '=', id).executeTakeFirst();
    if (!s) throw notFoundService();
    return s;
  }
  async function loadEquipment(id: string) {
    const e = await db.selectFrom('equipment').selectAll().where('id', '=', id).executeTakeFirst();
    if (!e) throw notFoundEquipment();
    return e;
  }

  async function districtProblems(code: string | undefined): Promise<ErrorDetail[]> {
    if (code === undefined || (await db.selectFrom('district').select('code').where('code', '=', code).executeTakeFirst())) return [];
    return [{ path: '/districtCode', message: `区县代码 ${code} 不存在（no such district）` }];
  }

  /** The operator named as an account organisation is a pilot-base organisation on the platform. */
  async function organisationProblems(id: string | null | undefined): Promise<ErrorDetail[]> {
    if (!id) return [];
    const org = await db.selectFrom('organisation').select('kind').where('id', '=', id).executeTakeFirst();
    return org?.kind === 'pilotBase' ? [] : [{ path: '/organisationId', message: '运营机构须为平台上的中试基地机构（a pilot-base organisation on the platform）' }];
  }

  async function equipmentCodeProblems(code: string | null | undefined, exceptId?: string): Promise<ErrorDetail[]> {
    if (!code) return [];
    const other = await db.selectFrom('equipment').select('id').where('code', '=', code).executeTakeFirst();
    return other && other.id !== exceptId ? [{ path: '/code', message: `设备编号 ${code} 已被使用（the code is taken）` }] : [];
  }

  async function platformOfBase(platformId: string | null | undefined, baseId: string): Promise<ErrorDetail[]> {
    if (!platformId) return [];
    const p = await db.selectFrom('pilotPlatform').select('baseId').where('id', '=', platformId).executeTakeFirst();
    return p?.baseId === baseId ? [] : [{ path: '/platformId', message: '所属平台须是本基地的平台（a platform of this base）' }];
  }

  const touchBase = (trx: Transaction<DB>, baseId: string) => trx.updateTable('pilotBase').set({ updatedAt: deps.now() }).where('id', '=', baseId).execute();

  return {
    async list(f: BaseFilter) {
      let q = db.selectFrom('pilotBase as b').innerJoin('district as d', 'd.code', 'b.districtCode').select([
        ...BASE_COLUMNS, 'd.nameZh as districtNameZh',
        sql<number>`(select count(*) from pilot_platform p where p.base_id = b.id)::int`.as('platformCount'),
        sql<number>`(select count(*) from pilot_capability c join pilot_platform p on p.id = c.platform_id where p.base_id = b.id)::int`.as('capabilityCount'),
        sql<number>`(select count(*) from equipment e where e.base_id = b.id and e.status <> 'retired')::int`.as('equipmentCount'),
      ]);
      if (f.districtCode) q = q.where('b.districtCode', '=', f.districtCode);
      if (f.domain) q = q.where(sql<boolean>`b.domains @> array[${f.domain}]::text[]`);
      if (f.tier) q = q.where('b.tier', 'in', f.tier.split(','));
      if (f.alliance !== undefined) q = q.where('b.allianceMember', '=', f.alliance);
      const tokens = f.q ? queryTokens(f.q) : [];
      if (tokens.length) {
        // A base is found by its own words or by those of its platforms and capabilities.
        const t = sql.val(tokens);
        q = q.where(sql<boolean>`(b.tokens @> ${t}::text[]
          or exists (select 1 from pilot_platform p where p.base_id = b.id and p.tokens @> ${t}::text[])
          or exists (select 1 from pilot_capability c join pilot_platform p on p.id = c.platform_id where p.base_id = b.id and c.tokens @> ${t}::text[]))`);
      }
      const rows = await q.select(sql<number>`count(*) over ()`.as('total')).orderBy(TIER_ORDER).orderBy('b.code').limit(f.limit).offset(f.offset).execute();
      return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _t, ...r }) => r) };
    },

    /** The public profile: platforms with their capabilities, services and equipment (prices are public). */
    async get(ctx: Ctx, id: string) {
      const v = await pilotViewerOf(db, ctx);
      const b = await db.selectFrom('pilotBase as b').innerJoin('district as d', 'd.code', 'b.districtCode')
        .select([...BASE_COLUMNS, 'b.organisationId', 'd.nameZh as districtNameZh']).where('b.id', '=', id).executeTakeFirst();
      if (!b) throw notFoundBase();
      const [platforms, capabilities, services, equipment] = await Promise.all([
        db.selectFrom('pilotPlatform').select(['id', 'code', 'nameZh', 'nameEn', 'summaryZh', 'createdAt', 'updatedAt']).where('baseId', '=', id).orderBy('code').execute(),
        db.selectFrom('pilotCapability as c').innerJoin('pilotPlatform as p', 'p.id', 'c.platformId').select(CAPABILITY_COLUMNS).where('p.baseId', '=', id).orderBy('c.createdAt').orderBy('c.id').execute(),
        db.selectFrom('pilotService').selectAll().where('baseId', '=', id).orderBy('createdAt').orderBy('id').execute(),
        db.selectFrom('equipment').selectAll().where('baseId', '=', id).orderBy('code').execute(),
      ]);
      const keeper = keepsBase(v, id);
      const { organisationId, ...pub } = b;
      return {
        ...pub, ...(keeper ? { organisationId } : {}), tierName: BASE_TIERS[b.tier as BaseTier],
        platforms: platforms.map((p) => ({ ...p, capabilities: capabilities.filter((c) => c.platformId === p.id) })),
        services, equipment, may: { edit: keeper, recognise: v.taskForce },
      };
    },

    async create(ctx: Ctx, input: BaseInput) {
      const v = await pilotViewerOf(db, ctx);
      requirePilotTaskForce(v);
      const tier = input.tier ?? 'reserve';
      const problems = [
        ...baseProblems(input), ...pointProblems(input.lng, input.lat), ...recognitionProblems(tier, input.recognisedOn, input.recognisedByZh, today()),
        ...(await districtProblems(input.districtCode)), ...(await organisationProblems(input.organisationId)),
      ];
      if (problems.length) throw invalid(problems);
      const fields = {
        nameZh: input.nameZh.trim(), nameEn: input.nameEn ?? null, operatorZh: input.operatorZh.trim(), addressZh: input.addressZh ?? null, summaryZh: input.summaryZh ?? null,
      };
      return db.transaction().execute(async (trx) => {
        const code = await nextCode(trx, 'pilot_base', `JD-${input.districtCode}-`, 3);
        const b = await trx.insertInto('pilotBase').values({
          code, ...fields, organisationId: input.organisationId ?? null, districtCode: input.districtCode, lng: input.lng ?? null, lat: input.lat ?? null,
          domains: [...new Set(input.domains ?? [])], allianceMember: input.allianceMember ?? false, tier,
          recognisedOn: tier === 'reserve' ? null : input.recognisedOn!, recognisedByZh: tier === 'reserve' ? null : input.recognisedByZh!.trim(),
          contactZh: input.contactZh ?? null, tokens: baseTokens(fields), createdAt: deps.now(), updatedAt: deps.now(),
        }).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'pilot.base.create', entityType: 'pilotBase', entityId: b.id, summary: `登记中试基地 ${code} ${b.nameZh}（Registered pilot base）`, after: withoutTokens(b) });
        return withoutTokens(b);
      });
    },

    /** A keeper edits the base's description; naming its account organisation is the task force's. */
    async update(ctx: Ctx, id: string, patch: BasePatch) {
      const v = await pilotViewerOf(db, ctx);
      const before = await loadBase(id);
      requireKeeper(v, id);
      if (patch.organisationId !== undefined && patch.organisationId !== before.organisationId && !v.taskForce) {
        throw forbidden('变更基地的运营机构须由工作专班办理', 'Only the task force changes which organisation operates a base');
      }
      const lng = patch.lng !== undefined ? patch.lng : before.lng;
      const lat = patch.lat !== undefined ? patch.lat : before.lat;
      const problems = [...baseProblems(patch), ...pointProblems(lng, lat), ...(await districtProblems(patch.districtCode)), ...(await organisationProblems(patch.organisationId))];
      if (problems.length) throw invalid(problems);
      const merged = {
        nameZh: patch.nameZh?.trim() ?? before.nameZh, nameEn: patch.nameEn !== undefined ? patch.nameEn : before.nameEn,
        operatorZh: patch.operatorZh?.trim() ?? before.operatorZh, summaryZh: patch.summaryZh !== undefined ? patch.summaryZh : before.summaryZh,
        addressZh: patch.addressZh !== undefined ? patch.addressZh : before.addressZh,
      };
      return db.transaction().execute(async (trx) => {
        const b = await trx.updateTable('pilotBase').set({
          ...pick(patch, BASE_PATCH_KEYS), ...merged, ...(patch.domains ? { domains: [...new Set(patch.domains)] } : {}), lng, lat, tokens: baseTokens(merged), updatedAt: deps.now(),
        }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'pilot.base.update', entityType: 'pilotBase', entityId: id, summary: `修改中试基地 ${b.code}（Updated pilot base）`, before: withoutTokens(before), after: withoutTokens(b) });
        return withoutTokens(b);
      });
    },

    /** 储备 → 重点 → 国家级 (or back): the task force records the recognition, its day and body. */
    async setTier(ctx: Ctx, id: string, input: { tier: BaseTier; recognisedOn?: string | null; recognisedByZh?: string | null }) {
      requirePilotTaskForce(await pilotViewerOf(db, ctx));
      const before = await loadBase(id);
      const problems = recognitionProblems(input.tier, input.recognisedOn, input.recognisedByZh, today());
      if (problems.length) throw invalid(problems);
      const recognition = input.tier === 'reserve' ? { recognisedOn: null, recognisedByZh: null } : { recognisedOn: input.recognisedOn!, recognisedByZh: input.recognisedByZh!.trim() };
      return db.transaction().execute(async (trx) => {
        const b = await trx.updateTable('pilotBase').set({ tier: input.tier, ...recognition, updatedAt: deps.now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        const name = BASE_TIERS[input.tier];
        await audit(trx, ctx, {
          action: 'pilot.base.tier', entityType: 'pilotBase', entityId: id,
          summary: `中试基地 ${b.code} 等级：${BASE_TIERS[before.tier as BaseTier].zh} → ${name.zh}${recognition.recognisedByZh ? `（${recognition.recognisedByZh} ${recognition.recognisedOn} 认定）` : ''}（Tier ${before.tier} → ${input.tier}）`,
          before: { tier: before.tier, recognisedOn: before.recognisedOn, recognisedByZh: before.recognisedByZh }, after: { tier: b.tier, ...recognition },
        });
        return withoutTokens(b);
      });
    },

    async setAlliance(ctx: Ctx, id: string, allianceMember: boolean) {
      requirePilotTaskForce(await pilotViewerOf(db, ctx));
      const before = await loadBase(id);
      return db.transaction().execute(async (trx) => {
        const b = await trx.updateTable('pilotBase').set({ allianceMember, updatedAt: deps.now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, {
          action: 'pilot.base.alliance', entityType: 'pilotBase', entityId: id,
          summary: `中试基地 ${b.code} ${allianceMember ? '加入' : '退出'}中试联盟（${allianceMember ? 'Joined' : 'Left'} the pilot alliance）`,
          before: { allianceMember: before.allianceMember }, after: { allianceMember },
        });
        return withoutTokens(b);
      });
    },

    // ---- Platforms ---------------------------------------------------------------------

    async addPlatform(ctx: Ctx, baseId: string, input: PlatformInput) {
      const v = await pilotViewerOf(db, ctx);
      const base = await loadBase(baseId);
      requireKeeper(v, baseId);
      if (!input.nameZh.trim()) throw invalid([{ path: '/nameZh', message: '平台名称必填（the name is required）' }]);
      const fields = { nameZh: input.nameZh.trim(), nameEn: input.nameEn ?? null, summaryZh: input.summaryZh ?? null };
      return db.transaction().execute(async (trx) => {
        const code = await nextCode(trx, 'pilot_platform', `${base.code}-P`, 2);
        const p = await trx.insertInto('pilotPlatform').values({ baseId, code, ...fields, tokens: platformTokens(fields), createdAt: deps.now(), updatedAt: deps.now() }).returningAll().executeTakeFirstOrThrow();
        await touchBase(trx, baseId);
        await audit(trx, ctx, { action: 'pilot.platform.create', entityType: 'pilotPlatform', entityId: p.id, summary: `中试基地 ${base.code} 新增平台 ${code} ${p.nameZh}（Added platform）`, after: withoutTokens(p) });
        return withoutTokens(p);
      });
    },

    async updatePlatform(ctx: Ctx, id: string, patch: Partial<PlatformInput>) {
      const v = await pilotViewerOf(db, ctx);
      const before = await loadPlatform(id);
      requireKeeper(v, before.baseId);
      if (patch.nameZh !== undefined && !patch.nameZh.trim()) throw invalid([{ path: '/nameZh', message: '平台名称必填（the name is required）' }]);
      const merged = { nameZh: patch.nameZh?.trim() ?? before.nameZh, nameEn: patch.nameEn !== undefined ? patch.nameEn : before.nameEn, summaryZh: patch.summaryZh !== undefined ? patch.summaryZh : before.summaryZh };
      return db.transaction().execute(async (trx) => {
        const p = await trx.updateTable('pilotPlatform').set({ ...merged, tokens: platformTokens(merged), updatedAt: deps.now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        await touchBase(trx, before.baseId);
        await audit(trx, ctx, { action: 'pilot.platform.update', entityType: 'pilotPlatform', entityId: id, summary: `修改中试平台 ${p.code}（Updated platform）`, before: withoutTokens(before), after: withoutTokens(p) });
        return withoutTokens(p);
      });
    },

    /** Removes a platform with its capabilities; its equipment stays with the base. One that responses name stays. */
    async deletePlatform(ctx: Ctx, id: string) {
      const v = await pilotViewerOf(db, ctx);
      const before = await loadPlatform(id);
      requireKeeper(v, before.baseId);
      if (await db.selectFrom('pilotResponse').select('id').where('platformId', '=', id).executeTakeFirst()) {
        throw conflict('该平台已用于响应需求或成果，不能删除', 'Responses name this platform, so it cannot be deleted');
      }
      return db.transaction().execute(async (trx) => {
        const capabilities = await trx.selectFrom('pilotCapability').select(['id', 'nameZh']).where('platformId', '=', id).execute();
        await trx.deleteFrom('pilotPlatform').where('id', '=', id).execute();
        await touchBase(trx, before.baseId);
        await audit(trx, ctx, { action: 'pilot.platform.delete', entityType: 'pilotPlatform', entityId: id, summary: `删除中试平台 ${before.code} ${before.nameZh}（Deleted platform）`, before: { ...withoutTokens(before), capabilities } });
        return { id, deleted: true };
      });
    },

    // ---- Capabilities ------------------------------------------------------------------

    async addCapability(ctx: Ctx, platformId: string, input: Partial<CapabilityFields> & { nameZh: string; volumeMinL: number; volumeMaxL: number }) {
      const v = await pilotViewerOf(db, ctx);
      const platform = await loadPlatform(platformId);
      requireKeeper(v, platform.baseId);
      const c = {
        nameZh: input.nameZh.trim(), processes: [...new Set(input.processes ?? [])], organisms: [...new Set(input.organisms ?? [])], volumeMinL: input.volumeMinL, volumeMaxL: input.volumeMaxL,
        qualityGrade: input.qualityGrade ?? 'none', biosafetyLevel: input.biosafetyLevel ?? 1, descriptionZh: input.descriptionZh ?? null,
      };
      const problems = capabilityProblems({ ...input, ...c, nameZh: input.nameZh });
      if (problems.length) throw invalid(problems);
      return db.transaction().execute(async (trx) => {
        const row = await trx.insertInto('pilotCapability').values({ platformId, ...c, tokens: capabilityTokens(c), createdAt: deps.now(), updatedAt: deps.now() }).returningAll().executeTakeFirstOrThrow();
        await touchBase(trx, platform.baseId);
        await audit(trx, ctx, { action: 'pilot.capability.create', entityType: 'pilotCapability', entityId: row.id, summary: `中试平台 ${platform.code} 新增能力「${row.nameZh}」（Added capability）`, after: withoutTokens(row) });
        return withoutTokens(row);
      });
    },

    async updateCapability(ctx: Ctx, id: string, patch: Partial<CapabilityFields>) {
      const v = await pilotViewerOf(db, ctx);
      const { baseId, ...before } = await loadCapability(id);
      requireKeeper(v, baseId);
      const merged = {
        nameZh: patch.nameZh?.trim() ?? before.nameZh, processes: patch.processes ? [...new Set(patch.processes)] : before.processes,
        organisms: patch.organisms ? [...new Set(patch.organisms)] : before.organisms, volumeMinL: patch.volumeMinL ?? before.volumeMinL, volumeMaxL: patch.volumeMaxL ?? before.volumeMaxL,
        qualityGrade: patch.qualityGrade ?? before.qualityGrade, biosafetyLevel: patch.biosafetyLevel ?? before.biosafetyLevel,
        descriptionZh: patch.descriptionZh !== undefined ? patch.descriptionZh : before.descriptionZh,
      };
      const problems = capabilityProblems({ ...patch, volumeMinL: merged.volumeMinL, volumeMaxL: merged.volumeMaxL });
      if (problems.length) throw invalid(problems);
      return db.transaction().execute(async (trx) => {
        const row = await trx.updateTable('pilotCapability').set({ ...merged, tokens: capabilityTokens(merged), updatedAt: deps.now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        await touchBase(trx, baseId);
        await audit(trx, ctx, { action: 'pilot.capability.update', entityType: 'pilotCapability', entityId: id, summary: `修改平台能力「${row.nameZh}」（Updated capability）`, before: withoutTokens(before), after: withoutTokens(row) });
        return withoutTokens(row);
      });
    },

    async deleteCapability(ctx: Ctx, id: string) {
      const v = await pilotViewerOf(db, ctx);
      const { baseId, ...before } = await loadCapability(id);
      requireKeeper(v, baseId);
      return db.transaction().execute(async (trx) => {
        await trx.deleteFrom('pilotCapability').where('id', '=', id).execute();
        await touchBase(trx, baseId);
        await audit(trx, ctx, { action: 'pilot.capability.delete', entityType: 'pilotCapability', entityId: id, summary: `删除平台能力「${before.nameZh}」（Deleted capability）`, before: withoutTokens(before) });
        return { id, deleted: true };
      });
    },

    // ---- Services ----------------------------------------------------------------------

    async addService(ctx: Ctx, baseId: string, input: ServiceFields) {
      const v = await pilotViewerOf(db, ctx);
      const base = await loadBase(baseId);
      requireKeeper(v, baseId);
      const problems = serviceProblems(input);
      if (problems.length) throw invalid(problems);
      return db.transaction().execute(async (trx) => {
        const s = await trx.insertInto('pilotService').values({
          baseId, nameZh: input.nameZh.trim(), descriptionZh: input.descriptionZh ?? null, priceYuan: input.priceYuan ?? null, priceUnitZh: input.priceUnitZh ?? null,
          leadTimeDays: input.leadTimeDays ?? null, createdAt: deps.now(), updatedAt: deps.now(),
        }).returningAll().executeTakeFirstOrThrow();
        await touchBase(trx, baseId);
        await audit(trx, ctx, { action: 'pilot.service.create', entityType: 'pilotService', entityId: s.id, summary: `中试基地 ${base.code} 新增服务「${s.nameZh}」（Added service）`, after: s });
        return s;
      });
    },

    async updateService(ctx: Ctx, id: string, patch: Partial<ServiceFields>) {
      const v = await pilotViewerOf(db, ctx);
      const before = await loadService(id);
      requireKeeper(v, before.baseId);
      const problems = serviceProblems(patch);
      if (problems.length) throw invalid(problems);
      return db.transaction().execute(async (trx) => {
        const s = await trx.updateTable('pilotService').set({ ...pick(patch, SERVICE_KEYS), ...(patch.nameZh ? { nameZh: patch.nameZh.trim() } : {}), updatedAt: deps.now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        await touchBase(trx, before.baseId);
        await audit(trx, ctx, { action: 'pilot.service.update', entityType: 'pilotService', entityId: id, summary: `修改基地服务「${s.nameZh}」（Updated service）`, before, after: s });
        return s;
      });
    },

    async deleteService(ctx: Ctx, id: string) {
      const v = await pilotViewerOf(db, ctx);
      const before = await loadService(id);
      requireKeeper(v, before.baseId);
      return db.transaction().execute(async (trx) => {
        await trx.deleteFrom('pilotService').where('id', '=', id).execute();
        await touchBase(trx, before.baseId);
        await audit(trx, ctx, { action: 'pilot.service.delete', entityType: 'pilotService', entityId: id, summary: `删除基地服务「${before.nameZh}」（Deleted service）`, before });
        return { id, deleted: true };
      });
    },

    // ---- Equipment ---------------------------------------------------------------------

    /** Shared equipment across bases, for those looking for an instrument to book. */
    async listEquipment(f: EquipmentFilter) {
      let q = db.selectFrom('equipment as e').innerJoin('pilotBase as b', 'b.id', 'e.baseId')
        .selectAll('e').select(['b.code as baseCode', 'b.nameZh as baseNameZh', 'b.districtCode', sql<number>`count(*) over ()`.as('total')]);
      if (f.baseId) q = q.where('e.baseId', '=', f.baseId);
      if (f.districtCode) q = q.where('b.districtCode', '=', f.districtCode);
      if (f.status) q = q.where('e.status', '=', f.status);
      else q = q.where('e.status', '<>', 'retired');
      if (f.q) {
        const like = containsPattern(f.q.trim());
        q = q.where((eb) => eb.or([eb('e.nameZh', 'ilike', like), eb('e.typeZh', 'ilike', like), eb('e.model', 'ilike', like), eb('e.code', 'ilike', like)]));
      }
      const rows = await q.orderBy('b.code').orderBy('e.code').limit(f.limit).offset(f.offset).execute();
      return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _t, ...r }) => r) };
    },

    async getEquipment(ctx: Ctx, id: string) {
      const v = await pilotViewerOf(db, ctx);
      const e = await db.selectFrom('equipment as e').innerJoin('pilotBase as b', 'b.id', 'e.baseId').leftJoin('pilotPlatform as p', 'p.id', 'e.platformId')
        .selectAll('e').select(['b.code as baseCode', 'b.nameZh as baseNameZh', 'b.districtCode', 'b.allianceMember', 'p.nameZh as platformNameZh']).where('e.id', '=', id).executeTakeFirst();
      if (!e) throw notFoundEquipment();
      return { ...e, may: { edit: keepsBase(v, e.baseId), book: v.roles.some((r) => (PARTIES as readonly string[]).includes(r)) && e.status === 'available' } };
    },

    async addEquipment(ctx: Ctx, baseId: string, input: EquipmentFields) {
      const v = await pilotViewerOf(db, ctx);
      const base = await loadBase(baseId);
      requireKeeper(v, baseId);
      const code = input.code?.trim() || null;
      const problems = [...equipmentProblems({ ...input, code }), ...(await platformOfBase(input.platformId, baseId))];
      if (problems.length) throw invalid(problems);
      const taken = await equipmentCodeProblems(code);
      if (taken.length) throw conflict('设备编号已被使用', 'The equipment code is taken', taken);
      return db.transaction().execute(async (trx) => {
        const e = await trx.insertInto('equipment').values({
          baseId, platformId: input.platformId ?? null, code: code ?? (await nextCode(trx, 'equipment', `${base.code}-E`, 3)), nameZh: input.nameZh.trim(), typeZh: input.typeZh.trim(),
          model: input.model ?? null, capacityZh: input.capacityZh ?? null, capacityL: input.capacityL ?? null, status: input.status ?? 'available',
          priceMemberYuan: input.priceMemberYuan ?? null, priceEnterpriseYuan: input.priceEnterpriseYuan ?? null, priceInstituteYuan: input.priceInstituteYuan ?? null,
          createdAt: deps.now(), updatedAt: deps.now(),
        }).returningAll().executeTakeFirstOrThrow();
        await touchBase(trx, baseId);
        await audit(trx, ctx, { action: 'pilot.equipment.create', entityType: 'equipment', entityId: e.id, summary: `中试基地 ${base.code} 新增设备 ${e.code} ${e.nameZh}（Added equipment）`, after: e });
        return e;
      });
    },

    async updateEquipment(ctx: Ctx, id: string, patch: Partial<EquipmentFields>) {
      const v = await pilotViewerOf(db, ctx);
      const before = await loadEquipment(id);
      requireKeeper(v, before.baseId);
      const code = patch.code === undefined ? undefined : patch.code?.trim() || null;
      if (patch.code !== undefined && !code) throw invalid([{ path: '/code', message: '设备编号不能为空（the code cannot be empty）' }]);
      const problems = [...equipmentProblems({ ...patch, code }), ...(await platformOfBase(patch.platformId, before.baseId))];
      if (problems.length) throw invalid(problems);
      const taken = await equipmentCodeProblems(code, id);
      if (taken.length) throw conflict('设备编号已被使用', 'The equipment code is taken', taken);
      return db.transaction().execute(async (trx) => {
        const e = await trx.updateTable('equipment').set({
          ...pick(patch, EQUIPMENT_KEYS), ...(code ? { code } : {}), ...(patch.nameZh ? { nameZh: patch.nameZh.trim() } : {}), ...(patch.typeZh ? { typeZh: patch.typeZh.trim() } : {}), updatedAt: deps.now(),
        }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        await touchBase(trx, before.baseId);
        await audit(trx, ctx, { action: 'pilot.equipment.update', entityType: 'equipment', entityId: id, summary: `修改设备 ${e.code}${before.status !== e.status ? `，状态 ${before.status} → ${e.status}` : ''}（Updated equipment）`, before, after: e });
        return e;
      });
    },

    /** An item that was ever booked keeps its history: retire it instead. */
    async deleteEquipment(ctx: Ctx, id: string) {
      const v = await pilotViewerOf(db, ctx);
      const before = await loadEquipment(id);
      requireKeeper(v, before.baseId);
      if (await db.selectFrom('equipmentBooking').select('id').where('equipmentId', '=', id).executeTakeFirst()) {
        throw conflict('该设备已有预约记录，不能删除；请将状态改为「已停用」', 'The item has bookings and cannot be deleted; set its status to retired instead');
      }
      return db.transaction().execute(async (trx) => {
        await trx.deleteFrom('equipment').where('id', '=', id).execute();
        await touchBase(trx, before.baseId);
        await audit(trx, ctx, { action: 'pilot.equipment.delete', entityType: 'equipment', entityId: id, summary: `删除设备 ${before.code} ${before.nameZh}（Deleted equipment）`, before });
        return { id, deleted: true };
      });
    },

    // ---- The atlas (中试图谱) ----------------------------------------------------------

    /**
     * Bases on the district map with the capabilities that pass the filters. When a capability
     * filter is given a base appears only if one of its capabilities passes; a base without
     * coordinates is placed by its district. Counts per district feed a choropleth.
     */
    async atlas(f: AtlasFilter) {
      let q = db.selectFrom('pilotBase as b').innerJoin('district as d', 'd.code', 'b.districtCode')
        .select(['b.id', 'b.code', 'b.nameZh', 'b.nameEn', 'b.operatorZh', 'b.districtCode', 'd.nameZh as districtNameZh', 'b.lng', 'b.lat', 'b.domains', 'b.tier', 'b.allianceMember']);
      if (f.domain) q = q.where(sql<boolean>`b.domains @> array[${f.domain}]::text[]`);
      if (f.district) q = q.where('b.districtCode', '=', f.district);
      const [bases, capabilities, districts] = await Promise.all([
        q.orderBy(TIER_ORDER).orderBy('b.code').execute(),
        db.selectFrom('pilotCapability as c').innerJoin('pilotPlatform as p', 'p.id', 'c.platformId')
          .select(['c.id', 'c.nameZh', 'c.processes', 'c.organisms', 'c.volumeMinL', 'c.volumeMaxL', 'c.qualityGrade', 'c.biosafetyLevel', 'p.baseId', 'p.id as platformId', 'p.code as platformCode', 'p.nameZh as platformNameZh'])
          .orderBy('p.code').orderBy('c.createdAt').orderBy('c.id').execute(),
        db.selectFrom('district').select(['code', 'nameZh', 'nameEn']).orderBy('code').execute(),
      ]);
      const byBase = new Map<string, typeof capabilities>();
      for (const c of capabilities) if (capabilityPasses(c, f)) byBase.set(c.baseId, [...(byBase.get(c.baseId) ?? []), c]);
      const items = bases.filter((b) => !filtersCapabilities(f) || byBase.has(b.id)).map((b) => ({
        ...b, placedBy: b.lng != null && b.lat != null ? 'point' as const : 'district' as const,
        capabilities: (byBase.get(b.id) ?? []).map(({ baseId: _b, ...c }) => c),
      }));
      const perDistrict = new Map<string, number>();
      for (const b of items) perDistrict.set(b.districtCode, (perDistrict.get(b.districtCode) ?? 0) + 1);
      return {
        filters: f, total: items.length, items,
        districts: districts.map((d) => ({ ...d, bases: perDistrict.get(d.code) ?? 0 })),
      };
    },
  };
}

export type BasesService = ReturnType<typeof basesService>;
