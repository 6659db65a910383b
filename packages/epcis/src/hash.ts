/**
 * The EPCIS event hash of CBV 2.0 §8.9: `ni:///sha-256;<hex>?ver=CBV2.0`, the SHA-256 of a canonical
 * "pre-hash string" of the event. Two repositories that receive the same event (in XML or JSON,
 * keys and list items in any order, EPCs as URNs or Digital Links) compute the same hash, so it can
 * serve as the eventID of an event captured without one.
 *
 * The pre-hash string follows the reference implementation RalphTro/epcis-event-hash-generator
 * and is checked against its test vectors (test/hash-vectors). Its shape, in short:
 *  - `eventType=…`, then the standard fields in the canonical property order (PROP_ORDER), each
 *    `key=value` or, for a structure, its key followed by its children; lists sorted;
 *  - then the ILMD, what is left of the standard structures (extensions nested in readPoint,
 *    sensorElement, …) and the user extensions, each written `{namespace}localName=value`;
 *  - eventID, recordTime, errorDeclaration and certificationInfo are left out.
 */
import { createHash } from 'node:crypto';
import { hashDigitalLink } from './digitalLink.js';
import { contextPrefixes } from './normalise.js';

type Json = Record<string, unknown>;

/** A field of the event as the algorithm sees it: its name, its text value, its child fields. */
interface Node { name: string; value: string; children: Node[] }

type Order = [string, Order | null][];

const QUANTITY: Order = [['quantityElement', [['epcClass', null], ['quantity', null], ['uom', null]]]];
const TYPED = (id: string): Order => [['', [['type', null], [id, null]]]];

/** The canonical property order (CBV 2.0 §8.9.2, as the reference vectors write it). */
const PROP_ORDER: Order = [
  ['eventTime', null],
  ['eventTimeZoneOffset', null],
  ['epcList', [['epc', null]]],
  ['parentID', null],
  ['inputEPCList', [['epc', null]]],
  ['childEPCs', [['epc', null]]],
  ['quantityList', QUANTITY],
  ['childQuantityList', QUANTITY],
  ['inputQuantityList', QUANTITY],
  ['outputEPCList', [['epc', null]]],
  ['outputQuantityList', QUANTITY],
  ['action', null],
  ['transformationID', null],
  ['bizStep', null],
  ['disposition', null],
  ['persistentDisposition', [['set', null], ['unset', null]]],
  ['readPoint', [['id', null]]],
  ['bizLocation', [['id', null]]],
  ['bizTransactionList', TYPED('bizTransaction')],
  ['sourceList', TYPED('source')],
  ['destinationList', TYPED('destination')],
  // The reference writes each sensor element under `sensorElement`, without the list's name.
  ['sensorElement', [
    ['sensorMetadata', ['time', 'startTime', 'endTime', 'deviceID', 'deviceMetadata', 'rawData', 'dataProcessingMethod', 'bizRules'].map((k) => [k, null])],
    ['sensorReport', ['type', 'exception', 'deviceID', 'deviceMetadata', 'rawData', 'dataProcessingMethod', 'time', 'microorganism',
      'chemicalSubstance', 'value', 'component', 'stringValue', 'booleanValue', 'hexBinaryValue', 'uriValue', 'minValue', 'maxValue',
      'meanValue', 'sDev', 'percRank', 'percValue', 'uom', 'coordinateReferenceSystem'].map((k) => [k, null])],
  ]],
];

/** Event fields that are not part of the hash: they may differ between two captures of one event. */
const NOT_HASHED = new Set(['eventID', 'recordTime', 'type', 'errorDeclaration', 'certificationInfo', '@context']);
/** Keys that are annotations, not data (as in the reference). */
const IGNORED_KEYS = new Set(['#text', 'comment', 'rdfs:comment']);

const EPC_LISTS = new Set(['epcList', 'inputEPCList', 'outputEPCList', 'childEPCs']);
const QUANTITY_LISTS = new Set(['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList']);
const TYPED_LISTS: Record<string, string> = { bizTransactionList: 'bizTransaction', sourceList: 'source', destinationList: 'destination' };

const CBV = 'https://ref.gs1.org/cbv/';
const GS1_VOC = 'https://ref.gs1.org/voc/';
/** Where a JSON bare word of a standard vocabulary expands to (JSON-LD `@vocab` of the EPCIS context, rule 16). */
const BARE_WORD_BASE: Record<string, string> = {
  bizStep: CBV + 'BizStep-', disposition: CBV + 'Disp-', set: CBV + 'Disp-', unset: CBV + 'Disp-',
};
const TYPE_BASE: Record<string, string> = { bizTransaction: CBV + 'BTT-', source: CBV + 'SDT-', destination: CBV + 'SDT-', sensorReport: GS1_VOC };

