import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, invalid, notFound, type ErrorDetail } from '../../platform/http/errors.js';
import type { StrainDeps } from './index.js';
import { requireCurator } from './lots.viewer.js';
import { LOCATION_KIND_CODES, LOT_METHODS } from './model/stock.js';
import { strainViewerOf } from './viewer.js';

/**
 * The location register (保藏设备): freezers, liquid nitrogen tanks, cold rooms and seed vaults,
 * each with a code the labels on its door carry (F-80-01). Curators keep it; a freezer in use
 * holds lots by rack, box and position, which its page shows as a tree.
 */
export interface LocationInput {
  code: string; nameZh: string; nameEn?: string | null; kind: string; temperatureC?: number | null; roomZh?: string | null;
  status?: 'inUse' | 'retired'; noteZh?: string | null;
}

const notFoundLocation = () => notFound('保藏设备不存在', 'Storage location not found');
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$/;

function locationProblems(x: Partial<LocationInput>): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (x.code !== undefined && !CODE.test(x.code.trim())) out.push({ path: '/code', message: '编号由字母、数字、点、横线组成，最多 30 位，如 F-80-01（letters, digits, dots and dashes, e.g. F-80-01）' });
  if (x.nameZh !== undefined && !x.nameZh.trim()) out.push({ path: '/nameZh', message: '名称必填（the name is required）' });
  if (x.kind !== undefined && !(LOCATION_KIND_CODES as string[]).includes(x.kind)) out.push({ path: '/kind', message: '设备类型无效（unknown kind）' });
  if (x.temperatureC != null && !(x.temperatureC >= -273 && x.temperatureC <= 60)) out.push({ path: '/temperatureC', message: '温度应在 −273 至 60 °C 之间（a temperature from −273 to 60 °C）' });
  return out;
}

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';
const codeTaken = (code: string) => conflict(`编号 ${code} 已被使用`, `Code ${code} is taken`, [{ path: '/code', message: '编号已存在（the code is taken）' }]);

export function locationsService(database: Database, deps: StrainDeps) {
  const { db } = database;
  const curator = async (ctx: Ctx) => requireCurator(await strainViewerOf(db, ctx));

  const withCounts = () => db.selectFrom('storageLocation as l')
    .selectAll('l')
    .select((eb) => [
      eb.selectFrom('strainLot as t').select((x) => x.fn.countAll<number>().as('n')).whereRef('t.locationId', '=', 'l.id').where('t.status', '=', 'active').as('activeLots'),
      eb.selectFrom('strainLot as t').select((x) => x.fn.coalesce(x.fn.sum<number>('t.vialsOnHand'), x.lit(0)).as('n')).whereRef('t.locationId', '=', 'l.id').where('t.status', '=', 'active').as('vialsOnHand'),
    ]);

  return {
    async list(ctx: Ctx, f: { status?: string; kind?: string }) {
      await curator(ctx);
      let q = withCounts();
      if (f.status) q = q.where('l.status', '=', f.status as 'inUse');
      if (f.kind) q = q.where('l.kind', '=', f.kind as 'other');
      const items = await q.orderBy('l.code').execute();
      return { total: items.length, items };
    },

    /**
     * One freezer with what it holds: racks → boxes → positions, each position with its active
     * lot (a lot kept in the freezer without a position is listed under its rack and box, or loose).
     */
    async get(ctx: Ctx, id: string) {
      await curator(ctx);
      const location = await withCounts().where('l.id', '=', id).executeTakeFirst();
      if (!location) throw notFoundLocation();
      const lots = await db.selectFrom('strainLot as t').leftJoin('strain as s', 's.id', 't.strainId').leftJoin('germplasm as g', 'g.id', 't.germplasmId')
        .select(['t.id', 't.code', 't.rack', 't.box', 't.position', 't.method', 't.vialsOnHand', 't.alertLevel', 't.viabilityFailed', 't.nextTestDue',
          's.accession', 's.genus', 's.species', 'g.code as germplasmCode', 'g.nameZh as germplasmNameZh'])
        .where('t.locationId', '=', id).where('t.status', '=', 'active').orderBy('t.rack').orderBy('t.box').orderBy('t.position').execute();
      const racks = new Map<string, Map<string, typeof lots>>();
      for (const lot of lots) {
        const rack = lot.rack ?? '';
        const box = lot.box ?? '';
        if (!racks.has(rack)) racks.set(rack, new Map());
        const boxes = racks.get(rack)!;
        if (!boxes.has(box)) boxes.set(box, []);
        boxes.get(box)!.push(lot);
      }
      return {
        ...location,
        racks: [...racks].map(([rack, boxes]) => ({
          rack: rack || null,
          boxes: [...boxes].map(([box, held]) => ({ box: box || null, lots: held.map((l) => ({ ...l, methodZh: LOT_METHODS[l.method].zh })) })),
        })),
      };
    },

    async create(ctx: Ctx, input: LocationInput) {
      await curator(ctx);
      const problems = locationProblems(input);
      if (problems.length) throw invalid(problems);
      const code = input.code.trim().toUpperCase();
      try {
        return await db.transaction().execute(async (trx) => {
          const row = await trx.insertInto('storageLocation').values({
            code, nameZh: input.nameZh.trim(), nameEn: input.nameEn?.trim() || null, kind: input.kind as 'other', temperatureC: input.temperatureC ?? null,
            roomZh: input.roomZh?.trim() || null, status: input.status ?? 'inUse', noteZh: input.noteZh?.trim() || null, createdAt: deps.now(), updatedAt: deps.now(),
          }).returningAll().executeTakeFirstOrThrow();
          await audit(trx, ctx, { action: 'strains.location.create', entityType: 'storage_location', entityId: row.id, summary: `登记保藏设备 ${code} ${row.nameZh}（Registered storage location）`, after: row });
          return row;
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw codeTaken(code);
        throw e;
      }
    },

    /** Edits a location; retiring one that still holds active lots is refused (move them first). */
    async update(ctx: Ctx, id: string, patch: Partial<LocationInput>) {
      await curator(ctx);
      const problems = locationProblems(patch);
      if (problems.length) throw invalid(problems);
      const set: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(patch)) if (v !== undefined) set[k] = typeof v === 'string' ? v.trim() || null : v;
      if (typeof set.code === 'string') set.code = set.code.toUpperCase();
      try {
        return await db.transaction().execute(async (trx) => {
          const before = await trx.selectFrom('storageLocation').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
          if (!before) throw notFoundLocation();
          if (patch.status === 'retired' && before.status !== 'retired') {
            const held = await trx.selectFrom('strainLot').select('code').where('locationId', '=', id).where('status', '=', 'active').limit(1).executeTakeFirst();
            if (held) throw conflict(`设备中仍有在库批次（如 ${held.code}），请先移出`, `Active lots (e.g. ${held.code}) are still kept here; move them first`, [{ path: '/status', message: '设备中仍有在库批次（lots are still kept here）' }]);
          }
          const after = await trx.updateTable('storageLocation').set({ ...set, updatedAt: deps.now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
          await audit(trx, ctx, {
            action: 'strains.location.update', entityType: 'storage_location', entityId: id, summary: `修改保藏设备 ${after.code}（Edited storage location）`,
            before: Object.fromEntries(Object.keys(set).map((k) => [k, before[k as keyof typeof before]])), after: set,
          });
          return after;
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw codeTaken(String(set.code));
        throw e;
      }
    },
  };
}

export type LocationsService = ReturnType<typeof locationsService>;
