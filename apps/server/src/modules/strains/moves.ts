import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict } from '../../platform/http/errors.js';
import { notifyMany } from '../supervision/notifications.js';
import { curatorUserIds } from './alerts.people.js';
import { isLow, LOT_STATUSES, MOVE_KINDS, statusAfter, type MoveKind } from './model/stock.js';

/**
 * The stock ledger: every change of a lot's vials is one row with the balance after it, written
 * in the transaction of the use that caused it (a test, a shipment, a withdrawal). The lot's
 * count changes by a conditional update, so vials never go below zero however many moves race.
 */
export interface MoveFacts {
  kind: MoveKind;
  delta: number;
  reasonZh?: string | null;
  movedOn: string;
  sharingRequestId?: string | null;
  viabilityTestId?: string | null;
}

/** The ledger row of a move whose balance is already known (a new lot's preparation). */
export async function ledgerRow(trx: Transaction<DB>, ctx: Ctx, lotId: string, m: MoveFacts, balanceAfter: number) {
  return trx.insertInto('stockMove').values({
    lotId, kind: m.kind, delta: m.delta, balanceAfter, reasonZh: m.reasonZh?.trim() || null, movedOn: m.movedOn,
    sharingRequestId: m.sharingRequestId ?? null, viabilityTestId: m.viabilityTestId ?? null, movedBy: ctx.principal?.userId ?? null,
  }).returningAll().executeTakeFirstOrThrow();
}

/** What a lot holds, for people: the strain's accession or the germplasm record's code and name. */
async function lotLabel(trx: Transaction<DB>, lot: { strainId: string | null; germplasmId: string | null }) {
  if (lot.strainId) return (await trx.selectFrom('strain').select('accession').where('id', '=', lot.strainId).executeTakeFirst())?.accession ?? '';
  const g = await trx.selectFrom('germplasm').select(['code', 'nameZh']).where('id', '=', lot.germplasmId!).executeTakeFirst();
  return g ? `${g.code} ${g.nameZh}` : '';
}

/**
 * Moves a lot's vials by `m.delta` inside the caller's transaction: 409 naming the field when the
 * lot is not active or has too few vials. A lot emptied is used up (or destroyed, by a discard).
 * The first move that takes the lot to or below its alert level tells the curators; rising above
 * it again arms the alert for the next crossing.
 */
export async function applyMove(trx: Transaction<DB>, ctx: Ctx, lotId: string, m: MoveFacts, now: Date) {
  // The row lock orders concurrent moves of one lot: each sees the balance the previous one left.
  const lot = await trx.selectFrom('strainLot').select(['id', 'code', 'status', 'vialsOnHand', 'alertLevel', 'lowNotified', 'strainId', 'germplasmId'])
    .where('id', '=', lotId).forUpdate().executeTakeFirst();
  if (!lot) throw conflict('批次不存在', 'No such lot', [{ path: '/lotId', message: '批次不存在（no such lot）' }]);
  if (lot.status !== 'active') throw conflict(`批次 ${lot.code} ${LOT_STATUSES[lot.status].zh}，不能出入库`, `Lot ${lot.code} is ${LOT_STATUSES[lot.status].en.toLowerCase()}; no moves`, [{ path: '/lotId', message: `批次${LOT_STATUSES[lot.status].zh}（the lot is not active）` }]);
  const balance = lot.vialsOnHand + m.delta;
  if (balance < 0) throw conflict(`批次 ${lot.code} 库存 ${lot.vialsOnHand} 支，不足 ${-m.delta} 支`, `Lot ${lot.code} holds ${lot.vialsOnHand} vials, fewer than ${-m.delta}`, [{ path: '/vials', message: `库存不足，现有 ${lot.vialsOnHand} 支（only ${lot.vialsOnHand} vials on hand）` }]);
  const low = isLow(balance, lot.alertLevel);
  const moved = await trx.updateTable('strainLot').set({ vialsOnHand: balance, status: statusAfter(balance, m.kind), lowNotified: low, updatedAt: now })
    .where('id', '=', lotId).returningAll().executeTakeFirstOrThrow();
  const before = lot.vialsOnHand;
  const row = await ledgerRow(trx, ctx, lotId, m, moved.vialsOnHand);
  await audit(trx, ctx, {
    action: `strains.stock.${m.kind}`, entityType: 'strain_lot', entityId: lotId,
    summary: `批次 ${moved.code} ${MOVE_KINDS[m.kind].zh} ${m.delta > 0 ? '+' : ''}${m.delta} 支，结存 ${moved.vialsOnHand} 支（${MOVE_KINDS[m.kind].en} ${m.delta}, balance ${moved.vialsOnHand}）`,
    before: { vialsOnHand: before }, after: { vialsOnHand: moved.vialsOnHand, status: moved.status, kind: m.kind, delta: m.delta, reasonZh: row.reasonZh, moveId: row.id },
  });
  if (low && !lot.lowNotified) {
    const curators = await curatorUserIds(trx);
    const label = await lotLabel(trx, lot);
    await notifyMany(trx, curators.map((userId) => ({
      userId, kind: 'strains.lot.low', link: `/strains/stock?lot=${moved.id}`, dedupeKey: `strains.lot.low:${moved.id}:${row.id}:${userId}`,
      titleZh: `保藏批次 ${moved.code}（${label}）库存降至 ${moved.vialsOnHand} 支，已达预警线 ${moved.alertLevel} 支`,
      titleEn: `Lot ${moved.code} (${label}) is down to ${moved.vialsOnHand} vials, at or below its alert level of ${moved.alertLevel}`,
    })));
  }
  return { lot: moved, move: row };
}