/** CBV 1.x URNs and their CBV 2.0 Web URI equivalents (rule 14). */
const URN_VOCAB: [string, string][] = [
  ['urn:epcglobal:cbv:bizstep:', CBV + 'BizStep-'], ['urn:epcglobal:cbv:disp:', CBV + 'Disp-'], ['urn:epcglobal:cbv:btt:', CBV + 'BTT-'],
  ['urn:epcglobal:cbv:sdt:', CBV + 'SDT-'], ['urn:epcglobal:cbv:er:', CBV + 'ER-'],
];

/** Prefixes every EPCIS 2.0 document may use without declaring them; `gs1` is always the Web Vocabulary. */
const WELL_KNOWN: [string, string][] = [['gs1', GS1_VOC], ['cbv', CBV], ['epcis', 'https://ref.gs1.org/epcis/'], ['cbvmda', 'urn:epcglobal:cbv:mda']];

/** The prefix table of an event: the well-known ones, the document's, the event's own, and `gs1` fixed. */
function namespaces(event: Json, context: unknown): Map<string, string> {
  const ns = new Map(WELL_KNOWN);
  for (const [k, v] of contextPrefixes(context)) ns.set(k, v);
  for (const [k, v] of contextPrefixes(event['@context'])) ns.set(k, v);
  ns.set('gs1', GS1_VOC);
  return ns;
}

/** A key as `{namespace}localName` when its prefix is known (rules 19 and 20); otherwise unchanged. */
function expandKey(key: string, ns: Map<string, string>): string {
  const i = key.indexOf(':');
  const iri = i > 0 ? ns.get(key.slice(0, i)) : undefined;
  return iri === undefined ? key : `{${iri}}${key.slice(i + 1)}`;
}

/** A value's CURIE expanded when it names a GS1 vocabulary (rule 15); user CURIEs stay as written. */
function expandValue(value: string, ns: Map<string, string>): string {
  const i = value.indexOf(':');
  const iri = i > 0 ? ns.get(value.slice(0, i)) : undefined;
  return iri !== undefined && /^https:\/\/(?:ref\.)?gs1\.org/.test(iri) ? iri + value.slice(i + 1) : value;
}

/** JSON scalars as text: booleans lower case, numbers as written by JSON. */
function scalarText(v: string | number | boolean): string {
  return typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v);
}

/** The nodes of one JSON value under a key: a list gives one node per item (the key repeated, as in XML). */
function toNodes(key: string, value: unknown, ns: Map<string, string>, bareBase?: string): Node[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((v) => toNodes(key, v, ns, bareBase));
  if (typeof value === 'object') return [objectNode(key, value as Json, ns)];
  let text = expandValue(scalarText(value as string | number | boolean), ns);
  if (bareBase && typeof value === 'string' && !text.includes(':') && text.trim()) text = bareBase + text.trim();
  return [{ name: key, value: text, children: [] }];
}

function objectNode(name: string, obj: Json, ns: Map<string, string>, typeBase?: string): Node {
  const children: Node[] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (IGNORED_KEYS.has(k)) continue;
    children.push(...toNodes(expandKey(k, ns), v, ns, k === 'type' ? typeBase ?? TYPE_BASE[name] : BARE_WORD_BASE[k]));
  }
  const text = obj['#text'];
  return { name, value: typeof text === 'string' ? text : '', children };
}

/** The event's fields as nodes, shaped like the XML form the reference hashes (list items named). */
function eventNodes(event: Json, ns: Map<string, string>): Node[] {
  const nodes: Node[] = [];
  for (const [key, value] of Object.entries(event)) {
    if (key === 'type' || IGNORED_KEYS.has(key)) continue;
    const list = Array.isArray(value) ? value : null;
    if (EPC_LISTS.has(key) && list) {
      nodes.push({ name: key, value: '', children: list.flatMap((v) => toNodes('epc', v, ns)) });
    } else if (QUANTITY_LISTS.has(key) && list) {
      nodes.push({ name: key, value: '', children: list.flatMap((v) => toNodes('quantityElement', v, ns)) });
    } else if (TYPED_LISTS[key] && list) {
      const entries = list.filter((v): v is Json => !!v && typeof v === 'object' && !Array.isArray(v));
      nodes.push({ name: key, value: '', children: entries.map((v) => objectNode('', v, ns, TYPE_BASE[TYPED_LISTS[key]])) });
    } else if (key === 'sensorElementList' && list) {
      for (const element of list) if (element && typeof element === 'object') nodes.push(objectNode('sensorElement', element as Json, ns));
    } else {
      nodes.push(...toNodes(expandKey(key, ns), value, ns, BARE_WORD_BASE[key]));
    }
  }
  return nodes;
}

