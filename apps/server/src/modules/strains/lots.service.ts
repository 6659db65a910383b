import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { addDays, todayIn } from '../../platform/dates.js';
import { containsPattern } from '../../platform/db/like.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import type { StrainDeps } from './index.js';
import { nextCode } from '../../platform/db/codes.js';
import { lotWorkbook } from './lots.excel.js';
import { requireCurator } from './lots.viewer.js';
import { applyMove, ledgerRow } from './moves.js';
import {
  isLow, lotFlags, lotProblems, LOT_METHODS, LOT_STATUSES, manualMove, MOVE_KINDS, nextTestDue, normalisePosition, placeProblems, settingsProblems, VIABILITY_METHODS,
  type LotInput, type MoveInput, type PlaceInput,
} from './model/stock.js';
import { strainViewerOf } from './viewer.js';

/**
 * Preservation lots (保藏批次) of accessioned strains and kept germplasm: preparing a lot puts it
 * in a position and opens its ledger; settings and place change; curators record withdrawals,
 * discards and adjustments as moves. Everything here is the curators' (lots of a restricted
 * strain reach nobody else).
 */
type Q = Kysely<DB> | Transaction<DB>;

export interface LotFilter {
  method?: string; locationId?: string; alert?: 'low' | 'due' | 'overdue' | 'failed' | 'any'; status?: string;
  strainId?: string; germplasmId?: string; q?: string; dueWithinDays?: number; limit: number; offset: number;
}

/** Viability tests falling due within this many days are on the alerts panel unless a caller says otherwise. */
export const DEFAULT_DUE_DAYS = 30;

const notFoundLot = () => notFound('保藏批次不存在', 'Lot not found');
const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';
const positionTaken = () => conflict('该位置已有在库批次', 'Another active lot holds that position', [{ path: '/position', message: '位置已被占用（the position is taken）' }]);

export const lotRows = (q: Q) => q.selectFrom('strainLot as t')
  .leftJoin('strain as s', 's.id', 't.strainId')
  .leftJoin('germplasm as g', 'g.id', 't.germplasmId')
  .leftJoin('storageLocation as l', 'l.id', 't.locationId')
  .selectAll('t')
  .select(['s.accession', 's.genus', 's.species', 's.strainDesignation', 's.nameZh as strainNameZh', 's.restricted',
    'g.code as germplasmCode', 'g.nameZh as germplasmNameZh', 'l.code as locationCode', 'l.nameZh as locationNameZh', 'l.kind as locationKind']);

type LotRow = Awaited<ReturnType<ReturnType<typeof lotRows>['executeTakeFirstOrThrow']>>;

/** A lot as the pages read it: what it holds, where, and why it may need attention. */
export function presentLot(r: LotRow, today: string, dueBy: string) {
  const subjectZh = r.strainId ? [r.accession, [r.genus, r.species, r.strainDesignation].filter(Boolean).join(' ')].filter(Boolean).join(' ') : `${r.germplasmCode} ${r.germplasmNameZh}`;
  const place = [r.locationCode, r.rack, r.box, r.position].filter(Boolean).join(' / ') || null;
  return {
    ...r, subjectZh, place, methodZh: LOT_METHODS[r.method].zh, methodEn: LOT_METHODS[r.method].en, statusZh: LOT_STATUSES[r.status].zh,
    flags: r.status === 'active' ? lotFlags(r, today, dueBy) : { low: false, testDue: false, testOverdue: false, failed: r.viabilityFailed },
  };
}

/** The SQL twin of the alert flags, for the lot list's filter and the alerts panel. */
export function alertSql(alert: NonNullable<LotFilter['alert']>, today: string, dueBy: string) {
  const low = sql<boolean>`t.vials_on_hand <= t.alert_level`;
  const due = sql<boolean>`t.next_test_due between ${today}::date and ${dueBy}::date`;
  const overdue = sql<boolean>`t.next_test_due < ${today}::date`;
  const failed = sql<boolean>`t.viability_failed`;
  const all = { low, due, overdue, failed };
  return alert === 'any' ? sql<boolean>`(${low} or ${due} or ${overdue} or ${failed})` : all[alert];
}

