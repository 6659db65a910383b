import { beforeAll, describe, expect, it } from 'vitest';
import { rankSupplies, type Supply } from '@cq-biomfg/match';
import { systemCtx } from '../../../platform/context/ctx.js';
import { contentWords } from '../../../platform/search/segmenter.js';
import { testDatabases, useHarness, type Client, type Harness } from '../../../test/harness.js';
import { expectRefused, tablesFingerprint } from '../../../test/refusal.js';
import { ROLES, type Role } from '../../../platform/access/model.js';
import { districtDistanceKm } from '../model/distance.js';

/**
 * Matching through the API, on the database: a demand's capabilities and achievements with the
 * hard constraints and the reasons in words, the reverse directions, what the pools take part
 * in (published, unexpired, public text only), who may read matches, and the re-matching.
 */

const SECRET = '独家秘方甲乙丙丁工艺';

interface World {
  h: Harness;
  as: Record<Role | 'anonymous', Client> & { otherEnterprise: Client };
  ids: { demand: string; draftDemand: string; bigLine: string; smallLine: string; cellLine: string; pdo: string; yeast: string; expired: string; platform: string; base: string; gmpDemand: string };
}

let n = 0;
async function world(h: Harness): Promise<World> {
  const tag = `${process.pid}-m${++n}`;
  const db = h.database.db;
  const ctx = systemCtx('test');
  const org = async (kind: string, nameZh: string, districtCode = '500120') => (await h.services.identity.createOrganisation(ctx, { kind, nameZh: `${nameZh}-${tag}`, districtCode })).id;
  const ent = await org('enterprise', '重庆璧山合成生物有限公司');
  const ent2 = await org('enterprise', '重庆长寿化工有限公司', '500115');
  const inst = await org('institute', '重庆大学合成生物学研究院', '500106');
  const baseOrg = await org('pilotBase', '璧山生物制造中试基地运营公司');
  const taskForce = (await db.selectFrom('organisation').select('id').where('kind', '=', 'taskForce').executeTakeFirstOrThrow()).id;
  const unit = await org('department', '市经济和信息化委员会');
  const districtOrg = (await db.selectFrom('organisation').select('id').where('kind', '=', 'district').where('districtCode', '=', '500120').executeTakeFirstOrThrow()).id;

  const base = (await db.insertInto('pilotBase').values({ code: `PB-${tag}`, nameZh: '璧山生物制造中试基地', operatorZh: '璧山生物制造中试基地运营公司', organisationId: baseOrg, districtCode: '500120', domains: ['biochem', 'biopharma'], tier: 'key', recognisedOn: '2025-06-01', recognisedByZh: '重庆市经济和信息化委员会', createdAt: new Date(), updatedAt: new Date() }).returning('id').executeTakeFirstOrThrow()).id;
  const platform = (await db.insertInto('pilotPlatform').values({ baseId: base, code: `PP-${tag}`, nameZh: '微生物发酵中试平台', summaryZh: '细菌与酵母发酵放大、分离纯化', createdAt: new Date(), updatedAt: new Date() }).returning('id').executeTakeFirstOrThrow()).id;
  const cap = (nameZh: string, v: { processes: string[]; organisms: string[]; min: number; max: number; grade?: string; bsl?: number; text: string; platformId?: string }) =>
    db.insertInto('pilotCapability').values({ platformId: v.platformId ?? platform, nameZh, processes: v.processes, organisms: v.organisms, volumeMinL: v.min, volumeMaxL: v.max, qualityGrade: v.grade ?? 'none', biosafetyLevel: v.bsl ?? 2, descriptionZh: v.text, createdAt: new Date(), updatedAt: new Date() }).returning('id').executeTakeFirstOrThrow().then((r) => r.id);
  const bigLine = await cap('万升级发酵线', { processes: ['发酵', '分离纯化'], organisms: ['bacteria', 'yeast'], min: 500, max: 20000, text: '1,3-丙二醇、丁二酸等生物基化学品发酵放大与分离纯化' });
  const smallLine = await cap('50 L 发酵罐组', { processes: ['发酵'], organisms: ['bacteria'], min: 5, max: 50, text: '丙二醇发酵工艺小试验证' });
  const cellPlatform = (await db.insertInto('pilotPlatform').values({ baseId: base, code: `PP2-${tag}`, nameZh: '抗体细胞培养平台', createdAt: new Date(), updatedAt: new Date() }).returning('id').executeTakeFirstOrThrow()).id;
  const cellLine = await cap('GMP 细胞培养线', { processes: ['细胞培养', '分离纯化'], organisms: ['mammalianCells'], min: 50, max: 2000, grade: 'GMP', text: '单抗细胞培养与纯化', platformId: cellPlatform });

  const later = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const demand = (code: string, v: Partial<{ state: string; scaleL: number; organism: string; processes: string[]; grade: string; orgId: string; titleZh: string; problemZh: string }>) =>
    db.insertInto('pilotDemand').values({
      code: `${code}-${tag}`, organisationId: v.orgId ?? ent, titleZh: v.titleZh ?? '1,3-丙二醇工程菌发酵放大到5 m³', problemZh: v.problemZh ?? '以甘油为底物的1,3-丙二醇发酵需从50 L放大到5000 L，并完成分离纯化与精制',
      targetProductZh: '1,3-丙二醇', processes: v.processes ?? ['发酵', '分离纯化'], organism: v.organism ?? 'bacteria', scaleL: v.scaleL ?? 5000, budgetWan: 300, deadline: later(200),
      domain: 'biochem', districtCode: '500120', biosafetyLevel: 1, qualityGrade: v.grade ?? 'none', trlNeeded: 6, summaryZh: '丙二醇发酵放大', detailZh: `菌株构建细节：${SECRET}`,
      state: v.state ?? 'published', publishedAt: new Date(), expiresOn: later(180), createdAt: new Date(), updatedAt: new Date(),
    }).returning('id').executeTakeFirstOrThrow().then((r) => r.id);
  const achievement = (code: string, v: { titleZh: string; resultZh: string; organisms: string[]; trl: number; scale: number; expiresOn?: string; orgId?: string; detail?: string }) =>
    db.insertInto('pilotAchievement').values({
      code: `${code}-${tag}`, organisationId: v.orgId ?? inst, titleZh: v.titleZh, resultZh: v.resultZh, detailZh: v.detail ?? null, trl: v.trl, scaleReachedL: v.scale, domain: 'biochem',
      processes: ['发酵', '分离纯化'], organisms: v.organisms, districtCode: '500106', state: 'published', publishedAt: new Date(), expiresOn: v.expiresOn ?? later(180), createdAt: new Date(), updatedAt: new Date(),
    }).returning('id').executeTakeFirstOrThrow().then((r) => r.id);

  const ids = {
    base, platform,
    demand: await demand('D1', {}),
    draftDemand: await demand('D2', { state: 'draft' }),
    gmpDemand: await demand('D3', { titleZh: '单抗细胞培养工艺放大', problemZh: '单抗细胞培养与纯化工艺需放大到 200 L，GMP 条件', processes: ['细胞培养', '分离纯化'], organism: 'mammalianCells', scaleL: 200, grade: 'GMP', orgId: ent2 }),
    bigLine, smallLine, cellLine,
    pdo: await achievement('A1', { titleZh: '甘油发酵产1,3-丙二醇高产菌株', resultZh: '高产菌株，已在5 m³发酵罐完成放大，配套分离纯化', organisms: ['bacteria'], trl: 6, scale: 5000, detail: SECRET }),
    yeast: await achievement('A2', { titleZh: '酵母发酵丙二醇', resultZh: '酵母体系丙二醇发酵，摇瓶阶段', organisms: ['yeast'], trl: 3, scale: 1 }),
    expired: await achievement('A3', { titleZh: '1,3-丙二醇发酵放大工艺（已过期）', resultZh: '1,3-丙二醇发酵放大到5 m³', organisms: ['bacteria'], trl: 7, scale: 5000, expiresOn: '2001-01-01' }),
  };

  const user = async (name: string, roles: Role[], orgId: string | null) => { await h.user(`${name}-${tag}`, roles, orgId); return h.login(`${name}-${tag}`); };
  const as = {
    admin: await user('adm', ['admin'], null), taskforce: await user('tf', ['taskforce'], taskForce), unit: await user('unit', ['unit'], unit),
    district: await user('dist', ['district'], districtOrg), enterprise: await user('ent', ['enterprise'], ent), institute: await user('inst', ['institute'], inst),
    pilotBase: await user('pb', ['pilotBase'], baseOrg), curator: await user('cur', ['curator'], null), expert: await user('exp', ['expert'], null),
    anonymous: h.anonymous, otherEnterprise: await user('ent2', ['enterprise'], ent2),
  };
  return { h, as, ids };
}

