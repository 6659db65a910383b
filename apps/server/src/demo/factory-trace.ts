import type { Database } from '../platform/db/database.js';
import type { Ctx } from '../platform/context/ctx.js';
import type { Role } from '../platform/access/model.js';
import { fileService } from '../platform/files/files.js';
import { planService } from '../modules/plan/service.js';
import { captureService } from '../modules/factory/epcis.capture.js';
import { batchesService } from '../modules/factory/batches.service.js';
import { strainEpc } from '../modules/factory/model/trace-epc.js';

/**
 * The demonstration recall scenario (示例), captured as EPCIS 2.0 documents through the capture
 * service at the epcis part's demo sites. The demo enterprise (GS1 company prefix 6970001)
 * receives one media lot (培养基批号 MED-2026-1015) and grows a seed culture of its accessioned
 * Corynebacterium glutamicum; three fermentation batches draw on the same media lot and seed;
 * the purification workshop recovers each broth, purifies A+B together and C alone, and
 * formulates L-lysine product lots; these are packed into four cases on one pallet, shipped to
 * the partner (prefix 6970002), who receives it and blends one lot into its own feed premix.
 * A forward trace of the media lot answers "which product lots, and where did they go?".
 * Loaded once: skipped when its first event is in the repository.
 */

const MAKER = '6970001', PARTNER = '6970002', SUPPLIER = '6970009';
const PLANT = `urn:epc:id:sgln:${MAKER}.00001.0`;
const HALL = `urn:epc:id:sgln:${MAKER}.00001.F1`;
const WORKSHOP = `urn:epc:id:sgln:${MAKER}.00002.0`;
const PARTNER_PLANT = `urn:epc:id:sgln:${PARTNER}.00001.0`;
const lot = (gcp: string, item: string, n: string) => `urn:epc:class:lgtin:${gcp}.${item}.${n}`;
const sscc = (n: string) => `urn:epc:id:sscc:${MAKER}.${n}`;

/** The scenario's lots; the broth lots are also the lot_epc of the plant's three demo batches. */
export const DEMO_TRACE_LOTS = {
  media: lot(MAKER, '0001011', 'MED-2026-1015'),
  seed: lot(MAKER, '0001022', 'SEED-2026-1016'),
  broth: ['A', 'B', 'C'].map((x) => lot(MAKER, '0002011', `FB-2026-1018${x}`)),
  recovered: ['A', 'B', 'C'].map((x) => lot(MAKER, '0002022', `RC-2026-1021${x}`)),
  purified: [lot(MAKER, '0002033', 'PU-2026-1023-1'), lot(MAKER, '0002033', 'PU-2026-1023-2')],
  excipient: lot(SUPPLIER, '0009011', 'EX-2026-0930'),
  products: [lot(MAKER, '0003011', 'LYS-2026-1025-01'), lot(MAKER, '0003011', 'LYS-2026-1025-02'), lot(MAKER, '0003011', 'LYS-2026-1025-03')],
  cases: ['10000000011', '10000000012', '10000000013', '10000000014'].map(sscc),
  pallet: sscc('30000000019'),
  premix: lot(PARTNER, '0005011', 'PMX-2026-1102'),
};

let serial = 0;
const id = () => `urn:uuid:6f1d0e2a-8c3b-4d5e-9a7b-${String(++serial).padStart(12, '0')}`;
const at = (day: number, hour = 10) => `2026-10-${String(day).padStart(2, '0')}T${String(hour - 8).padStart(2, '0')}:00:00.000Z`;
type Q = { epcClass: string; quantity: number; uom: string };
const q = (epcClass: string, quantity: number, uom = 'KGM'): Q => ({ epcClass, quantity, uom });
const base = (type: string, day: number, hour: number) => ({ type, eventID: id(), eventTime: at(day, hour), eventTimeZoneOffset: '+08:00' });

function transform(day: number, hour: number, inputs: { epcs?: string[]; qty: Q[] }, outputs: Q[], where: { readPoint: string; bizLocation: string }, ilmd?: Record<string, unknown>) {
  return {
    ...base('TransformationEvent', day, hour),
    ...(inputs.epcs ? { inputEPCList: inputs.epcs } : {}), inputQuantityList: inputs.qty, outputQuantityList: outputs,
    bizStep: 'commissioning', disposition: 'active', readPoint: { id: where.readPoint }, bizLocation: { id: where.bizLocation },
    ...(ilmd ? { ilmd } : {}),
  };
}