export function lotsService(database: Database, deps: StrainDeps) {
  const { db } = database;
  const today = () => todayIn(deps.now());
  const curator = async (ctx: Ctx) => requireCurator(await strainViewerOf(db, ctx));

  const load = (id: string, q: Q = db) => lotRows(q).where('t.id', '=', id).executeTakeFirst();

  function filtered(f: Omit<LotFilter, 'limit' | 'offset'>) {
    const t = today();
    let q = lotRows(db);
    if (f.status) q = q.where('t.status', '=', f.status as 'active');
    if (f.method) q = q.where('t.method', '=', f.method as 'other');
    if (f.locationId) q = q.where('t.locationId', '=', f.locationId);
    if (f.strainId) q = q.where('t.strainId', '=', f.strainId);
    if (f.germplasmId) q = q.where('t.germplasmId', '=', f.germplasmId);
    if (f.alert) q = q.where('t.status', '=', 'active').where(alertSql(f.alert, t, addDays(t, f.dueWithinDays ?? DEFAULT_DUE_DAYS)));
    if (f.q?.trim()) {
      const like = containsPattern(f.q.trim());
      q = q.where((eb) => eb.or([eb('t.code', 'ilike', like), eb('s.accession', 'ilike', like), eb('s.genus', 'ilike', like), eb('s.species', 'ilike', like), eb('g.code', 'ilike', like), eb('g.nameZh', 'ilike', like)]));
    }
    return q;
  }

  async function page(f: LotFilter) {
    const t = today();
    const dueBy = addDays(t, f.dueWithinDays ?? DEFAULT_DUE_DAYS);
    const found = await filtered(f).select(sql<number>`count(*) over ()`.as('total'))
      .orderBy('t.status').orderBy(sql`s.accession nulls last`).orderBy('t.code').limit(f.limit).offset(f.offset).execute();
    return { total: found[0]?.total ?? 0, items: found.map(({ total: _t, ...r }) => presentLot(r as LotRow, t, dueBy)) };
  }

  /** The freezer of a place must exist and be in use. */
  async function checkPlace(q: Q, x: PlaceInput) {
    if (!x.locationId) return;
    const l = await q.selectFrom('storageLocation').select(['code', 'status']).where('id', '=', x.locationId).executeTakeFirst();
    if (!l) throw invalid([{ path: '/locationId', message: '保藏设备不存在（no such storage location）' }]);
    if (l.status !== 'inUse') throw conflict(`保藏设备 ${l.code} 已停用`, `Storage location ${l.code} is retired`, [{ path: '/locationId', message: '设备已停用（the location is retired）' }]);
  }

  const placeColumns = (x: PlaceInput) => ({
    locationId: x.locationId ?? null, rack: x.rack?.trim() || null, box: x.box?.trim() || null, position: x.position?.trim() ? normalisePosition(x.position) : null,
  });

  /** Only an accessioned strain, or a germplasm record still kept, gets lots. */
  async function checkSubject(x: Partial<LotInput>) {
    if (x.strainId) {
      const s = await db.selectFrom('strain').select(['status', 'depositNo']).where('id', '=', x.strainId).executeTakeFirst();
      if (!s) throw invalid([{ path: '/strainId', message: '菌种不存在（no such strain）' }]);
      if (s.status !== 'accessioned') throw conflict(`菌种 ${s.depositNo} 尚未入库保藏，不能建立保藏批次`, `Strain ${s.depositNo} is not accessioned; it gets no lots`, [{ path: '/strainId', message: '菌种未入库保藏（not accessioned）' }]);
    } else if (x.germplasmId) {
      const g = await db.selectFrom('germplasm').select(['status', 'code']).where('id', '=', x.germplasmId).executeTakeFirst();
      if (!g) throw invalid([{ path: '/germplasmId', message: '种质资源不存在（no such germplasm record）' }]);
      if (g.status !== 'kept') throw conflict(`种质资源 ${g.code} 已不在保存`, `Germplasm ${g.code} is no longer kept`, [{ path: '/germplasmId', message: '种质资源未在保存（not kept）' }]);
    }
  }

  /** A lot with its ledger (newest first) and its viability tests. */
  async function get(ctx: Ctx, id: string) {
    await curator(ctx);
    const t = today();
    const r = await load(id);
    if (!r) throw notFoundLot();
    const [moves, tests] = await Promise.all([
      db.selectFrom('stockMove as m').leftJoin('appUser as u', 'u.id', 'm.movedBy').leftJoin('sharingRequest as q', 'q.id', 'm.sharingRequestId')
        .selectAll('m').select(['u.displayName as movedByName', 'q.code as sharingRequestCode']).where('m.lotId', '=', id).orderBy('m.createdAt', 'desc').orderBy('m.id').execute(),
      db.selectFrom('viabilityTest as v').leftJoin('appUser as u', 'u.id', 'v.testedBy').selectAll('v').select('u.displayName as testedByName')
        .where('v.lotId', '=', id).orderBy('v.testedOn', 'desc').orderBy('v.createdAt', 'desc').execute(),
    ]);
    return {
      ...presentLot(r, t, addDays(t, DEFAULT_DUE_DAYS)),
      moves: moves.map((m) => ({ ...m, kindZh: MOVE_KINDS[m.kind].zh, kindEn: MOVE_KINDS[m.kind].en })),
      viabilityTests: tests.map((v) => ({ ...v, methodZh: VIABILITY_METHODS[v.method].zh })),
    };
  }

  return {
    list: async (ctx: Ctx, f: LotFilter) => { await curator(ctx); return page(f); },

    async exportXlsx(ctx: Ctx, f: Omit<LotFilter, 'limit' | 'offset'>) {
      await curator(ctx);
      const { items } = await page({ ...f, limit: 100_000, offset: 0 });
      return { buffer: await lotWorkbook(items), fileName: `保藏批次-${today()}.xlsx` };
    },

    get,

    /** A strain's lots (every state) and its latest moves, for the panel on the strain's page. */
    async ofStrain(ctx: Ctx, strainId: string) {
      await curator(ctx);
      const s = await db.selectFrom('strain').select('id').where('id', '=', strainId).executeTakeFirst();
      if (!s) throw notFound('菌种不存在', 'Strain not found');
      const t = today();
      const lots = (await lotRows(db).where('t.strainId', '=', strainId).orderBy('t.status').orderBy('t.preparedOn', 'desc').execute()).map((r) => presentLot(r, t, addDays(t, DEFAULT_DUE_DAYS)));
      const moves = lots.length ? await db.selectFrom('stockMove as m').innerJoin('strainLot as t', 't.id', 'm.lotId').leftJoin('sharingRequest as q', 'q.id', 'm.sharingRequestId')
        .selectAll('m').select(['t.code as lotCode', 'q.code as sharingRequestCode']).where('t.strainId', '=', strainId).orderBy('m.createdAt', 'desc').limit(20).execute() : [];
      return {
        vialsOnHand: lots.filter((l) => l.status === 'active').reduce((n, l) => n + l.vialsOnHand, 0),
        lots, moves: moves.map((m) => ({ ...m, kindZh: MOVE_KINDS[m.kind].zh, kindEn: MOVE_KINDS[m.kind].en })),
      };
    },

    /** Prepares a lot: its code, its place, its first ledger row (the vials prepared). */
    async create(ctx: Ctx, input: LotInput) {
      await curator(ctx);
      const t = today();
      const problems = lotProblems(input, t);
      if (problems.length) throw invalid(problems);
      await checkSubject(input);
      try {
        const id = await db.transaction().execute(async (trx) => {
          await checkPlace(trx, input);
          const code = await nextCode(trx, 'strain_lot', `LOT-${t.slice(0, 4)}-`);
          const interval = input.viabilityIntervalMonths ?? null;
          const lot = await trx.insertInto('strainLot').values({
            code, strainId: input.strainId ?? null, germplasmId: input.germplasmId ?? null, method: input.method as 'other', passage: input.passage ?? null,
            preparedOn: input.preparedOn, vialsPrepared: input.vialsPrepared, vialsOnHand: input.vialsPrepared, alertLevel: input.alertLevel ?? 0,
            viabilityIntervalMonths: interval, nextTestDue: nextTestDue(input.preparedOn, interval), ...placeColumns(input),
            noteZh: input.noteZh?.trim() || null, createdBy: ctx.principal?.userId ?? null, createdAt: deps.now(), updatedAt: deps.now(),
          }).returningAll().executeTakeFirstOrThrow();
          await ledgerRow(trx, ctx, lot.id, { kind: 'prepare', delta: lot.vialsPrepared, movedOn: lot.preparedOn, reasonZh: null }, lot.vialsOnHand);
          await audit(trx, ctx, { action: 'strains.lot.create', entityType: 'strain_lot', entityId: lot.id, summary: `制备保藏批次 ${code}，${lot.vialsPrepared} 支（Prepared lot ${code}, ${lot.vialsPrepared} vials）`, after: lot });
          return lot.id;
        });
        return get(ctx, id);
      } catch (e) {
        if (isUniqueViolation(e)) throw positionTaken();
        throw e;
      }
    },

    /**
     * Changes a lot's settings or place. A new test interval counts from the last test (or the
     * preparation); a lowered alert level re-arms the low-stock notice.
     */
    async update(ctx: Ctx, id: string, patch: PlaceInput & { alertLevel?: number; viabilityIntervalMonths?: number | null; passage?: number | null; noteZh?: string | null }) {
      await curator(ctx);
      const problems = settingsProblems(patch);
      const placing = ['locationId', 'rack', 'box', 'position'].some((k) => k in patch);
      if (problems.length) throw invalid(problems);
      try {
        await db.transaction().execute(async (trx) => {
          const before = await trx.selectFrom('strainLot').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
          if (!before) throw notFoundLot();
          if (before.status !== 'active') throw conflict(`批次 ${before.code} ${LOT_STATUSES[before.status].zh}，不能修改`, `Lot ${before.code} is ${LOT_STATUSES[before.status].en.toLowerCase()}`, [{ path: '/status', message: '批次不在库（the lot is not active）' }]);
          const set: Record<string, unknown> = {};
          if (placing) {
            const place = { locationId: before.locationId, rack: before.rack, box: before.box, position: before.position, ...patch };
            const wrong = placeProblems(place);
            if (wrong.length) throw invalid(wrong);
            await checkPlace(trx, place);
            Object.assign(set, placeColumns(place));
          }
          if (patch.alertLevel !== undefined) Object.assign(set, { alertLevel: patch.alertLevel, lowNotified: before.lowNotified && isLow(before.vialsOnHand, patch.alertLevel) });
          if (patch.passage !== undefined) set.passage = patch.passage;
          if (patch.noteZh !== undefined) set.noteZh = patch.noteZh?.trim() || null;
          if (patch.viabilityIntervalMonths !== undefined) {
            const last = await trx.selectFrom('viabilityTest').select((eb) => eb.fn.max('testedOn').as('on')).where('lotId', '=', id).executeTakeFirst();
            Object.assign(set, { viabilityIntervalMonths: patch.viabilityIntervalMonths, nextTestDue: nextTestDue((last?.on as string | null) ?? before.preparedOn, patch.viabilityIntervalMonths) });
          }
          if (!Object.keys(set).length) return;
          await trx.updateTable('strainLot').set({ ...set, updatedAt: deps.now() }).where('id', '=', id).execute();
          await audit(trx, ctx, {
            action: 'strains.lot.update', entityType: 'strain_lot', entityId: id, summary: `修改保藏批次 ${before.code}（Edited lot ${before.code}）`,
            before: Object.fromEntries(Object.keys(set).map((k) => [k, before[k as keyof typeof before]])), after: set,
          });
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw positionTaken();
        throw e;
      }
      return get(ctx, id);
    },

    /** A withdrawal for internal use, a discard or an adjustment: one ledger row, in one transaction. */
    async move(ctx: Ctx, id: string, input: MoveInput) {
      await curator(ctx);
      const t = today();
      const { problems, delta } = manualMove(input, t);
      if (problems.length) throw invalid(problems);
      const exists = await db.selectFrom('strainLot').select('preparedOn').where('id', '=', id).executeTakeFirst();
      if (!exists) throw notFoundLot();
      const movedOn = input.movedOn ?? t;
      if (movedOn < exists.preparedOn) throw invalid([{ path: '/movedOn', message: `日期不能早于制备日期 ${exists.preparedOn}（not before the preparation date）` }]);
      await db.transaction().execute((trx) => applyMove(trx, ctx, id, { kind: input.kind as 'adjust', delta, reasonZh: input.reasonZh, movedOn }, deps.now()));
      return get(ctx, id);
    },
  };
}

export type LotsService = ReturnType<typeof lotsService>;
