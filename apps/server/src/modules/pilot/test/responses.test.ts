import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useHarness, type Client, type Harness } from '../../../test/harness.js';
import { systemCtx } from '../../../platform/context/ctx.js';

/**
 * Responses between the parties: 响应 → 洽谈 → 签约 → 完成 or closed, the owner's acceptance
 * opening negotiation, a thread only the two organisations and the task force see, and the
 * public funnel. Items are inserted as published directly (their review is another service's).
 */
let serial = 0;

async function people(h: Harness) {
  const tag = `${process.pid}-r${++serial}`;
  const ctx = systemCtx('test');
  const org = async (kind: string, nameZh: string) => (await h.services.identity.createOrganisation(ctx, { kind, nameZh: `${nameZh}-${tag}`, districtCode: '500120' })).id;
  const taskForce = (await h.database.db.selectFrom('organisation').select('id').where('kind', '=', 'taskForce').executeTakeFirstOrThrow()).id;
  const orgs = { enterprise: await org('enterprise', '重庆璧山合成生物有限公司'), institute: await org('institute', '西南大学生物技术研究院'), base: await org('pilotBase', '重庆生物制造中试基地'), outsider: await org('enterprise', '重庆另一生物有限公司') };
  const as = async (name: string, roles: Parameters<Harness['user']>[1], orgId: string | null) => { await h.user(`${name}-${tag}`, roles, orgId); return h.login(`${name}-${tag}`); };
  const base = await h.database.db.insertInto('pilotBase').values({ code: `BASE-${tag}`, nameZh: '璧山中试基地', operatorZh: '重庆生物制造中试基地', organisationId: orgs.base, districtCode: '500120' }).returning('id').executeTakeFirstOrThrow();
  const platform = await h.database.db.insertInto('pilotPlatform').values({ baseId: base.id, code: `PF-${tag}`, nameZh: '5000 L 发酵中试线' }).returning('id').executeTakeFirstOrThrow();
  return {
    orgs, baseId: base.id, platformId: platform.id,
    as: {
      taskforce: await as('tf', ['taskforce'], taskForce), enterprise: await as('ent', ['enterprise'], orgs.enterprise), colleague: await as('ent2', ['enterprise'], orgs.enterprise),
      institute: await as('inst', ['institute'], orgs.institute), base: await as('base', ['pilotBase'], orgs.base), outsider: await as('other', ['enterprise'], orgs.outsider),
      unit: await as('unit', ['unit'], null), anonymous: h.anonymous,
    },
  };
}

let items = 0;
async function publishedDemand(h: Harness, organisationId: string, extra: Record<string, unknown> = {}) {
  return (await h.database.db.insertInto('pilotDemand').values({
    code: `XQ-T-${++items}`, organisationId, titleZh: `年产万吨 1,3-丙二醇发酵放大-${items}`, problemZh: '发酵放大时产率下降', scaleL: 5000, deadline: '2026-12-31',
    domain: 'biochem', districtCode: '500120', summaryZh: '需要 5000 L 发酵放大验证', detailZh: '菌株编号与工艺参数（保密）', state: 'published', publishedAt: new Date('2026-02-01T00:00:00Z'), ...extra,
  }).returning('id').executeTakeFirstOrThrow()).id;
}
async function publishedAchievement(h: Harness, organisationId: string, extra: Record<string, unknown> = {}) {
  return (await h.database.db.insertInto('pilotAchievement').values({
    code: `CG-T-${++items}`, organisationId, titleZh: `高产 1,3-丙二醇工程菌-${items}`, resultZh: '摇瓶产率 120 g/L', trl: 5, domain: 'biochem', districtCode: '500120',
    detailZh: '构建方法（保密）', state: 'published', publishedAt: new Date('2026-02-01T00:00:00Z'), ...extra,
  }).returning('id').executeTakeFirstOrThrow()).id;
}

