import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDatabases, useHarness, type Client } from '../../../test/harness.js';
import { systemCtx } from '../../../platform/context/ctx.js';
import { loadExcelJS } from '../../../platform/excel/load.js';

/**
 * The demand list and the achievement list: an owner drafts, submits, is told why an item came
 * back, sees it published until its expiry day, renews it once expired, closes it; visitors
 * read public summaries with Chinese search and an Excel export; the detail opens only to the
 * owner, the task force and an organisation whose open response the owner accepted.
 */

const BISHAN = '500120';
const YUBEI = '500112';
const DETAIL = '菌株编号 CQ-17 与补料配方，保密';
const BUDGET = 320;

const demandBody = (extra: Record<string, unknown> = {}) => ({
  titleZh: '1,3-丙二醇发酵工艺放大', problemZh: '由 50 升放大至 5 吨时转化率下降', targetProductZh: '1,3-丙二醇', processes: ['发酵', '分离纯化'], organism: 'bacteria',
  scaleL: 5000, budgetWan: BUDGET, deadline: '2026-06-30', domain: 'biochem', districtCode: BISHAN, summaryZh: '寻求 5 吨级细菌发酵中试平台', detailZh: DETAIL, ...extra,
});
const achievementBody = (extra: Record<string, unknown> = {}) => ({
  titleZh: '耐高温α-淀粉酶定向进化', resultZh: '酶活提高三倍，已完成 500 升验证', detailZh: '突变位点清单（保密）', trl: 6, scaleReachedL: 500, ipZh: '发明专利 2 项',
  domain: 'biochem', processes: ['酶催化'], organisms: ['yeast'], partnerWantedZh: '寻求产业化合作企业', districtCode: YUBEI, ...extra,
});

