import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useHarness } from '../../../test/harness.js';
import { systemCtx } from '../../../platform/context/ctx.js';
import { json, paths, people, unique, type People } from '../../ip/test/people.js';
import { seedInnovation } from '../seed.js';
import { HIGH_LEVEL_DRILL_DOWN } from '../targets.service.js';

const measured = async (h: ReturnType<typeof useHarness>, code: string) => (await h.services.plan.targets()).find((t) => t.code === code)!.measurement!;

describe.each(testDatabases)('innovation platforms on $name', (kind) => {
  const h = useHarness(kind);
  let p: People;
  const base = '/api/innovation/platforms';
  const body = (extra: Record<string, unknown> = {}) => ({
    nameZh: unique('重庆市生物制造工程研究中心'), kind: 'engineeringCentre', level: 'municipal', status: 'operating', fields: ['酶工程', '发酵工程'], domains: ['biochem'],
    recognisedOn: '2025-06-30', recognisedByZh: '重庆市发展和改革委员会', summaryZh: '面向生物基材料的酶催化与发酵放大', hostIds: [p.org.institute, p.org.enterprise], ...extra,
  });

  beforeAll(async () => {
    h.clock.set('2026-03-10T02:00:00Z');
    p = await people(h, 'inno');
  });

  it('are seeded from the plan once: the synthetic-biology lab is being built by its three named hosts and does not count; the indicator explains itself', async () => {
    expect(await seedInnovation(h.database.db, systemCtx('test'))).toEqual({ created: 0 });
    const all = (await json(await h.anonymous.get(`${base}?limit=500`), 200)).items;
    expect(all.map((x: { nameZh: string }) => x.nameZh)).toEqual(expect.arrayContaining(['重庆市合成生物学重点实验室', '金凤实验室', '资源昆虫高效养殖与利用全国重点实验室', '天然产物全合成与创新药物研究重庆市重点实验室', '重庆国际免疫研究院']));
    const syn = all.find((x: { nameZh: string }) => x.nameZh === '重庆市合成生物学重点实验室');
    expect(syn).toMatchObject({ status: 'building', countsTowardTarget: false, hostNamesZh: '重庆大学、西南大学、中科院重庆绿色智能技术研究院' });
    const m = await measured(h, 'innovationPlatforms');
    expect(m).toMatchObject({ value: 4, drillDown: HIGH_LEVEL_DRILL_DOWN });
    expect(m.basisZh).toContain('国家级 1 家，市级 3 家');
    // The drill-down lists exactly what the indicator counts.
    const drill = await json(await h.anonymous.get(`/api${HIGH_LEVEL_DRILL_DOWN}`), 200);
    expect(drill.total).toBe(4);
    expect(drill.items[0].level).toBe('national');
  });

  it('are recorded by the task force only, with problems naming their fields and nothing written; only national and municipal operating ones count', async () => {
    const before = (await measured(h, 'innovationPlatforms')).value;
    expect((await p.as.institute.post(base, body())).statusCode).toBe(403);
    const bad = await p.as.taskforce.post(base, body({ nameZh: ' ', hostIds: [], recognisedOn: '2027-01-01', domains: ['space'] }));
    expect(bad.statusCode).toBe(422);
    expect(paths(bad)).toEqual(['/nameZh', '/domains', '/recognisedOn', '/hostIds']);
    expect(paths(await p.as.taskforce.post(base, body({ recognisedByZh: null })))).toEqual(['/recognisedByZh']);
    expect(paths(await p.as.taskforce.post(base, body({ hostIds: ['00000000-0000-4000-8000-000000000000'] })))).toEqual(['/hostIds']);
    expect(paths(await p.as.taskforce.post(base, body({ nameZh: '金凤实验室' })))).toEqual(['/nameZh']);
    expect((await p.as.taskforce.post(base, body({ level: 'provincial' }))).statusCode).toBe(422);
    expect((await measured(h, 'innovationPlatforms')).value).toBe(before);

    const made = await json(await p.as.taskforce.post(base, body()), 201, 'create');
    expect(made.code).toMatch(/^PT-\d{4}$/);
    expect(made).toMatchObject({ countsTowardTarget: true, hosts: [{ id: p.org.institute }, { id: p.org.enterprise }], may: { edit: true, recognise: true } });
    await json(await p.as.taskforce.post(base, body({ level: 'incubating', recognisedOn: null, recognisedByZh: null })), 201, 'incubating');
    await json(await p.as.taskforce.post(base, body({ level: 'national', status: 'building', recognisedOn: null, recognisedByZh: null, kind: 'technologyCentre' })), 201, 'building');
    const m = await measured(h, 'innovationPlatforms');
    expect(m.value).toBe(before + 1);
    expect(m.basisZh).toContain('其中 2024 年以来认定 1 家');
    const audit = await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', made.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['innovation.platform.create']);
  });

  it('are kept by their hosts (description, instruments) but recognised by the task force only', async () => {
    const made = await json(await p.as.taskforce.post(base, body()), 201);
    const url = `${base}/${made.id}`;
    expect((await p.as.otherInstitute.patch(url, { summaryZh: '不是我的平台' })).statusCode).toBe(403);
    expect((await p.as.institute.patch(url, { level: 'national' })).statusCode).toBe(403);
    expect((await p.as.enterprise.patch(url, { hostIds: [p.org.enterprise] })).statusCode).toBe(403);
    const edited = await json(await p.as.enterprise.patch(url, { summaryZh: '已建成千升级发酵平台', contactZh: '023-6000000', fields: ['发酵工程'] }), 200);
    expect(edited).toMatchObject({ summaryZh: '已建成千升级发酵平台', fields: ['发酵工程'], level: 'municipal', may: { edit: true, recognise: false } });
    const revoked = await json(await p.as.taskforce.patch(url, { status: 'revoked', hostIds: [p.org.institute] }), 200);
    expect(revoked).toMatchObject({ status: 'revoked', countsTowardTarget: false, hosts: [{ id: p.org.institute }] });
    // The enterprise is no longer a host.
    expect((await p.as.enterprise.patch(url, { contactZh: 'x' })).statusCode).toBe(403);

    const instruments = `${url}/instruments`;
    expect((await p.as.otherInstitute.post(instruments, { nameZh: '液相色谱' })).statusCode).toBe(403);
    expect(paths(await p.as.institute.post(instruments, { nameZh: ' ', valueWan: -1 }))).toEqual(['/nameZh', '/valueWan']);
    const inst = await json(await p.as.institute.post(instruments, { nameZh: '高通量微生物液滴培养系统', model: 'MMC-100', valueWan: 380, openToShare: true, bookingContactZh: '张老师 023-65100000' }), 201);
    const changed = await json(await p.as.institute.patch(`${instruments}/${inst.id}`, { openToShare: false }), 200);
    expect(changed).toMatchObject({ nameZh: '高通量微生物液滴培养系统', valueWan: 380, openToShare: false });
    expect((await json(await h.anonymous.get(url), 200)).instruments.map((i: { id: string }) => i.id)).toEqual([inst.id]);
    expect((await p.as.otherInstitute.delete(`${instruments}/${inst.id}`)).statusCode).toBe(403);
    await json(await p.as.institute.delete(`${instruments}/${inst.id}`), 200);
    expect((await p.as.institute.delete(`${instruments}/${inst.id}`)).statusCode).toBe(404);
    expect((await json(await h.anonymous.get(url), 200)).instruments).toEqual([]);
  });

  it('count results from 0 to 1: rights in force linked to the platform, shown on its page and in the plan target', async () => {
    const made = await json(await p.as.taskforce.post(base, body()), 201);
    const before = (await measured(h, 'zeroToOneResults')).value ?? 0;
    const patent = (number: string, extra: Record<string, unknown>) => p.as.institute.post('/api/ip', { kind: 'patent', subtype: 'invention', number, titleZh: unique('一种高产菌株的构建方法'), holderIds: [p.org.institute], filedOn: '2024-05-01', ...extra });
    const granted = await json(await patent(unique('ZL2024100'), { status: 'granted', grantedOn: '2025-08-01' }), 201);
    const filed = await json(await patent(unique('CN2025100'), {}), 201);
    for (const r of [granted, filed]) await json(await p.as.institute.post(`/api/ip/${r.id}/links`, { targetKind: 'platform', targetId: made.id }), 200, 'link');
    const page = await json(await h.anonymous.get(`${base}/${made.id}`), 200);
    expect(page.zeroToOne).toEqual({ ip: 1, outputs: 0, total: 1 });
    expect(page.results.rights.map((r: { id: string }) => r.id)).toEqual([granted.id]);
    const m = await measured(h, 'zeroToOneResults');
    expect(m.value).toBe(before + 1);
    expect(m.drillDown).toBe('/innovation/platforms');
  });

  it('list with filters and search, sum up by kind and level against the target, and export as filtered', async () => {
    const labs = (await json(await h.anonymous.get(`${base}?kind=lab&limit=500`), 200)).items;
    expect(labs.length).toBeGreaterThanOrEqual(4);
    expect(labs.every((x: { kind: string }) => x.kind === 'lab')).toBe(true);
    expect((await json(await h.anonymous.get(`${base}?field=${encodeURIComponent('资源昆虫')}`), 200)).items.map((x: { nameZh: string }) => x.nameZh)).toEqual(['资源昆虫高效养殖与利用全国重点实验室']);
    expect((await json(await h.anonymous.get(`${base}?q=${encodeURIComponent('合成生物学')}`), 200)).items.map((x: { nameZh: string }) => x.nameZh)).toContain('重庆市合成生物学重点实验室');
    expect((await json(await h.anonymous.get(`${base}?hostId=${p.org.enterprise}&limit=500`), 200)).items.length).toBeGreaterThan(0);
    const s = await json(await h.anonymous.get(`${base}/summary`), 200);
    expect(s.target).toBe(3);
    expect(s.counted).toBe((await measured(h, 'innovationPlatforms')).value);
    expect(s.byKind.find((k: { kind: string }) => k.kind === 'lab')).toMatchObject({ national: 1, municipal: 3 });
    expect(s.fields.map((f: { field: string }) => f.field)).toContain('合成生物学');
    const x = await h.anonymous.get(`${base}/export.xlsx?level=national`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    expect(x.rawPayload.length).toBeGreaterThan(1000);
  });
});
