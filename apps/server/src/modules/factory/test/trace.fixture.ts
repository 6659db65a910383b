import { systemCtx, type Ctx } from '../../../platform/context/ctx.js';
import type { Harness } from '../../../test/harness.js';
import { strainEpc } from '../model/trace-epc.js';

/**
 * The trace tests' world: a maker's chain strain → media lot + seed → two fermentations →
 * purification → formulation → product lots → cases on a pallet → shipped to a partner who
 * receives it; a rework that loops a lot back (a cycle); and an unrelated company's events.
 * Each organisation's events go in as one EPCIS document of its own.
 */

export const GCP = { maker: '6901234', partner: '6907777', other: '6905555' };
const lot = (item: string, n: string) => `urn:epc:class:lgtin:${GCP.maker}.${item}.${n}`;
const sscc = (n: string) => `urn:epc:id:sscc:${GCP.maker}.${n}`;
export const SITE = `urn:epc:id:sgln:${GCP.maker}.00001.0`;
const HALL = `urn:epc:id:sgln:${GCP.maker}.00001.F1`;
export const PARTNER_PARTY = `urn:epc:id:pgln:${GCP.partner}.00000`;
export const PARTNER_SITE = `urn:epc:id:sgln:${GCP.partner}.00002.0`;

export const ACCESSION = 'CQMCC 19001';
export const EPC = {
  strain: strainEpc(ACCESSION),
  media: lot('000011', 'M2026-001'),
  seed: lot('000022', 'S2026-001'),
  broth1: lot('000033', 'F2026-001'),
  broth2: lot('000033', 'F2026-002'),
  pure1: lot('000044', 'P2026-001'),
  pure2: lot('000044', 'P2026-002'),
  excipient: lot('000055', 'E2026-001'),
  product1: lot('000066', 'PL2026-001'),
  product2: lot('000066', 'PL2026-002'),
  product3: lot('000066', 'PL2026-003'),
  case1: sscc('01000000001'),
  case2: sscc('01000000002'),
  pallet: sscc('09000000001'),
  otherLot: `urn:epc:class:lgtin:${GCP.other}.000099.X-001`,
};

type Q = { epcClass: string; quantity: number; uom?: string };
const q = (epcClass: string, quantity: number, uom = 'KGM'): Q => ({ epcClass, quantity, uom });
let n = 0;
const at = (day: number) => new Date(Date.UTC(2026, 2, day, 2, 0, 0)).toISOString();

