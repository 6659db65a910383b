import { sql, type Transaction } from 'kysely';
import type { NormalisedEvent } from '@cq-biomfg/epcis';
import type { DB } from '../../platform/db/schema.js';
import { sitePrefixOf } from './model/factory-input.js';
import { epcisProblem } from './epcis.problems.js';

/** Events per statement: big enough to amortise a round trip, small enough to keep one JSON parameter modest. */
export const CHUNK = 1000;

/** What a capture wrote: events new to the repository, and stored events it declared erroneous. */
export interface Stored { stored: number; declared: number }

/** An event of the document with its place in the eventList, for a problem's JSON pointer. */
interface Placed { e: NormalisedEvent; i: number }

/**
 * Stores a capture's events, their EPCs and business transactions inside the caller's transaction.
 * Each chunk travels as one JSON parameter expanded by jsonb_to_recordset, so thousands of rows
 * cost three statements and no parameter limit. An eventID already in the repository is skipped
 * (`on conflict do nothing`), and so are its EPCs: only the events the insert returns get theirs.
 * What the insert skipped is looked at once per chunk (`settleSkipped`): another organisation's
 * eventID refuses the capture, an error declaration of our own stored event is applied to it.
 */
export async function storeEvents(trx: Transaction<DB>, events: NormalisedEvent[], at: { captureId: string; organisationId: string; recordTime: Date }): Promise<Stored> {
  // The first of two events with one eventID in a document wins, as a second capture would.
  const seen = new Set<string>();
  const unique: Placed[] = [];
  events.forEach((e, i) => { if (!seen.has(e.eventId)) { seen.add(e.eventId); unique.push({ e, i }); } });
  let stored = 0;
  let declared = 0;
  for (let i = 0; i < unique.length; i += CHUNK) {
    const placed = unique.slice(i, i + CHUNK);
    const chunk = placed.map((p) => p.e);
    const rows = chunk.map((e) => ({
      event_id: e.eventId, event_type: e.eventType, action: e.action, event_time: e.eventTime, event_time_zone_offset: e.eventTimeZoneOffset,
      biz_step: e.bizStep, disposition: e.disposition, read_point: e.readPoint, biz_location: e.bizLocation, error_reason: e.errorReason, document: e.event,
    }));
    // jsonb_to_recordset yields the array in order, so seq follows the document's order.
    const inserted = await sql<{ seq: string; eventId: string }>`
      insert into epcis_event (event_id, event_type, action, event_time, event_time_zone_offset, record_time, biz_step, disposition, read_point, biz_location, error_reason, organisation_id, capture_id, document)
      select x.event_id, x.event_type, x.action, x.event_time, x.event_time_zone_offset, ${at.recordTime}, x.biz_step, x.disposition, x.read_point, x.biz_location, x.error_reason, ${at.organisationId}, ${at.captureId}, x.document
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(event_id text, event_type text, action text, event_time timestamptz, event_time_zone_offset text,
        biz_step text, disposition text, read_point text, biz_location text, error_reason text, document jsonb)
      on conflict (event_id) do nothing
      returning seq, event_id`.execute(trx);
    const seqOf = new Map(inserted.rows.map((r) => [r.eventId, r.seq]));
    if (inserted.rows.length < chunk.length) declared += await settleSkipped(trx, placed.filter((p) => !seqOf.has(p.e.eventId)), at.organisationId);
    if (!inserted.rows.length) continue;
    stored += inserted.rows.length;
    const fresh = chunk.filter((e) => seqOf.has(e.eventId));
    const epcs = fresh.flatMap((e) => e.epcs.map((r) => ({ s: seqOf.get(e.eventId), epc: r.epc, role: r.role, quantity: r.quantity ?? null, uom: r.uom ?? null })));
    if (epcs.length) await sql`
      insert into epcis_event_epc (event_seq, epc, role, quantity, uom)
      select x.s, x.epc, x.role, x.quantity, x.uom
      from jsonb_to_recordset(${JSON.stringify(epcs)}::jsonb) as x(s bigint, epc text, role text, quantity double precision, uom text)`.execute(trx);
    await tallySites(trx, fresh, at);
    const txs = fresh.flatMap((e) => e.bizTransactions.map((t) => ({ s: seqOf.get(e.eventId), type: t.type ?? '', value: t.value })));
    if (txs.length) await sql`
      insert into epcis_event_biz_transaction (event_seq, type, value)
      select x.s, x.type, x.value
      from jsonb_to_recordset(${JSON.stringify(txs)}::jsonb) as x(s bigint, type text, value text)`.execute(trx);
  }
  return { stored, declared };
}

