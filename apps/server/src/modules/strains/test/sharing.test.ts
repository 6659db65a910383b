import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDatabases, useHarness } from '../../../test/harness.js';
import { MTA_VERSION } from '../model/mta.js';
import { seesStrainInFull, strainViewerOf } from '../viewer.js';
import { makeLab, makeStrain, RESTRICTED, strainPeople, type StrainMade, type StrainPeople } from './fixture.js';

/**
 * Sharing requests: no request without the MTA of the day, a lab of the requester's own that
 * reaches the strain's level, and an accessioned strain; the curator's approval, and the
 * officer's (another person, appointed) for a class 1–2 pathogen; the lab checked again at each
 * approval and at shipment; shipment and its stock move in one transaction; receipt and
 * withdrawal by the requester; one of two decisions at once; who reads which request; the
 * restricted strain opening to the requester once shipped; each side told.
 */

async function json(res: { statusCode: number; body: string; json(): any }, expected: number, what: string) {
  if (res.statusCode !== expected) throw new Error(`${what}: ${res.statusCode} ${res.body.slice(0, 400)}`);
  return res.json();
}
const detailPaths = (res: { json(): any }) => res.json().error.details.map((d: { path: string }) => d.path);

describe.each(testDatabases)('sharing requests, on $name', (kind) => {
  const h = useHarness(kind);
  let p: StrainPeople;
  let plain: StrainMade;
  let risky: StrainMade;
  let plainLot: string;
  let riskyLot: string;

  const count = async (table: string) => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(h.database.db)).rows[0].n);
  const body = (strainId: string, labId: string, extra: Record<string, unknown> = {}) => ({ strainId, labId, purposeZh: '耐热蛋白酶发酵工艺研究', vials: 2, mtaVersion: MTA_VERSION, mtaAccepted: true, ...extra });
  const notices = (kindOf: string) => h.database.db.selectFrom('notification').select(['userId', 'organisationId', 'link']).where('kind', '=', kindOf).execute();
  const vialsOf = async (lotId: string) => (await h.database.db.selectFrom('strainLot').select('vialsOnHand').where('id', '=', lotId).executeTakeFirstOrThrow()).vialsOnHand;
  const lot = async (strainId: string, vials: number) => (await h.services.strains.lots.create(p.ctx.curator, { strainId, method: 'freezeDried', preparedOn: '2026-01-05', vialsPrepared: vials, alertLevel: 1 })).id;

  beforeAll(async () => {
    h.clock.set('2026-03-10T02:00:00Z');
    p = await strainPeople(h);
    plain = await makeStrain(h, p);
    risky = await makeStrain(h, p, { ...RESTRICTED, gmo: true, isolationPlaceZh: '秘密采样点' });
    plainLot = await lot(plain.id, 20);
    riskyLot = await lot(risky.id, 10);
  });

  it('shows the terms, and takes no request without the MTA, a lab of the requester’s that reaches the strain, and an accessioned strain', async () => {
    const terms = await json(await p.as.enterprise.get(`/api/sharing-requests/terms?strainId=${risky.id}`), 200, 'terms');
    expect(terms.mta).toMatchObject({ version: MTA_VERSION, conditions: ['gmo', 'hazardClass2'] });
    expect(terms.labs.map((l: { id: string; effectiveLevel: number; sufficient: boolean }) => [l.id, l.effectiveLevel, l.sufficient])).toEqual([[p.lab.bsl2.id, 2, false]]);
    expect(terms.officerReasons.map((r: { code: string }) => r.code)).toEqual(['hazardClass', 'highContainment']);
    expect(JSON.stringify(terms)).not.toContain('秘密采样点');

    const before = [await count('sharing_request'), await count('audit_log'), await count('notification')];
    const low = await p.as.enterprise.post('/api/sharing-requests', body(risky.id, p.lab.bsl2.id));
    expect([low.statusCode, detailPaths(low)]).toEqual([422, ['/labId']]);
    expect(low.json().error.details[0].message).toContain(p.lab.bsl2.code);
    expect(detailPaths(await p.as.enterprise.post('/api/sharing-requests', body(plain.id, p.lab.bsl2.id, { mtaAccepted: false })))).toEqual(['/mtaAccepted']);
    expect(detailPaths(await p.as.enterprise.post('/api/sharing-requests', body(plain.id, p.lab.bsl2.id, { mtaVersion: 'CQMCC-MTA-2025.1' })))).toEqual(['/mtaVersion']);
    expect(detailPaths(await p.as.enterprise.post('/api/sharing-requests', body(plain.id, p.lab.bsl3.id)))).toEqual(['/labId']);
    expect(detailPaths(await p.as.stranger.post('/api/sharing-requests', body(plain.id, p.lab.bsl2.id)))).toEqual(['/labId']);
    expect(detailPaths(await p.as.curator.post('/api/sharing-requests', body(plain.id, p.lab.bsl2.id)))).toEqual(['/organisationId']);
    expect(detailPaths(await p.as.curator.post('/api/sharing-requests', body(plain.id, p.lab.bsl2.id, { organisationId: p.org.bank })))).toEqual(['/organisationId']);
    expect((await p.as.enterprise.post('/api/sharing-requests', body(plain.id, p.lab.bsl2.id, { organisationId: p.org.institute }))).statusCode).toBe(403);
    const pending = await makeStrain(h, p, {}, { status: 'received' });
    const before2 = [await count('sharing_request'), await count('audit_log'), await count('notification')];
    expect(before2[0]).toBe(before[0]);
    const notYet = await p.as.enterprise.post('/api/sharing-requests', body(pending.id, p.lab.bsl2.id));
    expect([notYet.statusCode, detailPaths(notYet)]).toEqual([409, ['/strainId']]);
    // Someone else's deposit is not even there for a stranger.
    expect(detailPaths(await p.as.stranger.post('/api/sharing-requests', body(pending.id, p.lab.bsl2.id)))).toEqual(['/strainId']);
    expect([await count('sharing_request'), await count('audit_log'), await count('notification')]).toEqual(before2);
  });

  it('takes a request without the officer from submission to receipt, the stock leaving with the shipment', async () => {
    const made = await json(await p.as.enterprise.post('/api/sharing-requests', body(plain.id, p.lab.bsl2.id)), 201, 'request');
    expect(made).toMatchObject({ code: 'SR-2026-0001', status: 'submitted', needsOfficer: false, mtaVersion: MTA_VERSION, requesterOrganisationId: p.org.enterprise, labSufficient: true, may: { withdraw: true, approve: false } });
    expect(made.mtaAcceptedAt).toBeTruthy();
    expect((await notices('strains.sharing.submitted')).map((n) => n.userId).sort()).toEqual([p.userId.curator, p.userId.officer].sort());

    expect((await p.as.enterprise.post(`/api/sharing-requests/${made.id}/approve`, {})).statusCode).toBe(403);
    const approved = await json(await p.as.curator.post(`/api/sharing-requests/${made.id}/approve`, { noteZh: '用途明确' }), 200, 'approve');
    expect(approved).toMatchObject({ status: 'approved', curatorId: p.userId.curator, may: { ship: true, approve: false } });
    expect(await notices('strains.sharing.approved')).toMatchObject([{ organisationId: p.org.enterprise }]);

    const other = await lot((await makeStrain(h, p)).id, 5);
    const ship = (extra: Record<string, unknown>) => p.as.curator.post(`/api/sharing-requests/${made.id}/ship`, { lotId: plainLot, vials: 2, carrierZh: '顺丰冷链', trackingNo: 'SF1234567890', shippedOn: '2026-03-10', ...extra });
    expect(detailPaths(await ship({ lotId: other }))).toEqual(['/lotId']);
    expect(detailPaths(await ship({ vials: 3, trackingNo: ' ' }))).toEqual(['/vials', '/trackingNo']);
    expect(await vialsOf(plainLot)).toBe(20);
    const shipped = await json(await ship({}), 200, 'ship');
    expect(shipped).toMatchObject({ status: 'shipped', lotId: plainLot, lotCode: expect.stringMatching(/^LOT-2026-/), shippedVials: 2, trackingNo: 'SF1234567890', may: { receive: false } });
    expect(await vialsOf(plainLot)).toBe(18);
    expect(await h.database.db.selectFrom('stockMove').select(['kind', 'delta', 'balanceAfter']).where('sharingRequestId', '=', made.id).execute()).toEqual([{ kind: 'ship', delta: -2, balanceAfter: 18 }]);
    expect((await notices('strains.sharing.shipped')).map((n) => n.organisationId)).toEqual([p.org.enterprise]);
    expect((await p.as.enterprise.post(`/api/sharing-requests/${made.id}/withdraw`, {})).statusCode).toBe(409);

    // Who reads it: the requester's organisation, curators and overseers; not another organisation.
    expect((await p.as.stranger.get(`/api/sharing-requests/${made.id}`)).statusCode).toBe(404);
    expect((await json(await p.as.institute.get('/api/sharing-requests'), 200, 'institute list')).items.map((r: { id: string }) => r.id)).not.toContain(made.id);
    expect((await json(await p.as.unit.get(`/api/sharing-requests?strainId=${plain.id}`), 200, 'unit list')).items.map((r: { id: string }) => r.id)).toContain(made.id);
    const mine = await json(await p.as.enterprise.get(`/api/sharing-requests/${made.id}`), 200, 'mine');
    expect(mine.mta.conditions).toEqual([]);
    expect(mine.may).toMatchObject({ receive: true });

    expect((await p.as.curator.post(`/api/sharing-requests/${made.id}/receive`, {})).statusCode).toBe(403);
    expect(await json(await p.as.enterprise.post(`/api/sharing-requests/${made.id}/receive`, {}), 200, 'receive')).toMatchObject({ status: 'received', receivedBy: p.userId.enterprise });
    expect((await notices('strains.sharing.received')).map((n) => n.userId)).toEqual([p.userId.curator]);
    const actions = await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', made.id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['strains.sharing.submit', 'strains.sharing.approve', 'strains.sharing.ship', 'strains.sharing.receive']);
  });

  it('needs an appointed officer other than the approving curator for a class 2 pathogen, and a lab in date at every step', async () => {
    const ask = async () => json(await p.as.institute.post('/api/sharing-requests', body(risky.id, p.lab.bsl3.id, { vials: 1 })), 201, 'risky request');
    const first = await ask();
    expect(first).toMatchObject({ needsOfficer: true, needsOfficerReason: ['hazardClass', 'highContainment'], mtaConditions: ['gmo', 'hazardClass2'], labEffectiveLevel: 3, strainBiosafetyLevel: 3 });

    // The officer approving as the curator cannot approve again as the officer.
    const byOfficer = await json(await p.as.officer.post(`/api/sharing-requests/${first.id}/approve`, {}), 200, 'officer as curator');
    expect(byOfficer).toMatchObject({ status: 'curatorApproved', curatorId: p.userId.officer, may: { approve: false } });
    expect((await p.as.officer.post(`/api/sharing-requests/${first.id}/approve`, {})).statusCode).toBe(403);
    expect((await p.as.curator.post(`/api/sharing-requests/${first.id}/approve`, {})).statusCode).toBe(403);
    expect((await p.as.curator.post(`/api/sharing-requests/${first.id}/ship`, { lotId: riskyLot, vials: 1, carrierZh: '专业冷链', trackingNo: 'X1', shippedOn: '2026-03-10' })).statusCode).toBe(409);
    // Officers other than the approving curator are told; here there is none.
    expect(await notices('strains.sharing.officer')).toEqual([]);

    const second = await ask();
    await json(await p.as.curator.post(`/api/sharing-requests/${second.id}/approve`, {}), 200, 'curator');
    expect((await notices('strains.sharing.officer')).map((n) => n.userId)).toEqual([p.userId.officer]);
    const approved = await json(await p.as.officer.post(`/api/sharing-requests/${second.id}/approve`, { noteZh: '实验室条件符合' }), 200, 'officer');
    expect(approved).toMatchObject({ status: 'approved', curatorId: p.userId.curator, officerId: p.userId.officer });

    // The institute's certificate lapses before shipment: refused, nothing moves; renewed: shipped.
    const db = h.database.db;
    await db.updateTable('biosafetyLab').set({ certificateExpiresOn: '2026-03-09' }).where('id', '=', p.lab.bsl3.id).execute();
    const lapsed = await p.as.curator.post(`/api/sharing-requests/${second.id}/ship`, { lotId: riskyLot, vials: 1, carrierZh: '专业冷链', trackingNo: 'UN3373-001', shippedOn: '2026-03-10' });
    expect([lapsed.statusCode, detailPaths(lapsed)]).toEqual([409, ['/labId']]);
    expect((await p.as.curator.post(`/api/sharing-requests/${first.id}/approve`, {})).statusCode).toBe(403);
    expect(await vialsOf(riskyLot)).toBe(10);
    expect(detailPaths(await p.as.institute.post('/api/sharing-requests', body(risky.id, p.lab.bsl3.id)))).toEqual(['/labId']);
    await db.updateTable('biosafetyLab').set({ certificateExpiresOn: '2030-01-01' }).where('id', '=', p.lab.bsl3.id).execute();

    const institute = await strainViewerOf(db, p.ctx.institute);
    expect(await seesStrainInFull(db, institute, risky.id)).toBe(false);
    await json(await p.as.curator.post(`/api/sharing-requests/${second.id}/ship`, { lotId: riskyLot, vials: 1, carrierZh: '专业冷链', trackingNo: 'UN3373-001', shippedOn: '2026-03-10' }), 200, 'ship');
    expect(await vialsOf(riskyLot)).toBe(9);
    // Shipped: the institute now sees the restricted strain in full; a stranger still does not.
    expect(await seesStrainInFull(db, institute, risky.id)).toBe(true);
    expect(await seesStrainInFull(db, await strainViewerOf(db, p.ctx.stranger), risky.id)).toBe(false);
    // The request itself carries the strain's public summary only.
    expect((await p.as.institute.get(`/api/sharing-requests/${second.id}`)).body).not.toContain('秘密采样点');
  });

  it('lands one of two decisions at once, lets the requester withdraw before shipment, and lets a curator file for an organisation', async () => {
    const pilotLab = await makeLab(h, p.org.pilotBase, 1);
    const racing = await json(await p.as.pilotBase.post('/api/sharing-requests', body(plain.id, pilotLab.id)), 201, 'request');
    const both = await Promise.all([
      p.as.curator.post(`/api/sharing-requests/${racing.id}/approve`, {}),
      p.as.taskforce.post(`/api/sharing-requests/${racing.id}/approve`, { noteZh: '同意' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const landed = both.find((r) => r.statusCode === 200)!.json();
    expect((await json(await p.as.pilotBase.get(`/api/sharing-requests/${racing.id}`), 200, 'after race')).curatorId).toBe(landed.curatorId);
    expect(await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', racing.id).where('action', '=', 'strains.sharing.approve').execute()).toHaveLength(1);
    expect((await notices('strains.sharing.approved')).filter((n) => n.link === `/strains/requests/${racing.id}`)).toHaveLength(1);

    const leaving = await json(await p.as.pilotBase.post('/api/sharing-requests', body(plain.id, pilotLab.id)), 201, 'request 2');
    expect(detailPaths(await p.as.curator.post(`/api/sharing-requests/${leaving.id}/reject`, { reasonZh: ' ' }))).toEqual(['/reasonZh']);
    expect(await json(await p.as.pilotBase.post(`/api/sharing-requests/${leaving.id}/withdraw`, {}), 200, 'withdraw')).toMatchObject({ status: 'withdrawn' });
    expect((await p.as.curator.post(`/api/sharing-requests/${leaving.id}/approve`, {})).statusCode).toBe(409);
    expect((await notices('strains.sharing.withdrawn')).map((n) => n.userId).sort()).toEqual([p.userId.curator, p.userId.officer].sort());

    const filed = await json(await p.as.curator.post('/api/sharing-requests', body(plain.id, p.lab.bsl2.id, { organisationId: p.org.enterprise })), 201, 'filed');
    expect(filed).toMatchObject({ requesterOrganisationId: p.org.enterprise, filedBy: p.userId.curator, requesterUserId: null });
    expect((await json(await p.as.curator.get('/api/sharing-requests?step=curator'), 200, 'queue')).items.map((r: { id: string }) => r.id)).toContain(filed.id);
    expect((await json(await p.as.enterprise.get('/api/sharing-requests?status=submitted'), 200, 'mine')).items.map((r: { id: string }) => r.id)).toEqual([filed.id]);
  });
});
