import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useHarness } from '../../../test/harness.js';
import { industryPeople, type IndustryPeople } from './fixture.js';

/** The investment pipeline: stages, clocks, overlaps and the coordinator, counting once. */
describe.each(testDatabases)('investment leads, on $name', (kind) => {
  const h = useHarness(kind);
  let p: IndustryPeople;

  beforeAll(async () => {
    p = await industryPeople(h);
    h.clock.set('2026-03-02T02:00:00Z');
  });

  it('moves a lead forward only, asking for the amounts, and keeps its timeline', async () => {
    const l = await p.as.bishan.post('/api/industry/leads', { targetNameZh: '某合成生物集团股份有限公司', chainNodeCode: 'biochem.pdo', expectedRevenueWan: 200_000 });
    expect(l.statusCode, l.body).toBe(201);
    const id = l.json().id;
    expect(l.json()).toMatchObject({ code: 'ZS-500120-2026-0001', stage: 'clue', ownerDistrictCode: '500120' });
    // A district records its own leads only.
    expect((await p.as.bishan.post('/api/industry/leads', { targetNameZh: '某公司', ownerDistrictCode: '500112' })).statusCode).toBe(403);
    expect((await p.as.bishan.post(`/api/industry/leads/${id}/stage`, { stage: 'signed' })).json().error.details[0].message).toMatch(/签约金额/);
    expect((await p.as.bishan.post(`/api/industry/leads/${id}/stage`, { stage: 'negotiating', noteZh: '已洽谈两轮' })).statusCode).toBe(200);
    expect((await p.as.bishan.post(`/api/industry/leads/${id}/stage`, { stage: 'clue' })).statusCode).toBe(422);
    expect((await p.as.bishan.post(`/api/industry/leads/${id}/stage`, { stage: 'signed', contractedWan: 50_000 })).json()).toMatchObject({ stage: 'signed', contractedWan: 50_000 });
    // A signed lead keeps its contracted amount.
    expect((await p.as.bishan.patch(`/api/industry/leads/${id}`, { contractedWan: null })).json().error.details[0].path).toBe('/contractedWan');
    const detail = (await p.as.bishan.get(`/api/industry/leads/${id}`)).json();
    expect(detail.activities.map((a: { textZh: string }) => a.textZh)).toEqual(['在谈 → 签约', '线索 → 在谈：已洽谈两轮', '登记线索（线索）']);
    expect((await p.as.yubei.get(`/api/industry/leads/${id}`)).statusCode).toBe(404);
    expect((await p.as.bishan.post(`/api/industry/leads/${id}/close`, { reason: ' ' })).statusCode).toBe(422);
  });

  it('runs the response clock, in the list filter the same way as on the lead', async () => {
    const fresh = (await p.as.yubei.post('/api/industry/leads', { targetNameZh: '某酶制剂有限公司' })).json();
    h.clock.set('2026-03-07T12:00:00Z'); // 5.4 days of the 7 a new lead has
    expect((await p.as.yubei.get(`/api/industry/leads/${fresh.id}`)).json().clock.state).toBe('due');
    h.clock.set('2026-03-12T02:00:00Z');
    const overdue = (await p.as.yubei.get('/api/industry/leads?clock=overdue')).json();
    expect(overdue.items.map((l: { id: string }) => l.id)).toEqual([fresh.id]);
    expect(overdue.items[0].clock.state).toBe('overdue');
    expect((await p.as.yubei.get('/api/industry/leads/pipeline')).json().clocks).toEqual({ ok: 0, due: 0, overdue: 1 });
    // Answering it restarts the clock at the stage's days.
    await p.as.yubei.post(`/api/industry/leads/${fresh.id}/activities`, { textZh: '电话联系，约定下周面谈', nextActionZh: '面谈', nextActionOn: '2026-03-19' });
    expect((await p.as.yubei.get('/api/industry/leads?clock=overdue')).json().total).toBe(0);
    expect((await p.as.yubei.get('/api/industry/leads?clock=ok')).json().items.map((l: { id: string }) => l.id)).toContain(fresh.id);
    // The task force changes the clocks; a district cannot.
    expect((await p.as.yubei.put('/api/industry/leads/clocks', { clue: 3 })).statusCode).toBe(403);
    expect((await p.as.taskforce.put('/api/industry/leads/clocks', { clue: 0 })).statusCode).toBe(422);
    expect((await p.as.taskforce.put('/api/industry/leads/clocks', { clue: 5 })).statusCode).toBe(200);
  });

  it('shows two districts chasing one company; the coordinator decides; a signed project counts once', async () => {
    const a = (await p.as.bishan.post('/api/industry/leads', { targetNameZh: '某国际生物制造集团（中国）有限公司' })).json();
    const b = (await p.as.yubei.post('/api/industry/leads', { targetNameZh: '某国际生物制造集团有限公司' })).json();
    const overlaps = (await p.as.yubei.get('/api/industry/leads/overlaps')).json();
    expect(overlaps).toHaveLength(1);
    expect(overlaps[0].districts.sort()).toEqual(['渝北区', '璧山区']);
    expect((await p.as.yubei.get(`/api/industry/leads/${b.id}`)).json().overlap).toEqual([expect.objectContaining({ id: a.id, districtNameZh: '璧山区' })]);
    // Both report the signing before anyone decides: the project still counts once.
    await p.as.bishan.post(`/api/industry/leads/${a.id}/stage`, { stage: 'signed', contractedWan: 100_000 });
    await p.as.yubei.post(`/api/industry/leads/${b.id}/stage`, { stage: 'signed', contractedWan: 100_000 });
    let pipe = (await p.as.taskforce.get('/api/industry/leads/pipeline')).json();
    expect(pipe).toMatchObject({ signedProjects: 2, signedReports: 3, contractedWan: 150_000 });
    expect((await p.as.yubei.post('/api/industry/leads/overlaps/decide', { targetKey: a.targetKey, primaryLeadId: a.id, mode: 'joint' })).statusCode).toBe(403);
    const d = await p.as.taskforce.post('/api/industry/leads/overlaps/decide', { targetKey: a.targetKey, primaryLeadId: a.id, mode: 'joint', noteZh: '璧山主办，渝北协同' });
    expect(d.statusCode, d.body).toBe(200);
    expect((await p.as.taskforce.get('/api/industry/leads/overlaps')).json()).toHaveLength(0);
    const joined = (await p.as.yubei.get(`/api/industry/leads/${b.id}`)).json();
    expect(joined).toMatchObject({ status: 'joint', primaryLeadId: a.id });
    expect(joined.activities[0].kind).toBe('coordination');
    pipe = (await p.as.taskforce.get('/api/industry/leads/pipeline')).json();
    expect(pipe.signedProjects).toBe(2);
    expect(pipe.stages.find((s: { stage: string }) => s.stage === 'signed')).toMatchObject({ leads: 3, targets: 2 });
    // A district's pipeline is its own.
    expect((await p.as.yubei.get('/api/industry/leads/pipeline')).json().signedProjects).toBe(1);
    expect((await p.as.taskforce.post('/api/industry/leads/overlaps/decide', { targetKey: a.targetKey, primaryLeadId: a.id, mode: 'joint' })).statusCode).toBe(409);
  });

  it('records promotion events and links leads to them', async () => {
    const ev = await p.as.taskforce.post('/api/industry/events', { nameZh: '2026 生物制造招商推介会', heldOn: '2026-05-20', placeZh: '璧山' });
    expect(ev.statusCode, ev.body).toBe(201);
    await p.as.bishan.post('/api/industry/leads', { targetNameZh: '某推介会企业', eventId: ev.json().id });
    const events = (await p.as.anonymous.get('/api/industry/events')).json();
    expect(events.map((e: { nameZh: string }) => e.nameZh)).toContain('西部合成生物制造国际前沿论坛');
    // Visitors see the events, not how many leads came of them.
    expect(events.find((e: { id: string }) => e.id === ev.json().id)).not.toHaveProperty('leads');
    expect((await p.as.bishan.get('/api/industry/events')).json().find((e: { id: string }) => e.id === ev.json().id).leads).toBe(1);
    // A lead names an existing event, and a district its own firms.
    expect((await p.as.bishan.post('/api/industry/leads', { targetNameZh: '某公司', eventId: '00000000-0000-4000-8000-000000000000' })).json().error.details[0].path).toBe('/eventId');
  });
});
