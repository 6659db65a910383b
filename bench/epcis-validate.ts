/**
 * EPCIS validation speed (issue #8): events per second through `validateDocument` — the
 * standard's JSON schema (Ajv), the rules the schema leaves to the text, and normalisation
 * (EPCs as URNs, CBV words, event IDs) — on generated capture documents of a fermentation
 * plant: commissioning of media lots, fermentation as TransformationEvents, packing, shipping,
 * sensor reports; half the EPCs written as GS1 Digital Links, a third of the events without an
 * eventID (hashed). The capture target is 5,000 events/s end to end, so validation must take a
 * small part of 200 µs per event.
 *
 *   node --conditions=source --import tsx bench/epcis-validate.ts   (EPCIS_BENCH_EVENTS=50000, EPCIS_BENCH_PER_DOC=100)
 */
import { cpus } from 'node:os';
import { validateDocument } from '../packages/epcis/src/index.js';
import { schemaValidator } from '../packages/epcis/src/schema.js';
import { rng } from './random.js';

export interface EpcisValidateResult {
  events: number; perDocument: number; compileMs: number; parseMs: number; schemaMs: number; ms: number; eventsPerSecond: number; documentsPerSecond: number; heapMiB: number;
}

const CONTEXT = ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { ex: 'https://cqbio.example.cn/epcis/' }];

function gtin(item: number): string {
  const body = `069512345${String(item).padStart(4, '0')}`.slice(0, 13);
  let sum = 0;
  for (let i = body.length - 1, w = 3; i >= 0; i--, w = 4 - w) sum += Number(body[i]) * w;
  return body + ((10 - (sum % 10)) % 10);
}

/** One event of the plant, its kind drawn by `r`. */
function event(r: () => number, i: number): Record<string, unknown> {
  const t = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  const lot = (item: number, n: number) => (r() < 0.5 ? `https://id.gs1.org/01/${gtin(item)}/10/L${n}` : `urn:epc:class:lgtin:6951234.0${String(item).padStart(4, '0')}.L${n}`);
  const base: Record<string, unknown> = { eventTime: t, eventTimeZoneOffset: '+08:00', readPoint: { id: 'urn:epc:id:sgln:6951234.00001.0' } };
  if (r() > 0.33) base.eventID = `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  const k = r();
  if (k < 0.3) {
    return { ...base, type: 'TransformationEvent', bizStep: 'commissioning', disposition: 'in_progress',
      inputQuantityList: [{ epcClass: lot(1, i), quantity: 120.5, uom: 'KGM' }, { epcClass: lot(2, i), quantity: 30, uom: 'KGM' }],
      outputQuantityList: [{ epcClass: lot(9, i), quantity: 95.2, uom: 'KGM' }],
      bizTransactionList: [{ type: 'prodorder', bizTransaction: `urn:epcglobal:cbv:bt:6951234000017:B${i}` }],
      ilmd: { 'ex:strainAccession': 'CQMCC 10001', 'ex:batch': `B${i}` } };
  }
  if (k < 0.55) {
    return { ...base, type: 'ObjectEvent', action: 'ADD', bizStep: 'cbv:BizStep-commissioning', disposition: 'active',
      quantityList: [{ epcClass: lot(1, i), quantity: 500, uom: 'KGM' }] };
  }
  if (k < 0.75) {
    return { ...base, type: 'AggregationEvent', action: 'ADD', bizStep: 'packing', parentID: `urn:epc:id:sscc:6951234.${String(1000000000 + i)}`,
      childQuantityList: [{ epcClass: lot(9, i), quantity: 20, uom: 'KGM' }] };
  }
  if (k < 0.9) {
    return { ...base, type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'urn:epcglobal:cbv:bizstep:shipping', disposition: 'in_transit',
      epcList: [`urn:epc:id:sscc:6951234.${String(1000000000 + i)}`],
      bizTransactionList: [{ type: 'desadv', bizTransaction: `urn:epcglobal:cbv:bt:6951234000017:D${i}` }],
      destinationList: [{ type: 'owning_party', destination: 'urn:epc:id:pgln:6951234.00099' }] };
  }
  return { ...base, type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'sensor_reporting', quantityList: [{ epcClass: lot(9, i), quantity: 1 }],
    sensorElementList: [{ sensorMetadata: { time: t }, sensorReport: [{ type: 'Temperature', value: 37 + r(), uom: 'CEL' }, { type: 'gs1:RelativeHumidity', value: 40, uom: 'P1' }] }] };
}

export function measureEpcisValidate(events = Number(process.env.EPCIS_BENCH_EVENTS ?? 50_000), perDocument = Number(process.env.EPCIS_BENCH_PER_DOC ?? 100)): EpcisValidateResult {
  const r = rng(8);
  const documents: string[] = [];
  for (let i = 0; i < events; i += perDocument) {
    const eventList = Array.from({ length: Math.min(perDocument, events - i) }, (_, j) => event(r, i + j));
    documents.push(JSON.stringify({ '@context': CONTEXT, type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-01-01T00:00:00Z', epcisBody: { eventList } }));
  }
  const c = performance.now();
  validateDocument(documents[0]);
  const compileMs = performance.now() - c;
  // The parts: JSON.parse alone, then the schema alone on parsed documents (the rest is the
  // standard's extra rules and normalisation).
  let p = performance.now();
  const parsed = documents.map((d) => JSON.parse(d));
  const parseMs = performance.now() - p;
  const schema = schemaValidator();
  p = performance.now();
  for (const d of parsed) if (!schema(d)) throw new Error('schema');
  const schemaMs = performance.now() - p;
  const t = performance.now();
  let n = 0;
  for (const text of documents) {
    const v = validateDocument(text, { accept: ['EPCISDocument'] });
    if (!v.ok) throw new Error(JSON.stringify(v.problem));
    n += v.events.length;
  }
  const ms = performance.now() - t;
  return { events: n, perDocument, compileMs, parseMs, schemaMs, ms, eventsPerSecond: n / (ms / 1000), documentsPerSecond: documents.length / (ms / 1000), heapMiB: process.memoryUsage().heapUsed / 2 ** 20 };
}

export function formatEpcisValidate(x: EpcisValidateResult): string {
  return [
    `EPCIS validation (packages/epcis): ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`, '',
    '| events | events / document | schema compile (first call) | JSON.parse alone | JSON schema alone | JSON text → validated and normalised | µs / event | events / s |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${x.events.toLocaleString('en')} | ${x.perDocument} | ${x.compileMs.toFixed(0)} ms | ${(x.parseMs / 1000).toFixed(2)} s | ${(x.schemaMs / 1000).toFixed(2)} s | ${(x.ms / 1000).toFixed(2)} s | ${(x.ms * 1000 / x.events).toFixed(0)} | ${Math.round(x.eventsPerSecond).toLocaleString('en')} |`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(formatEpcisValidate(measureEpcisValidate()));