async function sheetRows(buffer: Buffer): Promise<string[][]> {
  const wb = new (await loadExcelJS()).Workbook();
  await wb.xlsx.load(buffer as never);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

describe.each(testDatabases)('the demand and achievement lists, on $name', (kind) => {
  const h = useHarness(kind);
  const as = {} as Record<'tf' | 'ent' | 'other' | 'inst' | 'responder' | 'closedResponder' | 'anonymous', Client>;
  const org = {} as Record<'ent' | 'other' | 'inst' | 'responder' | 'closedResponder', string>;
  let demandId: string;
  let achievementId: string;

  const count = async (table: string) => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(h.database.db)).rows[0].n);
  const notifications = (organisationId: string) => h.database.db.selectFrom('notification').select(['kind', 'titleZh']).where('organisationId', '=', organisationId).orderBy('createdAt').execute();

  beforeAll(async () => {
    h.clock.set('2026-03-10T02:00:00Z');
    const mk = async (k: string, nameZh: string, district = BISHAN) => (await h.services.identity.createOrganisation(systemCtx('test'), { kind: k, nameZh, districtCode: district })).id;
    org.ent = await mk('enterprise', '重庆璧山合成生物有限公司（清单测试）');
    org.other = await mk('enterprise', '重庆渝北另一生物有限公司（清单测试）', YUBEI);
    org.inst = await mk('institute', '重庆生物制造研究院（清单测试）', YUBEI);
    org.responder = await mk('pilotBase', '璧山中试基地运营公司（清单测试）');
    org.closedResponder = await mk('university', '重庆某大学（清单测试）');
    const people: [keyof typeof as, string[], string | null][] = [
      ['tf', ['taskforce'], null], ['ent', ['enterprise'], org.ent], ['other', ['enterprise'], org.other], ['inst', ['institute'], org.inst],
      ['responder', ['pilotBase'], org.responder], ['closedResponder', ['institute'], org.closedResponder],
    ];
    for (const [who, roles, orgId] of people) {
      await h.user(`lists-${who}`, roles as never, orgId);
      as[who] = await h.login(`lists-${who}`);
    }
    as.anonymous = h.anonymous;
  });

  it('drafts, returns with a reason the owner reads, and publishes until the deadline or 180 days', async () => {
    const before = [await count('pilot_demand'), await count('audit_log')];
    for (const [body, path] of [
      [demandBody({ deadline: '2026-03-09' }), '/deadline'], [demandBody({ districtCode: '500999' }), '/districtCode'], [demandBody({ scaleL: 0 }), '/scaleL'],
      [demandBody({ processes: ['炼丹'] }), '/processes/0'], [demandBody({ organism: 'dragon' }), '/organism'], [demandBody({ domain: 'space' }), '/domain'],
      [demandBody({ biosafetyLevel: 5 }), '/biosafetyLevel'], [demandBody({ qualityGrade: 'ISO' }), '/qualityGrade'], [demandBody({ trlNeeded: 10 }), '/trlNeeded'],
    ] as const) {
      const res = await as.ent.post('/api/pilot/demands', body);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([path]);
    }
    expect(await as.inst.post('/api/pilot/achievements', achievementBody({ trl: 0 })).then((r) => r.json().error.details[0].path)).toBe('/trl');
    expect([await count('pilot_demand'), await count('audit_log')]).toEqual(before);

    const created = await as.ent.post('/api/pilot/demands', demandBody());
    expect(created.statusCode, created.body).toBe(201);
    const d = created.json();
    demandId = d.id;
    expect(d).toMatchObject({ code: 'XQ-2026-0001', state: 'draft', organisationId: org.ent, detailZh: DETAIL, budgetWan: BUDGET, detailOpen: true, may: { edit: true, submit: true } });
    expect(d).not.toHaveProperty('tokens');
    // A draft is nobody else's business.
    for (const c of [as.anonymous, as.other, as.responder]) expect((await c.get(`/api/pilot/demands/${demandId}`)).statusCode).toBe(404);
    expect((await as.other.patch(`/api/pilot/demands/${demandId}`, { titleZh: '改' })).statusCode).toBe(404);
    expect((await as.tf.post(`/api/pilot/demands/${demandId}/publish`, {})).statusCode).toBe(409);

    expect((await as.ent.patch(`/api/pilot/demands/${demandId}`, { titleZh: '1,3-丙二醇发酵工艺放大（5 吨级）' })).json().titleZh).toBe('1,3-丙二醇发酵工艺放大（5 吨级）');
    expect((await as.ent.post(`/api/pilot/demands/${demandId}/submit`, {})).json().state).toBe('submitted');
    expect((await as.ent.patch(`/api/pilot/demands/${demandId}`, { scaleL: 6000 })).statusCode).toBe(409);

    expect((await as.tf.post(`/api/pilot/demands/${demandId}/return`, { reviewNoteZh: '  ' })).json().error.details[0].path).toBe('/reviewNoteZh');
    expect((await as.tf.post(`/api/pilot/demands/${demandId}/return`, { reviewNoteZh: '请补充目标产品纯度要求' })).json().state).toBe('returned');
    const mine = (await as.ent.get('/api/pilot/demands/mine')).json();
    expect(mine.items.find((x: { id: string }) => x.id === demandId)).toMatchObject({ state: 'returned', reviewNoteZh: '请补充目标产品纯度要求' });
    expect((await notifications(org.ent)).map((n) => n.titleZh).join('\n')).toContain('请补充目标产品纯度要求');
    expect((await as.tf.get('/api/pilot/demands/all?state=returned')).json().items.map((x: { id: string }) => x.id)).toContain(demandId);

    await as.ent.patch(`/api/pilot/demands/${demandId}`, { problemZh: '放大至 5 吨时转化率下降，产品纯度需达 99.5%' });
    await as.ent.post(`/api/pilot/demands/${demandId}/submit`, {});
    expect((await as.tf.get('/api/pilot/demands/all?state=submitted')).json().items.map((x: { id: string }) => x.id)).toEqual([demandId]);
    const published = await as.tf.post(`/api/pilot/demands/${demandId}/publish`, {});
    expect(published.statusCode, published.body).toBe(200);
    // 180 days from 2026-03-10 is 2026-09-06; the deadline comes first.
    expect(published.json()).toMatchObject({ state: 'published', expiresOn: '2026-06-30' });

    const a = await as.inst.post('/api/pilot/achievements', achievementBody());
    expect(a.statusCode, a.body).toBe(201);
    achievementId = a.json().id;
    expect(a.json().code).toBe('CG-2026-0001');
    await as.inst.post(`/api/pilot/achievements/${achievementId}/submit`, {});
    expect((await as.tf.post(`/api/pilot/achievements/${achievementId}/publish`, {})).json()).toMatchObject({ state: 'published', expiresOn: '2026-09-06' });

    const list = (await as.anonymous.get('/api/pilot/demands')).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([demandId]);
    expect(list.items[0]).not.toHaveProperty('detailZh');
    expect(list.items[0]).not.toHaveProperty('budgetWan');
  });

  it('opens the confidential detail to the owner, the task force and an accepted open responder only', async () => {
    const db = h.database.db;
    const respond = (responderOrgId: string, stage: string, accepted: boolean, code: string) => db.insertInto('pilotResponse').values({
      code, targetKind: 'demand', demandId, ownerOrgId: org.ent, responderOrgId, messageZh: '可承接', stage, acceptedAt: accepted ? new Date() : null,
    }).execute();
    await respond(org.responder, 'negotiating', true, 'XY-T-1');
    await respond(org.closedResponder, 'closed', true, 'XY-T-2');
    await respond(org.other, 'responded', false, 'XY-T-3');

    for (const [who, c] of [['anonymous', as.anonymous], ['another enterprise', as.other], ['a closed responder', as.closedResponder], ['an institute', as.inst]] as const) {
      const res = await c.get(`/api/pilot/demands/${demandId}`);
      expect(res.statusCode, who).toBe(200);
      const item = res.json();
      expect(item, who).not.toHaveProperty('detailZh');
      expect(item, who).not.toHaveProperty('budgetWan');
      expect(item, who).not.toHaveProperty('reviewNoteZh');
      expect(item.detailOpen, who).toBe(false);
      expect(res.body, who).not.toContain('CQ-17');
      expect(item.summaryZh, who).toBe('寻求 5 吨级细菌发酵中试平台');
    }
    for (const [who, c] of [['the owner', as.ent], ['the task force', as.tf], ['the accepted responder', as.responder]] as const) {
      const item = (await c.get(`/api/pilot/demands/${demandId}`)).json();
      expect(item, who).toMatchObject({ detailZh: DETAIL, budgetWan: BUDGET, detailOpen: true });
    }
    // The responder reads the detail but does not keep the item.
    expect((await as.responder.get(`/api/pilot/demands/${demandId}`)).json()).not.toHaveProperty('reviewNoteZh');
    expect((await as.responder.post(`/api/pilot/demands/${demandId}/close`, {})).statusCode).toBe(403);

    // Chinese search finds public words, never the detail's.
    const search = async (q: string) => (await as.anonymous.get(`/api/pilot/demands?q=${encodeURIComponent(q)}`)).json().items.map((x: { id: string }) => x.id);
    expect(await search('丙二醇')).toEqual([demandId]);
    expect(await search('发酵中试')).toEqual([demandId]);
    expect(await search('补料配方')).toEqual([]);
    expect((await as.anonymous.get('/api/pilot/demands?process=发酵&organism=bacteria&domain=biochem')).json().total).toBe(1);
    expect((await as.anonymous.get(`/api/pilot/demands?districtCode=${YUBEI}`)).json().total).toBe(0);
    expect((await as.anonymous.get('/api/pilot/achievements?organism=yeast')).json().items.map((x: { id: string }) => x.id)).toEqual([achievementId]);

    // The Excel export: the public list as filtered, no confidential column, no formula.
    const formula = await as.inst.post('/api/pilot/achievements', achievementBody({ titleZh: '=HYPERLINK("http://x","点我")', detailZh: 'SECRET-DETAIL' }));
    await as.inst.post(`/api/pilot/achievements/${formula.json().id}/submit`, {});
    await as.tf.post(`/api/pilot/achievements/${formula.json().id}/publish`, {});
    const xlsx = await as.anonymous.get('/api/pilot/achievements/export.xlsx?domain=biochem&organism=yeast');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    const rows = await sheetRows(xlsx.rawPayload);
    expect(rows).toHaveLength(3);
    expect(rows[0].join('|')).toContain('知识产权');
    expect(rows.flat().join('|')).not.toContain('SECRET-DETAIL');
    expect(rows.flat().join('|')).not.toContain('突变位点');
    expect(rows.map((r) => r[1])).toContain('\'=HYPERLINK("http://x","点我")');
    const demandsSheet = await sheetRows((await as.anonymous.get('/api/pilot/demands/export.xlsx')).rawPayload);
    expect(demandsSheet.flat().join('|')).not.toContain('CQ-17');
    expect(demandsSheet[1]).toContain('细菌');
  });

  it('lets the task force post for an enterprise, and an enterprise only for itself', async () => {
    expect((await as.tf.post('/api/pilot/demands', demandBody())).json().error.details[0].path).toBe('/organisationId');
    expect((await as.tf.post('/api/pilot/demands', demandBody({ organisationId: org.inst }))).json().error.details[0].path).toBe('/organisationId');
    expect((await as.ent.post('/api/pilot/demands', demandBody({ organisationId: org.other }))).statusCode).toBe(403);
    const posted = await as.tf.post('/api/pilot/demands', demandBody({ organisationId: org.other, titleZh: '代为发布的需求' }));
    expect(posted.statusCode, posted.body).toBe(201);
    expect(posted.json()).toMatchObject({ code: 'XQ-2026-0002', organisationId: org.other, state: 'draft' });
    // Both the enterprise and the task force member who posted it find it among their own.
    expect((await as.other.get('/api/pilot/demands/mine')).json().items.map((x: { id: string }) => x.id)).toEqual([posted.json().id]);
    expect((await as.tf.get('/api/pilot/demands/mine')).json().items.map((x: { id: string }) => x.id)).toEqual([posted.json().id]);
    expect((await as.ent.get('/api/pilot/demands/mine')).json().items.map((x: { id: string }) => x.id)).toEqual([demandId]);
    // An enterprise posts achievements too; a pilot base does not own one.
    expect((await as.tf.post('/api/pilot/achievements', achievementBody({ organisationId: org.responder }))).statusCode).toBe(422);

    // Having posted an item is not keeping it: a user who moves to another organisation no longer reads it among its own.
    const moverId = await h.user('lists-mover', ['enterprise'], org.ent);
    const mover = await h.login('lists-mover');
    const left = (await mover.post('/api/pilot/demands', demandBody({ titleZh: '离职前起草的需求' }))).json();
    expect((await mover.get('/api/pilot/demands/mine')).json().items.map((x: { id: string }) => x.id)).toContain(left.id);
    await h.database.db.updateTable('appUser').set({ organisationId: org.inst }).where('id', '=', moverId).execute();
    const after = await mover.get('/api/pilot/demands/mine');
    expect(after.json().items.map((x: { id: string }) => x.id)).not.toContain(left.id);
    expect(after.body).not.toContain('CQ-17');

    // Two reviews of one submitted item at once: one takes effect, the other is told it changed.
    const raced = (await as.ent.post('/api/pilot/demands', demandBody({ titleZh: '同时审核的需求' }))).json();
    await as.ent.post(`/api/pilot/demands/${raced.id}/submit`, {});
    // Called side by side, both read the item as submitted before either writes.
    const tfId = (await h.database.db.selectFrom('appUser').select('id').where('username', '=', 'lists-tf').executeTakeFirstOrThrow()).id;
    const tf = { requestId: 'race', principal: { userId: tfId, username: 'lists-tf', displayName: 'tf', organisationId: null, roles: ['taskforce' as const], via: 'session' as const, scopes: null } };
    const outcomes = await Promise.allSettled([
      h.services.pilot.lists.publish(tf, 'demand', raced.id), h.services.pilot.lists.returnItem(tf, 'demand', raced.id, { reviewNoteZh: '请补充数据' }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: { status: 409 } });
    const decided = await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', raced.id).where('action', 'in', ['pilot.demand.publish', 'pilot.demand.return']).execute();
    expect(decided).toHaveLength(1);
  });

  it('expires items when they lapse (on read, by the hourly pass and by the task force), and the owner renews them for review', async () => {
    h.clock.set('2026-07-01T02:00:00Z');
    // Computed on read before anything is marked.
    expect((await as.anonymous.get(`/api/pilot/demands/${demandId}`)).json().state).toBe('expired');
    expect((await h.database.db.selectFrom('pilotDemand').select('state').where('id', '=', demandId).executeTakeFirstOrThrow()).state).toBe('published');
    // The list leaves it out without writing; the hourly pass marks it, telling the owner.
    expect((await as.anonymous.get('/api/pilot/demands')).json().total).toBe(0);
    expect((await h.database.db.selectFrom('pilotDemand').select('state').where('id', '=', demandId).executeTakeFirstOrThrow()).state).toBe('published');
    expect((await h.services.pilot.lists.sweepExpired()).demands).toBeGreaterThanOrEqual(1);
    expect((await h.database.db.selectFrom('pilotDemand').select('state').where('id', '=', demandId).executeTakeFirstOrThrow()).state).toBe('expired');
    expect((await notifications(org.ent)).map((n) => n.kind)).toContain('pilot.demand.expired');

    h.clock.set('2026-09-10T02:00:00Z');
    expect((await as.ent.post('/api/pilot/lists/expire', {})).statusCode).toBe(403);
    const swept = await as.tf.post('/api/pilot/lists/expire', {});
    expect(swept.json()).toEqual({ demands: 0, achievements: 2 });
    expect((await as.tf.post('/api/pilot/lists/expire', {})).json()).toEqual({ demands: 0, achievements: 0 });

    expect((await as.other.post(`/api/pilot/demands/${demandId}/renew`, { deadline: '2026-12-31' })).statusCode).toBe(403);
    expect((await as.ent.post(`/api/pilot/demands/${demandId}/renew`, {})).json().error.details[0].path).toBe('/deadline');
    const renewed = await as.ent.post(`/api/pilot/demands/${demandId}/renew`, { deadline: '2026-12-31' });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(renewed.json()).toMatchObject({ state: 'submitted', deadline: '2026-12-31', expiresOn: null });
    expect((await as.anonymous.get(`/api/pilot/demands/${demandId}`)).statusCode).toBe(404);
    expect((await as.ent.post(`/api/pilot/demands/${demandId}/renew`, {})).statusCode).toBe(409);
    expect((await as.tf.post(`/api/pilot/demands/${demandId}/publish`, {})).json()).toMatchObject({ state: 'published', expiresOn: '2026-12-31' });

    expect((await as.ent.post(`/api/pilot/demands/${demandId}/close`, { noteZh: '已与基地签约' })).json().state).toBe('closed');
    expect((await as.ent.post(`/api/pilot/demands/${demandId}/close`, {})).statusCode).toBe(409);
    expect((await as.anonymous.get(`/api/pilot/demands/${demandId}`)).statusCode).toBe(404);
    // The accepted responder still reads what it agreed on.
    expect((await as.responder.get(`/api/pilot/demands/${demandId}`)).json()).toMatchObject({ state: 'closed', detailZh: DETAIL });

    // A submitted demand whose deadline passed before review is refused with the reason, nothing written.
    const late = (await as.ent.post('/api/pilot/demands', demandBody({ deadline: '2026-09-15' }))).json();
    await as.ent.post(`/api/pilot/demands/${late.id}/submit`, {});
    h.clock.set('2026-09-20T02:00:00Z');
    const audits = await count('audit_log');
    const refused = await as.tf.post(`/api/pilot/demands/${late.id}/publish`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details[0].path).toBe('/deadline');
    expect(await count('audit_log')).toBe(audits);
    const actions = (await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', demandId).orderBy('id').execute()).map((x) => x.action);
    expect(actions).toEqual(['pilot.demand.create', 'pilot.demand.update', 'pilot.demand.submit', 'pilot.demand.return', 'pilot.demand.update', 'pilot.demand.submit',
      'pilot.demand.publish', 'pilot.demand.expire', 'pilot.demand.renew', 'pilot.demand.publish', 'pilot.demand.close']);
  });
});
