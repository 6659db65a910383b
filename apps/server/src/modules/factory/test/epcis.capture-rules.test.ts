import { beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { testDatabases, useHarness, type Client } from '../../../test/harness.js';
import { systemCtx } from '../../../platform/context/ctx.js';
import { epcisDocument } from './epcis.fixture.js';

/**
 * Capture rules around an eventID already in the repository: another organisation's eventID
 * refuses the whole document (and leaves a failed job saying where), our own is skipped as the
 * same event again, and our own sent again with an errorDeclaration marks the stored event as
 * erroneous — queries find the declaration, trace stops using the event, the audit says so.
 */

const LD = { 'content-type': 'application/ld+json' };
const capture = (c: Client, doc: unknown) => c.request('POST', '/epcis/capture', JSON.stringify(doc), LD);
const ids = (res: LightMyRequestResponse) => (res.json().epcisBody.queryResults.resultsBody.eventList as { eventID: string }[]).map((e) => e.eventID).sort();

// Company prefix 6970019: no other test's documents name these EPCs.
const ID = (n: number) => `urn:uuid:40000000-0000-4000-8000-00000000000${n}`;
const LOT = (l: string) => `urn:epc:class:lgtin:6970019.012345.${l}`;
const SG = (n: number) => `urn:epc:id:sgtin:6970019.012345.${n}`;
const when = { eventTime: '2026-02-01T08:00:00.000+08:00', eventTimeZoneOffset: '+08:00' };
const observe = (id: string, epc: string) => ({ type: 'ObjectEvent', eventID: id, ...when, action: 'OBSERVE', epcList: [epc] });
const transform = (id: string, from: string, to: string) => ({
  type: 'TransformationEvent', eventID: id, ...when, bizStep: 'commissioning',
  inputQuantityList: [{ epcClass: LOT(from), quantity: 5, uom: 'KGM' }], outputQuantityList: [{ epcClass: LOT(to), quantity: 4, uom: 'KGM' }],
});

describe.each(testDatabases)('EPCIS capture of eventIDs already stored, on $name', (kind) => {
  const h = useHarness(kind);
  const as = {} as Record<'a' | 'b', Client>;
  const stored = async (eventId: string) => h.database.db.selectFrom('epcisEvent').select(['organisationId', 'errorReason']).where('eventId', '=', eventId).execute();
  const orgOf = {} as Record<'a' | 'b', string>;

  beforeAll(async () => {
    const org = async (nameZh: string) => (await h.services.identity.createOrganisation(systemCtx('test'), { kind: 'enterprise', nameZh, districtCode: '500120' })).id;
    orgOf.a = await org('甲企业（采集规则测试）');
    orgOf.b = await org('乙企业（采集规则测试）');
    await h.user('rules-a', ['enterprise'], orgOf.a);
    await h.user('rules-b', ['enterprise'], orgOf.b);
    as.a = await h.login('rules-a');
    as.b = await h.login('rules-b');
  }, 120_000);

  it('refuses a whole document naming an eventID another organisation captured, and records the failed job', async () => {
    expect((await capture(as.b, epcisDocument([observe(ID(1), SG(1))]))).statusCode).toBe(202);
    const res = await capture(as.a, epcisDocument([observe(ID(2), SG(2)), observe(ID(1), SG(3))]));
    expect(res.statusCode, res.body.slice(0, 400)).toBe(400);
    expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
    const p = res.json();
    expect(p).toMatchObject({ type: 'epcisException:ValidationException', status: 400, errors: [{ path: '/epcisBody/eventList/1/eventID' }] });
    expect(p.errors[0].message).toMatch(/其他机构.*（.*another organisation.*）/);

    // All or nothing: A's new event went with the refused one, and B's event is still B's alone.
    expect(await stored(ID(2))).toEqual([]);
    expect(await stored(ID(1))).toEqual([{ organisationId: orgOf.b, errorReason: null }]);

    const job = (await as.a.get(String(res.headers.location))).json();
    expect(job).toMatchObject({ running: false, success: false, state: 'failed', eventCount: 2, storedCount: 0, organisationId: orgOf.a });
    expect(job.errors[0]).toMatchObject({ type: 'epcisException:ValidationException', errors: [{ path: '/epcisBody/eventList/1/eventID' }] });
    const refusal = await h.database.db.selectFrom('auditLog').select(['action']).where('entityId', '=', job.captureID).execute();
    expect(refusal).toEqual([{ action: 'factory.epcisCaptureRefused' }]);
  });

  it('skips the same eventID from the same organisation: the second capture stores nothing', async () => {
    const doc = epcisDocument([observe(ID(3), SG(4))]);
    expect((await capture(as.a, doc)).json()).toMatchObject({ success: true, storedCount: 1 });
    const again = await capture(as.a, doc);
    expect(again.statusCode).toBe(202);
    expect(again.json()).toMatchObject({ success: true, eventCount: 1, storedCount: 0 });
    expect(await stored(ID(3))).toHaveLength(1);
  });

  it('applies an error declaration of a stored event: queries find it, trace leaves the event out, the audit counts it', async () => {
    // L1 → L2 (the event to be declared erroneous) and L2 → L3.
    const wrong = transform(ID(4), 'L1', 'L2');
    expect((await capture(as.a, epcisDocument([wrong, transform(ID(5), 'L2', 'L3')]))).json()).toMatchObject({ storedCount: 2 });
    const traced = async () => {
      const res = await as.a.get(`/api/factory/trace?${new URLSearchParams({ epc: LOT('L3'), direction: 'backward' })}`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      return res.json() as { nodes: { epc: string | null }[]; edges: { eventId: string }[] };
    };
    const before = await traced();
    expect(before.nodes.map((n) => n.epc)).toContain(LOT('L1'));
    expect(before.edges.map((e) => e.eventId)).toContain(ID(4));

    // A declaration without a reason still declares the event erroneous.
    const errorDeclaration = { declarationTime: '2026-02-02T08:00:00.000+08:00', correctiveEventIDs: [ID(6)] };
    const res = await capture(as.a, epcisDocument([{ ...wrong, errorDeclaration }]));
    expect(res.statusCode, res.body.slice(0, 400)).toBe(202);
    expect(res.json()).toMatchObject({ success: true, eventCount: 1, storedCount: 0 });

    const found = await as.a.get('/epcis/events?EXISTS_errorDeclaration=');
    expect(found.statusCode, found.body.slice(0, 300)).toBe(200);
    expect(ids(found)).toEqual([ID(4)]);
    expect(found.json().epcisBody.queryResults.resultsBody.eventList[0].errorDeclaration).toMatchObject(errorDeclaration);
    const one = await as.a.get(`/epcis/events/${encodeURIComponent(ID(4))}`);
    expect(one.json()).toMatchObject({ eventID: ID(4), errorDeclaration });

    const after = await traced();
    expect(after.nodes.map((n) => n.epc)).not.toContain(LOT('L1'));
    expect(after.edges.map((e) => e.eventId)).not.toContain(ID(4));
    expect(after.edges.map((e) => e.eventId)).toContain(ID(5));

    const entry = await h.database.db.selectFrom('auditLog').select(['action', 'summary', 'after']).where('entityId', '=', res.json().captureID).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'factory.epcisCapture', after: { eventCount: 1, storedCount: 0, declaredCount: 1 } });
    expect(entry.summary).toMatch(/声明 1 条.*declared 1/);

    // The first declaration stays; a second one changes nothing and is not counted.
    const twice = await capture(as.a, epcisDocument([{ ...wrong, errorDeclaration: { declarationTime: '2026-02-03T08:00:00.000+08:00', reason: 'incorrect_data' } }]));
    expect(twice.json()).toMatchObject({ success: true, storedCount: 0 });
    expect((await as.a.get(`/epcis/events/${encodeURIComponent(ID(4))}`)).json().errorDeclaration).toEqual(errorDeclaration);
    const again = await h.database.db.selectFrom('auditLog').select('after').where('entityId', '=', twice.json().captureID).executeTakeFirstOrThrow();
    expect(again.after).toMatchObject({ declaredCount: 0 });
  });

  it('refuses a declaration of another organisation\'s event and leaves that event as it was', async () => {
    const res = await capture(as.b, epcisDocument([{ ...transform(ID(5), 'L2', 'L3'), errorDeclaration: { declarationTime: '2026-02-04T08:00:00.000+08:00', reason: 'incorrect_data' } }]));
    expect(res.statusCode, res.body.slice(0, 400)).toBe(400);
    expect(res.json()).toMatchObject({ type: 'epcisException:ValidationException', errors: [{ path: '/epcisBody/eventList/0/eventID' }] });
    expect(await stored(ID(5))).toEqual([{ organisationId: orgOf.a, errorReason: null }]);
  });
});
