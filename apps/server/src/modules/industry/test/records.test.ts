import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useHarness } from '../../../test/harness.js';
import { creditCode, industryPeople, type IndustryPeople } from './fixture.js';

/** Enterprises, figures and their verification, search, chains, parks, funds, and the targets computed from them. */
describe.each(testDatabases)('industry records and targets, on $name', (kind) => {
  const h = useHarness(kind);
  let p: IndustryPeople;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    p = await industryPeople(h);
    h.clock.set('2026-03-10T02:00:00Z');
    const tf = p.as.taskforce;
    const make = async (key: string, body: object) => {
      const r = await tf.post('/api/industry/enterprises', body);
      expect(r.statusCode, r.body).toBe(201);
      ids[key] = r.json().id;
    };
    await make('pdo', { creditCode: creditCode(1), nameZh: '重庆丙二醇生物科技有限公司', districtCode: '500120', domains: ['biochem'], products: ['1,3-丙二醇', '丁二酸'], origin: 'attracted', landedOn: '2025-06-01', organisationId: p.enterpriseOrgId });
    await make('big', { creditCode: creditCode(2, '500113'), nameZh: '巴南抗体药业有限公司', districtCode: '500113', domains: ['biopharma'], products: ['双特异性抗体'] });
    await make('mid', { creditCode: creditCode(3, '500115'), nameZh: '长寿生物基材料有限公司', districtCode: '500115', domains: ['biochem'], products: ['生物基聚酯'], origin: 'attracted', landedOn: '2024-05-01' });
    await make('out', { creditCode: creditCode(4, '500120'), nameZh: '璧山发酵食品有限公司', districtCode: '500120', domains: ['bioagrifood'], products: ['传统发酵食品'] });
  });

  describe('enterprise records', () => {
    it('refuses a wrong credit code with a 422 naming the field and its check character', async () => {
      const bad = creditCode(9).slice(0, 17) + (creditCode(9).endsWith('0') ? '1' : '0');
      const r = await p.as.taskforce.post('/api/industry/enterprises', { creditCode: bad, nameZh: '某公司', districtCode: '500120' });
      expect(r.statusCode).toBe(422);
      expect(r.json().error.details).toEqual([expect.objectContaining({ path: '/creditCode', message: expect.stringMatching(/校验码错误.*check character/) })]);
      expect((await p.as.taskforce.post('/api/industry/enterprises', { creditCode: creditCode(1), nameZh: '同码公司', districtCode: '500120' })).statusCode).toBe(409);
      const unknownDistrict = await p.as.taskforce.post('/api/industry/enterprises', { creditCode: creditCode(10), nameZh: '某公司', districtCode: '510104' });
      expect(unknownDistrict.json().error.details[0].path).toBe('/districtCode');
    });

    it('keeps a renamed firm\'s old name among its former names, and search still finds it by the old one', async () => {
      const r = await p.as.taskforce.patch(`/api/industry/enterprises/${ids.out}`, { nameZh: '璧山特色发酵食品股份有限公司' });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().formerNames).toEqual(['璧山发酵食品有限公司']);
      const s = (await p.as.anonymous.get(`/api/industry/search?q=${encodeURIComponent('璧山发酵食品有限公司')}`)).json();
      expect(s.enterprises.map((e: { id: string }) => e.id)).toContain(ids.out);
      const history = (await p.as.taskforce.get(`/api/industry/enterprises/${ids.out}`)).json().history;
      expect(history.map((x: { action: string }) => x.action)).toEqual(['enterprise.update', 'enterprise.create']);
    });

    it('attaches enterprises to chain nodes and records designations', async () => {
      const tf = p.as.taskforce;
      expect((await tf.put(`/api/industry/enterprises/${ids.pdo}/chain-nodes`, { nodeCodes: ['biochem.pdo', 'biochem.fermentation'] })).statusCode).toBe(200);
      expect((await tf.put(`/api/industry/enterprises/${ids.mid}/chain-nodes`, { nodeCodes: ['biochem.bioPolyester'] })).statusCode).toBe(200);
      const unknown = await tf.put(`/api/industry/enterprises/${ids.mid}/chain-nodes`, { nodeCodes: ['biochem.nothing'] });
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json().error.details[0].path).toBe('/nodeCodes/0');
      expect((await tf.put(`/api/industry/enterprises/${ids.pdo}/designations`, { designations: [{ kind: 'srdi', level: 'municipal', year: 2024 }, { kind: 'littleGiant', level: 'national', year: 2025 }] })).statusCode).toBe(200);
      expect((await tf.put(`/api/industry/enterprises/${ids.big}/designations`, { designations: [{ kind: 'littleGiant', level: 'national', year: 2025 }] })).statusCode).toBe(200);
      expect((await tf.put(`/api/industry/enterprises/${ids.big}/designations`, { designations: [{ kind: 'littleGiant', level: 'national', year: 2031 }] })).statusCode).toBe(422);
      const profile = (await p.as.anonymous.get(`/api/industry/enterprises/${ids.pdo}`)).json();
      expect(profile.designations).toHaveLength(2);
      expect(profile.chainNodes.map((n: { code: string }) => n.code).sort()).toEqual(['biochem.fermentation', 'biochem.pdo']);
    });

    it('finds 1,3-丙二醇 and the firms that make it from a search for 丙二醇', async () => {
      const s = (await p.as.anonymous.get(`/api/industry/search?q=${encodeURIComponent('丙二醇')}`)).json();
      expect(s.nodes.map((n: { nameZh: string }) => n.nameZh)).toEqual(['1,3-丙二醇']);
      expect(s.products).toEqual([{ nameZh: '1,3-丙二醇', enterprises: 1 }]);
      expect(s.enterprises.map((e: { nameZh: string }) => e.nameZh)).toEqual(['重庆丙二醇生物科技有限公司']);
      expect(s.enterprises[0]).not.toHaveProperty('latestFigure');
      // Words that are in no record find nothing; a list filter by chain node does the same job.
      expect((await p.as.anonymous.get(`/api/industry/search?q=${encodeURIComponent('量子计算')}`)).json().total).toBe(0);
      const byNode = (await p.as.anonymous.get('/api/industry/enterprises?nodeCode=biochem.bioPolyester')).json();
      expect(byNode.items.map((e: { id: string }) => e.id)).toEqual([ids.mid]);
    });
  });

  describe('figures, verification and targets', () => {
    it('counts only verified figures; the roll-up says how much is unverified', async () => {
      const tf = p.as.taskforce;
      // The enterprise reports itself: awaiting its district.
      const own = await p.as.enterprise.put(`/api/industry/enterprises/${ids.pdo}/figures/2025`, { revenueWan: 300_000, rdSpendWan: 12_000, employees: 240 });
      expect(own.statusCode, own.body).toBe(200);
      expect(own.json()).toMatchObject({ source: 'selfReported', state: 'submitted' });
      await tf.put(`/api/industry/enterprises/${ids.big}/figures/2025`, { revenueWan: 1_000_000 });
      await tf.put(`/api/industry/enterprises/${ids.mid}/figures/2025`, { revenueWan: 600_000 });
      await tf.put(`/api/industry/enterprises/${ids.out}/figures/2025`, { outputValueWan: 50_000 });
      await tf.put(`/api/industry/enterprises/${ids.big}/figures/2024`, { revenueWan: 800_000 });
      let r = (await tf.get('/api/industry/rollup')).json();
      expect(r).toMatchObject({ year: 2025, totalWan: 1_650_000, totalYi: 165, enterprises: 3, fromOutputValueWan: 50_000, unverified: { figures: 1, scaleWan: 300_000 } });
      expect(r.tiers).toEqual({ t100: 1, t100a: 0, t50: 2, t50a: 1 });
      expect(r.series.map((s: { year: number; scaleYi: number }) => [s.year, s.scaleYi])).toEqual([[2024, 80], [2025, 165]]);
      expect(r.byDomain).toEqual([
        { domain: 'biopharma', scaleWan: 1_000_000, enterprises: 1 },
        { domain: 'biochem', scaleWan: 600_000, enterprises: 1 },
        { domain: 'bioagrifood', scaleWan: 50_000, enterprises: 1 },
      ]);

      // Its own district verifies it; now it counts.
      const fig = (await p.as.bishan.get('/api/industry/figures?state=submitted')).json().items;
      expect(fig.map((f: { enterpriseId: string }) => f.enterpriseId)).toEqual([ids.pdo]);
      expect((await p.as.bishan.post(`/api/industry/figures/${fig[0].id}/verify`, { decision: 'reject' })).statusCode).toBe(422);
      expect((await p.as.bishan.post(`/api/industry/figures/${fig[0].id}/verify`, { decision: 'verify' })).json().state).toBe('verified');
      expect((await p.as.bishan.post(`/api/industry/figures/${fig[0].id}/verify`, { decision: 'verify' })).statusCode).toBe(409);
      // Once verified it counts; the firm's correction goes through its district.
      expect((await p.as.enterprise.put(`/api/industry/enterprises/${ids.pdo}/figures/2025`, { revenueWan: 1 })).statusCode).toBe(409);
      r = (await tf.get('/api/industry/rollup?year=2025')).json();
      expect(r).toMatchObject({ totalWan: 1_950_000, unverified: { figures: 0, scaleWan: 0 } });
      expect(r.byDistrict[0]).toMatchObject({ districtCode: '500113', districtNameZh: '巴南区', scaleWan: 1_000_000 });
      expect(r.byDistrict.find((d: { districtCode: string }) => d.districtCode === '500120')).toMatchObject({ scaleWan: 350_000, enterprises: 2 });
    });

    it('a statistics-bureau figure is not overwritten by the firm', async () => {
      await p.as.taskforce.put(`/api/industry/enterprises/${ids.pdo}/figures/2024`, { revenueWan: 200_000, source: 'statistics' });
      const r = await p.as.enterprise.put(`/api/industry/enterprises/${ids.pdo}/figures/2024`, { revenueWan: 999_000 });
      expect(r.statusCode).toBe(409);
      const bad = await p.as.enterprise.put(`/api/industry/enterprises/${ids.pdo}/figures/2026`, {});
      expect(bad.statusCode).toBe(422);
      expect(bad.json().error.details[0].path).toBe('/revenueWan');
    });

    it('registers the plan\'s indicators, each with a drill-down to its records', async () => {
      const targets = (await p.as.anonymous.get('/api/plan/targets')).json() as { code: string; measurement: { value: number; drillDown: string; basisZh: string } | null }[];
      const m = Object.fromEntries(targets.filter((t) => t.measurement).map((t) => [t.code, t.measurement!]));
      expect(m.industryScale).toMatchObject({ value: 195, drillDown: '/industry/targets/industryScale?year=2025' });
      expect(m.leadingEnterprises100.value).toBe(0); // the 100 亿 firm is local, not attracted
      expect(m.leadingEnterprises100.basisZh).toMatch(/全部企业 1 家/);
      expect(m.largeEnterprises50.value).toBe(1);
      expect(m.srdiEnterprises.value).toBe(2);
      const rec = (await p.as.unit.get('/api/industry/targets/largeEnterprises50/records')).json();
      expect(rec).toMatchObject({ year: 2025, total: 1 });
      expect(rec.items[0]).toMatchObject({ id: ids.mid, revenueWan: 600_000, origin: 'attracted' });
      const srdi = (await p.as.unit.get('/api/industry/targets/srdiEnterprises/records')).json();
      expect(srdi.items.map((x: { kind: string }) => x.kind).sort()).toEqual(['littleGiant', 'littleGiant', 'srdi']);
      expect((await p.as.unit.get('/api/industry/targets/nationalTalents/records')).statusCode).toBe(404);
      // The tier filter needs access to figures.
      expect((await p.as.anonymous.get('/api/industry/enterprises?tier=100')).statusCode).toBe(403);
      expect((await p.as.unit.get('/api/industry/enterprises?tier=100')).json().items.map((e: { id: string }) => e.id)).toEqual([ids.big]);
    });

    it('colours the map by count for visitors and by scale for those who may see figures', async () => {
      const count = (await p.as.anonymous.get('/api/industry/map')).json();
      expect(count.items).toHaveLength(38);
      expect(count.items.find((d: { code: string }) => d.code === '500120').value).toBe(2);
      const scale = (await p.as.bishan.get('/api/industry/map?measure=scale')).json();
      expect(scale.items.find((d: { code: string }) => d.code === '500113').value).toBe(100);
      expect((await p.as.bishan.get('/api/industry/map?measure=srdi')).json().items.find((d: { code: string }) => d.code === '500120').value).toBe(1);
    });
  });

  describe('chains, parks and funds', () => {
    it('marks gaps, weak nodes and extensions; gaps and weak nodes are investment targets', async () => {
      const g = (await p.as.anonymous.get('/api/industry/chains/biochem')).json();
      const node = (code: string) => g.nodes.find((n: { code: string }) => n.code === code);
      expect(node('biochem.pdo')).toMatchObject({ enterprises: 1, standing: 'weak', actionZh: '强链' });
      expect(node('biochem.shaleGas')).toMatchObject({ enterprises: 0, standing: 'gap', actionZh: '补链' });
      expect(node('biochem.evParts')).toMatchObject({ standing: 'extension', actionZh: '延链' });
      expect(node('biochem.pdo')).not.toHaveProperty('scaleWan');
      expect(g.edges.length).toBeGreaterThan(g.nodes.length);
      // A node with one firm would show that firm's revenue: districts see counts, not scale.
      expect((await p.as.yubei.get('/api/industry/chains/biochem')).json().nodes.find((n: { code: string }) => n.code === 'biochem.pdo')).not.toHaveProperty('scaleWan');
      const withScale = (await p.as.unit.get('/api/industry/chains/biochem')).json();
      expect(withScale.nodes.find((n: { code: string }) => n.code === 'biochem.pdo').scaleWan).toBe(300_000);
      const targets = (await p.as.anonymous.get('/api/industry/chains/targets')).json();
      expect(targets.some((t: { code: string }) => t.code === 'biochem.shaleGas')).toBe(true);
      expect(targets.some((t: { code: string }) => t.code === 'biochem.evParts')).toBe(false);
    });

    it('lists the plan\'s clusters and parks with their members', async () => {
      const parks = (await p.as.anonymous.get('/api/industry/parks')).json();
      expect(parks.map((x: { nameZh: string }) => x.nameZh)).toEqual(expect.arrayContaining(['重庆国际生物城', '生命科技城', '生物化工产业带', '长寿化工园区']));
      const belt = parks.find((x: { code: string }) => x.code === 'biochemBelt');
      expect(belt.parks).toHaveLength(3);
      const changshou = parks.find((x: { code: string }) => x.code === 'changshouChemPark');
      await p.as.taskforce.patch(`/api/industry/enterprises/${ids.mid}`, { parkId: changshou.id });
      const detail = (await p.as.anonymous.get(`/api/industry/parks/${changshou.id}`)).json();
      expect(detail.members.map((m: { id: string }) => m.id)).toEqual([ids.mid]);
      expect(detail).not.toHaveProperty('scaleWan');
      const created = await p.as.taskforce.post('/api/industry/parks', { code: 'tongnanFood', kind: 'park', nameZh: '潼南柠檬产业园', districtCodes: ['500152'], domains: ['bioagrifood'] });
      expect(created.statusCode, created.body).toBe(201);
      expect((await p.as.taskforce.post('/api/industry/parks', { code: 'tongnanFood', kind: 'park', nameZh: '重复', districtCodes: [], domains: [] })).statusCode).toBe(409);
    });

    it('shows the money behind the plan by domain and district', async () => {
      const tf = p.as.taskforce;
      const fund = await tf.post('/api/industry/funds', { code: 'bishanGuide', nameZh: '璧山区生物制造产业引导基金', kind: 'guidance', sizeWan: 100_000, districtCode: '500120', domains: ['biochem'] });
      expect(fund.statusCode, fund.body).toBe(201);
      expect((await tf.post('/api/industry/funds', { code: 'noDistrict', nameZh: '某引导基金', kind: 'guidance', districtCode: null })).statusCode).toBe(422);
      await tf.post(`/api/industry/funds/${fund.json().id}/investments`, { enterpriseId: ids.pdo, amountWan: 5_000, investedOn: '2025-08-01' });
      await tf.post(`/api/industry/funds/${fund.json().id}/investments`, { enterpriseId: ids.big, amountWan: 3_000, investedOn: '2025-09-01' });
      expect((await tf.post(`/api/industry/funds/${fund.json().id}/investments`, { amountWan: 1, investedOn: '2025-09-01' })).statusCode).toBe(422);
      const s = (await p.as.unit.get('/api/industry/funds/summary')).json();
      expect(s.totalWan).toBe(8_000);
      expect(s.byDomain).toEqual(expect.arrayContaining([{ domain: 'biochem', amountWan: 5_000, investments: 1 }, { domain: 'biopharma', amountWan: 3_000, investments: 1 }]));
      expect(s.byDistrict).toEqual(expect.arrayContaining([expect.objectContaining({ districtCode: '500120', amountWan: 5_000 })]));
      const profile = (await tf.get(`/api/industry/enterprises/${ids.pdo}`)).json();
      expect(profile.investments).toEqual([expect.objectContaining({ fundNameZh: '璧山区生物制造产业引导基金', amountWan: 5_000 })]);
    });

    it('keeps a transformation programme (两高两低) with its milestones', async () => {
      const r = await p.as.taskforce.post(`/api/industry/enterprises/${ids.mid}/transformations`, { category: 'highEmission', goalZh: '以生物法替代化学合成', startedOn: '2025-01-01', milestones: [{ titleZh: '中试', dueOn: '2025-12-31', doneOn: null }] });
      expect(r.statusCode, r.body).toBe(201);
      const bad = await p.as.taskforce.post(`/api/industry/enterprises/${ids.mid}/transformations`, { category: 'other', goalZh: '', startedOn: '2025-01-01', milestones: [{ titleZh: '', dueOn: '2025-13-01', doneOn: null }] });
      expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['/category', '/goalZh', '/milestones/0/titleZh', '/milestones/0/dueOn']);
      const upd = await p.as.taskforce.put(`/api/industry/enterprises/${ids.mid}/transformations/${r.json().id}`, { category: 'highEmission', goalZh: '以生物法替代化学合成', startedOn: '2025-01-01', milestones: [{ titleZh: '中试', dueOn: '2025-12-31', doneOn: '2025-11-30' }] });
      expect(upd.json().milestones[0].doneOn).toBe('2025-11-30');
    });
  });

  describe('the roll-up table', () => {
    it('stays equal to the aggregate of the records through figures, verification, moves and imports', async () => {
      const tf = p.as.taskforce;
      // Moves: district, first domain and origin change the cells an enterprise's figures sit in.
      await tf.patch(`/api/industry/enterprises/${ids.big}`, { districtCode: '500112', domains: ['biochem', 'biopharma'], origin: 'attracted', landedOn: '2024-01-01' });
      await tf.put(`/api/industry/enterprises/${ids.out}/figures/2024`, { revenueWan: 700_000 });
      await tf.put(`/api/industry/enterprises/${ids.out}/figures/2024`, { revenueWan: 1_100_000, outputValueWan: 5 });
      const { sql } = await import('kysely');
      const cells = await sql<{ k: string; figures: number; scale: number; fromOutput: number; t100: number; t50: number }>`
        select concat_ws('/', year, district_code, domain, origin, state) as k, figures, scale_wan as scale, from_output_wan as "fromOutput", tier100 as t100, tier50 as t50
        from industry_scale_cell where figures <> 0 order by k`.execute(h.database.db);
      const direct = await sql<{ k: string; figures: number; scale: number; fromOutput: number; t100: number; t50: number }>`
        select concat_ws('/', f.year, e.district_code, coalesce(e.domains[1], 'unassigned'), e.origin, f.state) as k, count(*)::int as figures,
               sum(coalesce(f.revenue_wan, f.output_value_wan)) as scale, coalesce(sum(f.output_value_wan) filter (where f.revenue_wan is null), 0) as "fromOutput",
               count(*) filter (where f.revenue_wan >= 1000000)::int as t100, count(*) filter (where f.revenue_wan >= 500000)::int as t50
        from enterprise_figure f join enterprise e on e.id = f.enterprise_id group by 1 order by 1`.execute(h.database.db);
      expect(cells.rows.map((r) => ({ ...r, scale: Number(r.scale), fromOutput: Number(r.fromOutput) }))).toEqual(direct.rows.map((r) => ({ ...r, scale: Number(r.scale), fromOutput: Number(r.fromOutput) })));
      expect(cells.rows.some((r) => r.k.startsWith('2025/500112/biochem/attracted/verified'))).toBe(true);
      expect((await tf.get('/api/industry/rollup?year=2024')).json().tiers).toEqual({ t100: 1, t100a: 0, t50: 2, t50a: 1 });
    });
  });
});
