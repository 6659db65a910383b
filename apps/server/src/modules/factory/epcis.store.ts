import { sql, type Transaction } from 'kysely';
import type { NormalisedEvent } from '@cq-biomfg/epcis';
import type { DB } from '../../platform/db/schema.js';
import { sitePrefixOf } from './model/factory-input.js';

/** Events per statement: big enough to amortise a round trip, small enough to keep one JSON parameter modest. */
export const CHUNK = 1000;

/**
 * Stores a capture's events, their EPCs and business transactions inside the caller's transaction,
 * and returns how many events were new. Each chunk travels as one JSON parameter expanded by
 * jsonb_to_recordset, so thousands of rows cost three statements and no parameter limit. An
 * eventID already in the repository is skipped (`on conflict do nothing`), and so are its EPCs:
 * only the events the insert returns get theirs.
 */
export async function storeEvents(trx: Transaction<DB>, events: NormalisedEvent[], at: { captureId: string; organisationId: string; recordTime: Date }) {
  // The first of two events with one eventID in a document wins, as a second capture would.
  const seen = new Set<string>();
  const unique = events.filter((e) => (seen.has(e.eventId) ? false : (seen.add(e.eventId), true)));
  let stored = 0;
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
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
    if (!inserted.rows.length) continue;
    stored += inserted.rows.length;
    const seqOf = new Map(inserted.rows.map((r) => [r.eventId, r.seq]));
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
  return stored;
}

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