describe.each(testDatabases)('responses and the funnel, on $name', (kind) => {
  const h = useHarness(kind);
  let p: Awaited<ReturnType<typeof people>>;
  const stage = (c: Client, id: string, body: Record<string, unknown>) => c.post(`/api/pilot/responses/${id}/stage`, body);

  beforeAll(async () => {
    h.clock.set('2026-03-02T02:00:00Z');
    p = await people(h);
  });

  it('runs from 响应 to 完成: the owner accepts, either party moves it on, a pilot-project outcome records the project', async () => {
    const demandId = await publishedDemand(h, p.orgs.enterprise);
    const offered = await publishedAchievement(h, p.orgs.institute);
    const res = await p.as.institute.post('/api/pilot/responses', { targetKind: 'demand', itemId: demandId, messageZh: '我院菌株可在 5000 L 验证', achievementId: offered, platformId: null });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({ code: 'XY-2026-0001', stage: 'responded', ownerOrgId: p.orgs.enterprise, responderOrgId: p.orgs.institute, acceptedAt: null, achievementId: offered });

    // One open response per organisation and item; never to one's own item; never to a draft.
    expect((await p.as.institute.post('/api/pilot/responses', { targetKind: 'demand', itemId: demandId, messageZh: '再次响应' })).statusCode).toBe(409);
    const own = await p.as.enterprise.post('/api/pilot/responses', { targetKind: 'demand', itemId: demandId, messageZh: '自己响应自己' });
    expect(own.statusCode).toBe(422);
    expect(own.json().error.details[0].path).toBe('/itemId');
    const draft = await publishedDemand(h, p.orgs.enterprise, { state: 'draft', publishedAt: null });
    expect((await p.as.institute.post('/api/pilot/responses', { targetKind: 'demand', itemId: draft, messageZh: '响应草稿' })).statusCode).toBe(404);
    // Nor to one that has lapsed (past its expiry day, or a demand past its deadline) before the sweep marks it.
    const lapsed = [
      ['demand', await publishedDemand(h, p.orgs.enterprise, { expiresOn: '2026-03-01' })], ['demand', await publishedDemand(h, p.orgs.enterprise, { deadline: '2026-03-01' })],
      ['achievement', await publishedAchievement(h, p.orgs.enterprise, { expiresOn: '2026-03-01' })],
    ] as const;
    for (const [targetKind, itemId] of lapsed) {
      const late = await p.as.institute.post('/api/pilot/responses', { targetKind, itemId, messageZh: '响应已过期的条目' });
      expect(late.statusCode, `${targetKind} ${late.body}`).toBe(409);
      expect(late.json().error.details[0].path).toBe('/itemId');
    }
    // Only one's own achievement or platform goes with a response.
    const notMine = await p.as.base.post('/api/pilot/responses', { targetKind: 'demand', itemId: demandId, messageZh: '基地可承接', achievementId: offered, platformId: p.platformId });
    expect(notMine.json().error.details.map((d: { path: string }) => d.path)).toEqual(['/achievementId']);

    // Negotiation opens by the owner's acceptance only; skipping a stage names the next one.
    expect((await p.as.institute.post(`/api/pilot/responses/${r.id}/accept`)).statusCode).toBe(403);
    const early = await stage(p.as.institute, r.id, { stage: 'signed' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('洽谈');
    const accepted = await p.as.colleague.post(`/api/pilot/responses/${r.id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ stage: 'negotiating', acceptedAt: '2026-03-02T02:00:00.000Z' });
    // What lists.service reads to open the confidential detail to the responder's organisation.
    const opened = await h.database.db.selectFrom('pilotResponse').select(['acceptedBy', 'stage']).where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(opened.acceptedBy).not.toBeNull();
    expect((await p.as.enterprise.post(`/api/pilot/responses/${r.id}/accept`)).statusCode).toBe(409);
    const skip = await stage(p.as.enterprise, r.id, { stage: 'done', outcome: 'contract' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.message).toContain('签约');

    expect((await stage(p.as.institute, r.id, { stage: 'signed', contractWan: 120 })).json()).toMatchObject({ stage: 'signed', contractWan: 120 });
    expect((await stage(p.as.enterprise, r.id, { stage: 'done' })).json().error.details[0].path).toBe('/outcome');
    const done = await stage(p.as.enterprise, r.id, { stage: 'done', outcome: 'pilotProject', outcomeNoteZh: '转入中试熟化', projectNameZh: 'PDO 5000 L 中试' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ stage: 'done', outcome: 'pilotProject', pilotProjectCode: 'ZSXM-2026-0001' });
    const project = await h.database.db.selectFrom('pilotProject').selectAll().where('id', '=', done.json().pilotProjectId).executeTakeFirstOrThrow();
    expect(project).toMatchObject({ nameZh: 'PDO 5000 L 中试', demandId, achievementId: offered, responseId: r.id, leadOrgId: p.orgs.enterprise, stage: 'pilot', domain: 'biochem', baseId: null });
    expect((await p.as.enterprise.post(`/api/pilot/responses/${r.id}/close`, { reason: '已完成' })).statusCode).toBe(409);
    // The project takes no party's words as its public summary; the same organisation may start a new response.
    expect(project.summaryZh).toBeNull();

    // Both sides find it: the owner among its item's responses, the responder among its own.
    expect((await p.as.institute.get('/api/pilot/responses/mine?as=responder')).json().items.map((x: { id: string }) => x.id)).toContain(r.id);
    expect((await p.as.enterprise.get(`/api/pilot/responses/items/demand/${demandId}`)).json().map((x: { id: string }) => x.id)).toEqual([r.id]);
    const page = (await p.as.enterprise.get(`/api/pilot/responses/${r.id}`)).json();
    expect(page).toMatchObject({ side: 'owner', itemId: demandId, offeredAchievementCode: expect.stringMatching(/^CG-T-/), may: { accept: false, close: false } });
    const audit = await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', r.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['pilot.response.create', 'pilot.response.accept', 'pilot.response.signed', 'pilot.response.done']);
    const again = await p.as.institute.post('/api/pilot/responses', { targetKind: 'demand', itemId: demandId, messageZh: '二期合作' });
    expect(again.statusCode, again.body).toBe(201);
  });

  it('keeps the thread to the two organisations and the task force; to anyone else the response does not exist', async () => {
    const achievementId = await publishedAchievement(h, p.orgs.institute);
    const r = (await p.as.base.post('/api/pilot/responses', { targetKind: 'achievement', itemId: achievementId, messageZh: '基地可做放大', platformId: p.platformId })).json();
    expect(r.platformId).toBe(p.platformId);
    for (const [who, c, text, at] of [['responder', p.as.base, '可安排 3 月排产', '09:00'], ['owner', p.as.institute, '请报价', '09:05'], ['task force', p.as.taskforce, '专班跟进', '10:00']] as const) {
      h.clock.set(`2026-03-03T${at}:00+08:00`);
      const m = await c.post(`/api/pilot/responses/${r.id}/messages`, { textZh: text });
      expect(m.statusCode, `${who}: ${m.body}`).toBe(201);
    }
    const thread = (await p.as.institute.get(`/api/pilot/responses/${r.id}/messages`)).json();
    expect(thread.map((m: { textZh: string }) => m.textZh)).toEqual(['可安排 3 月排产', '请报价', '专班跟进']);
    for (const url of [`/api/pilot/responses/${r.id}`, `/api/pilot/responses/${r.id}/messages`]) expect((await p.as.outsider.get(url)).statusCode, url).toBe(404);
    for (const [url, body] of [[`/api/pilot/responses/${r.id}/messages`, { textZh: '旁听' }], [`/api/pilot/responses/${r.id}/accept`, {}], [`/api/pilot/responses/${r.id}/close`, { reason: '捣乱' }], [`/api/pilot/responses/${r.id}/stage`, { stage: 'signed' }]] as const)
      expect((await p.as.outsider.post(url, body)).statusCode, url).toBe(404);
    // The outsider sees no response to the item, and nothing of it among its own.
    expect((await p.as.outsider.get(`/api/pilot/responses/items/achievement/${achievementId}`)).json()).toEqual([]);
    expect((await p.as.outsider.get('/api/pilot/responses/mine')).json().total).toBe(0);
    // The task force reads everything but acts for neither party.
    expect((await p.as.taskforce.get(`/api/pilot/responses/${r.id}`)).json()).toMatchObject({ side: null, may: { accept: false, talk: true } });
    expect((await p.as.taskforce.post(`/api/pilot/responses/${r.id}/accept`)).statusCode).toBe(403);
    expect((await p.as.taskforce.get('/api/pilot/responses?limit=500')).json().items.map((x: { id: string }) => x.id)).toContain(r.id);

    // The owner declines with a reason; the thread is then read-only, and the base may respond afresh.
    expect((await p.as.institute.post(`/api/pilot/responses/${r.id}/decline`, { reason: ' ' })).json().error.details[0].path).toBe('/reason');
    expect((await p.as.base.post(`/api/pilot/responses/${r.id}/decline`, { reason: '不想要' })).statusCode).toBe(403);
    expect((await p.as.institute.post(`/api/pilot/responses/${r.id}/decline`, { reason: '规模不匹配' })).json()).toMatchObject({ stage: 'closed', closedReasonZh: '规模不匹配' });
    expect((await p.as.base.post(`/api/pilot/responses/${r.id}/messages`, { textZh: '还在吗' })).statusCode).toBe(409);
    const again = await p.as.base.post('/api/pilot/responses', { targetKind: 'achievement', itemId: achievementId, messageZh: '调整方案后再次响应' });
    expect(again.statusCode, again.body).toBe(201);
    // An accepted response is closed (either side, with a reason), not declined.
    await p.as.institute.post(`/api/pilot/responses/${again.json().id}/accept`);
    expect((await p.as.institute.post(`/api/pilot/responses/${again.json().id}/decline`, { reason: '改主意' })).statusCode).toBe(409);
    expect((await p.as.base.post(`/api/pilot/responses/${again.json().id}/close`, { reason: '排产冲突' })).json()).toMatchObject({ stage: 'closed', acceptedAt: expect.any(String) });
  });

  it('counts the funnel per list and per edition, each item once at its furthest stage, naming no party', async () => {
    const before = (await p.as.anonymous.get('/api/pilot/funnel?list=demands')).json();
    const [a, b, c] = [await publishedDemand(h, p.orgs.enterprise), await publishedDemand(h, p.orgs.enterprise), await publishedDemand(h, p.orgs.enterprise)];
    await publishedDemand(h, p.orgs.enterprise, { state: 'draft', publishedAt: null });
    const respond = async (c2: Client, itemId: string) => (await c2.post('/api/pilot/responses', { targetKind: 'demand', itemId, messageZh: '响应' })).json().id as string;
    // a: two responses, one reaching signed and then closed (it still got that far); b: one responded; c: none.
    const a1 = await respond(p.as.institute, a);
    await respond(p.as.base, a);
    await p.as.enterprise.post(`/api/pilot/responses/${a1}/accept`);
    await stage(p.as.enterprise, a1, { stage: 'signed' });
    await p.as.institute.post(`/api/pilot/responses/${a1}/close`, { reason: '资金未到位' });
    await respond(p.as.institute, b);
    const after = (await p.as.anonymous.get('/api/pilot/funnel?list=demands')).json();
    expect({ posted: after.posted - before.posted, responded: after.responded - before.responded, negotiating: after.negotiating - before.negotiating, signed: after.signed - before.signed, done: after.done - before.done })
      .toEqual({ posted: 3, responded: 2, negotiating: 1, signed: 1, done: 0 });
    expect(JSON.stringify(after)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(Object.keys(after).sort()).toEqual(['done', 'edition', 'list', 'matchingRate', 'negotiating', 'posted', 'responded', 'signed']);

    const edition = await h.database.db.insertInto('pilotListEdition').values({ list: 'demands', number: 1, titleZh: '2026 年第一版生产需求清单', state: 'published', publishedAt: new Date() }).returning('id').executeTakeFirstOrThrow();
    await h.database.db.insertInto('pilotListEditionItem').values([a, b, c].map((itemId, position) => ({ editionId: edition.id, itemId, position, snapshot: JSON.stringify({ titleZh: 'x' }) }))).execute();
    const e = (await p.as.anonymous.get(`/api/pilot/funnel?list=demands&editionId=${edition.id}`)).json();
    expect(e).toMatchObject({ posted: 3, responded: 2, negotiating: 1, signed: 1, done: 0, matchingRate: 0.3333, edition: { number: 1 } });
    expect((await p.as.anonymous.get(`/api/pilot/funnel?list=achievements&editionId=${edition.id}`)).json().error.details[0].path).toBe('/editionId');
    // A draft edition is the task force's until it is published.
    const draft = await h.database.db.insertInto('pilotListEdition').values({ list: 'demands', number: 2, titleZh: '第二版（草稿）' }).returning('id').executeTakeFirstOrThrow();
    expect((await p.as.anonymous.get(`/api/pilot/funnel?list=demands&editionId=${draft.id}`)).statusCode).toBe(404);
    expect((await p.as.taskforce.get(`/api/pilot/funnel?list=demands&editionId=${draft.id}`)).json().posted).toBe(0);
    // An achievement offered with a demand is not a response to that achievement.
    const offered = await publishedAchievement(h, p.orgs.institute);
    const fa = (await p.as.anonymous.get('/api/pilot/funnel?list=achievements')).json().responded;
    await p.as.institute.post('/api/pilot/responses', { targetKind: 'demand', itemId: c, messageZh: '附成果', achievementId: offered });
    expect((await p.as.anonymous.get('/api/pilot/funnel?list=achievements')).json().responded).toBe(fa);
  });
});
