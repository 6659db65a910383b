import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadExcelJS } from '../../../platform/excel/load.js';
import { systemCtx } from '../../../platform/context/ctx.js';
import { testDatabases, useHarness } from '../../../test/harness.js';
import { seedStrains, PLAN_LABS } from '../seed.js';
import { makeLab, makeStrain, RESTRICTED, strainPeople, unique, type StrainMade, type StrainPeople } from './fixture.js';

/**
 * The public catalogue and what hangs on it: filters, Chinese search and sorting; who reads a
 * restricted strain in full; the Darwin Core CSV and Excel exports (parsed back); the chart's
 * counts; the plan indicators; labs with their level in effect and hidden addresses; officers;
 * germplasm with its sites; the seeded labs of task 23.
 */

/** RFC 4180 rows, quoted fields with commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; }
    else cell += c;
  }
  return rows;
}

describe.each(testDatabases)('the catalogue, labs, officers and germplasm, on $name', (kind) => {
  const h = useHarness(kind);
  let p: StrainPeople;
  let open: StrainMade, secret: StrainMade, pending: StrainMade, yeast: StrainMade;
  const HIDDEN_PLACE = '秘密分离地-歌乐山7号';

  beforeAll(async () => {
    p = await strainPeople(h);
    open = await makeStrain(h, p, { genus: 'Corynebacterium', species: 'glutamicum', nameZh: '谷氨酸棒杆菌', applicationsZh: ['氨基酸发酵'], products: ['L-谷氨酸'], typeStrain: true, otherNumbers: ['ATCC 13032', 'DSM 20300'], historyZh: '分离, 转 "保藏"' });
    secret = await makeStrain(h, p, { ...RESTRICTED, isolationPlaceZh: HIDDEN_PLACE, products: ['秘密产物X'], keyGenes: ['virB'], applicationsZh: ['疫苗研究'] });
    pending = await makeStrain(h, p, { genus: 'Streptomyces', species: 'coelicolor', nameZh: '天蓝色链霉菌' }, { status: 'received' });
    yeast = await makeStrain(h, p, { organismKind: 'yeast', genus: 'Saccharomyces', species: 'cerevisiae', nameZh: '酿酒酵母', applicationsZh: ['酿酒'], growthTemperatureC: 30 }, { by: p.ctx.institute });
  });

  it('lists accessioned strains with filters, search and sorting; a deposit is not in the catalogue', async () => {
    const ids = async (q: string) => (await p.as.anonymous.get(`/api/strains?limit=500&${q}`)).json().items.map((x: { id: string }) => x.id);
    const all = await ids('');
    expect(all).toEqual(expect.arrayContaining([open.id, secret.id, yeast.id]));
    expect(all).not.toContain(pending.id);
    expect(await ids('kind=yeast')).toEqual([yeast.id]);
    expect(await ids('hazardClass=2')).toEqual([secret.id]);
    expect(await ids('typeStrain=true')).toEqual([open.id]);
    expect(await ids('restricted=true')).toEqual([secret.id]);
    expect(await ids(`q=${encodeURIComponent('谷氨酸')}`)).toEqual([open.id]);
    expect(await ids(`use=${encodeURIComponent('谷氨酸')}`)).toEqual([open.id]);
    // A restricted strain is found by its public words only, never by a hidden one.
    expect(await ids(`use=${encodeURIComponent('秘密产物')}`)).toEqual([]);
    expect(await ids(`q=${encodeURIComponent('歌乐山')}`)).toEqual([]);
    expect(await ids(`q=${encodeURIComponent('布鲁氏菌')}`)).toEqual([secret.id]);
    const byName = (await p.as.anonymous.get('/api/strains?sort=name&limit=500')).json().items.map((x: { genus: string }) => x.genus);
    expect(byName).toEqual([...byName].sort());
    // Curators read the queue's states in the same list; others cannot ask for them.
    expect(await ids('status=received')).not.toContain(pending.id);
    expect((await p.as.curator.get('/api/strains?status=received&limit=500')).json().items.map((x: { id: string }) => x.id)).toContain(pending.id);
    const stats = (await p.as.anonymous.get('/api/strains/stats')).json();
    expect(stats.cells).toEqual(expect.arrayContaining([{ organismKind: 'bacterium', hazardClass: 2, count: 1 }, { organismKind: 'yeast', hazardClass: null, count: 1 }]));
  });

  it('shows a restricted strain in full only to curators, the depositor and organisations it was shipped to', async () => {
    const viewOf = async (who: keyof StrainPeople['as']) => (await p.as[who].get(`/api/strains/${secret.id}`)).json();
    for (const who of ['anonymous', 'stranger', 'institute', 'unit', 'expert'] as const) {
      const s = await viewOf(who);
      expect(s, who).toMatchObject({ view: 'summary', restricted: true, accession: secret.accession, hazardClass: 2, biosafetyLevel: 3, applicationsZh: ['疫苗研究'] });
      expect(JSON.stringify(s), who).not.toContain(HIDDEN_PLACE);
      expect(s, who).not.toHaveProperty('keyGenes');
      expect(s, who).not.toHaveProperty('depositorOrganisationId');
      expect((await p.as[who].get(`/api/strains/${secret.id}/history`)).statusCode, who).toBe(who === 'anonymous' ? 401 : 403);
    }
    for (const who of ['curator', 'officer', 'taskforce', 'enterprise'] as const) expect((await viewOf(who)).isolationPlaceZh, who).toBe(HIDDEN_PLACE);
    // The institute receives it by a sharing request: once shipped, it sees the strain in full.
    const request = await sql<{ id: string }>`insert into sharing_request (code, strain_id, requester_organisation_id, lab_id, purpose_zh, vials, mta_version, mta_accepted_at, status)
      values (${unique('SR-T')}, ${secret.id}, ${p.org.institute}, ${p.lab.bsl3.id}, '研究', 1, 'v1', now(), 'approved') returning id`.execute(h.database.db);
    expect((await viewOf('institute')).view).toBe('summary');
    await sql`update sharing_request set status = 'shipped' where id = ${request.rows[0].id}`.execute(h.database.db);
    expect((await viewOf('institute')).isolationPlaceZh).toBe(HIDDEN_PLACE);
    expect((await p.as.stranger.get('/api/strains?limit=500')).body).not.toContain(HIDDEN_PLACE);
    const listed = (await p.as.institute.get('/api/strains?restricted=true&limit=500')).json().items.find((x: { id: string }) => x.id === secret.id);
    expect(listed.view).toBe('full');
  });

  it('exports the public catalogue as Darwin Core CSV and Excel, a restricted strain as its summary', async () => {
    const csv = await p.as.curator.get('/api/strains/export.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = parseCsv(csv.body.replace(/^\uFEFF/, ''));
    const head = rows[0];
    for (const term of ['catalogNumber', 'scientificName', 'genus', 'specificEpithet', 'infraspecificEpithet', 'typeStatus', 'kingdom', 'family', 'locality', 'decimalLatitude',
      'decimalLongitude', 'country', 'eventDate', 'recordedBy', 'identifiedBy', 'basisOfRecord', 'institutionCode', 'collectionCode', 'otherCatalogNumbers', 'medium', 'growthTemperature', 'hazardClass', 'biosafetyLevel']) {
      expect(head, term).toContain(term);
    }
    const rec = (acc: string | null) => Object.fromEntries(head.map((k, i) => [k, rows.find((r) => r[0] === acc)![i]]));
    expect(rec(open.accession)).toMatchObject({ scientificName: 'Corynebacterium glutamicum', typeStatus: 'type strain', kingdom: 'Bacteria', family: 'Corynebacteriaceae', decimalLatitude: '29.59', country: 'China', countryCode: 'CN', basisOfRecord: 'LivingSpecimen', otherCatalogNumbers: 'ATCC 13032 | DSM 20300', institutionCode: 'CQMCC' });
    expect(rec(open.accession).identifiedBy).not.toBe('');
    expect(rec(secret.accession)).toMatchObject({ scientificName: 'Brucella melitensis', hazardClass: '2', biosafetyLevel: '3', locality: '', decimalLatitude: '', family: '', recordedBy: '' });
    expect(rec(secret.accession).informationWithheld).toContain('restricted');
    expect(csv.body).not.toContain(HIDDEN_PLACE);
    expect(rows.map((r) => r[0])).not.toContain(pending.accession ?? 'none');
    expect(rows.length - 1).toBe(3);

    const xlsx = await p.as.anonymous.get('/api/strains/export.xlsx?kind=bacterium');
    expect(xlsx.statusCode).toBe(200);
    const wb = new (await loadExcelJS()).Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    const sheet = wb.worksheets[0];
    const values: string[][] = [];
    sheet.eachRow((r) => values.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(values[0][0]).toBe('保藏编号\ncatalogNumber');
    expect(values.slice(1).map((r) => r[0]).sort()).toEqual([open.accession, secret.accession].sort());
    expect(JSON.stringify(values)).not.toContain(HIDDEN_PLACE);
  });

  it('records labs with their level in effect; hides where a BSL-3 is from the public; the task force appoints officers', async () => {
    const body = { nameZh: unique('发酵实验室'), biosafetyLevel: 2, certificateNo: 'BA-2024-01', certifiedOn: '2024-01-01', certificateExpiresOn: '2024-12-31', addressZh: '璧山区某路 1 号' };
    const mine = await p.as.pilotBase.post('/api/biosafety-labs', body);
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json()).toMatchObject({ code: expect.stringMatching(/^LAB-\d{4}$/), organisationId: p.org.pilotBase, effectiveLevel: 1 });
    expect((await p.as.pilotBase.patch(`/api/biosafety-labs/${mine.json().id}`, { certificateExpiresOn: '2099-12-31' })).json().effectiveLevel).toBe(2);
    expect((await p.as.enterprise.patch(`/api/biosafety-labs/${mine.json().id}`, { nameZh: '改名' })).statusCode).toBe(403);
    expect((await p.as.enterprise.post('/api/biosafety-labs', { ...body, organisationId: p.org.institute })).statusCode).toBe(403);
    expect((await p.as.curator.post('/api/biosafety-labs', { ...body, nameZh: unique('代登记'), organisationId: p.org.institute })).json().organisationId).toBe(p.org.institute);
    const bad = await p.as.pilotBase.post('/api/biosafety-labs', { ...body, certifiedOn: '2025-01-01', certificateExpiresOn: '2024-01-01' });
    expect(bad.json().error.details[0].path).toBe('/certificateExpiresOn');

    const p3 = await p.as.institute.patch(`/api/biosafety-labs/${p.lab.bsl3.id}`, { addressZh: '沙坪坝区秘密地址 9 号' });
    expect(p3.json().effectiveLevel).toBe(3);
    const publicList = await p.as.stranger.get('/api/biosafety-labs?biosafetyLevel=3&limit=500');
    expect(publicList.body).not.toContain('秘密地址');
    expect(publicList.json().items.map((l: { id: string }) => l.id)).toContain(p.lab.bsl3.id);
    expect((await p.as.institute.get(`/api/biosafety-labs/${p.lab.bsl3.id}`)).json().addressZh).toContain('秘密地址');
    const own = (await p.as.institute.get('/api/biosafety-labs/mine')).json().items;
    expect(own.map((l: { id: string }) => l.id)).toContain(p.lab.bsl3.id);
    expect(new Set(own.map((l: { organisationId: string }) => l.organisationId))).toEqual(new Set([p.org.institute]));

    expect((await p.as.taskforce.post('/api/biosafety-officers', { userId: p.userId.enterprise })).statusCode).toBe(422);
    expect((await p.as.taskforce.post('/api/biosafety-officers', { userId: p.userId.officer })).statusCode).toBe(409);
    expect((await p.as.taskforce.post('/api/biosafety-officers', { userId: p.userId.curator, noteZh: '兼任' })).statusCode).toBe(201);
    expect((await p.as.curator.get('/api/biosafety-officers')).json().items.map((o: { userId: string }) => o.userId).sort()).toEqual([p.userId.curator, p.userId.officer].sort());
    expect((await p.as.taskforce.delete(`/api/biosafety-officers/${p.userId.curator}`)).statusCode).toBe(200);
    expect((await p.as.taskforce.delete(`/api/biosafety-officers/${p.userId.curator}`)).statusCode).toBe(404);
  });

  it('keeps germplasm with its sites; a restricted record shows no coordinates to the public', async () => {
    const made = await p.as.curator.post('/api/germplasm', { kind: 'plant', nameZh: '黄连', latinName: 'Coptis chinensis', siteZh: '金佛山', siteLat: 29.02, siteLon: 107.18, collectedOn: '2024-05-01', traitsZh: '道地药材' });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().code).toMatch(/^GP-\d{4}$/);
    const hidden = (await p.as.curator.post('/api/germplasm', { kind: 'insect', nameZh: '珍稀蚕种', latinName: 'Bombyx mori', siteZh: '大巴山', siteLat: 32.1, siteLon: 108.9, restricted: true })).json();
    expect((await p.as.curator.post('/api/germplasm', { kind: 'plant', nameZh: '桑', siteLat: 100, siteLon: 10 })).json().error.details[0].path).toBe('/siteLat');
    expect((await p.as.enterprise.post('/api/germplasm', { kind: 'plant', nameZh: '桑' })).statusCode).toBe(403);

    const pub = (await p.as.anonymous.get(`/api/germplasm/${hidden.id}`)).json();
    expect(pub).toMatchObject({ siteLat: null, siteLon: null, coordinatesWithheld: true, siteZh: '大巴山' });
    expect((await p.as.curator.get(`/api/germplasm/${hidden.id}`)).json().siteLat).toBe(32.1);
    const sites = (await p.as.anonymous.get('/api/germplasm/sites')).json().items;
    expect(sites.find((s: { siteZh: string }) => s.siteZh === '金佛山')).toMatchObject({ lat: 29.02, lon: 107.18, count: 1 });
    expect(sites.find((s: { siteZh: string }) => s.siteZh === '大巴山')).toMatchObject({ lat: null, count: 1 });
    expect((await p.as.anonymous.get(`/api/germplasm?q=${encodeURIComponent('黄连')}`)).json().items.map((g: { id: string }) => g.id)).toEqual([made.json().id]);
    expect((await p.as.curator.delete(`/api/germplasm/${made.json().id}`)).json().status).toBe('withdrawn');
    expect((await p.as.anonymous.get(`/api/germplasm/${made.json().id}`)).statusCode).toBe(404);
  });

  it('measures the plan indicators from the records, and seeds the labs task 23 names once', async () => {
    await makeLab(h, p.org.institute, 3, { certifiedOn: '2017-01-01', certificateExpiresOn: '2020-01-01' });
    const list = (await p.as.anonymous.get('/api/plan/targets')).json() as { code: string; measurement?: { value: number; basisZh: string; drillDown: string } }[];
    const bank = list.find((t) => t.code === 'strainBankBuilt')?.measurement;
    expect(bank).toMatchObject({ value: 3, drillDown: '/strains' });
    expect(bank!.basisZh).toContain('已共享');
    expect(list.find((t) => t.code === 'biosafetyCapacity')?.measurement).toMatchObject({ value: 1, drillDown: '/strains/labs' });
    expect(list.find((t) => t.code === 'bioresourceProtectionSystem')?.measurement).toMatchObject({ value: 3 + 1, drillDown: '/strains/germplasm' });

    const names = (await h.database.db.selectFrom('biosafetyLab').select('nameZh').where('nameZh', 'in', PLAN_LABS.map((l) => l.nameZh)).execute()).map((l) => l.nameZh);
    expect(names.sort()).toEqual(PLAN_LABS.map((l) => l.nameZh).sort());
    expect(await seedStrains(h.database.db, systemCtx('test'))).toEqual({ created: 0 });
  });
});
