import type { Database } from '../platform/db/database.js';
import type { Ctx } from '../platform/context/ctx.js';
import type { Role } from '../platform/access/model.js';
import { creditCodeCheckChar } from '../platform/identity/credit-code.js';
import { planService } from '../modules/plan/service.js';
import { industryServices } from '../modules/industry/index.js';
import { seedIndustry } from '../modules/industry/seed.js';
import { systemCtx } from '../platform/context/ctx.js';

/**
 * Demonstration industry records: invented enterprises（示例）in the plan's clusters with two
 * years of figures (one year still awaiting verification for some), designations and chain
 * nodes; leads in two districts, one company chased by both; a district guidance fund with
 * investments. Loaded once (skipped when any enterprise exists), through the services, so
 * every record has its audit row.
 */
const code = (n: number, district: string) => { const first = `91${district}MA${String(n).padStart(7, '0')}`; return first + creditCodeCheckChar(first); };

interface DemoEnterprise { n: number; nameZh: string; district: string; park?: string; domains: string[]; products: string[]; nodes: string[]; origin?: 'attracted'; landedOn?: string; designations?: [string, string, number][]; revenue: [number, number]; own?: true }

const ENTERPRISES: DemoEnterprise[] = [
  { n: 1, nameZh: '重庆示例合成生物科技有限公司', district: '500102', park: 'fulingBiochem', domains: ['biochem'], products: ['1,3-丙二醇', '丁二酸'], nodes: ['biochem.pdo', 'biochem.succinicAcid', 'biochem.fermentation'], designations: [['srdi', 'municipal', 2024]], revenue: [86000, 132000], own: true },
  { n: 2, nameZh: '长寿示例生物基材料股份有限公司（示例）', district: '500115', park: 'changshouChemPark', domains: ['biochem'], products: ['生物基聚酯', '生物纤维'], nodes: ['biochem.bioPolyester', 'biochem.bioFibre'], origin: 'attracted', landedOn: '2024-09-18', designations: [['chainLeader', 'municipal', 2025]], revenue: [1_050_000, 1_280_000] },
  { n: 3, nameZh: '万州示例生物农药有限公司（示例）', district: '500101', park: 'wanzhouBiomaterials', domains: ['biochem'], products: ['生物农药'], nodes: ['biochem.bioPesticide', 'biochem.enzymeCatalysis'], designations: [['srdi', 'municipal', 2023], ['highTech', 'national', 2022]], revenue: [42000, 51000] },
  { n: 4, nameZh: '重庆国际生物城示例抗体药业有限公司（示例）', district: '500113', park: 'intlBioCity', domains: ['biopharma'], products: ['双特异性抗体', 'ADC抗体偶联药物'], nodes: ['biopharma.bispecifics', 'biopharma.adc', 'biopharma.antibodies'], origin: 'attracted', landedOn: '2024-03-01', designations: [['littleGiant', 'national', 2025]], revenue: [560_000, 720_000] },
  { n: 5, nameZh: '巴南示例胰岛素生物制药有限公司（示例）', district: '500113', park: 'intlBioCity', domains: ['biopharma'], products: ['胰岛素', '重组蛋白及多肽药物'], nodes: ['biopharma.insulin', 'biopharma.recombinantProteins'], designations: [['singleChampion', 'national', 2024]], revenue: [310_000, 365_000] },
  { n: 6, nameZh: '巴南示例疫苗生物技术有限公司（示例）', district: '500113', park: 'intlBioCity', domains: ['biopharma'], products: ['重组蛋白疫苗'], nodes: ['biopharma.proteinVaccines'], designations: [['srdi', 'municipal', 2025]], revenue: [98_000, 121_000] },
  { n: 7, nameZh: '璧山示例精准发酵科技有限公司（示例）', district: '500120', park: 'lifeScienceCity', domains: ['biochem', 'bioagrifood'], products: ['功能蛋白', '人造奶'], nodes: ['bioagrifood.functionalProtein', 'bioagrifood.cultivatedMilk', 'biochem.fermentation'], origin: 'attracted', landedOn: '2025-05-20', designations: [['srdi', 'municipal', 2025]], revenue: [12_000, 26_000] },
  { n: 8, nameZh: '璧山示例细胞治疗有限公司（示例）', district: '500120', park: 'lifeScienceCity', domains: ['biopharma'], products: ['基因及细胞治疗'], nodes: ['biopharma.geneCellTherapy', 'biopharma.cellCulture'], designations: [['littleGiant', 'national', 2024]], revenue: [36_000, 47_000] },
  { n: 9, nameZh: '两江示例生物医药有限公司（示例）', district: '500112', park: 'liangjiangLifeCity', domains: ['biopharma'], products: ['抗体', '病毒载体疫苗'], nodes: ['biopharma.antibodies', 'biopharma.vectorVaccines'], origin: 'attracted', landedOn: '2024-11-08', revenue: [1_020_000, 1_110_000] },
  { n: 10, nameZh: '永川示例生物技术有限公司（示例）', district: '500118', park: 'yongchuanBiotechPark', domains: ['biopharma'], products: ['中药活性成分'], nodes: ['biopharma.tcmActives', 'biopharma.syntheticBiology'], designations: [['highTech', 'national', 2023]], revenue: [58_000, 66_000] },
  { n: 11, nameZh: '黔江示例蚕桑生物科技有限公司（示例）', district: '500114', park: 'qianjiangSericulture', domains: ['bioagrifood', 'biopharma'], products: ['大健康功能食品饮品', '蚕丝生物纳米材料'], nodes: ['bioagrifood.functionalFood', 'biopharma.silkNano'], designations: [['srdi', 'municipal', 2024]], revenue: [22_000, 28_500] },
  { n: 12, nameZh: '梁平示例发酵食品有限公司（示例）', district: '500155', park: 'fermentedFoodPark', domains: ['bioagrifood'], products: ['传统发酵食品', '预制菜'], nodes: ['bioagrifood.fermentedFood', 'bioagrifood.fermentation'], revenue: [64_000, 73_000] },
  { n: 13, nameZh: '潼南示例柠檬生物科技有限公司（示例）', district: '500152', domains: ['bioagrifood'], products: ['柠檬酸', '木糖醇'], nodes: ['bioagrifood.citricAcid', 'bioagrifood.xylitol'], designations: [['srdi', 'municipal', 2023]], revenue: [31_000, 36_000] },
  { n: 14, nameZh: '江津示例生物能源有限公司（示例）', district: '500116', domains: ['bioenergy'], products: ['生物沼气', '生物甲醇'], nodes: ['bioenergy.biogas', 'bioenergy.biomethanol'], revenue: [18_000, 23_000] },
  { n: 15, nameZh: '綦江示例生物航煤科技有限公司（示例）', district: '500110', domains: ['bioenergy'], products: ['生物航煤'], nodes: ['bioenergy.saf', 'bioenergy.hotpotOil'], origin: 'attracted', landedOn: '2025-02-14', revenue: [9_000, 41_000] },
  { n: 16, nameZh: '涪陵示例菌体蛋白有限公司（示例）', district: '500102', park: 'fulingBiochem', domains: ['biochem'], products: ['菌体蛋白'], nodes: ['biochem.singleCellProtein', 'biochem.methanol'], origin: 'attracted', landedOn: '2024-06-30', revenue: [505_000, 540_000] },
];