function makerEvents(strain: string | null) {
  const L = DEMO_TRACE_LOTS;
  const plant = { readPoint: HALL, bizLocation: PLANT };
  const shop = { readPoint: WORKSHOP, bizLocation: WORKSHOP };
  const seedInputs = strain ? { epcs: [strain], qty: [q(L.media, 60)] } : { qty: [q(L.media, 60)] };
  return [
    { ...base('ObjectEvent', 15, 9), action: 'OBSERVE', quantityList: [q(L.media, 9000)], bizStep: 'receiving', disposition: 'in_progress', readPoint: { id: PLANT }, bizLocation: { id: PLANT },
      sourceList: [{ type: 'owning_party', source: `urn:epc:id:pgln:${SUPPLIER}.00000` }], destinationList: [{ type: 'owning_party', destination: `urn:epc:id:pgln:${MAKER}.00000` }] },
    { ...base('ObjectEvent', 15, 11), action: 'OBSERVE', quantityList: [q(L.excipient, 500)], bizStep: 'receiving', disposition: 'in_progress', readPoint: { id: WORKSHOP }, bizLocation: { id: WORKSHOP },
      sourceList: [{ type: 'owning_party', source: `urn:epc:id:pgln:${SUPPLIER}.00000` }] },
    transform(16, 9, seedInputs, [q(L.seed, 600, 'LTR')], plant),
    ...L.broth.map((b, i) => transform(18, 8 + 2 * i, { qty: [q(L.seed, 200, 'LTR'), q(L.media, 2900)] }, [q(b, 28000, 'LTR')], plant)),
    ...L.recovered.map((r, i) => transform(21, 9 + 2 * i, { qty: [q(L.broth[i], 28000, 'LTR')] }, [q(r, 3100)], shop)),
    transform(23, 9, { qty: [q(L.recovered[0], 3100), q(L.recovered[1], 3100)] }, [q(L.purified[0], 5400)], shop),
    transform(23, 14, { qty: [q(L.recovered[2], 3100)] }, [q(L.purified[1], 2700)], shop),
    transform(25, 9, { qty: [q(L.purified[0], 5400), q(L.excipient, 300)] }, [q(L.products[0], 2850), q(L.products[1], 2850)], shop, { 'cbvmda:bestBeforeDate': '2028-10-24' }),
    transform(25, 15, { qty: [q(L.purified[1], 2700), q(L.excipient, 150)] }, [q(L.products[2], 2850)], shop, { 'cbvmda:bestBeforeDate': '2028-10-24' }),
    ...[[0, 1000], [0, 1000], [1, 1000], [2, 1000]].map(([p, n], i) => ({
      ...base('AggregationEvent', 26, 9 + i), action: 'ADD', parentID: L.cases[i], childQuantityList: [q(L.products[p], n)], bizStep: 'packing', disposition: 'in_progress', readPoint: { id: WORKSHOP },
    })),
    { ...base('AggregationEvent', 26, 15), action: 'ADD', parentID: L.pallet, childEPCs: L.cases, bizStep: 'packing', disposition: 'in_progress', readPoint: { id: WORKSHOP } },
    { ...base('ObjectEvent', 28, 8), action: 'OBSERVE', epcList: [L.pallet], bizStep: 'shipping', disposition: 'in_transit', readPoint: { id: WORKSHOP }, bizLocation: { id: WORKSHOP },
      bizTransactionList: [{ type: 'desadv', bizTransaction: `urn:epcglobal:cbv:bt:${MAKER}000001:DESADV-2026-1028-01` }],
      sourceList: [{ type: 'owning_party', source: `urn:epc:id:pgln:${MAKER}.00000` }, { type: 'location', source: WORKSHOP }],
      destinationList: [{ type: 'owning_party', destination: `urn:epc:id:pgln:${PARTNER}.00000` }, { type: 'location', destination: PARTNER_PLANT }] },
  ];
}

