import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useHarness, type Client, type Harness } from '../../../test/harness.js';
import { systemCtx } from '../../../platform/context/ctx.js';

/**
 * One-stop services: requests routed to the category's body with its days (halved on the green
 * channel), handled by that body's users, withdrawn by the requester, a clock on every read, and
 * public statistics with the median handling time.
 */
let serial = 0;

async function people(h: Harness) {
  const tag = `${process.pid}-s${++serial}`;
  const ctx = systemCtx('test');
  const db = h.database.db;
  const routeOrg = async (category: string) => (await db.selectFrom('serviceRoute').select('organisationId').where('category', '=', category).executeTakeFirstOrThrow()).organisationId;
  const org = async (kind: string, nameZh: string) => (await h.services.identity.createOrganisation(ctx, { kind, nameZh: `${nameZh}-${tag}`, districtCode: '500120' })).id;
  const taskForce = (await db.selectFrom('organisation').select('id').where('kind', '=', 'taskForce').executeTakeFirstOrThrow()).id;
  const orgs = { enterprise: await org('enterprise', '重庆璧山合成生物有限公司'), outsider: await org('enterprise', '重庆另一生物有限公司'), customs: await routeOrg('customs'), logistics: await routeOrg('logistics'), other: await org('department', '市某委') };
  const as = async (name: string, roles: Parameters<Harness['user']>[1], orgId: string | null) => { await h.user(`${name}-${tag}`, roles, orgId); return h.login(`${name}-${tag}`); };
  return {
    orgs,
    as: {
      taskforce: await as('tf', ['taskforce'], taskForce), admin: await as('adm', ['admin'], null), enterprise: await as('ent', ['enterprise'], orgs.enterprise), outsider: await as('other', ['enterprise'], orgs.outsider),
      customs: await as('customs', ['unit'], orgs.customs), logistics: await as('logistics', ['unit'], orgs.logistics), otherUnit: await as('unit', ['unit'], orgs.other), anonymous: h.anonymous,
    },
  };
}