/** Code-point order, as the reference sorts (Python string comparison), not UTF-16 order. */
function byCodePoint(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * The fields named in `order`, in that order, each group sorted. A field is consumed (removed from
 * `nodes`) once nothing of it is left; what remains is written afterwards as leftovers.
 */
function ordered(nodes: Node[], order: Order): string {
  let out = '';
  for (const [name, sub] of order) {
    const values: string[] = [];
    for (const node of nodes.filter((n) => n.name === name)) {
      const s = orderedNode(node, sub);
      if (s) values.push(s);
      if (node.children.length === 0) nodes.splice(nodes.indexOf(node), 1);
    }
    out += values.sort(byCodePoint).join('');
  }
  return out;
}

function orderedNode(node: Node, sub: Order | null): string {
  const children = sub ? ordered(node.children, sub) : '';
  const value = valueText(node.name, node.value, true);
  return value || children ? node.name + value + children : '';
}

/** Leftover fields (extensions, unconsumed parts of standard structures), sorted. */
function leftovers(nodes: Node[]): string {
  const parts = nodes.map((n) => n.name + valueText(n.name, n.value, false) + leftovers(n.children));
  return parts.sort(byCodePoint).join('');
}

/** `=value` canonicalised, or '' for no value; timestamps are normalised only among the standard fields. */
function valueText(name: string, raw: string, standard: boolean): string {
  const text = raw.trim();
  if (!text) return '';
  const lower = name.toLowerCase();
  const isTime = standard && lower.includes('time') && !lower.includes('offset');
  return '=' + (isTime ? utcMillis(text) : canonicalValue(text));
}

/** Rules 14, 6/7 and 17/18 in turn: CBV URNs as Web URIs, numbers without trailing zeros, GS1 ids as Digital Links. */
export function canonicalValue(text: string): string {
  let value = text;
  for (const [urn, web] of URN_VOCAB) value = value.split(urn).join(web);
  value = canonicalNumber(value);
  return hashDigitalLink(value) ?? value;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A decimal number as the reference prints it (Python `str` of the int or float); anything else unchanged. */
function canonicalNumber(text: string): string {
  if (!NUMBER.test(text)) return text;
  const n = Number(text);
  if (!Number.isFinite(n)) return text;
  if (Number.isInteger(n)) return BigInt(n).toString();
  // Python writes floats below 1e-4 in exponent form with at least two exponent digits (1e-05).
  if (Math.abs(n) < 1e-4) return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  return String(n);
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * A timestamp in UTC with millisecond precision (rules 8 and 9), microseconds rounded half to even
 * as the reference does. A timestamp without offset is taken as UTC. Not a timestamp: unchanged.
 */
export function utcMillis(text: string): string {
  const m = TIMESTAMP.exec(text);
  if (!m) return text;
  const [, y, mo, d, h, mi, s = '0', frac = '', zone = 'Z'] = m;
  let offsetMin = 0;
  if (zone.toUpperCase() !== 'Z') {
    const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
    offsetMin = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3] ?? 0));
  }
  const micro = Number(frac.slice(0, 6).padEnd(6, '0'));
  const ms = roundHalfEven(micro / 1000);
  const epoch = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offsetMin * 60_000 + ms;
  return Number.isNaN(epoch) ? text : new Date(epoch).toISOString();
}

function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const diff = x - f;
  if (diff > 0.5) return f + 1;
  if (diff < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** The canonical pre-hash string of an EPCIS 2.0 JSON(-LD) event; `context` is its document's `@context`. */
export function eventPreHash(event: Json, context?: unknown): string {
  const ns = namespaces(event, context);
  const nodes = eventNodes(event, ns);
  const head = 'eventType=' + String(event.type) + ordered(nodes, PROP_ORDER);
  return head + tail(nodes.filter((n) => !NOT_HASHED.has(n.name)));
}

/**
 * What follows the standard fields, in the reference's order: the ILMD, then what is left of the
 * standard structures (their nested extensions) in the canonical property order, then the event's
 * own user extensions, sorted.
 */
function tail(nodes: Node[]): string {
  const take = (name: string) => leftovers(nodes.filter((n) => n.name === name));
  const structures = new Set(['ilmd', ...PROP_ORDER.map(([name]) => name)]);
  return take('ilmd') + PROP_ORDER.map(([name]) => take(name)).join('') + leftovers(nodes.filter((n) => !structures.has(n.name)));
}

/** The CBV 2.0 event hash `ni:///sha-256;<hex>?ver=CBV2.0` of an event (see `eventPreHash`). */
export function eventHash(event: Json, context?: unknown): string {
  const digest = createHash('sha256').update(eventPreHash(event, context), 'utf8').digest('hex');
  return `ni:///sha-256;${digest}?ver=CBV2.0`;
}