export async function loadDemoIndustry(database: Database): Promise<number> {
  const { db } = database;
  if (await db.selectFrom('enterprise').select('id').limit(1).executeTakeFirst()) return 0;
  await seedIndustry(db, systemCtx('seed')); // the chains and parks the demo firms sit in
  const as = async (username: string): Promise<Ctx> => {
    const u = await db.selectFrom('appUser').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
    return { requestId: 'demo', principal: { userId: u.id, username: u.username, displayName: u.displayName, organisationId: u.organisationId, roles: u.roles as Role[], via: 'session', scopes: null } };
  };
  const [tf, bishan, ent] = [await as('demo.taskforce'), await as('demo.district'), await as('demo.enterprise')];
  const s = industryServices(database, { plan: planService(database) });
  const parks = new Map((await db.selectFrom('park').select(['id', 'code']).execute()).map((p) => [p.code, p.id]));
  const ids = new Map<number, string>();
  let n = 0;
  for (const e of ENTERPRISES) {
    const created = await s.enterprises.create(tf, {
      creditCode: code(e.n, e.district), nameZh: e.nameZh, districtCode: e.district, parkId: e.park ? parks.get(e.park) ?? null : null,
      domains: e.domains, products: e.products, origin: e.origin ?? 'local', landedOn: e.landedOn ?? null,
      organisationId: e.own ? ent.principal!.organisationId : null,
    });
    ids.set(e.n, created.id);
    await s.enterprises.setChainNodes(tf, created.id, e.nodes);
    if (e.designations) await s.enterprises.setDesignations(tf, created.id, e.designations.map(([kind, level, year]) => ({ kind, level, year })));
    await s.figures.save(tf, created.id, 2024, { revenueWan: e.revenue[0], rdSpendWan: Math.round(e.revenue[0] * 0.06), employees: Math.round(e.revenue[0] / 120) + 20, source: 'statistics' });
    // The last year: the demo firm reports its own (awaiting verification); every fifth its district checked.
    if (e.own || e.n % 5 === 0) await s.figures.save(e.own ? ent : tf, created.id, 2025, { revenueWan: e.revenue[1], rdSpendWan: Math.round(e.revenue[1] * 0.07), employees: Math.round(e.revenue[1] / 110) + 20, ...(e.own ? {} : { source: 'districtVerified' as const }) });
    else await s.figures.save(tf, created.id, 2025, { revenueWan: e.revenue[1], rdSpendWan: Math.round(e.revenue[1] * 0.07), employees: Math.round(e.revenue[1] / 110) + 20, source: 'statistics' });
    n += 3;
  }
  await s.enterprises.saveTransformation(tf, ids.get(16)!, null, {
    category: 'highEmission', goalZh: '以页岩气甲醇为碳源生产菌体蛋白，替代传统高排放化工工艺', startedOn: '2024-07-01',
    milestones: [{ titleZh: '完成中试验证', dueOn: '2024-12-31', doneOn: '2024-12-20' }, { titleZh: '万吨级产线投产', dueOn: '2026-06-30', doneOn: null }, { titleZh: '单位产值能耗下降 30%', dueOn: '2027-12-31', doneOn: null }],
  });

  const forum = (await db.selectFrom('investEvent').select('id').where('nameZh', '=', '西部合成生物制造国际前沿论坛').executeTakeFirstOrThrow()).id;
  const lead = (ctx: Ctx, input: Parameters<typeof s.leads.create>[1]) => s.leads.create(ctx, input);
  const l1 = await lead(bishan, { targetNameZh: '某国际合成生物集团（示例）', chainNodeCode: 'biochem.pdo', expectedRevenueWan: 300_000, nextActionZh: '赴企业总部拜访，洽谈区域总部落地', nextActionOn: '2026-12-15', eventId: forum });
  await s.leads.addActivity(bishan, l1.id, { textZh: '论坛期间初步接洽，企业有意在西南布局产线' });
  await s.leads.moveStage(bishan, l1.id, { stage: 'negotiating', noteZh: '已提交投资意向书' });
  await lead(tf, { targetNameZh: '某国际合成生物集团有限公司（示例）', ownerDistrictCode: '500115', chainNodeCode: 'biochem.pdo', expectedRevenueWan: 300_000, nextActionZh: '对接长寿化工园区用地', nextActionOn: '2026-12-20' });
  const l3 = await lead(bishan, { targetNameZh: '某细胞培养肉科技有限公司（示例）', chainNodeCode: 'bioagrifood.cultivatedMeat', expectedRevenueWan: 50_000 });
  await s.leads.moveStage(bishan, l3.id, { stage: 'signed', contractedWan: 80_000, noteZh: '签订投资协议' });
  await s.leads.moveStage(bishan, l3.id, { stage: 'started', noteZh: '厂房开工' });
  await lead(bishan, { targetNameZh: '某生物航煤技术公司（示例）', chainNodeCode: 'bioenergy.saf' });
  const l5 = await lead(tf, { targetNameZh: '某ADC创新药企业（示例）', ownerDistrictCode: '500113', chainNodeCode: 'biopharma.adc', expectedRevenueWan: 200_000, eventId: forum });
  await s.leads.moveStage(tf, l5.id, { stage: 'funded', contractedWan: 150_000, arrivedWan: 60_000, noteZh: '首期资金到位' });
  n += 6;

  const fund = await s.funds.save(tf, null, { code: 'bishanBiomfgGuidance', nameZh: '璧山区生物制造产业引导基金（示例）', kind: 'guidance', sizeWan: 200_000, managerZh: '璧山示例股权投资管理有限公司', focusZh: '合成生物、精准发酵、细胞治疗', domains: ['biochem', 'biopharma'], districtCode: '500120' });
  await s.funds.addInvestment(tf, fund.id, { enterpriseId: ids.get(7)!, amountWan: 8_000, investedOn: '2025-08-01', noteZh: 'A 轮领投' });
  await s.funds.addInvestment(tf, fund.id, { leadId: l3.id, amountWan: 12_000, investedOn: '2026-04-10', noteZh: '项目落地配套' });
  const mother = (await db.selectFrom('fund').select('id').where('code', '=', 'cqIndustryMotherFund').executeTakeFirstOrThrow()).id;
  await s.funds.addInvestment(tf, mother, { enterpriseId: ids.get(4)!, amountWan: 30_000, investedOn: '2025-03-18', noteZh: '子基金投资' });
  return n + 4;
}