describe.each(testDatabases)('pilot matching, on $name', (kind) => {
  const h = useHarness(kind);
  let w: World;
  beforeAll(async () => { w = await world(h); });

  it("ranks a demand's capabilities: a line that cannot reach the scale is ruled out with the reason, the fitting line comes with reasons in words", async () => {
    const res = await w.as.enterprise.get(`/api/pilot/demands/${w.ids.demand}/matches?kind=capability&limit=5`);
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    const ids = m.results.map((r: { supply: { id: string } }) => r.supply.id);
    expect(ids[0]).toBe(w.ids.bigLine);
    expect(ids).not.toContain(w.ids.smallLine);
    const why = m.excluded.examples.flatMap((e: { supply: { id: string }; why: { zh: string }[] }) => e.supply.id === w.ids.smallLine ? e.why.map((x) => x.zh) : []);
    expect(why).toEqual([expect.stringMatching(/最大工作体积 50 L，达不到需求的 5 m³/)]);
    const best = m.results[0];
    expect(best.score).toBeGreaterThan(0);
    expect(best.score).toBeLessThanOrEqual(100);
    expect(best.reasons.map((r: { zh: string }) => r.zh)).toEqual(expect.arrayContaining(['同属一个领域', '工艺匹配：发酵、分离纯化', '宿主一致：细菌', '位于同一区县', expect.stringMatching(/^共同关键词：/)]));
    expect(best.supply).toMatchObject({ kind: 'capability', districtCode: '500120', ownerZh: '璧山生物制造中试基地', baseId: w.ids.base });
    // The GMP line is ruled out too: this demand needs no GMP, but the line cannot reach 5 m³.
    expect(ids).not.toContain(w.ids.cellLine);
  });

  it('applies quality grade as a hard constraint: a GMP demand sees only GMP lines', async () => {
    const m = (await w.as.otherEnterprise.get(`/api/pilot/demands/${w.ids.gmpDemand}/matches?kind=capability`)).json();
    expect(m.results.map((r: { supply: { id: string } }) => r.supply.id)).toEqual([w.ids.cellLine]);
    expect(m.excluded.count).toBe(2);
  });

  it("ranks a demand's achievements from published, unexpired items only, using public text only", async () => {
    const res = await w.as.taskforce.get(`/api/pilot/demands/${w.ids.demand}/matches?kind=achievement`);
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    const ids = m.results.map((r: { supply: { id: string } }) => r.supply.id);
    expect(ids.slice(0, 2)).toEqual([w.ids.pdo, w.ids.yeast]);
    expect(ids).not.toContain(w.ids.expired);
    expect(m.results[1].reasons.map((r: { zh: string }) => r.zh)).toEqual(expect.arrayContaining([expect.stringMatching(/宿主不同/), expect.stringMatching(/低于要求的 TRL 6/)]));
    // The achievement's confidential detail and the demand's never reach the answer or the shared terms.
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toContain('甲乙丙丁');
  });

  it('ranks the same way as the engine the command line runs, on the same items', async () => {
    const m = (await w.as.enterprise.get(`/api/pilot/demands/${w.ids.demand}/matches?kind=capability&limit=10`)).json();
    const caps = await h.database.db.selectFrom('pilotCapability as c').innerJoin('pilotPlatform as p', 'p.id', 'c.platformId').innerJoin('pilotBase as b', 'b.id', 'p.baseId')
      .select(['c.id', 'c.nameZh', 'c.descriptionZh', 'c.processes', 'c.organisms', 'c.volumeMinL', 'c.volumeMaxL', 'c.qualityGrade', 'c.biosafetyLevel', 'p.nameZh as platformZh', 'p.summaryZh', 'b.districtCode', 'b.domains']).execute();
    const supplies: Supply[] = caps.map((c) => ({ id: c.id, kind: 'capability', title: `${c.platformZh} ${c.nameZh}`, text: [c.descriptionZh, c.summaryZh].filter(Boolean).join(' '), domains: c.domains, processes: c.processes, organisms: c.organisms, volumeMinL: Number(c.volumeMinL), volumeMaxL: Number(c.volumeMaxL), qualityGrade: c.qualityGrade as 'none', biosafetyLevel: c.biosafetyLevel, districtCode: c.districtCode }));
    const d = await h.database.db.selectFrom('pilotDemand').selectAll().where('id', '=', w.ids.demand).executeTakeFirstOrThrow();
    const offline = rankSupplies({ id: d.id, title: d.titleZh, text: [d.problemZh, d.targetProductZh, d.summaryZh].filter(Boolean).join(' '), domain: d.domain, processes: d.processes, organism: d.organism, scaleL: Number(d.scaleL), biosafetyLevel: d.biosafetyLevel, qualityGrade: d.qualityGrade as 'none', trlNeeded: d.trlNeeded, districtCode: d.districtCode },
      supplies, { tokenize: (t) => contentWords(t), distanceKm: districtDistanceKm, limit: 10 });
    expect(m.results.map((r: { supply: { id: string }; score: number }) => [r.supply.id, r.score])).toEqual(offline.ranked.map((r) => [r.supplyId, r.score]));
  });

  it('works in reverse: the demands an achievement or a platform may serve', async () => {
    const a = await w.as.institute.get(`/api/pilot/achievements/${w.ids.pdo}/matches?limit=5`);
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json().results[0].demand.id).toBe(w.ids.demand);
    expect(a.json().results.map((r: { demand: { id: string } }) => r.demand.id)).not.toContain(w.ids.draftDemand);
    const p = await w.as.pilotBase.get(`/api/pilot/platforms/${w.ids.platform}/matches`);
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json().results[0]).toMatchObject({ demand: { id: w.ids.demand }, capabilityZh: '万升级发酵线' });
    expect(p.json().results.map((r: { demand: { id: string } }) => r.demand.id)).not.toContain(w.ids.gmpDemand); // no GMP on this platform
  });

  it('picks up a newly published achievement and drops a closed one on the next request', async () => {
    const db = h.database.db;
    const before = (await w.as.enterprise.get(`/api/pilot/demands/${w.ids.demand}/matches?kind=achievement`)).json().poolSize;
    const org = await db.selectFrom('pilotAchievement').select('organisationId').where('id', '=', w.ids.pdo).executeTakeFirstOrThrow();
    const id = (await db.insertInto('pilotAchievement').values({ code: `A9-${process.pid}-${kind.name}`, organisationId: org.organisationId, titleZh: '1,3-丙二醇分离纯化新工艺', resultZh: '1,3-丙二醇发酵液脱盐精馏分离纯化', trl: 7, scaleReachedL: 8000, domain: 'biochem', processes: ['分离纯化', '精制'], organisms: ['bacteria'], districtCode: '500120', state: 'published', publishedAt: new Date(), createdAt: new Date(), updatedAt: new Date() }).returning('id').executeTakeFirstOrThrow()).id;
    const after = (await w.as.enterprise.get(`/api/pilot/demands/${w.ids.demand}/matches?kind=achievement`)).json();
    expect(after.poolSize).toBe(before + 1);
    expect(after.results.map((r: { supply: { id: string } }) => r.supply.id)).toContain(id);
    await db.updateTable('pilotAchievement').set({ state: 'closed', updatedAt: new Date() }).where('id', '=', id).execute();
    const closed = (await w.as.enterprise.get(`/api/pilot/demands/${w.ids.demand}/matches?kind=achievement`)).json();
    expect(closed.poolSize).toBe(before);
  });

  it('lets only the poster and the task force read matches; a draft is not found for others', async () => {
    expect((await w.as.otherEnterprise.get(`/api/pilot/demands/${w.ids.demand}/matches?kind=capability`)).statusCode).toBe(403);
    expect((await w.as.otherEnterprise.get(`/api/pilot/demands/${w.ids.draftDemand}/matches?kind=capability`)).statusCode).toBe(404);
    expect((await w.as.enterprise.get(`/api/pilot/demands/${w.ids.draftDemand}/matches?kind=capability`)).statusCode).toBe(200);
    expect((await w.as.otherEnterprise.get(`/api/pilot/achievements/${w.ids.pdo}/matches`)).statusCode).toBe(403);
    expect((await w.as.admin.get(`/api/pilot/platforms/${w.ids.platform}/matches`)).statusCode).toBe(200);
    const bad = await w.as.enterprise.get(`/api/pilot/demands/${w.ids.demand}/matches?kind=everything`);
    expect(bad.statusCode).toBe(422);
  });

  it('refuses, at the gate and with nothing changed, every caller a match route does not admit', async () => {
    const fingerprint = tablesFingerprint(() => h.database.db, ['pilot_match', 'audit_log']);
    const routes: { method: string; url: string; allow: readonly Role[] }[] = [
      { method: 'GET', url: `/api/pilot/demands/${w.ids.demand}/matches?kind=capability`, allow: ['admin', 'taskforce', 'enterprise'] },
      { method: 'GET', url: `/api/pilot/achievements/${w.ids.pdo}/matches`, allow: ['admin', 'taskforce', 'institute', 'enterprise'] },
      { method: 'GET', url: `/api/pilot/platforms/${w.ids.platform}/matches`, allow: ['admin', 'taskforce', 'pilotBase'] },
      { method: 'POST', url: '/api/pilot/matches/refresh', allow: ['admin', 'taskforce'] },
      { method: 'GET', url: '/api/pilot/matches/unserved', allow: ['admin', 'taskforce'] },
    ];
    const registered = h.routes.filter((r) => /\/matches/.test(r.url)).map((r) => `${r.method} ${r.url}`).sort();
    expect(registered).toEqual(['GET /api/pilot/achievements/:id/matches', 'GET /api/pilot/demands/:id/matches', 'GET /api/pilot/matches/unserved', 'GET /api/pilot/platforms/:id/matches', 'POST /api/pilot/matches/refresh']);
    for (const r of routes) {
      for (const caller of [...ROLES, 'anonymous'] as const) {
        if (caller !== 'anonymous' && r.allow.includes(caller)) continue;
        await expectRefused(w.as[caller], caller, r.method, r.url, fingerprint);
      }
    }
  });

  it('re-matches every published demand and lists those nothing serves well', async () => {
    expect((await w.as.enterprise.post('/api/pilot/matches/refresh')).statusCode).toBe(403);
    const res = await w.as.taskforce.post('/api/pilot/matches/refresh');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ demands: 2, capabilities: 3 });
    const stored = await h.database.db.selectFrom('pilotMatch').select(['demandId', 'supplyKind', 'rank', 'supplyId']).where('demandId', '=', w.ids.demand).where('supplyKind', '=', 'capability').orderBy('rank').execute();
    expect(stored[0].supplyId).toBe(w.ids.bigLine);
    const audit = await h.database.db.selectFrom('auditLog').select('action').where('action', '=', 'pilot.rematch').execute();
    expect(audit.length).toBeGreaterThan(0);
    const u = (await w.as.taskforce.get('/api/pilot/matches/unserved?below=100')).json();
    expect(u.items.map((x: { id: string }) => x.id).sort()).toEqual([w.ids.demand, w.ids.gmpDemand].sort());
    const none = (await w.as.taskforce.get('/api/pilot/matches/unserved?below=1')).json();
    expect(none.items).toEqual([]);
  });
});