describe.each(testDatabases)('one-stop service requests, on $name', (kind) => {
  const h = useHarness(kind);
  let p: Awaited<ReturnType<typeof people>>;
  const file = async (c: Client, body: Record<string, unknown>) => {
    const res = await c.post('/api/pilot/services/requests', { titleZh: '进口菌种通关', detailZh: '一批工程菌株自德国进口', ...body });
    if (res.statusCode !== 201) throw new Error(`file: ${res.statusCode} ${res.body}`);
    return res.json();
  };

  beforeAll(async () => {
    h.clock.set('2026-03-02T02:00:00Z');
    p = await people(h);
  });

  it('routes a request to the category\'s body with its days, halved on the green channel; the task force re-routes', async () => {
    const routes = (await p.as.anonymous.get('/api/pilot/services/routes')).json();
    expect(routes).toHaveLength(13);
    expect(routes.find((r: { category: string }) => r.category === 'customs')).toMatchObject({ organisationNameZh: '重庆海关', slaDays: 3, greenChannelDays: 2, kind: 'clearance' });

    expect((await p.as.customs.put('/api/pilot/services/routes/customs', { slaDays: 2 })).statusCode).toBe(403);
    expect((await p.as.taskforce.put('/api/pilot/services/routes/customs', { slaDays: 0 })).json().error.details[0].path).toBe('/slaDays');
    expect((await p.as.taskforce.put('/api/pilot/services/routes/customs', { organisationId: '00000000-0000-4000-8000-000000000000' })).json().error.details[0].path).toBe('/organisationId');
    expect((await p.as.taskforce.put('/api/pilot/services/routes/customs', { slaDays: 4 })).json()).toMatchObject({ slaDays: 4, organisationId: p.orgs.customs });

    const green = await file(p.as.enterprise, { category: 'customs', greenChannel: true });
    expect(green).toMatchObject({ code: 'YZS-2026-0001', state: 'submitted', slaDays: 2, dueAt: '2026-03-04T02:00:00.000Z', handlerOrgId: p.orgs.customs, requesterOrgId: p.orgs.enterprise, districtCode: '500120', clock: 'ok' });
    expect(await file(p.as.enterprise, { category: 'environment', titleZh: '环评审批' })).toMatchObject({ slaDays: 15, greenChannel: false });
    const events = (await p.as.enterprise.get(`/api/pilot/services/requests/${green.id}`)).json().events;
    expect(events.map((e: { state: string; noteZh: string | null }) => [e.state, e.noteZh])).toEqual([['submitted', '绿色通道']]);
    // A request names only a project its organisation takes part in.
    const project = (await p.as.taskforce.post('/api/pilot/projects', { nameZh: '别家的项目', leadOrgId: p.orgs.outsider })).json();
    const bad = await p.as.enterprise.post('/api/pilot/services/requests', { category: 'legal', titleZh: '合同审查', detailZh: '技术许可合同', projectId: project.id });
    expect(bad.json().error.details[0].path).toBe('/projectId');
    expect((await p.as.outsider.post('/api/pilot/services/requests', { category: 'legal', titleZh: '合同审查', detailZh: '技术许可合同', projectId: project.id })).statusCode).toBe(201);
    // A pilot base sees every project on the board, but names in a request only one it takes part in.
    const baseOrg = (await h.services.identity.createOrganisation(systemCtx('test'), { kind: 'pilotBase', nameZh: `一站式测试中试基地-${process.pid}-${serial}`, districtCode: '500120' })).id;
    await h.user(`onestop-base-${process.pid}-${serial}`, ['pilotBase'], baseOrg);
    const keeper = await h.login(`onestop-base-${process.pid}-${serial}`);
    expect((await keeper.get(`/api/pilot/projects/${project.id}`)).statusCode).toBe(200);
    const foreign = await keeper.post('/api/pilot/services/requests', { category: 'legal', titleZh: '合同审查', detailZh: '技术许可合同', projectId: project.id });
    expect(foreign.statusCode, foreign.body).toBe(422);
    expect(foreign.json().error.details[0].path).toBe('/projectId');
  });

  it('is handled by the body\'s own users, seen by its requester, and hidden from everyone else', async () => {
    h.clock.set('2026-03-05T02:00:00Z');
    const r = await file(p.as.enterprise, { category: 'customs' });
    expect((await p.as.customs.get('/api/pilot/services/requests?as=handler&limit=500')).json().items.map((x: { id: string }) => x.id)).toContain(r.id);
    expect((await p.as.otherUnit.get('/api/pilot/services/requests?limit=500')).json().total).toBe(0);
    for (const c of [p.as.otherUnit, p.as.outsider, p.as.logistics]) expect((await c.get(`/api/pilot/services/requests/${r.id}`)).statusCode).toBe(404);
    expect((await p.as.otherUnit.post(`/api/pilot/services/requests/${r.id}/accept`, {})).statusCode).toBe(404);
    expect((await p.as.enterprise.post(`/api/pilot/services/requests/${r.id}/accept`, {})).statusCode).toBe(403);
    expect((await p.as.customs.post(`/api/pilot/services/requests/${r.id}/withdraw`, {})).statusCode).toBe(403);

    // Each list row says what its reader may do: the handler accepts or rejects a new request, the requester withdraws it.
    const row = async (c: typeof p.as.customs, as: string) => (await c.get(`/api/pilot/services/requests?as=${as}&limit=500`)).json().items.find((x: { id: string }) => x.id === r.id).may;
    expect(await row(p.as.customs, 'handler')).toEqual({ accept: true, finish: false, reject: true, withdraw: false });
    expect(await row(p.as.enterprise, 'requester')).toEqual({ accept: false, finish: false, reject: false, withdraw: true });
    expect((await p.as.customs.post(`/api/pilot/services/requests/${r.id}/finish`, { outcomeZh: '已放行' })).statusCode).toBe(409);
    expect((await p.as.customs.post(`/api/pilot/services/requests/${r.id}/accept`, { noteZh: '材料齐全' })).json()).toMatchObject({ state: 'accepted', acceptedAt: '2026-03-05T02:00:00.000Z' });
    // Once accepted: finish or reject for the handler; the requester may still withdraw.
    expect(await row(p.as.customs, 'handler')).toEqual({ accept: false, finish: true, reject: true, withdraw: false });
    expect(await row(p.as.enterprise, 'requester')).toEqual({ accept: false, finish: false, reject: false, withdraw: true });
    expect((await p.as.customs.post(`/api/pilot/services/requests/${r.id}/finish`, { outcomeZh: ' ' })).json().error.details[0].path).toBe('/outcomeZh');
    h.clock.set('2026-03-07T02:00:00Z');
    expect((await p.as.customs.post(`/api/pilot/services/requests/${r.id}/finish`, { outcomeZh: '已查验放行' })).json()).toMatchObject({ state: 'done', clock: 'met', outcomeZh: '已查验放行' });
    expect((await p.as.enterprise.post(`/api/pilot/services/requests/${r.id}/withdraw`, {})).statusCode).toBe(409);
    const page = (await p.as.enterprise.get(`/api/pilot/services/requests/${r.id}`)).json();
    expect(page.events.map((e: { state: string }) => e.state)).toEqual(['submitted', 'accepted', 'done']);
    expect(page.may).toEqual({ accept: false, finish: false, reject: false, withdraw: false });
    expect(await row(p.as.customs, 'handler')).toEqual({ accept: false, finish: false, reject: false, withdraw: false });
    expect(await row(p.as.enterprise, 'requester')).toEqual({ accept: false, finish: false, reject: false, withdraw: false });

    // The clock runs on: a request left alone goes due, then overdue, and a late refusal misses.
    const late = await file(p.as.enterprise, { category: 'customs' });
    h.clock.set('2026-03-10T12:00:00Z');
    expect((await p.as.enterprise.get(`/api/pilot/services/requests/${late.id}`)).json().clock).toBe('due');
    h.clock.set('2026-03-12T02:00:00Z');
    const overdue = (await p.as.customs.get('/api/pilot/services/requests?clock=overdue&limit=500')).json().items;
    expect(overdue.map((x: { id: string }) => x.id)).toContain(late.id);
    expect(overdue.every((x: { clock: string; state: string }) => x.clock === 'overdue' && ['submitted', 'accepted'].includes(x.state))).toBe(true);
    expect((await p.as.taskforce.post(`/api/pilot/services/requests/${late.id}/reject`, { reason: ' ' })).statusCode).toBe(422);
    expect((await p.as.taskforce.post(`/api/pilot/services/requests/${late.id}/reject`, { reason: '非本机构职责' })).json()).toMatchObject({ state: 'rejected', clock: 'missed' });
    const w = await file(p.as.enterprise, { category: 'customs' });
    expect((await p.as.enterprise.post(`/api/pilot/services/requests/${w.id}/withdraw`, { reason: '改走其他口岸' })).json()).toMatchObject({ state: 'withdrawn', clock: null });
    // The requester sees its own; the task force sees all (an administrator of no organisation requested nothing).
    expect((await p.as.admin.get('/api/pilot/services/requests?as=requester')).json().total).toBe(0);
    expect((await p.as.enterprise.get('/api/pilot/services/requests?as=requester&limit=500')).json().items.every((x: { requesterOrgId: string }) => x.requesterOrgId === p.orgs.enterprise)).toBe(true);
    expect((await p.as.taskforce.get('/api/pilot/services/requests?limit=500')).json().items.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([r.id, late.id, w.id]));
  });

  it('publishes counts per category and kind, the median days to done and the share done in time', async () => {
    // Logistics (3 days): done in 1, 3 and 5 days; one withdrawn, one still open.
    const done: [string, string][] = [['2026-04-01T00:00:00Z', '2026-04-02T00:00:00Z'], ['2026-04-01T00:00:00Z', '2026-04-04T00:00:00Z'], ['2026-04-01T00:00:00Z', '2026-04-06T00:00:00Z']];
    for (const [at, end] of done) {
      h.clock.set(at);
      const r = await file(p.as.enterprise, { category: 'logistics', titleZh: '冷链运输' });
      await p.as.logistics.post(`/api/pilot/services/requests/${r.id}/accept`, {});
      h.clock.set(end);
      expect((await p.as.logistics.post(`/api/pilot/services/requests/${r.id}/finish`, { outcomeZh: '已送达' })).statusCode).toBe(200);
    }
    const w = await file(p.as.enterprise, { category: 'logistics' });
    await p.as.enterprise.post(`/api/pilot/services/requests/${w.id}/withdraw`, {});
    await file(p.as.enterprise, { category: 'logistics' });

    const stats = (await p.as.anonymous.get('/api/pilot/services/stats')).json();
    expect(stats.categories.find((c: { category: string }) => c.category === 'logistics')).toEqual({ category: 'logistics', zh: '物流', en: 'Logistics', kind: 'clearance', requests: 4, done: 3, medianDays: 3, withinSlaShare: 0.6667 });
    expect(stats.categories.find((c: { category: string }) => c.category === 'brand')).toMatchObject({ requests: 0, done: 0, medianDays: null, withinSlaShare: null });
    expect(stats.categories).toHaveLength(13);
    const clearance = stats.kinds.find((k: { kind: string }) => k.kind === 'clearance');
    expect(clearance.requests).toBe(stats.categories.filter((c: { kind: string }) => c.kind === 'clearance').reduce((n: number, c: { requests: number }) => n + c.requests, 0));
    expect(stats.total.done).toBe(stats.kinds.reduce((n: number, k: { done: number }) => n + k.done, 0));
    expect(JSON.stringify(stats)).not.toContain('冷链');
  });
});
