import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useHarness } from '../../../test/harness.js';
import { tablesFingerprint } from '../../../test/refusal.js';
import { pilotTargetsService } from '../targets.service.js';
import { BISHAN, makeBase, makeCapability, makeEquipment, makePlatform, pilotPeople, unique, YUBEI, type PilotPeople } from './fixture.js';

const TABLES = ['audit_log', 'pilot_base', 'pilot_platform', 'pilot_capability', 'pilot_service', 'equipment'];
const ids = (items: { id: string }[]) => items.map((x) => x.id);

/** Pilot bases: registration and tiers, what keepers keep, the public list and profile, and the atlas. */
describe.each(testDatabases)('pilot bases, on $name', (kind) => {
  const h = useHarness(kind);
  let p: PilotPeople;
  const fingerprint = tablesFingerprint(() => h.database.db, TABLES);

  beforeAll(async () => {
    h.clock.set('2026-03-10T02:00:00Z');
    p = await pilotPeople(h);
  });

  it('registers bases for the task force, numbered per district; refuses an unknown district or operator, nothing written', async () => {
    const a = await makeBase(h, p, { nameZh: '璧山合成生物中试基地', lng: 106.23, lat: 29.59 });
    const b = await makeBase(h, p);
    expect(a).toMatchObject({ tier: 'reserve', recognisedOn: null, allianceMember: false, districtCode: BISHAN, organisationId: p.org.pilotBase });
    expect(a.code).toMatch(/^JD-500120-\d{3}$/);
    expect(Number(b.code.slice(-3))).toBe(Number(a.code.slice(-3)) + 1);
    expect(a).not.toHaveProperty('tokens');

    const before = await fingerprint();
    const unknown = await p.as.taskforce.post('/api/pilot/bases', { nameZh: '某基地', operatorZh: '某公司', districtCode: '500199' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.details).toEqual([{ path: '/districtCode', message: expect.stringMatching(/区县代码 500199 不存在/) }]);
    const notABase = await p.as.taskforce.post('/api/pilot/bases', { nameZh: '某基地', operatorZh: '某公司', districtCode: BISHAN, organisationId: p.org.enterprise });
    expect(notABase.json().error.details.map((d: { path: string }) => d.path)).toEqual(['/organisationId']);
    const unrecognised = await p.as.taskforce.post('/api/pilot/bases', { nameZh: '某基地', operatorZh: '某公司', districtCode: BISHAN, tier: 'key' });
    expect(unrecognised.json().error.details.map((d: { path: string }) => d.path)).toEqual(['/recognisedOn', '/recognisedByZh']);
    expect((await p.as.taskforce.post('/api/pilot/bases', { nameZh: '某基地', operatorZh: '某公司', districtCode: BISHAN, lng: 29.6, lat: 106.2 })).statusCode).toBe(422);
    expect((await p.as.pilotBase.post('/api/pilot/bases', { nameZh: '某基地', operatorZh: '某公司', districtCode: BISHAN })).statusCode).toBe(403);
    expect(await fingerprint()).toBe(before);
  });

  it('lets only the task force recognise a tier (with day and body) and alliance membership; the indicator drills down to key and national', async () => {
    const base = await makeBase(h, p, { nameZh: unique('国家生物制造中试基地') });
    const url = `/api/pilot/bases/${base.id}`;
    expect((await p.as.pilotBase.put(`${url}/tier`, { tier: 'national', recognisedOn: '2026-01-15', recognisedByZh: '工业和信息化部' })).statusCode).toBe(403);
    expect((await p.as.taskforce.put(`${url}/tier`, { tier: 'national' })).json().error.details.map((d: { path: string }) => d.path)).toEqual(['/recognisedOn', '/recognisedByZh']);
    expect((await p.as.taskforce.put(`${url}/tier`, { tier: 'key', recognisedOn: '2026-04-01', recognisedByZh: '重庆市科学技术局' })).statusCode).toBe(422);
    const national = await p.as.taskforce.put(`${url}/tier`, { tier: 'national', recognisedOn: '2026-01-15', recognisedByZh: '工业和信息化部' });
    expect(national.statusCode, national.body).toBe(200);
    expect(national.json()).toMatchObject({ tier: 'national', recognisedOn: '2026-01-15', recognisedByZh: '工业和信息化部' });
    const key = await makeBase(h, p, { nameZh: unique('重点中试基地'), tier: 'key', recognisedOn: '2025-06-30', recognisedByZh: '重庆市科学技术局' });

    const drill = (await p.as.anonymous.get('/api/pilot/bases?tier=key,national&limit=500')).json();
    expect(ids(drill.items)).toEqual([base.id, key.id]); // national first
    expect(drill.items.every((b: { tier: string }) => b.tier !== 'reserve')).toBe(true);
    expect((await p.as.anonymous.get('/api/pilot/bases?tier=key,provincial')).statusCode).toBe(422);
    // The plan's indicator counts key and national bases only.
    expect(await pilotTargetsService(h.database, { plan: h.services.plan, now: h.clock.now }).baseCounts()).toMatchObject({ key: 1, national: 1 });

    // Back to reserve: the recognition goes with it.
    expect((await p.as.taskforce.put(`/api/pilot/bases/${key.id}/tier`, { tier: 'reserve' })).json()).toMatchObject({ tier: 'reserve', recognisedOn: null, recognisedByZh: null });
    expect((await p.as.pilotBase.put(`${url}/alliance`, { allianceMember: true })).statusCode).toBe(403);
    expect((await p.as.taskforce.put(`${url}/alliance`, { allianceMember: true })).json().allianceMember).toBe(true);
    expect(ids((await p.as.anonymous.get('/api/pilot/bases?alliance=true')).json().items)).toEqual([base.id]);
    // Keepers edit the description, not the tier, membership or operator.
    expect((await p.as.pilotBase.patch(url, { tier: 'reserve' })).json().error.details[0].path).toBe('/tier');
    expect((await p.as.pilotBase.patch(url, { allianceMember: false })).statusCode).toBe(422);
    expect((await p.as.pilotBase.patch(url, { organisationId: p.org.otherBase })).statusCode).toBe(403);
    const edited = await p.as.pilotBase.patch(url, { summaryZh: '国家级生物制造中试验证平台，可承接千升级发酵放大', contactZh: '023-00000000' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ tier: 'national', allianceMember: true, contactZh: '023-00000000' });
    expect((await p.as.otherBase.patch(url, { summaryZh: '不是我的基地' })).statusCode).toBe(403);
    const audit = await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', base.id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['pilot.base.create', 'pilot.base.tier', 'pilot.base.alliance', 'pilot.base.update']);
  });

  it('lets a base\'s own keepers keep its platforms, capabilities, services and equipment, and shows them to everyone with prices', async () => {
    const base = await makeBase(h, p, { nameZh: unique('璧山细胞培养中试基地') });
    const keeper = p.as.pilotBase;
    const platform = await makePlatform(p, base.id, { nameZh: '哺乳动物细胞培养平台' }, keeper);
    expect(platform.code).toBe(`${base.code}-P01`);
    expect((await makePlatform(p, base.id, {}, keeper)).code).toBe(`${base.code}-P02`);

    const before = await fingerprint();
    const inverted = await keeper.post(`/api/pilot/platforms/${platform.id}/capabilities`, { nameZh: '细胞培养线', volumeMinL: 2000, volumeMaxL: 50 });
    expect(inverted.statusCode).toBe(422);
    expect(inverted.json().error.details.map((d: { path: string }) => d.path)).toEqual(['/volumeMinL']);
    expect((await keeper.post(`/api/pilot/platforms/${platform.id}/capabilities`, { nameZh: '细胞培养线', volumeMinL: 5, volumeMaxL: 50, processes: ['蒸馏'] })).statusCode).toBe(422);
    expect((await keeper.post(`/api/pilot/platforms/${platform.id}/capabilities`, { nameZh: '细胞培养线', volumeMinL: 5, volumeMaxL: 50, biosafetyLevel: 5 })).statusCode).toBe(422);
    expect((await p.as.otherBase.post(`/api/pilot/platforms/${platform.id}/capabilities`, { nameZh: '细胞培养线', volumeMinL: 5, volumeMaxL: 50 })).statusCode).toBe(403);
    expect(await fingerprint()).toBe(before);

    const cap = await makeCapability(p, platform.id, { nameZh: '2000 L 细胞培养线', processes: ['细胞培养', '分离纯化'], organisms: ['mammalianCells'], volumeMinL: 50, volumeMaxL: 2000, qualityGrade: 'GMP', biosafetyLevel: 2 }, keeper);
    // A patch that would invert the range is refused the same way.
    expect((await keeper.patch(`/api/pilot/capabilities/${cap.id}`, { volumeMaxL: 10 })).json().error.details[0].path).toBe('/volumeMinL');
    expect((await keeper.patch(`/api/pilot/capabilities/${cap.id}`, { volumeMaxL: 3000 })).json()).toMatchObject({ volumeMinL: 50, volumeMaxL: 3000 });

    const service = await keeper.post(`/api/pilot/bases/${base.id}/services`, { nameZh: '抗体工艺放大', priceYuan: 200000, priceUnitZh: '元/批', leadTimeDays: 45 });
    expect(service.statusCode, service.body).toBe(201);
    expect((await keeper.post(`/api/pilot/bases/${base.id}/services`, { nameZh: '工艺验证', priceYuan: -1 })).statusCode).toBe(422);
    expect((await keeper.patch(`/api/pilot/base-services/${service.json().id}`, { leadTimeDays: 30 })).json().leadTimeDays).toBe(30);

    const code = unique('BS-CC').replace(/-\d+-/, '-');
    const reactor = await makeEquipment(p, base.id, { code, platformId: platform.id, nameZh: '200 L 一次性生物反应器', typeZh: '生物反应器' }, keeper);
    expect(reactor).toMatchObject({ code, status: 'available', priceEnterpriseYuan: 500 });
    const taken = await keeper.post(`/api/pilot/bases/${base.id}/equipment`, { code, nameZh: '另一台', typeZh: '发酵罐' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.details[0].path).toBe('/code');
    const numbered = await makeEquipment(p, base.id, {}, keeper);
    expect(numbered.code).toBe(`${base.code}-E001`);
    const otherBase = await makeBase(h, p, { organisationId: p.org.otherBase, districtCode: YUBEI });
    const foreign = await makePlatform(p, otherBase.id);
    expect((await keeper.post(`/api/pilot/bases/${base.id}/equipment`, { nameZh: '另一台', typeZh: '发酵罐', platformId: foreign.id })).json().error.details[0].path).toBe('/platformId');
    expect((await p.as.otherBase.patch(`/api/pilot/equipment/${reactor.id}`, { status: 'maintenance' })).statusCode).toBe(403);
    expect((await keeper.patch(`/api/pilot/equipment/${reactor.id}`, { status: 'maintenance' })).json().status).toBe('maintenance');
    expect((await keeper.delete(`/api/pilot/equipment/${numbered.id}`)).json()).toEqual({ id: numbered.id, deleted: true });

    const visitor = (await p.as.anonymous.get(`/api/pilot/bases/${base.id}`)).json();
    expect(visitor.platforms.map((x: { code: string }) => x.code)).toEqual([`${base.code}-P01`, `${base.code}-P02`]);
    expect(visitor.platforms[0].capabilities).toEqual([expect.objectContaining({ id: cap.id, qualityGrade: 'GMP', volumeMaxL: 3000, organisms: ['mammalianCells'] })]);
    expect(visitor.services).toEqual([expect.objectContaining({ nameZh: '抗体工艺放大', priceYuan: 200000, leadTimeDays: 30 })]);
    expect(visitor.equipment).toEqual([expect.objectContaining({ id: reactor.id, priceMemberYuan: 300, priceEnterpriseYuan: 500, priceInstituteYuan: 400 })]);
    expect(visitor.may).toEqual({ edit: false, recognise: false });
    expect(JSON.stringify(visitor)).not.toMatch(/"tokens"|"organisationId"/);
    expect((await keeper.get(`/api/pilot/bases/${base.id}`)).json().may).toEqual({ edit: true, recognise: false });

    // Removing a platform takes its capabilities; the equipment stays with the base.
    expect((await keeper.delete(`/api/pilot/platforms/${platform.id}`)).statusCode).toBe(200);
    const after = (await p.as.anonymous.get(`/api/pilot/bases/${base.id}`)).json();
    expect(after.platforms).toHaveLength(1);
    expect(after.equipment).toEqual([expect.objectContaining({ id: reactor.id, platformId: null })]);
    expect(await h.database.db.selectFrom('pilotCapability').select('id').where('id', '=', cap.id).executeTakeFirst()).toBeUndefined();
  });

  it('lists and searches bases by district, domain and the words of their platforms and capabilities', async () => {
    const yubei = await makeBase(h, p, { nameZh: unique('两江新区生物医药中试基地'), districtCode: YUBEI, domains: ['biopharma'], organisationId: p.org.otherBase });
    const line = await makePlatform(p, yubei.id, { nameZh: '酶制剂平台' });
    await makeCapability(p, line.id, { nameZh: '固定化酶催化中试线', processes: ['酶催化'], organisms: ['none'], volumeMinL: 10, volumeMaxL: 1000 });
    const inYubei = (await p.as.anonymous.get(`/api/pilot/bases?districtCode=${YUBEI}&limit=500`)).json();
    expect(ids(inYubei.items)).toContain(yubei.id);
    expect(inYubei.items.every((b: { districtCode: string; districtNameZh: string }) => b.districtCode === YUBEI && b.districtNameZh === '渝北区')).toBe(true);
    expect(inYubei.items.find((b: { id: string }) => b.id === yubei.id)).toMatchObject({ platformCount: 1, capabilityCount: 1, equipmentCount: 0 });
    expect(ids((await p.as.anonymous.get('/api/pilot/bases?domain=biopharma&limit=500')).json().items)).toEqual([yubei.id]);
    // By the capability's words, and by the base's own.
    expect(ids((await p.as.anonymous.get(`/api/pilot/bases?q=${encodeURIComponent('酶催化')}`)).json().items)).toEqual([yubei.id]);
    expect(ids((await p.as.anonymous.get(`/api/pilot/bases?q=${encodeURIComponent('两江新区')}`)).json().items)).toEqual([yubei.id]);
    const page = (await p.as.anonymous.get('/api/pilot/bases?limit=2&offset=1')).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(3);
  });

  it('maps bases with the capabilities that pass the atlas filters, placed by point or district, counted per district', async () => {
    const gmp = await makeBase(h, p, { nameZh: unique('图谱GMP基地'), lng: 106.25, lat: 29.58, domains: ['biopharma'] });
    const glp = await makeBase(h, p, { nameZh: unique('图谱GLP基地'), districtCode: YUBEI, domains: ['biopharma'], organisationId: p.org.otherBase });
    const plain = await makeBase(h, p, { nameZh: unique('图谱发酵基地'), domains: ['biochem'] });
    await makeCapability(p, (await makePlatform(p, gmp.id)).id, { processes: ['细胞培养'], organisms: ['mammalianCells'], volumeMinL: 50, volumeMaxL: 2000, qualityGrade: 'GMP', biosafetyLevel: 2 });
    await makeCapability(p, (await makePlatform(p, glp.id)).id, { processes: ['细胞培养'], organisms: ['mammalianCells'], volumeMinL: 10, volumeMaxL: 200, qualityGrade: 'GLP', biosafetyLevel: 2 });
    const plainLine = (await makePlatform(p, plain.id)).id;
    await makeCapability(p, plainLine, { processes: ['发酵'], organisms: ['bacteria'], volumeMinL: 1000, volumeMaxL: 50000 });
    await makeCapability(p, plainLine, { nameZh: '小试发酵', processes: ['发酵'], organisms: ['yeast'], volumeMinL: 1, volumeMaxL: 50 });
    const atlas = async (query: string) => {
      const res = await p.as.anonymous.get(`/api/pilot/atlas?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const mine = (a: { items: { id: string }[] }) => ids(a.items).filter((id) => [gmp.id, glp.id, plain.id].includes(id));

    expect(mine(await atlas('grade=GMP'))).toEqual([gmp.id]);
    expect(mine(await atlas('grade=GLP'))).toEqual([glp.id]);
    expect(mine(await atlas(`process=${encodeURIComponent('细胞培养')}&organism=mammalianCells&scaleL=500`))).toEqual([gmp.id]);
    expect(mine(await atlas('bsl=2&domain=biopharma')).sort()).toEqual([gmp.id, glp.id].sort());
    // Only the capabilities that pass come with the base.
    const fermentation = await atlas(`organism=yeast&scaleL=20&district=${BISHAN}`);
    expect(mine(fermentation)).toEqual([plain.id]);
    expect(fermentation.items.find((b: { id: string }) => b.id === plain.id).capabilities.map((c: { nameZh: string }) => c.nameZh)).toEqual(['小试发酵']);

    const all = await atlas('');
    const byId = (id: string) => all.items.find((b: { id: string }) => b.id === id);
    expect(byId(gmp.id)).toMatchObject({ placedBy: 'point', lng: 106.25, lat: 29.58 });
    expect(byId(glp.id)).toMatchObject({ placedBy: 'district', districtCode: YUBEI, lng: null });
    expect(all.districts).toHaveLength(38);
    const count = (code: string) => all.districts.find((d: { code: string }) => d.code === code).bases;
    expect(count(BISHAN) + count(YUBEI)).toBe(all.total);
    expect(count(YUBEI)).toBe(all.items.filter((b: { districtCode: string }) => b.districtCode === YUBEI).length);
    expect((await p.as.anonymous.get(`/api/pilot/atlas?process=${encodeURIComponent('蒸馏')}`)).statusCode).toBe(422);
  });
});