function ev(type: string, day: number, fields: Record<string, unknown>) {
  return { type, eventID: `urn:uuid:00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, eventTime: at(day), eventTimeZoneOffset: '+08:00', ...fields };
}
const transform = (day: number, inputs: { epcs?: string[]; qty?: Q[] }, outputs: Q[], bizStep = 'commissioning') => ev('TransformationEvent', day, {
  ...(inputs.epcs ? { inputEPCList: inputs.epcs } : {}), ...(inputs.qty ? { inputQuantityList: inputs.qty } : {}), outputQuantityList: outputs,
  bizStep, disposition: 'active', readPoint: { id: HALL }, bizLocation: { id: SITE },
});

export function makerEvents() {
  return [
    ev('ObjectEvent', 1, { action: 'OBSERVE', quantityList: [q(EPC.media, 5000)], bizStep: 'receiving', readPoint: { id: SITE }, bizLocation: { id: SITE } }),
    transform(2, { epcs: [EPC.strain], qty: [q(EPC.media, 20)] }, [q(EPC.seed, 20, 'LTR')]),
    transform(4, { qty: [q(EPC.seed, 10, 'LTR'), q(EPC.media, 2000)] }, [q(EPC.broth1, 2000, 'LTR')]),
    transform(5, { qty: [q(EPC.seed, 10, 'LTR'), q(EPC.media, 2000)] }, [q(EPC.broth2, 2000, 'LTR')]),
    transform(8, { qty: [q(EPC.broth1, 2000, 'LTR')] }, [q(EPC.pure1, 80)]),
    transform(9, { qty: [q(EPC.broth2, 2000, 'LTR')] }, [q(EPC.pure2, 75)]),
    transform(10, { qty: [q(EPC.pure1, 80), q(EPC.excipient, 20)] }, [q(EPC.product1, 50), q(EPC.product2, 50)]),
    transform(11, { qty: [q(EPC.pure2, 75)] }, [q(EPC.product3, 75)]),
    // Rework: part of product lot 3 goes back into purified lot 2, closing a loop.
    transform(12, { qty: [q(EPC.product3, 5)] }, [q(EPC.pure2, 5)]),
    ev('AggregationEvent', 13, { action: 'ADD', parentID: EPC.case1, childQuantityList: [q(EPC.product1, 50)], bizStep: 'packing', readPoint: { id: HALL } }),
    ev('AggregationEvent', 13, { action: 'ADD', parentID: EPC.case2, childQuantityList: [q(EPC.product2, 50)], bizStep: 'packing', readPoint: { id: HALL } }),
    ev('AggregationEvent', 13, { action: 'ADD', parentID: EPC.pallet, childEPCs: [EPC.case1, EPC.case2], bizStep: 'packing', readPoint: { id: SITE } }),
    ev('ObjectEvent', 14, {
      action: 'OBSERVE', epcList: [EPC.pallet], bizStep: 'shipping', disposition: 'in_transit', readPoint: { id: SITE }, bizLocation: { id: SITE },
      sourceList: [{ type: 'owning_party', source: `urn:epc:id:pgln:${GCP.maker}.00000` }, { type: 'location', source: SITE }],
      destinationList: [{ type: 'owning_party', destination: PARTNER_PARTY }, { type: 'location', destination: PARTNER_SITE }],
    }),
  ];
}
export const partnerEvents = () => [
  ev('ObjectEvent', 15, { action: 'OBSERVE', epcList: [EPC.pallet], bizStep: 'receiving', disposition: 'in_progress', readPoint: { id: PARTNER_SITE }, bizLocation: { id: PARTNER_SITE } }),
];
export const otherEvents = () => [
  transform(3, { qty: [q(EPC.otherLot, 1)] }, [q(`urn:epc:class:lgtin:${GCP.other}.000099.X-002`, 1)]),
];

export const documentOf = (eventList: unknown[]) => ({
  '@context': ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld'], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: at(20), epcisBody: { eventList },
});

/** Captures one organisation's events as one EPCIS document, through the repository's capture service. */
export async function captureAs(h: Harness, organisationId: string, eventList: Record<string, unknown>[]) {
  const u = await h.database.db.selectFrom('appUser').select(['id', 'username', 'displayName']).where('organisationId', '=', organisationId).orderBy('createdAt').executeTakeFirst()
    ?? await (async () => {
      const id = await h.user(`capture-${organisationId.slice(0, 8)}`, ['enterprise'], organisationId);
      return { id, username: `capture-${organisationId.slice(0, 8)}`, displayName: 'capture' };
    })();
  const ctx: Ctx = { requestId: 'test', principal: { userId: u.id, username: u.username, displayName: u.displayName, organisationId, roles: ['enterprise'], via: 'session', scopes: null } };
  await h.services.factory.epcis.capture(ctx, documentOf(eventList));
}

export interface TraceWorld { org: { maker: string; partner: string; other: string }; factoryId: string; batchId: string; strainId: string }

/** The organisations, the maker's factory and fermentation batch, the strain, and every document captured. */
export async function buildTraceWorld(h: Harness, tag: string): Promise<TraceWorld> {
  const ctx = systemCtx('test');
  const mk = async (nameZh: string) => (await h.services.identity.createOrganisation(ctx, { kind: 'enterprise', nameZh: `${nameZh}（${tag}）`, districtCode: '500120' })).id;
  const org = { maker: await mk('重庆示例合成生物制造有限公司'), partner: await mk('成都下游制剂有限公司'), other: await mk('无关生物公司') };
  const db = h.database.db;
  const factory = await db.insertInto('factory').values({ code: `FAC-${tag}`, organisationId: org.maker, nameZh: `璧山发酵工厂（${tag}）`, sgln: SITE, createdAt: new Date(), updatedAt: new Date() }).returning('id').executeTakeFirstOrThrow();
  const batch = await db.insertInto('factoryBatch').values({
    code: `B-${tag}-0001`, factoryId: factory.id, externalId: 'F2026-001', equipment: '5 m³ 发酵罐 F-301', recipe: '赤藓糖醇补料分批', lotEpc: EPC.broth1, createdAt: new Date(), updatedAt: new Date(),
  }).returning('id').executeTakeFirstOrThrow();
  const strain = await db.insertInto('strain').values({ depositNo: `DEP-${tag}`, organismKind: 'bacteria', genus: 'Yarrowia', accession: ACCESSION, status: 'accessioned' } as never).returning('id').executeTakeFirstOrThrow();
  await captureAs(h, org.maker, makerEvents());
  await captureAs(h, org.partner, partnerEvents());
  await captureAs(h, org.other, otherEvents());
  return { org, factoryId: factory.id, batchId: batch.id, strainId: (strain as { id: string }).id };
}
