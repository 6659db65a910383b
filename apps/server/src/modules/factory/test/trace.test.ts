import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useHarness, type Client } from '../../../test/harness.js';
import { loadDemoFactoryTrace, DEMO_TRACE_LOTS } from '../../../demo/factory-trace.js';
import { buildTraceWorld, captureAs, EPC, PARTNER_PARTY, type TraceWorld } from './trace.fixture.js';

/**
 * Trace over a chain captured as EPCIS documents: backward from a product lot to the media lot,
 * the seed, the batch and the strain; forward from the media lot to every product lot, the
 * cases, the pallet and the partner who received it; cycles; what a partner may see; the
 * recall reports as real files.
 */

type Graph = {
  start: string; direction: string; truncated: boolean; depthLimited: boolean;
  nodes: { id: string; epc: string | null; kind: string; label: string; depth: number; organisation: { nameZh: string } | null; factory: { nameZh: string } | null; link: { kind: string; id: string } | null; eventIds: string[] }[];
  edges: { from: string; to: string; eventId: string; eventType: string; bizStep: string | null; time: string }[];
  events: { eventId: string; eventType: string }[];
  shipments: { epc: string; bizStep: string; destinations: { type: string; id: string }[]; quantity: number | null }[];
};

const url = (path: string, p: Record<string, string | number>) => `${path}?${new URLSearchParams(Object.entries(p).map(([k, v]): [string, string] => [k, String(v)]))}`;