/**
 * The events a chunk's insert skipped, their eventIDs already stored. One owned by another
 * organisation refuses the whole capture (the caller's transaction rolls back): storing nothing
 * would hide the event from its sender for good. One of ours is the same event again, skipped as
 * before, unless it declares an error the stored one does not (in EPCIS 2.0 an error
 * declaration re-sends the event with its eventID): then the stored event takes the declaration,
 * so queries find it and trace leaves it out. Returns how many events were declared erroneous.
 */
async function settleSkipped(trx: Transaction<DB>, skipped: Placed[], organisationId: string) {
  const owners = await sql<{ eventId: string; organisationId: string }>`
    select event_id, organisation_id from epcis_event where event_id = any(${sql.val(skipped.map((p) => p.e.eventId))}::text[])`.execute(trx);
  const ownerOf = new Map(owners.rows.map((r) => [r.eventId, r.organisationId]));
  const taken = skipped.filter((p) => ownerOf.has(p.e.eventId) && ownerOf.get(p.e.eventId) !== organisationId);
  if (taken.length) throw eventIdTaken(taken);
  const declarations = skipped.filter((p) => p.e.event.errorDeclaration !== undefined)
    .map((p) => ({ event_id: p.e.eventId, declaration: p.e.event.errorDeclaration, error_reason: p.e.errorReason ?? 'unspecified' }));
  if (!declarations.length) return 0;
  // A stored event that already declares an error keeps its first declaration.
  const updated = await sql<{ eventId: string }>`
    update epcis_event e set document = e.document || jsonb_build_object('errorDeclaration', x.declaration), error_reason = x.error_reason
    from jsonb_to_recordset(${JSON.stringify(declarations)}::jsonb) as x(event_id text, declaration jsonb, error_reason text)
    where e.event_id = x.event_id and e.organisation_id = ${organisationId} and not jsonb_exists(e.document, 'errorDeclaration')
    returning e.event_id`.execute(trx);
  return updated.rows.length;
}

const eventIdTaken = (taken: Placed[]) => {
  const message = '事件 ID 已被其他机构使用（The eventID is used by another organisation）';
  return epcisProblem('ValidationException', `${taken.length} 个事件的事件 ID 已被其他机构使用，所有事件均未保存（${taken.length} event(s) carry an eventID another organisation already captured; no event was stored）`,
    taken.slice(0, 20).map((p) => ({ path: `/epcisBody/eventList/${p.i}/eventID`, message })));
};

/** Adds newly stored events to their sites' tallies (epcis_site_tally): the factory list's figures. */
async function tallySites(trx: Transaction<DB>, fresh: NormalisedEvent[], at: { organisationId: string; recordTime: Date }) {
  const counts = new Map<string, number>();
  for (const e of fresh) {
    for (const site of new Set([sitePrefixOf(e.readPoint), sitePrefixOf(e.bizLocation)])) if (site) counts.set(site, (counts.get(site) ?? 0) + 1);
  }
  if (!counts.size) return;
  await trx.insertInto('epcisSiteTally')
    .values([...counts].map(([site, events]) => ({ organisationId: at.organisationId, site, events, lastRecordTime: at.recordTime })))
    .onConflict((oc) => oc.columns(['organisationId', 'site']).doUpdateSet((eb) => ({
      events: sql`${eb.ref('epcisSiteTally.events')} + excluded.events`,
      lastRecordTime: sql`greatest(${eb.ref('epcisSiteTally.lastRecordTime')}, excluded.last_record_time)`,
    }))).execute();
}
