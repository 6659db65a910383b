import { cbvWord, type CbvKind } from './cbv.js';
import { canonicalEpc } from './epc.js';
import { eventHash } from './hash.js';
import type { EpcisEventType, EpcRef, EpcRole, NormalisedEvent } from './types.js';

type Json = Record<string, unknown>;

const EPC_LISTS: [string, EpcRole][] = [['epcList', 'epc'], ['childEPCs', 'child'], ['inputEPCList', 'input'], ['outputEPCList', 'output']];
const QUANTITY_LISTS: [string, EpcRole][] = [
  ['quantityList', 'quantity'], ['childQuantityList', 'childQuantity'], ['inputQuantityList', 'inputQuantity'], ['outputQuantityList', 'outputQuantity'],
];

/** Prefix → IRI from the object entries of a JSON-LD @context (the standard's own context is a URL, left alone). */
export function contextPrefixes(context: unknown): Map<string, string> {
  const prefixes = new Map<string, string>();
  const add = (c: unknown) => {
    if (c && typeof c === 'object' && !Array.isArray(c)) {
      for (const [k, v] of Object.entries(c)) if (typeof v === 'string' && !k.startsWith('@')) prefixes.set(k, v);
    }
  };
  if (Array.isArray(context)) context.forEach(add); else add(context);
  return prefixes;
}

/** A compact IRI (`ex:step`) expanded by the context's prefixes; anything else unchanged. */
function expand(value: string, prefixes: Map<string, string>): string {
  const i = value.indexOf(':');
  if (i <= 0 || value.startsWith('urn:') || value.startsWith('http')) return value;
  const iri = prefixes.get(value.slice(0, i));
  return iri ? iri + value.slice(i + 1) : value;
}

/** A CBV value as its bare word, anything else as its full URI. */
function vocab(kind: CbvKind, value: unknown, prefixes: Map<string, string>): string | null {
  if (typeof value !== 'string') return null;
  return cbvWord(kind, value) ?? cbvWord(kind, expand(value, prefixes)) ?? expand(value, prefixes);
}

/** A readPoint / bizLocation id; a Digital Link of a GLN becomes its SGLN like any EPC. */
function idOf(v: unknown): string | null {
  return v && typeof v === 'object' && typeof (v as Json).id === 'string' ? canonicalEpc((v as Json).id as string) : null;
}

/** The instant as ISO 8601 UTC with milliseconds (2020-03-04T10:00:30.000Z). */
function utc(time: string): string {
  const d = new Date(time);
  return Number.isNaN(d.getTime()) ? time : d.toISOString();
}

/**
 * One event of a validated document, as the repository stores it: filter columns, every EPC with
 * its role (Digital Links as URNs), business transactions, and the event itself with its eventID
 * (computed when it has none, see `eventHashId`). `context` is the document's @context.
 */
export function normaliseEvent(event: Json, context?: unknown, documentPrefixes?: Map<string, string>): NormalisedEvent {
  const prefixes = eventPrefixes(event, context, documentPrefixes);
  const epcs: EpcRef[] = [];
  if (typeof event.parentID === 'string') epcs.push({ epc: canonicalEpc(event.parentID), role: 'parent' });
  for (const [field, role] of EPC_LISTS) {
    const list = event[field];
    if (Array.isArray(list)) for (const epc of list) if (typeof epc === 'string') epcs.push({ epc: canonicalEpc(epc), role });
  }
  for (const [field, role] of QUANTITY_LISTS) {
    const list = event[field];
    if (!Array.isArray(list)) continue;
    for (const q of list as Json[]) {
      if (typeof q?.epcClass !== 'string') continue;
      const ref: EpcRef = { epc: canonicalEpc(q.epcClass), role };
      if (typeof q.quantity === 'number') ref.quantity = q.quantity;
      if (typeof q.uom === 'string') ref.uom = q.uom;
      epcs.push(ref);
    }
  }
  const bizTransactions = Array.isArray(event.bizTransactionList)
    ? (event.bizTransactionList as Json[]).filter((b) => typeof b?.bizTransaction === 'string').map((b) => ({
      type: vocab('bizTransactionTypes', b.type, prefixes) ?? '',
      value: b.bizTransaction as string,
    }))
    : [];
  const errorDeclaration = event.errorDeclaration as Json | undefined;
  const eventId = typeof event.eventID === 'string' ? event.eventID : eventHash(event, context);
  return {
    eventId,
    eventType: event.type as EpcisEventType,
    action: (event.action as NormalisedEvent['action']) ?? null,
    eventTime: utc(event.eventTime as string),
    eventTimeZoneOffset: event.eventTimeZoneOffset as string,
    bizStep: vocab('bizSteps', event.bizStep, prefixes),
    disposition: vocab('dispositions', event.disposition, prefixes),
    readPoint: idOf(event.readPoint),
    bizLocation: idOf(event.bizLocation),
    errorReason: errorDeclaration ? vocab('errorReasons', errorDeclaration.reason, prefixes) ?? 'unspecified' : null,
    epcs,
    bizTransactions,
    event: typeof event.eventID === 'string' ? event : { ...event, eventID: eventId },
  };
}

/**
 * A deterministic event ID for an event that has none: the CBV 2.0 §8.9 event hash
 * (`ni:///sha-256;<hex>?ver=CBV2.0`, see hash.ts), so that another repository computing the
 * standard's hash names the event the same way. `context` is the document's @context.
 */
export function eventHashId(event: Json, context?: unknown): string {
  return eventHash(event, context);
}

/** The document's prefixes (computed once per document by the caller), plus the event's own @context if it has one. */
function eventPrefixes(event: Json, context: unknown, documentPrefixes?: Map<string, string>): Map<string, string> {
  const base = documentPrefixes ?? contextPrefixes(context);
  if (event['@context'] === undefined) return base;
  return new Map([...base, ...contextPrefixes(event['@context'])]);
}