describe.each(testDatabases)('trace on $name', (kind) => {
  const h = useHarness(kind);
  let w: TraceWorld;
  const as = {} as Record<'maker' | 'partner' | 'other' | 'taskforce', Client>;
  const trace = async (who: keyof typeof as, epc: string, direction: string, extra: Record<string, string | number> = {}) => {
    const res = await as[who].get(url('/api/factory/trace', { epc, direction, ...extra }));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json() as Graph;
  };
  const epcsOf = (g: Graph) => g.nodes.filter((n) => n.epc).map((n) => n.epc).sort();
  const node = (g: Graph, epc: string) => g.nodes.find((n) => n.epc === epc)!;

  beforeAll(async () => {
    w = await buildTraceWorld(h, 'tr');
    for (const [name, orgId] of [['maker', w.org.maker], ['partner', w.org.partner], ['other', w.org.other]] as const) {
      await h.user(`trace-${name}`, ['enterprise'], orgId);
      as[name] = await h.login(`trace-${name}`);
    }
    await h.user('trace-taskforce', ['taskforce']);
    as.taskforce = await h.login('trace-taskforce');
  });

  it('walks backward from a product lot to every input lot, the batch and the strain accession, each edge with its event', async () => {
    const g = await trace('maker', EPC.product1, 'backward');
    expect(epcsOf(g)).toEqual([EPC.broth1, EPC.excipient, EPC.media, EPC.product1, EPC.pure1, EPC.seed, EPC.strain].sort());
    expect(node(g, EPC.product1)).toMatchObject({ kind: 'product', depth: 0, organisation: { nameZh: expect.stringContaining('示例合成生物') }, factory: { nameZh: expect.stringContaining('璧山发酵工厂') } });
    expect(node(g, EPC.broth1)).toMatchObject({ kind: 'batch', depth: 2, link: { kind: 'batch', id: w.batchId } });
    expect(node(g, EPC.strain)).toMatchObject({ kind: 'strain', label: 'CQMCC 19001', link: { kind: 'strain', id: w.strainId } });
    expect(node(g, EPC.media)).toMatchObject({ kind: 'material', depth: 3 });
    // Edges run the way material flows, and each names the TransformationEvent that proves it.
    const e = g.edges.find((x) => x.from === EPC.strain)!;
    expect(e).toMatchObject({ to: EPC.seed, eventType: 'TransformationEvent', bizStep: 'commissioning' });
    expect(g.events.map((x) => x.eventId)).toContain(e.eventId);
    // Another fermentation used the same seed and media, but is not upstream of this lot.
    expect(epcsOf(g)).not.toContain(EPC.broth2);
  });

  it('walks forward from the media lot to every product lot, case, the pallet and the partner who received it', async () => {
    const g = await trace('maker', EPC.media, 'forward');
    for (const epc of [EPC.seed, EPC.broth1, EPC.broth2, EPC.pure1, EPC.pure2, EPC.product1, EPC.product2, EPC.product3, EPC.case1, EPC.case2, EPC.pallet]) expect(epcsOf(g)).toContain(epc);
    expect(g.nodes.filter((n) => n.kind === 'product').map((n) => n.epc).sort()).toEqual([EPC.product1, EPC.product2].sort());
    expect(node(g, EPC.pallet).kind).toBe('container');
    expect(g.edges.some((e) => e.from === EPC.case1 && e.to === EPC.pallet && e.eventType === 'AggregationEvent')).toBe(true);
    // The maker sees its own shipping; the partner's receipt names the same pallet, so it is visible too.
    const steps = g.shipments.filter((s) => s.epc === EPC.pallet).map((s) => s.bizStep).sort();
    expect(steps).toEqual(['receiving', 'shipping']);
    expect(g.shipments.find((s) => s.bizStep === 'shipping')!.destinations).toContainEqual({ type: 'owning_party', id: PARTNER_PARTY });
    expect(g.nodes.filter((n) => n.kind === 'shipment').length).toBe(2);
    // The unrelated company's lots never appear.
    expect(JSON.stringify(g)).not.toContain('6905555');
  });

  it('stops at cycles and at the depth asked for', async () => {
    // product3 is reworked into pure2, which made product3: the walk visits each once.
    const g = await trace('maker', EPC.product3, 'backward');
    expect(epcsOf(g)).toEqual([EPC.broth2, EPC.media, EPC.product3, EPC.pure2, EPC.seed, EPC.strain].sort());
    expect(new Set(g.nodes.map((n) => n.id)).size).toBe(g.nodes.length);
    expect(g.edges.filter((e) => e.from === EPC.product3 && e.to === EPC.pure2)).toHaveLength(1);
    const shallow = await trace('maker', EPC.product1, 'backward', { depth: 2 });
    expect(Math.max(...shallow.nodes.map((n) => n.depth))).toBe(2);
    expect(shallow.depthLimited).toBe(true);
    expect(epcsOf(shallow)).not.toContain(EPC.strain);
  });

  it('goes from a pallet down to its cases and their lots (aggregation), and a later transformationID split is joined', async () => {
    const g = await trace('maker', EPC.pallet, 'backward', { depth: 3 });
    expect(epcsOf(g)).toEqual(expect.arrayContaining([EPC.case1, EPC.case2, EPC.product1, EPC.product2, EPC.pure1]));
    // One transformation recorded as two events sharing a transformationID.
    const tid = 'urn:uuid:11111111-2222-4333-8444-555555555555';
    const lotA = 'urn:epc:class:lgtin:6901234.000077.T-IN', lotB = 'urn:epc:class:lgtin:6901234.000077.T-OUT';
    await captureAs(h, w.org.maker, [
      { type: 'TransformationEvent', eventID: 'urn:uuid:aaaaaaaa-0000-4000-8000-000000000001', eventTime: '2026-03-20T02:00:00Z', eventTimeZoneOffset: '+08:00', transformationID: tid, inputQuantityList: [{ epcClass: lotA, quantity: 1 }], bizStep: 'commissioning' },
      { type: 'TransformationEvent', eventID: 'urn:uuid:aaaaaaaa-0000-4000-8000-000000000002', eventTime: '2026-03-21T02:00:00Z', eventTimeZoneOffset: '+08:00', transformationID: tid, outputQuantityList: [{ epcClass: lotB, quantity: 1 }], bizStep: 'commissioning' },
    ]);
    expect(epcsOf(await trace('maker', lotB, 'backward'))).toEqual([lotA, lotB]);
    expect(epcsOf(await trace('maker', lotA, 'forward'))).toEqual([lotA, lotB]);
  });

  it('shows a partner only what it may see, and the other company nothing of the maker', async () => {
    // The pallet and the cases carry the maker's prefix, not the partner's: the partner sees its own
    // receiving of the pallet and none of the maker's events (packing, shipping), though its own event names the pallet.
    const g = await trace('partner', EPC.pallet, 'backward');
    expect(epcsOf(g)).toEqual([EPC.pallet]);
    expect((await as.partner.get(url('/api/factory/trace', { epc: EPC.media, direction: 'forward' }))).statusCode).toBe(404);
    expect((await as.other.get(url('/api/factory/trace', { epc: EPC.product1, direction: 'backward' }))).statusCode).toBe(404);
    // Overseers see every factory; the batch links only for its own organisation and overseers.
    const all = await trace('taskforce', EPC.media, 'forward');
    expect(epcsOf(all)).toContain(EPC.product3);
    const partnerView = await trace('partner', EPC.pallet, 'forward');
    expect(partnerView.shipments).toEqual([]);
    // The maker sees the partner's events about its pallet (they name the maker's EPCs).
    expect((await trace('maker', EPC.pallet, 'forward')).shipments.map((s) => s.bizStep).sort()).toEqual(['receiving', 'shipping']);
    // The picker offers only visible EPCs.
    expect((await as.partner.get(url('/api/factory/trace/epcs', { q: 'PL2026' }))).json().items).toEqual([]);
    expect((await as.maker.get(url('/api/factory/trace/epcs', { q: 'PL2026' }))).json().items.map((x: { epc: string }) => x.epc).sort()).toEqual([EPC.product1, EPC.product2, EPC.product3].sort());
  });

  it('accepts a lot number when it names one visible EPC, and names the field when the input is wrong', async () => {
    const g = await trace('maker', 'PL2026-001', 'backward');
    expect(g.start).toBe(EPC.product1);
    const bad = await as.maker.get(url('/api/factory/trace', { epc: EPC.media, direction: 'sideways', depth: 0 }));
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['/depth', '/direction']);
    expect((await as.maker.get('/api/factory/trace')).json().error.details[0].path).toBe('/epc');
  });

  it('writes the recall report as a workbook and a Word document that list the lots, where they went and the proving events, and audits who pulled it', async () => {
    const xlsx = await as.maker.get(url('/api/factory/trace/report.xlsx', { epc: EPC.media, direction: 'forward' }));
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['受影响批次 Lots', '去向 Shipments', '证据事件 Events']);
    const col = (sheet: number, c: number) => wb.worksheets[sheet].getColumn(c).values.slice(2).map(String);
    expect(col(0, 1)).toEqual(expect.arrayContaining(['PL2026-001', 'PL2026-002', 'PL2026-003']));
    expect(col(1, 6).join('\n')).toContain(PARTNER_PARTY);
    expect(wb.worksheets[2].rowCount).toBeGreaterThan(10);

    const docx = await as.maker.get(url('/api/factory/trace/report.docx', { epc: EPC.media, direction: 'forward' }));
    expect(docx.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    for (const s of ['M2026-001', '正向追踪', 'PL2026-002', PARTNER_PARTY, 'AggregationEvent']) expect(text).toContain(s);

    const audited = await h.database.db.selectFrom('auditLog').select(['action', 'entityId', 'actorName']).where('action', '=', 'factory.traceReport').execute();
    expect(audited).toEqual([
      { action: 'factory.traceReport', entityId: EPC.media, actorName: 'trace-maker' },
      { action: 'factory.traceReport', entityId: EPC.media, actorName: 'trace-maker' },
    ]);
  });

  it('loads the demo recall scenario once, through the capture service: the media lot reaches three product lots, the pallet and the partner\'s premix', async () => {
    await h.user('demo.enterprise', ['enterprise'], w.org.maker);
    await h.user('demo.partner', ['enterprise'], w.org.partner);
    // The demo's fermentation plant (its GLN), where the three fermentations are recorded as batches.
    await h.database.db.insertInto('factory').values({ code: 'FAC-DEMO', organisationId: w.org.maker, nameZh: '示例发酵工厂', sgln: 'urn:epc:id:sgln:6970001.00001.0', createdAt: new Date(), updatedAt: new Date() }).execute();
    expect(await loadDemoFactoryTrace(h.database)).toBe(22 + 3);
    expect(await loadDemoFactoryTrace(h.database)).toBe(0);
    const g = await trace('maker', DEMO_TRACE_LOTS.media, 'forward');
    const broth = g.nodes.filter((n) => DEMO_TRACE_LOTS.broth.includes(n.epc ?? ''));
    expect(broth.map((n) => [n.kind, n.link?.kind])).toEqual([['batch', 'batch'], ['batch', 'batch'], ['batch', 'batch']]);
    const batches = await h.database.db.selectFrom('factoryBatch').select(['code', 'externalId', 'lotEpc', 'outcome']).where('externalId', 'like', 'FB-2026-1018%').orderBy('externalId').execute();
    expect(batches.map((b) => [b.externalId, b.lotEpc, b.outcome])).toEqual(DEMO_TRACE_LOTS.broth.map((lot, i) => [`FB-2026-1018${'ABC'[i]}`, lot, 'good']));
    expect(broth.map((n) => (n.link as { code?: string } | null)?.code).sort()).toEqual(batches.map((b) => b.code).sort());
    expect(g.nodes.filter((n) => n.kind === 'product').map((n) => n.epc).sort()).toEqual([...DEMO_TRACE_LOTS.products.slice(1), DEMO_TRACE_LOTS.premix].sort());
    expect(epcsOf(g)).toEqual(expect.arrayContaining([...DEMO_TRACE_LOTS.broth, ...DEMO_TRACE_LOTS.cases, DEMO_TRACE_LOTS.pallet, DEMO_TRACE_LOTS.products[0]]));
    expect(g.shipments.map((s) => s.bizStep).sort()).toEqual(['receiving', 'shipping']);
  });
});
