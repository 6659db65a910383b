import { beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { validateDocument } from '@cq-biomfg/epcis';
import { bearerClient, testDatabases, useHarness, type Client } from '../../../test/harness.js';
import { tablesFingerprint } from '../../../test/refusal.js';
import { systemCtx } from '../../../platform/context/ctx.js';
import { epcisDocument, expectProblem, gtin14, standardExamples } from './epcis.fixture.js';

/**
 * The EPCIS 2.0 repository through its REST binding: the standard's own example documents are
 * captured and read back, a broken one is refused with the binding's problem and leaves no event,
 * the same document twice stores nothing new, pages walk every event once, each query parameter
 * filters, a factory sees its own events and a partner's that name its lots, and API tokens reach
 * the interface only with its scopes.
 */

const EVENT_TABLES = ['epcis_event', 'epcis_event_epc', 'epcis_event_biz_transaction'];
const LD = { 'content-type': 'application/ld+json' };

const capture = (c: Client, doc: unknown) => c.request('POST', '/epcis/capture', JSON.stringify(doc), LD);
const ids = (res: LightMyRequestResponse) => (res.json().epcisBody.queryResults.resultsBody.eventList as { eventID: string }[]).map((e) => e.eventID).sort();
const nextLink = (res: LightMyRequestResponse) => /<([^>]+)>; rel="next"/.exec(String(res.headers.link ?? ''))?.[1] ?? null;


// Company prefix 6970009: nothing in the standard's examples shares these EPCs.
const SG = (n: number) => `urn:epc:id:sgtin:6970009.012345.${n}`;
const LOT = (l: string) => `urn:epc:class:lgtin:6970009.012345.${l}`;
const SITE = (l: string, x: string) => `urn:epc:id:sgln:6970009.${l}.${x}`;
const SSCC = 'urn:epc:id:sscc:6970009.0000000001';
const at = (day: number) => `2026-01-0${day}T08:00:00.000+08:00`;
const base = (id: string, day: number) => ({ eventID: `urn:uuid:00000000-0000-4000-8000-00000000000${id}`, eventTime: at(day), eventTimeZoneOffset: '+08:00' });
const E = (n: number) => `urn:uuid:00000000-0000-4000-8000-00000000000${n}`;

/** Six events whose fields differ one by one, so that each parameter picks a known set. */
const LAB = epcisDocument([
  { type: 'ObjectEvent', ...base('1', 1), action: 'ADD', bizStep: 'commissioning', disposition: 'active', epcList: [SG(1), SG(2)], readPoint: { id: SITE('00001', '1') }, bizLocation: { id: SITE('00001', '0') }, bizTransactionList: [{ type: 'po', bizTransaction: 'urn:epcglobal:cbv:bt:6970009000002:P1' }] },
  { type: 'ObjectEvent', ...base('2', 5), action: 'OBSERVE', bizStep: 'shipping', disposition: 'in_transit', epcList: [SG(1)], quantityList: [{ epcClass: LOT('L1'), quantity: 10, uom: 'KGM' }], readPoint: { id: SITE('00002', '1') }, bizTransactionList: [{ type: 'desadv', bizTransaction: 'urn:epcglobal:cbv:bt:6970009000002:D1' }] },
  { type: 'AggregationEvent', ...base('3', 3), action: 'ADD', bizStep: 'packing', parentID: SSCC, childEPCs: [SG(1), SG(2)] },
  { type: 'TransformationEvent', ...base('4', 4), bizStep: 'commissioning', inputEPCList: [SG(2)], inputQuantityList: [{ epcClass: LOT('L1'), quantity: 5, uom: 'KGM' }], outputEPCList: [SG(3)], outputQuantityList: [{ epcClass: LOT('L2'), quantity: 4, uom: 'KGM' }] },
  { type: 'TransactionEvent', ...base('5', 6), action: 'ADD', bizStep: 'shipping', epcList: [SG(2)], bizTransactionList: [{ type: 'po', bizTransaction: 'urn:epcglobal:cbv:bt:6970009000002:P2' }] },
  { type: 'ObjectEvent', ...base('6', 7), action: 'DELETE', bizStep: 'decommissioning', epcList: [SG(3)], errorDeclaration: { declarationTime: '2026-01-08T00:00:00.000+08:00', reason: 'incorrect_data' } },
]);

describe.each(testDatabases)('the EPCIS repository, on $name', (kind) => {
  const h = useHarness(kind);
  const as = {} as Record<'a' | 'b' | 'c' | 'taskforce' | 'institute', Client>;
  const eventsFingerprint = tablesFingerprint(() => h.database.db, EVENT_TABLES);
  const count = async () => Number((await h.database.db.selectFrom('epcisEvent').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    const org = async (nameZh: string) => (await h.services.identity.createOrganisation(systemCtx('test'), { kind: 'enterprise', nameZh, districtCode: '500120' })).id;
    const [a, b, c] = [await org('甲发酵企业（EPCIS 测试）'), await org('乙制剂企业（EPCIS 测试）'), await org('丙企业（EPCIS 测试）')];
    await h.user('epcis-a', ['enterprise'], a);
    await h.user('epcis-b', ['enterprise'], b);
    await h.user('epcis-c', ['pilotBase'], c);
    await h.user('epcis-tf', ['taskforce']);
    await h.user('epcis-inst', ['institute']);
    Object.assign(as, { a: await h.login('epcis-a'), b: await h.login('epcis-b'), c: await h.login('epcis-c'), taskforce: await h.login('epcis-tf'), institute: await h.login('epcis-inst') });
    const res = await capture(as.c, LAB);
    expect(res.statusCode, res.body).toBe(202);
  }, 120_000);

  it('captures every valid example document of the standard and reads each event back', async () => {
    const examples = standardExamples().filter((x) => x.doc.type === 'EPCISDocument');
    expect(examples.length).toBeGreaterThanOrEqual(15);
    for (const { name, doc } of examples) {
      const res = await capture(as.a, doc);
      expect(res.statusCode, `${name}: ${res.body.slice(0, 400)}`).toBe(202);
      expect(res.headers.location).toBe(`/epcis/capture/${res.json().captureID}`);
      expect(res.headers['gs1-epcis-version']).toBe('2.0.0');
      const job = (await as.a.get(String(res.headers.location))).json();
      expect(job, name).toMatchObject({ running: false, success: true, errors: [], eventCount: (doc.epcisBody as { eventList: unknown[] }).eventList.length });
      const v = validateDocument(doc);
      if (!v.ok) throw new Error(name);
      for (const e of v.events) {
        const got = await as.a.get(`/epcis/events/${encodeURIComponent(e.eventId)}`);
        expect(got.statusCode, `${name} ${e.eventId}: ${got.body.slice(0, 200)}`).toBe(200);
        const body = got.json();
        expect(body, name).toMatchObject({ type: e.eventType, eventTime: (e.event as { eventTime: string }).eventTime, eventID: e.eventId });
        expect(Date.parse(body.recordTime)).not.toBeNaN();
      }
    }
  });

  it('stores nothing new when the same document comes twice, and counts stored against given', async () => {
    const before = await eventsFingerprint();
    const res = await capture(as.c, LAB);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ success: true, eventCount: 6, storedCount: 0 });
    expect(await eventsFingerprint()).toBe(before);
    // Another organisation sending an eventID already captured is refused, saying which event: it can neither take the event over nor lose its own silently.
    const again = await capture(as.b, epcisDocument([(LAB.epcisBody.eventList[0])]));
    expectProblem(again, 400, 'ValidationException');
    expect(again.json().errors[0].path).toBe('/epcisBody/eventList/0/eventID');
    expect(await eventsFingerprint()).toBe(before);
  });

  it('refuses a broken document whole with the standard\'s problem, writes no event and records the failed job', async () => {
    const broken = epcisDocument([{ ...LAB.epcisBody.eventList[0], eventID: 'urn:uuid:10000000-0000-4000-8000-000000000001' }, { type: 'ObjectEvent', eventID: 'urn:uuid:10000000-0000-4000-8000-000000000002', action: 'ADD', epcList: [SG(9)], eventTimeZoneOffset: '+08:00' }]);
    const before = await eventsFingerprint();
    const res = await capture(as.a, broken);
    const p = expectProblem(res, 400, 'ValidationException');
    expect(p.errors?.some((e) => e.path.startsWith('/epcisBody/eventList/1'))).toBe(true);
    expect(await eventsFingerprint()).toBe(before);
    const job = (await as.a.get(String(res.headers.location))).json();
    expect(job).toMatchObject({ running: false, success: false, storedCount: 0 });
    expect(job.errors[0].type).toBe('epcisException:ValidationException');
    // The first, valid event of the refused document was not stored on its own.
    expect((await as.a.get(`/epcis/events/${encodeURIComponent('urn:uuid:10000000-0000-4000-8000-000000000001')}`)).statusCode).toBe(404);

    const query = standardExamples().find((x) => x.doc.type === 'EPCISQueryDocument')!;
    expectProblem(await capture(as.a, query.doc), 400, 'ValidationException');
    expectProblem(await as.a.request('POST', '/epcis/capture', '{"type": "EPCISDocument",', { 'content-type': 'application/json' }), 400, 'ValidationException');
    expectProblem(await as.a.request('POST', '/epcis/capture', 'type=EPCISDocument', { 'content-type': 'text/plain' }), 415, 'ImplementationException');
    const tooMany = await capture(as.a, epcisDocument(Array.from({ length: 10_001 }, () => ({}))));
    expectProblem(tooMany, 413, 'CaptureLimitExceededException');
    expect(tooMany.headers['gs1-epcis-capture-limit']).toBe('10000');
    expect(await eventsFingerprint()).toBe(before);
  });

  it('filters by each standard query parameter', async () => {
    const q = async (params: string) => {
      const res = await as.c.get(`/epcis/events?${params}`);
      expect(res.statusCode, `${params}: ${res.body.slice(0, 300)}`).toBe(200);
      return ids(res);
    };
    const set = (...n: number[]) => n.map(E).sort();
    const enc = encodeURIComponent;
    const dl = `https://id.gs1.org/01/${gtin14('0697000912345')}/21/1`;
    const cases: [string, string[]][] = [
      ['', set(1, 2, 3, 4, 5, 6)],
      ['eventType=AggregationEvent', set(3)],
      ['eventType=ObjectEvent|TransactionEvent', set(1, 2, 5, 6)],
      ['eventType=ObjectEvent&eventType=TransformationEvent', set(1, 2, 4, 6)],
      [`GE_eventTime=${enc('2026-01-04T00:00:00+08:00')}`, set(2, 4, 5, 6)],
      [`LT_eventTime=${enc('2026-01-04T00:00:00+08:00')}`, set(1, 3)],
      [`GE_recordTime=2000-01-01T00:00:00Z`, set(1, 2, 3, 4, 5, 6)],
      [`LT_recordTime=2000-01-01T00:00:00Z`, []],
      ['EQ_action=ADD', set(1, 3, 5)],
      ['EQ_action=OBSERVE|DELETE', set(2, 6)],
      ['EQ_bizStep=shipping', set(2, 5)],
      [`EQ_bizStep=${enc('urn:epcglobal:cbv:bizstep:shipping')}`, set(2, 5)],
      [`EQ_bizStep=${enc('https://ref.gs1.org/cbv/BizStep-packing')}`, set(3)],
      ['EQ_disposition=in_transit', set(2)],
      [`EQ_readPoint=${enc(SITE('00002', '1'))}`, set(2)],
      [`EQ_bizLocation=${enc(SITE('00001', '0'))}`, set(1)],
      [`MATCH_epc=${enc(SG(1))}`, set(1, 2, 3)],
      [`MATCH_epc=${enc(dl)}`, set(1, 2, 3)],
      [`MATCH_epc=${enc('urn:epc:idpat:sgtin:6970009.012345.*')}`, set(1, 2, 3, 5, 6)],
      [`MATCH_anyEPC=${enc(SG(3))}`, set(4, 6)],
      [`MATCH_anyEPC=${enc('urn:epc:idpat:sgtin:6970009.*.*')}`, set(1, 2, 3, 4, 5, 6)],
      [`MATCH_parentID=${enc(SSCC)}`, set(3)],
      [`MATCH_inputEPC=${enc(SG(2))}`, set(4)],
      [`MATCH_outputEPC=${enc(SG(3))}`, set(4)],
      [`MATCH_anyEPCClass=${enc(LOT('L1'))}`, set(2, 4)],
      [`MATCH_outputEPCClass=${enc(LOT('L2'))}`, set(4)],
      [`EQ_bizTransaction_po=${enc('urn:epcglobal:cbv:bt:6970009000002:P1')}`, set(1)],
      [`EQ_bizTransaction_po=${enc('urn:epcglobal:cbv:bt:6970009000002:P2')}`, set(5)],
      [`EQ_bizTransaction_desadv=${enc('urn:epcglobal:cbv:bt:6970009000002:P1')}`, []],
      ['EXISTS_errorDeclaration=', set(6)],
      [`EQ_bizStep=shipping&MATCH_epc=${enc(SG(1))}`, set(2)],
    ];
    for (const [params, expected] of cases) expect(await q(params), params).toEqual(expected);

    for (const bad of ['foo=1', 'eventType=Bogus', 'GE_eventTime=yesterday', 'EQ_action=MOVE', 'perPage=0', `MATCH_epc=${enc('urn:epc:idpat:sgtin:*.012345.1')}`, 'nextPageToken=abc.def']) {
      const p = expectProblem(await as.c.get(`/epcis/events?${bad}`), 400, 'QueryParameterException');
      expect(p.errors?.[0]?.path, bad).toBe(`/${bad.split('=')[0]}`);
    }
  });

  it('walks every event exactly once through the Link header, and refuses a token altered or reused for another query', async () => {
    const all = ids(await as.taskforce.get('/epcis/events?perPage=1000'));
    expect(all.length).toBe(await count());
    const seen: string[] = [];
    let url: string | null = '/epcis/events?perPage=3';
    let first: LightMyRequestResponse | null = null;
    while (url) {
      const res = await as.taskforce.get(url);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      first ??= res;
      seen.push(...ids(res));
      url = nextLink(res);
      if (url) expect(Date.parse(String(res.headers['gs1-next-page-token-expires']))).toBeGreaterThan(Date.now());
    }
    expect(seen.sort()).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);

    const token = new URL(nextLink(first!)!, 'http://x').searchParams.get('nextPageToken')!;
    const tampered = token.replace(/^./, (ch) => (ch === 'A' ? 'B' : 'A'));
    expectProblem(await as.taskforce.get(`/epcis/events?perPage=3&nextPageToken=${encodeURIComponent(tampered)}`), 400, 'QueryParameterException');
    expectProblem(await as.taskforce.get(`/epcis/events?perPage=3&eventType=ObjectEvent&nextPageToken=${encodeURIComponent(token)}`), 400, 'QueryParameterException');
  });

  it('shows a factory its own events and a partner\'s that name its lots, nothing else; overseers see all', async () => {
    // A's lots carry the company prefix of A's registered factory, B's those of B's; C has none.
    const register = (c: Client, nameZh: string, sgln: string) => c.post('/api/factory/factories', { nameZh, kind: 'smartFactory', sgln });
    expect((await register(as.a, '甲厂（可见性）', 'urn:epc:id:sgln:6970001.00001.0')).statusCode).toBe(201);
    expect((await register(as.b, '乙厂（可见性）', 'urn:epc:id:sgln:6970002.00001.0')).statusCode).toBe(201);
    // Nobody can claim another organisation's prefix to read its trade.
    const claim = await register(as.c, '丙厂（冒用）', 'urn:epc:id:sgln:6970001.00009.0');
    expect(claim.statusCode, claim.body).toBe(409);
    expect(claim.json().error.details[0].path).toBe('/sgln');
    const lot = 'urn:epc:class:lgtin:6970001.0000001.V-LOT-1';
    const ev = (id: string, extra: Record<string, unknown>) => ({ type: 'ObjectEvent', eventID: `urn:uuid:20000000-0000-4000-8000-00000000000${id}`, eventTime: at(2), eventTimeZoneOffset: '+08:00', ...extra });
    expect((await capture(as.a, epcisDocument([ev('1', { action: 'OBSERVE', bizStep: 'shipping', quantityList: [{ epcClass: lot, quantity: 500, uom: 'KGM' }] })]))).statusCode).toBe(202);
    expect((await capture(as.b, epcisDocument([
      ev('2', { action: 'OBSERVE', bizStep: 'receiving', quantityList: [{ epcClass: lot, quantity: 500, uom: 'KGM' }] }),
      ev('3', { action: 'ADD', bizStep: 'commissioning', epcList: ['urn:epc:id:sgtin:6970002.0000001.99'] }),
    ]))).statusCode).toBe(202);
    const V = (n: number) => `urn:uuid:20000000-0000-4000-8000-00000000000${n}`;
    const mine = async (c: Client) => ids(await c.get('/epcis/events?perPage=1000&MATCH_anyEPC=' + encodeURIComponent('urn:epc:idpat:sgtin:6970002.*.*') + '|' + encodeURIComponent('urn:epc:idpat:sgtin:6970001.*.*'))).concat(ids(await c.get(`/epcis/events?perPage=1000&MATCH_anyEPCClass=${encodeURIComponent(lot)}`))).sort();
    expect(await mine(as.a)).toEqual([V(1), V(2)]);
    // B's receiving event names A's lot, so A sees it; A's shipping event names nothing of B's.
    expect(await mine(as.b)).toEqual([V(2), V(3)]);
    expect(await mine(as.taskforce)).toEqual([V(1), V(2), V(3)]);
    // Capturing an event about A's lot does not open A's events to another company (D).
    const d = (await h.services.identity.createOrganisation(systemCtx('test'), { kind: 'enterprise', nameZh: '丁企业（EPCIS 测试）', districtCode: '500120' })).id;
    await h.user('epcis-d', ['enterprise'], d);
    const asD = await h.login('epcis-d');
    expect((await capture(asD, epcisDocument([ev('4', { action: 'OBSERVE', bizStep: 'inspecting', quantityList: [{ epcClass: lot, quantity: 1, uom: 'KGM' }] })]))).statusCode).toBe(202);
    expect(ids(await asD.get(`/epcis/events?perPage=1000&MATCH_anyEPCClass=${encodeURIComponent(lot)}`))).toEqual([V(4)]);
    expectProblem(await asD.get(`/epcis/events/${encodeURIComponent(V(1))}`), 404, 'NoSuchNameException');
    expect((await as.a.get(`/epcis/events/${encodeURIComponent(V(2))}`)).statusCode).toBe(200);
    expectProblem(await as.a.get(`/epcis/events/${encodeURIComponent(V(3))}`), 404, 'NoSuchNameException');
    // The lab's events (organisation C) are not A's, and A's resource lists do not name C's EPCs.
    expect(ids(await as.a.get(`/epcis/events?MATCH_epc=${encodeURIComponent(SG(1))}`))).toEqual([]);
    expect((await as.a.get('/epcis/epcs?perPage=1000')).json().member).not.toContain(SG(1));
  });

  it('answers the top-level resources, paged, and their events', async () => {
    expect((await as.c.get('/epcis/eventTypes')).json()).toMatchObject({ type: 'Collection', member: ['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent'] });
    expect((await as.c.get('/epcis/bizSteps')).json().member).toEqual(['commissioning', 'decommissioning', 'packing', 'shipping']);
    expect((await as.c.get('/epcis/dispositions')).json().member).toEqual(['active', 'in_transit']);
    expect((await as.c.get('/epcis/readPoints')).json().member).toEqual([SITE('00001', '1'), SITE('00002', '1')]);
    expect((await as.c.get('/epcis/bizLocations')).json().member).toEqual([SITE('00001', '0')]);
    const epcs: string[] = [];
    let url: string | null = '/epcis/epcs?perPage=2';
    while (url) {
      const res = await as.c.get(url);
      expect(res.statusCode, res.body).toBe(200);
      epcs.push(...res.json().member);
      url = nextLink(res);
    }
    expect(epcs).toEqual([LOT('L1'), LOT('L2'), SSCC, SG(1), SG(2), SG(3)].sort());
    expect(ids(await as.c.get('/epcis/bizSteps/shipping/events'))).toEqual([E(2), E(5)]);
    expect(ids(await as.c.get('/epcis/bizSteps/shipping/events?EQ_action=ADD'))).toEqual([E(5)]);
    expect(ids(await as.c.get('/epcis/eventTypes/AggregationEvent/events'))).toEqual([E(3)]);
    expect(ids(await as.c.get(`/epcis/epcs/${encodeURIComponent(LOT('L1'))}/events`))).toEqual([E(2), E(4)]);
    expect(ids(await as.c.get(`/epcis/readPoints/${encodeURIComponent(SITE('00002', '1'))}/events`))).toEqual([E(2)]);
    expect(ids(await as.c.get(`/epcis/bizLocations/${encodeURIComponent(SITE('00001', '0'))}/events`))).toEqual([E(1)]);
    expect(ids(await as.c.get('/epcis/dispositions/in_transit/events'))).toEqual([E(2)]);
    expectProblem(await as.c.get('/epcis/eventTypes/NoSuchEvent/events'), 404, 'NoSuchNameException');
    // A value's own resource lists its sub-resources (the binding has only `events`), when an event the caller sees names it.
    expect((await as.c.get('/epcis/bizSteps/shipping')).json()).toEqual(['events']);
    expect((await as.c.get(`/epcis/epcs/${encodeURIComponent(LOT('L1'))}`)).json()).toEqual(['events']);
    expect((await as.c.get('/epcis/eventTypes/TransactionEvent')).json()).toEqual(['events']);
    expectProblem(await as.c.get('/epcis/bizSteps/receiving'), 404, 'NoSuchNameException');
    expectProblem(await as.c.get('/epcis/eventTypes/NoSuchEvent'), 404, 'NoSuchNameException');
    expectProblem(await as.a.get(`/epcis/epcs/${encodeURIComponent(SG(1))}`), 404, 'NoSuchNameException');
    expectProblem(await as.c.get('/epcis/eventTypes/ObjectEvent/events?eventType=AggregationEvent'), 412, 'QueryParameterException');
  });

  it('speaks the binding\'s headers and answers refusals as problem documents', async () => {
    const options = await as.c.request('OPTIONS', '/epcis/capture');
    expect(options.statusCode).toBe(204);
    expect(options.headers).toMatchObject({ 'gs1-epcis-version': '2.0.0', 'gs1-cbv-version': '2.0.0', 'gs1-epcis-capture-limit': '10000', 'gs1-epcis-capture-error-behaviour': 'rollback' });
    expectProblem(await as.c.request('GET', '/epcis/events', undefined, { 'GS1-EPCIS-Version': '1.2.0' }), 406, 'ImplementationException');
    expect((await as.c.request('GET', '/epcis/events', undefined, { 'GS1-EPCIS-Version': '2.0.0' })).statusCode).toBe(200);
    expectProblem(await h.anonymous.get('/epcis/events'), 401, 'SecurityException');
    expectProblem(await as.institute.get('/epcis/events'), 403, 'SecurityException');
    expectProblem(await as.taskforce.request('POST', '/epcis/capture', JSON.stringify(LAB), LD), 403, 'SecurityException');
    expectProblem(await as.a.get('/epcis/capture/00000000-0000-4000-8000-000000000000'), 404, 'NoSuchNameException');
    // Another organisation's capture job is not found either.
    const theirs = (await as.c.get('/epcis/capture?limit=1')).json().items[0].captureID;
    expectProblem(await as.a.get(`/epcis/capture/${theirs}`), 404, 'NoSuchNameException');
  });

  it('lets API tokens in only with the interface\'s scopes', async () => {
    const token = async (scopes: string[]) => bearerClient(h.app, (await as.a.post('/api/tokens', { name: `epcis ${scopes.join(' ')}`, scopes })).json().token);
    const query = await token(['epcis:query']);
    const capturer = await token(['epcis:capture']);
    const reader = await token(['factory:read']);
    expect((await query.get('/epcis/events?perPage=1')).statusCode).toBe(200);
    expectProblem(await query.request('POST', '/epcis/capture', JSON.stringify(LAB), LD), 403, 'SecurityException');
    expectProblem(await reader.get('/epcis/events'), 403, 'SecurityException');
    expectProblem(await capturer.get('/epcis/events'), 403, 'SecurityException');
    const doc = epcisDocument([{ type: 'ObjectEvent', eventID: 'urn:uuid:30000000-0000-4000-8000-000000000001', eventTime: at(9), eventTimeZoneOffset: '+08:00', action: 'OBSERVE', epcList: [SG(7)] }]);
    const res = await capturer.request('POST', '/epcis/capture', JSON.stringify(doc), { 'content-type': 'application/json' });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ via: 'token', storedCount: 1 });
    expect((await capturer.get(String(res.headers.location))).json().success).toBe(true);
    expectProblem(await bearerClient(h.app, 'cqb_not-a-token').get('/epcis/events'), 401, 'SecurityException');
  });
});
