import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useHarness, type Client } from '../../../test/harness.js';
import { systemCtx } from '../../../platform/context/ctx.js';

/**
 * Editions of the pilot lists: a draft per list takes what is published now as public
 * snapshots, is refreshed and published, numbered per list and frozen; anyone reads the
 * published ones, what changed between them, and each as a Word document.
 */

const BISHAN = '500120';
const SECRET = '保密工艺参数 XJ-9';

describe.each(testDatabases)('editions of the pilot lists, on $name', (kind) => {
  const h = useHarness(kind);
  let tf: Client;
  let ent: Client;
  let anonymous: Client;
  let entOrg: string;
  const demands: string[] = [];

  async function publishedDemand(titleZh: string) {
    const d = await ent.post('/api/pilot/demands', {
      titleZh, problemZh: '放大后产率下降', processes: ['发酵'], organism: 'yeast', scaleL: 2000, budgetWan: 150, deadline: '2026-12-31',
      domain: titleZh.includes('抗体') ? 'biopharma' : 'biochem', districtCode: BISHAN, summaryZh: `${titleZh}：寻求中试平台`, detailZh: SECRET,
    });
    expect(d.statusCode, d.body).toBe(201);
    await ent.post(`/api/pilot/demands/${d.json().id}/submit`, {});
    expect((await tf.post(`/api/pilot/demands/${d.json().id}/publish`, {})).statusCode).toBe(200);
    demands.push(d.json().id);
    return d.json().id as string;
  }

  beforeAll(async () => {
    h.clock.set('2026-03-10T02:00:00Z');
    entOrg = (await h.services.identity.createOrganisation(systemCtx('test'), { kind: 'enterprise', nameZh: '重庆璧山合成生物有限公司（版本测试）', districtCode: BISHAN })).id;
    await h.user('editions-tf', ['taskforce']);
    await h.user('editions-ent', ['enterprise'], entOrg);
    [tf, ent] = [await h.login('editions-tf'), await h.login('editions-ent')];
    anonymous = h.anonymous;
    await publishedDemand('赤藓糖醇酵母发酵放大');
    await publishedDemand('单克隆抗体细胞培养工艺验证');
    // A base of the atlas with two platforms, written as the bases part of the module would.
    const db = h.database.db;
    const base = await db.insertInto('pilotBase').values({ code: 'TEST-BASE-1', nameZh: '璧山生物制造中试基地（版本测试）', operatorZh: '璧山运营公司', districtCode: BISHAN, domains: ['biochem', 'bioagrifood'], tier: 'key', recognisedOn: '2025-06-01', recognisedByZh: '重庆市科学技术局' })
      .returning('id').executeTakeFirstOrThrow();
    for (const [code, nameZh, cap] of [
      ['TEST-P-1', '5 吨发酵线', { processes: ['发酵', '分离纯化'], organisms: ['bacteria', 'yeast'], volumeMinL: 50, volumeMaxL: 5000, qualityGrade: 'none', biosafetyLevel: 1 }],
      ['TEST-P-2', '制剂车间', { processes: ['制剂', '灌装'], organisms: ['none'], volumeMinL: 1, volumeMaxL: 200, qualityGrade: 'GMP', biosafetyLevel: 2 }],
    ] as const) {
      const p = await db.insertInto('pilotPlatform').values({ baseId: base.id, code, nameZh }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('pilotCapability').values({ platformId: p.id, nameZh, ...cap, processes: [...cap.processes], organisms: [...cap.organisms] }).execute();
    }
  });

  it('opens one draft per list from the published items, publishes it numbered and frozen, and shows what changed', async () => {
    const opened = await tf.post('/api/pilot/editions', { list: 'demands' });
    expect(opened.statusCode, opened.body).toBe(201);
    const e1 = opened.json();
    expect(e1).toMatchObject({ list: 'demands', number: 1, state: 'draft', titleZh: '《生产需求清单》（2026年第1版）', itemCount: 2, countsByDomain: { biochem: 1, biopharma: 1 } });
    expect(e1.items.map((i: { itemId: string }) => i.itemId).sort()).toEqual([...demands].sort());
    // Public snapshots only.
    expect(JSON.stringify(e1)).not.toContain('XJ-9');
    for (const i of e1.items) { expect(i).not.toHaveProperty('detailZh'); expect(i).not.toHaveProperty('budgetWan'); }
    expect((await tf.post('/api/pilot/editions', { list: 'demands' })).statusCode).toBe(409);
    expect((await anonymous.get(`/api/pilot/editions/${e1.id}`)).statusCode).toBe(404);
    expect((await anonymous.get('/api/pilot/editions')).json().total).toBe(0);

    // A demand published meanwhile enters on refresh.
    const third = await publishedDemand('丁二酸生物法制备');
    expect((await tf.post(`/api/pilot/editions/${e1.id}/refresh`, {})).json().itemCount).toBe(3);
    const published = await tf.post(`/api/pilot/editions/${e1.id}/publish`, {});
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ state: 'published', number: 1, titleZh: '《生产需求清单》（2026年第1版）' });
    expect((await tf.post(`/api/pilot/editions/${e1.id}/refresh`, {})).statusCode).toBe(409);
    expect((await tf.post(`/api/pilot/editions/${e1.id}/publish`, {})).statusCode).toBe(409);
    expect((await tf.delete(`/api/pilot/editions/${e1.id}`)).statusCode).toBe(409);

    // The second edition: one demand closed, one new; the first edition keeps what it had.
    await ent.post(`/api/pilot/demands/${demands[0]}/close`, {});
    const fourth = await publishedDemand('PHA 生物塑料发酵');
    const e2 = (await tf.post('/api/pilot/editions', { list: 'demands' })).json();
    expect(e2).toMatchObject({ number: 2, itemCount: 3 });
    await tf.post(`/api/pilot/editions/${e2.id}/publish`, {});
    expect((await anonymous.get(`/api/pilot/editions/${e1.id}`)).json().items.map((i: { itemId: string }) => i.itemId)).toContain(demands[0]);
    const diff = (await anonymous.get(`/api/pilot/editions/${e2.id}/diff`)).json();
    expect(diff.from).toMatchObject({ number: 1 });
    expect(diff.added.map((i: { itemKey: string }) => i.itemKey)).toEqual([fourth]);
    expect(diff.removed.map((i: { itemKey: string }) => i.itemKey)).toEqual([demands[0]]);
    expect(diff).toMatchObject({ changed: [], unchanged: 2 });
    expect((await anonymous.get(`/api/pilot/editions/${e1.id}/diff`)).json().added).toHaveLength(3);
    expect((await anonymous.get(`/api/pilot/editions?list=demands`)).json().items.map((e: { number: number }) => e.number)).toEqual([2, 1]);
    expect(third).toBeTruthy();

    // A list with nothing on it is not published; its draft may be discarded.
    const empty = (await tf.post('/api/pilot/editions', { list: 'achievements' })).json();
    expect(empty.itemCount).toBe(0);
    expect((await tf.post(`/api/pilot/editions/${empty.id}/publish`, {})).statusCode).toBe(409);
    expect((await anonymous.get(`/api/pilot/editions/${e2.id}/diff?from=${empty.id}`)).statusCode).toBe(404);
    expect((await tf.get(`/api/pilot/editions/${e2.id}/diff?from=${empty.id}`)).json().error.details[0].path).toBe('/querystring/from');
    expect((await tf.delete(`/api/pilot/editions/${empty.id}`)).json()).toEqual({ discarded: true });
    expect((await tf.get(`/api/pilot/editions/${empty.id}`)).statusCode).toBe(404);
  });

  it('prints an edition as a Word document, the atlas with its bases and the demands without their detail', async () => {
    const atlas = (await tf.post('/api/pilot/editions', { list: 'atlas' })).json();
    expect(atlas.titleZh).toBe('《中试图谱》（2026年第1版）');
    const base = atlas.items.find((i: { code: string }) => i.code === 'TEST-BASE-1');
    expect(base).toMatchObject({ tier: 'key', districtNameZh: '璧山区', volumeMinL: 1, volumeMaxL: 5000, qualityGrades: ['GMP', 'none'], biosafetyLevel: 2 });
    expect(base.platforms.map((p: { nameZh: string }) => p.nameZh)).toEqual(['5 吨发酵线', '制剂车间']);
    // A draft's document is the task force's.
    expect((await anonymous.get(`/api/pilot/editions/${atlas.id}/document.docx`)).statusCode).toBe(404);
    await tf.post(`/api/pilot/editions/${atlas.id}/publish`, {});

    const xmlOf = async (id: string) => {
      const res = await anonymous.get(`/api/pilot/editions/${id}/document.docx`);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      expect(res.headers['content-type']).toMatch(/wordprocessingml/);
      expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
      return (await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string'));
    };
    const atlasXml = await xmlOf(atlas.id);
    for (const text of ['《中试图谱》（2026年第1版）', '重庆市生物制造产业中试联盟', '璧山生物制造中试基地（版本测试）', '5 吨发酵线、制剂车间', 'BSL-2', '重点']) expect(atlasXml, text).toContain(text);

    const demandsEdition = (await anonymous.get('/api/pilot/editions?list=demands')).json().items[0];
    const xml = await xmlOf(demandsEdition.id);
    expect(xml).toContain('《生产需求清单》（2026年第2版）');
    expect(xml).toContain('PHA 生物塑料发酵');
    expect(xml).toContain('共收录经审核发布、在有效期内的生产需求 3 项');
    expect(xml).not.toContain('XJ-9');
  });
});
