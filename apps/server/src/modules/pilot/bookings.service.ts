import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, forbidden, invalid, notFound, unauthorized, type ErrorDetail } from '../../platform/http/errors.js';
import { addDays, todayIn } from '../../platform/dates.js';
import type { PilotDeps } from './index.js';
import { nextCode } from '../../platform/db/codes.js';
import { requireKeeper } from './bases.service.js';
import { keepsBase, pilotViewerOf, requireOrganisation, type PilotViewer } from './viewer.js';
import { BOOKING_STATES, EQUIPMENT_STATUSES, USER_CATEGORIES } from './model/labels.js';
import {
  HELD_STATES, hoursOf, instantOf, moveProblem, priceOf, slotProblems, usageProblems, userCategoryOf, utilisationOf, windowProblems,
  type BookingState,
} from './model/bookings.js';

export interface BookingRequest { from: string; to: string; purposeZh: string }
export interface BookingFilter { state?: string; equipmentId?: string; baseId?: string; mine?: boolean; limit: number; offset: number }
export interface WindowQuery { from?: string; to?: string }

const notFoundBooking = () => notFound('预约不存在', 'Booking not found');
const notFoundEquipment = () => notFound('设备不存在', 'Equipment not found');

/** A tstzrange [from, to) from two instants, sent as ISO text so that both drivers read it alike. */
const range = (from: Date, to: Date) => sql<string>`tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')`;
const HELD = sql.join(HELD_STATES.map((s) => sql.lit(s)));

/** '2026-03-10 09:00' in Chongqing, for messages people read. */
const localTime = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const ACTION_OF: Record<BookingState, string> = { requested: 'request', approved: 'approve', rejected: 'reject', cancelled: 'cancel', checkedIn: 'checkIn', completed: 'complete' };

/** The violation the exclusion constraint raises when two held bookings of one item overlap. */
const isOverlap = (e: unknown) => (e as { code?: string } | null)?.code === '23P01';

/** Every booking column a reader may see, with the slot as two instants and the names beside the ids. */
const bookingQuery = (q: Kysely<DB>) => q.selectFrom('equipmentBooking as k')
  .innerJoin('equipment as e', 'e.id', 'k.equipmentId').innerJoin('pilotBase as b', 'b.id', 'e.baseId')
  .leftJoin('appUser as u', 'u.id', 'k.bookedBy').leftJoin('organisation as o', 'o.id', 'k.organisationId')
  .select([
    'k.id', 'k.code', 'k.equipmentId', sql<Date>`lower(k.during)`.as('from'), sql<Date>`upper(k.during)`.as('to'), 'k.state',
    'k.bookedBy', 'u.displayName as bookedByName', 'k.organisationId', 'o.nameZh as organisationNameZh', 'k.userCategory', 'k.purposeZh', 'k.priceYuan',
    'k.decidedBy', 'k.decidedAt', 'k.reasonZh', 'k.checkedInAt', 'k.usageHours', 'k.usageNoteZh', 'k.completedAt', 'k.createdAt', 'k.updatedAt',
    'e.code as equipmentCode', 'e.nameZh as equipmentNameZh', 'e.baseId', 'b.code as baseCode', 'b.nameZh as baseNameZh',
  ]);
type BookingView = Awaited<ReturnType<ReturnType<typeof bookingQuery>['executeTakeFirstOrThrow']>>;

/** The requester, colleagues of its organisation, the base's keepers and the task force see a booking. */
const seesBooking = (v: PilotViewer, b: { bookedBy: string; organisationId: string | null; baseId: string }) =>
  keepsBase(v, b.baseId) || b.bookedBy === v.userId || (!!b.organisationId && b.organisationId === v.organisationId);

/**
 * Equipment bookings (共享设备预约): a party asks for a slot of an item, which is held from the
 * request; the database refuses two held bookings of one item that overlap. The base approves or
 * rejects, checks the user in and records the hours used; the requester (or the base) may cancel
 * before check-in. Utilisation per item and base for keepers and overseers.
 */