function partnerEvents() {
  const L = DEMO_TRACE_LOTS;
  return [
    { ...base('ObjectEvent', 29, 14), action: 'OBSERVE', epcList: [L.pallet], bizStep: 'receiving', disposition: 'in_progress', readPoint: { id: PARTNER_PLANT }, bizLocation: { id: PARTNER_PLANT },
      sourceList: [{ type: 'owning_party', source: `urn:epc:id:pgln:${MAKER}.00000` }], destinationList: [{ type: 'owning_party', destination: `urn:epc:id:pgln:${PARTNER}.00000` }] },
    { ...base('AggregationEvent', 30, 9), action: 'DELETE', parentID: L.pallet, childEPCs: L.cases, bizStep: 'unpacking', disposition: 'in_progress', readPoint: { id: PARTNER_PLANT } },
    { ...base('TransformationEvent', 31, 10), inputQuantityList: [q(L.products[0], 1000)], outputQuantityList: [q(L.premix, 5000)], bizStep: 'commissioning', disposition: 'active',
      readPoint: { id: PARTNER_PLANT }, bizLocation: { id: PARTNER_PLANT } },
  ];
}

const document = (eventList: unknown[]) => ({
  '@context': ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld'], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-11-01T00:00:00.000Z', epcisBody: { eventList },
});

async function ctxOf(database: Database, username: string): Promise<Ctx | null> {
  const u = await database.db.selectFrom('appUser').select(['id', 'username', 'displayName', 'organisationId', 'roles']).where('username', '=', username).executeTakeFirst();
  return u ? { requestId: 'demo', principal: { userId: u.id, username: u.username, displayName: u.displayName, organisationId: u.organisationId, roles: u.roles as Role[], via: 'session', scopes: null } } : null;
}

export async function loadDemoFactoryTrace(database: Database): Promise<number> {
  const { db } = database;
  serial = 0;
  const maker = makerEvents(null);
  if (await db.selectFrom('epcisEvent').select('seq').where('eventId', '=', maker[0].eventID).executeTakeFirst()) return 0;
  const [enterprise, partner] = await Promise.all([ctxOf(database, 'demo.enterprise'), ctxOf(database, 'demo.partner')]);
  if (!enterprise?.principal?.organisationId || !partner?.principal?.organisationId) return 0;
  // The seed culture starts from the enterprise's own accessioned Corynebacterium, when the strain demo made it.
  const strain = await db.selectFrom('strain').select('accession').where('isDemo', '=', true).where('status', '=', 'accessioned')
    .where('genus', '=', 'Corynebacterium').where('accession', 'is not', null).orderBy('accession').executeTakeFirst();
  serial = 0;
  const makerDoc = makerEvents(strain?.accession ? strainEpc(strain.accession) : null);
  const partnerDoc = partnerEvents();
  const capture = captureService(database, { now: () => new Date(), files: fileService(database), plan: planService(database), readingsListeners: [] });
  const a = await capture.capture(enterprise, document(makerDoc));
  const b = await capture.capture(partner, document(partnerDoc));
  return a.storedCount + b.storedCount + (await recordFermentations(database, enterprise, strain?.accession ?? null));
}

/**
 * The three fermentations are batches of the plant as well, each naming its broth lot (lot_epc):
 * the trace graph then links each broth lot to its batch record, and the batch page to the trace.
 */
async function recordFermentations(database: Database, ctx: Ctx, strainAccession: string | null) {
  const plant = await database.db.selectFrom('factory').select('code').where('organisationId', '=', ctx.principal!.organisationId!).where('sgln', '=', PLANT).executeTakeFirst();
  if (!plant) return 0;
  const batches = batchesService(database, { now: () => new Date(), files: undefined as never, plan: undefined as never, readingsListeners: [] });
  for (const [i, lotEpc] of DEMO_TRACE_LOTS.broth.entries()) {
    const b = await batches.create(ctx, {
      factory: plant.code, externalId: `FB-2026-1018${'ABC'[i]}`, equipment: '20m³ 发酵罐 F-201', recipe: 'L-赖氨酸发酵 v2', productZh: 'L-赖氨酸',
      strainAccession, lotEpc, startedAt: at(16, 14 + 2 * i),
    });
    await batches.end(ctx, b.id, { state: 'completed', at: at(18, 8 + 2 * i) });
    await batches.outcome(ctx, b.id, { outcome: 'good', noteZh: '示例：追溯场景中的发酵批次，无传感器数据' });
    await database.db.updateTable('factoryBatch').set({ isDemo: true }).where('id', '=', b.id).execute();
  }
  return DEMO_TRACE_LOTS.broth.length;
}