export function bookingsService(database: Database, deps: PilotDeps) {
  const { db } = database;
  const startOfToday = () => instantOf(todayIn(deps.now()))!;

  async function loadEquipment(id: string) {
    const e = await db.selectFrom('equipment').selectAll().where('id', '=', id).executeTakeFirst();
    if (!e) throw notFoundEquipment();
    return e;
  }

  /** A booking the caller may see; another's booking does not exist for them. */
  async function load(v: PilotViewer, id: string) {
    if (!v.userId) throw unauthorized();
    const b = await bookingQuery(db).where('k.id', '=', id).executeTakeFirst();
    if (!b || !seesBooking(v, b)) throw notFoundBooking();
    return b;
  }

  const may = (v: PilotViewer, b: BookingView) => {
    const keeper = keepsBase(v, b.baseId);
    const can = (to: BookingState) => !moveProblem(b.state, to);
    return {
      approve: keeper && can('approved'), reject: keeper && can('rejected'), cancel: (keeper || b.bookedBy === v.userId) && can('cancelled'),
      checkIn: keeper && can('checkedIn'), recordUsage: keeper && can('completed'),
    };
  };

  /** A held booking of the item that overlaps [from, to), to name the clash. */
  const clashOf = (equipmentId: string, from: Date, to: Date) => bookingQuery(db)
    .where('k.equipmentId', '=', equipmentId).where(sql<boolean>`k.state in (${HELD})`).where(sql<boolean>`k.during && ${range(from, to)}`)
    .orderBy(sql`lower(k.during)`).executeTakeFirst();

  const clashConflict = (clash: BookingView | undefined) => {
    const detail: ErrorDetail[] = clash
      ? [{ path: '/from', message: `与预约 ${clash.code}（${localTime(clash.from)} 至 ${localTime(clash.to)}，${BOOKING_STATES[clash.state as BookingState].zh}）时段重叠（overlaps booking ${clash.code}）` }]
      : [{ path: '/from', message: '该时段已被占用（the slot is taken）' }];
    return conflict(clash ? `该时段已被预约 ${clash.code} 占用` : '该时段已被占用', clash ? `The slot overlaps booking ${clash.code}` : 'The slot is taken', detail);
  };

  /** Moves a booking from the state it was read in; a booking moved meanwhile by someone else is a conflict. */
  async function move(ctx: Ctx, v: PilotViewer, before: BookingView, to: BookingState, set: Record<string, unknown>, summary: { zh: string; en: string }) {
    const why = moveProblem(before.state, to);
    if (why) throw conflict(why.zh, why.en);
    await db.transaction().execute(async (trx) => {
      const moved = await trx.updateTable('equipmentBooking').set({ ...set, state: to, updatedAt: deps.now() })
        .where('id', '=', before.id).where('state', '=', before.state).returning('id').executeTakeFirst();
      if (!moved) throw conflict('预约状态已被他人更改，请刷新后重试', 'Someone else changed the booking meanwhile; reload and try again');
      await audit(trx, ctx, {
        action: `pilot.booking.${ACTION_OF[to]}`,
        entityType: 'equipmentBooking', entityId: before.id, summary: `设备预约 ${before.code}：${summary.zh}（${summary.en}）`,
        before: { state: before.state }, after: { state: to, ...set },
      });
    });
    const after = await bookingQuery(db).where('k.id', '=', before.id).executeTakeFirstOrThrow();
    return { ...after, may: may(v, after) };
  }

  /** Which bases' utilisation the caller reads: all (task force, units), a district's, or a base's own. */
  async function utilisationScope(v: PilotViewer): Promise<{ all: true } | { districtCode: string } | { baseIds: string[] }> {
    if (!v.userId) throw unauthorized();
    if (v.taskForce || v.roles.includes('unit')) return { all: true };
    if (v.roles.includes('district') && v.organisationId) {
      const org = await db.selectFrom('organisation').select('districtCode').where('id', '=', v.organisationId).executeTakeFirst();
      if (org?.districtCode) return { districtCode: org.districtCode };
    }
    if (v.roles.includes('pilotBase')) return { baseIds: v.baseIds };
    throw forbidden('无权查看设备利用率', 'You may not read equipment utilisation');
  }
  const inScope = (s: Awaited<ReturnType<typeof utilisationScope>>, b: { id: string; districtCode: string }) =>
    'all' in s || ('districtCode' in s ? s.districtCode === b.districtCode : s.baseIds.includes(b.id));

  function reportWindow(w: WindowQuery) {
    const today = todayIn(deps.now());
    const r = windowProblems(w.from, w.to, { from: instantOf(addDays(today, -30))!, to: instantOf(addDays(today, 1))! });
    if (r.problems.length) throw invalid(r.problems);
    return r;
  }

  async function usage(baseIds: string[], from: Date, to: Date) {
    if (!baseIds.length) return { items: [], bookings: [] };
    const [items, bookings] = await Promise.all([
      db.selectFrom('equipment').select(['id', 'baseId', 'code', 'nameZh', 'typeZh', 'status']).where('baseId', 'in', baseIds).orderBy('code').execute(),
      db.selectFrom('equipmentBooking as k').innerJoin('equipment as e', 'e.id', 'k.equipmentId')
        .select(['k.equipmentId', sql<Date>`lower(k.during)`.as('from'), sql<Date>`upper(k.during)`.as('to'), 'k.state', 'k.usageHours'])
        .where('e.baseId', 'in', baseIds).where(sql<boolean>`k.during && ${range(from, to)}`).execute(),
    ]);
    return { items, bookings };
  }

  return {
    /** An item's calendar: everyone sees the busy slots; the requester and the base's keepers also see who and why. */
    async calendar(ctx: Ctx, equipmentId: string, w: WindowQuery) {
      const v = await pilotViewerOf(db, ctx);
      const e = await loadEquipment(equipmentId);
      const start = startOfToday();
      const r = windowProblems(w.from, w.to, { from: start, to: new Date(start.getTime() + 14 * 86_400_000) });
      if (r.problems.length) throw invalid(r.problems);
      const rows = await bookingQuery(db).where('k.equipmentId', '=', equipmentId).where(sql<boolean>`k.state in (${HELD})`)
        .where(sql<boolean>`k.during && ${range(r.from, r.to)}`).orderBy(sql`lower(k.during)`).execute();
      return {
        equipment: { id: e.id, code: e.code, nameZh: e.nameZh, status: e.status, statusName: EQUIPMENT_STATUSES[e.status as keyof typeof EQUIPMENT_STATUSES], baseId: e.baseId },
        from: r.from, to: r.to,
        slots: rows.map((b) => (v.userId && seesBooking(v, b)
          ? { ...b, mine: b.bookedBy === v.userId }
          : { from: b.from, to: b.to, state: b.state, mine: false })),
      };
    },

    /**
     * A party asks for [from, to) of an item. The price is the hours times the hourly price of the
     * caller's category. The overlap check first gives a readable answer; the exclusion
     * constraint is the guarantee when two requests race.
     */
    async request(ctx: Ctx, equipmentId: string, input: BookingRequest) {
      const v = await pilotViewerOf(db, ctx);
      const organisationId = requireOrganisation(v);
      const e = await loadEquipment(equipmentId);
      const slot = slotProblems(input.from, input.to, deps.now());
      const problems = [...slot.problems, ...(input.purposeZh.trim() ? [] : [{ path: '/purposeZh', message: '请说明用途（say what the item is for）' }])];
      if (problems.length) throw invalid(problems);
      if (e.status !== 'available') {
        const s = EQUIPMENT_STATUSES[e.status as keyof typeof EQUIPMENT_STATUSES];
        throw conflict(`设备${s.zh}，暂不接受预约`, `The item is ${s.en.toLowerCase()} and takes no bookings`);
      }
      const { from, to } = slot;
      const clash = await clashOf(equipmentId, from, to);
      if (clash) throw clashConflict(clash);
      const member = await db.selectFrom('pilotBase').select('id').where('organisationId', '=', organisationId).where('allianceMember', '=', true).executeTakeFirst();
      const userCategory = userCategoryOf({ organisationKind: v.organisationKind, operatesAllianceBase: !!member });
      const priceYuan = priceOf(hoursOf(from, to), userCategory, e);
      try {
        const id = await db.transaction().execute(async (trx) => {
          const code = await nextCode(trx, 'equipment_booking', `YY-${todayIn(deps.now()).slice(0, 4)}-`, 5);
          const b = await trx.insertInto('equipmentBooking').values({
            code, equipmentId, during: range(from, to), bookedBy: v.userId!, organisationId, userCategory, purposeZh: input.purposeZh.trim(), priceYuan,
            createdAt: deps.now(), updatedAt: deps.now(),
          }).returning(['id', 'code', 'state']).executeTakeFirstOrThrow();
          await audit(trx, ctx, {
            action: 'pilot.booking.request', entityType: 'equipmentBooking', entityId: b.id,
            summary: `预约设备 ${e.code}：${localTime(from)} 至 ${localTime(to)}（${USER_CATEGORIES[userCategory].zh}${priceYuan == null ? '，价格面议' : `，${priceYuan} 元`}）（Requested a booking）`,
            after: { ...b, equipmentId, from, to, userCategory, priceYuan, purposeZh: input.purposeZh.trim() },
          });
          return b.id;
        });
        const b = await bookingQuery(db).where('k.id', '=', id).executeTakeFirstOrThrow();
        return { ...b, may: may(v, b) };
      } catch (err) {
        if (isOverlap(err)) throw clashConflict(await clashOf(equipmentId, from, to));
        throw err;
      }
    },

    /** Bookings the caller may see: its own and its organisation's; a keeper's bases'; all for the task force. */
    async list(ctx: Ctx, f: BookingFilter) {
      const v = await pilotViewerOf(db, ctx);
      if (!v.userId) throw unauthorized();
      let q = bookingQuery(db).select(sql<number>`count(*) over ()`.as('total'));
      const own = sql<boolean>`(k.booked_by = ${v.userId}${v.organisationId ? sql` or k.organisation_id = ${v.organisationId}` : sql``})`;
      if (f.mine) q = q.where(own);
      else if (!v.taskForce) q = q.where(sql<boolean>`(${own} or e.base_id = any(${sql.val(v.baseIds)}::uuid[]))`);
      if (f.state) q = q.where('k.state', '=', f.state);
      if (f.equipmentId) q = q.where('k.equipmentId', '=', f.equipmentId);
      if (f.baseId) q = q.where('e.baseId', '=', f.baseId);
      const rows = await q.orderBy(sql`lower(k.during)`, 'desc').orderBy('k.code').limit(f.limit).offset(f.offset).execute();
      return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _t, ...b }) => ({ ...b, may: may(v, b) })) };
    },

    async get(ctx: Ctx, id: string) {
      const v = await pilotViewerOf(db, ctx);
      const b = await load(v, id);
      return { ...b, may: may(v, b) };
    },

    async approve(ctx: Ctx, id: string) {
      const v = await pilotViewerOf(db, ctx);
      const b = await load(v, id);
      requireKeeper(v, b.baseId);
      return move(ctx, v, b, 'approved', { decidedBy: v.userId, decidedAt: deps.now(), reasonZh: null }, { zh: '基地批准', en: 'approved by the base' });
    },

    async reject(ctx: Ctx, id: string, reason: string) {
      const v = await pilotViewerOf(db, ctx);
      const b = await load(v, id);
      requireKeeper(v, b.baseId);
      if (!reason.trim()) throw invalid([{ path: '/reason', message: '驳回须说明理由（say why）' }]);
      return move(ctx, v, b, 'rejected', { decidedBy: v.userId, decidedAt: deps.now(), reasonZh: reason.trim() }, { zh: `基地驳回：${reason.trim()}`, en: 'rejected by the base' });
    },

    /** Before check-in the requester may call a booking off, and so may the base (a breakdown, say). */
    async cancel(ctx: Ctx, id: string, reason?: string | null) {
      const v = await pilotViewerOf(db, ctx);
      const b = await load(v, id);
      if (b.bookedBy !== v.userId && !keepsBase(v, b.baseId)) throw forbidden('只有预约人或基地可以取消预约', 'Only the requester or the base may cancel a booking');
      return move(ctx, v, b, 'cancelled', { reasonZh: reason?.trim() || null }, { zh: `取消${reason?.trim() ? `：${reason.trim()}` : ''}`, en: 'cancelled' });
    },

    async checkIn(ctx: Ctx, id: string) {
      const v = await pilotViewerOf(db, ctx);
      const b = await load(v, id);
      requireKeeper(v, b.baseId);
      return move(ctx, v, b, 'checkedIn', { checkedInAt: deps.now() }, { zh: '签到使用', en: 'checked in' });
    },

    /** The base records the hours used (within the slot) and a note; the booking is complete. */
    async recordUsage(ctx: Ctx, id: string, input: { usageHours: number; noteZh?: string | null }) {
      const v = await pilotViewerOf(db, ctx);
      const b = await load(v, id);
      requireKeeper(v, b.baseId);
      const problems = usageProblems(input.usageHours, hoursOf(b.from, b.to));
      if (problems.length) throw invalid(problems);
      return move(ctx, v, b, 'completed', { usageHours: input.usageHours, usageNoteZh: input.noteZh?.trim() || null, completedAt: deps.now() },
        { zh: `记录使用 ${input.usageHours} 小时`, en: `recorded ${input.usageHours} hours used` });
    },

    /** Per item and for the base: hours available, booked, pending and used in [from, to). */
    async baseUtilisation(ctx: Ctx, baseId: string, w: WindowQuery) {
      const v = await pilotViewerOf(db, ctx);
      const base = await db.selectFrom('pilotBase').select(['id', 'code', 'nameZh', 'districtCode']).where('id', '=', baseId).executeTakeFirst();
      if (!base) throw notFound('中试基地不存在', 'Pilot base not found');
      if (!inScope(await utilisationScope(v), base)) throw forbidden('只能查看本基地（或本区县基地）的设备利用率', 'You read the utilisation of your own base (or your district\'s bases) only');
      const { from, to } = reportWindow(w);
      const { items, bookings } = await usage([baseId], from, to);
      const u = utilisationOf({ from, to }, items, bookings);
      return { base, from, to, windowHours: u.windowHours, items: items.map((i) => ({ ...i, ...u.items.get(i.id)! })), total: u.total };
    },

    /** Every base the caller oversees, one line each. */
    async utilisation(ctx: Ctx, w: WindowQuery) {
      const v = await pilotViewerOf(db, ctx);
      const scope = await utilisationScope(v);
      const { from, to } = reportWindow(w);
      const bases = (await db.selectFrom('pilotBase').select(['id', 'code', 'nameZh', 'districtCode']).orderBy('code').execute()).filter((b) => inScope(scope, b));
      const { items, bookings } = await usage(bases.map((b) => b.id), from, to);
      const lines = bases.map((b) => {
        const own = items.filter((i) => i.baseId === b.id);
        const u = utilisationOf({ from, to }, own, bookings.filter((k) => own.some((i) => i.id === k.equipmentId)));
        return { ...b, equipmentCount: own.length, ...u.total };
      });
      return { from, to, windowHours: utilisationOf({ from, to }, [], []).windowHours, bases: lines, total: utilisationOf({ from, to }, items, bookings).total };
    },
  };
}

export type BookingsService = ReturnType<typeof bookingsService>;
