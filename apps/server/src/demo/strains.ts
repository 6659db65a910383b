import type { Database } from '../platform/db/database.js';
import type { Ctx } from '../platform/context/ctx.js';
import type { Role } from '../platform/access/model.js';
import { addDays, todayIn } from '../platform/dates.js';
import { fileService } from '../platform/files/files.js';
import { planService } from '../modules/plan/service.js';
import { recordsServices } from '../modules/strains/records.part.js';

/**
 * Demonstration strain records (示例): a dozen strains across the deposit workflow — industrial
 * workhorses accessioned (Corynebacterium glutamicum, Bacillus subtilis, Saccharomyces
 * cerevisiae, Aspergillus niger, E. coli BL21(DE3), a Lactiplantibacillus plantarum from 泡菜,
 * Klebsiella pneumoniae of hazard class 3, a restricted class-2 Brucella vaccine strain, Pichia),
 * others received, checked, submitted or rejected; germplasm at the plan's sites (金佛山, 大巴山,
 * 秦巴山区 …) with one restricted record; labs for the demo organisations; demo.biosafety appointed
 * biosafety officer. Written through the services as the demo users so every write has its audit
 * row; each part is skipped when its demo records exist, so a second run writes nothing.
 */

type Stage = 'submitted' | 'received' | 'checked' | 'accessioned' | 'rejected';
type By = 'demo.enterprise' | 'demo.institute' | 'demo.curator';

const B = (genus: string, species: string, extra: Record<string, unknown>) => ({
  organismKind: 'bacterium', genus, species, subspecies: null, lineage: null, typeStrain: false, otherNumbers: [], depositorNameZh: null, historyZh: null,
  isolationSourceZh: null, isolationPlaceZh: null, isolationLat: null, isolationLon: null, isolationCountry: 'CN', isolatedOn: null,
  mediumZh: null, growthTemperatureC: 37, atmosphere: 'aerobic', applicationsZh: [], products: [], enzymes: [], tolerances: [], keyGenes: [], literature: [],
  hazardClass: null, biosafetyLevel: 1, gmo: false, exportControl: false, nagoyaAbs: false, restrictionNoteZh: null, ...extra,
});

const STRAINS: { by: By; stage: Stage; body: Record<string, unknown> }[] = [
  { by: 'demo.enterprise', stage: 'accessioned', body: B('Corynebacterium', 'glutamicum', { strainDesignation: 'CQ-CG01', nameZh: '谷氨酸棒杆菌', typeStrain: false, otherNumbers: ['ATCC 13032'], depositorNameZh: '王工程师（示例）', historyZh: '由 ATCC 13032 经常压室温等离子体诱变选育（示例）', depositedOn: '2025-04-10', mediumZh: 'BHI 培养基', growthTemperatureC: 30, applicationsZh: ['氨基酸发酵'], products: ['L-谷氨酸', 'L-赖氨酸'], keyGenes: ['lysC', 'dapA'] }) },
  { by: 'demo.institute', stage: 'accessioned', body: B('Bacillus', 'subtilis', { strainDesignation: 'CQ-BS168', nameZh: '枯草芽孢杆菌', otherNumbers: ['ATCC 6051'], typeStrain: true, depositorNameZh: '李研究员（示例）', isolationSourceZh: '土壤', isolationPlaceZh: '重庆市北碚区缙云山', isolationLat: 29.84, isolationLon: 106.38, isolatedOn: '2023-09-12', depositedOn: '2025-03-02', mediumZh: 'LB 培养基', applicationsZh: ['工业酶生产'], products: ['碱性蛋白酶'], enzymes: ['碱性蛋白酶', 'α-淀粉酶'], tolerances: ['耐热'], keyGenes: ['aprE', 'amyE'] }) },
  { by: 'demo.enterprise', stage: 'accessioned', body: B('Saccharomyces', 'cerevisiae', { organismKind: 'yeast', strainDesignation: 'CQ-SC-JB7', nameZh: '酿酒酵母', depositorNameZh: '王工程师（示例）', isolationSourceZh: '白酒酒曲', isolationPlaceZh: '重庆市江津区', isolationLat: 29.29, isolationLon: 106.26, isolatedOn: '2022-11-03', depositedOn: '2025-01-15', mediumZh: 'YPD 培养基', growthTemperatureC: 30, atmosphere: 'facultative', applicationsZh: ['白酒酿造', '乙醇发酵'], products: ['乙醇'], tolerances: ['耐乙醇'] }) },
  { by: 'demo.institute', stage: 'accessioned', body: B('Aspergillus', 'niger', { organismKind: 'filamentousFungus', strainDesignation: 'CQ-AN3', nameZh: '黑曲霉', otherNumbers: ['CICC 2089'], depositorNameZh: '李研究员（示例）', depositedOn: '2024-12-20', mediumZh: 'PDA 培养基', growthTemperatureC: 32, applicationsZh: ['柠檬酸发酵'], products: ['柠檬酸'], enzymes: ['糖化酶'] }) },
  { by: 'demo.enterprise', stage: 'accessioned', body: B('Escherichia', 'coli', { strainDesignation: 'BL21(DE3)', nameZh: '大肠杆菌', gmo: true, depositorNameZh: '王工程师（示例）', historyZh: '商业化表达宿主，引入本库作共享工作菌株（示例）', depositedOn: '2025-02-08', mediumZh: 'LB 培养基', applicationsZh: ['重组蛋白表达'], products: ['重组胶原蛋白'], keyGenes: ['T7 RNA polymerase'] }) },
  { by: 'demo.institute', stage: 'accessioned', body: B('Lactiplantibacillus', 'plantarum', { strainDesignation: 'CQ-LP-PC12', nameZh: '植物乳植杆菌（原植物乳杆菌 Lactobacillus plantarum）', depositorNameZh: '李研究员（示例）', isolationSourceZh: '重庆传统泡菜', isolationPlaceZh: '重庆市荣昌区', isolationLat: 29.40, isolationLon: 105.59, isolatedOn: '2024-03-18', depositedOn: '2025-05-06', mediumZh: 'MRS 培养基', atmosphere: 'facultative', applicationsZh: ['泡菜发酵剂', '益生菌'], products: ['乳酸'], tolerances: ['耐酸', '耐盐'] }) },
  { by: 'demo.enterprise', stage: 'accessioned', body: B('Klebsiella', 'pneumoniae', { strainDesignation: 'CQ-KP-PDO', nameZh: '肺炎克雷伯菌', hazardClass: 3, biosafetyLevel: 2, depositorNameZh: '王工程师（示例）', depositedOn: '2025-03-25', mediumZh: 'LB 培养基', atmosphere: 'facultative', applicationsZh: ['1,3-丙二醇发酵'], products: ['1,3-丙二醇'], keyGenes: ['dhaB'] }) },
  { by: 'demo.institute', stage: 'accessioned', body: B('Brucella', 'melitensis', { strainDesignation: 'M5', nameZh: '羊种布鲁氏菌（疫苗株）', hazardClass: 2, biosafetyLevel: 3, restrictionNoteZh: '第二类病原微生物，仅向具备 BSL-3 条件的单位提供', depositorNameZh: '李研究员（示例）', isolationSourceZh: '疫苗生产用减毒株', isolationPlaceZh: '（受限）示例分离地', depositedOn: '2025-06-01', mediumZh: '胰蛋白胨大豆琼脂', atmosphere: 'co2', applicationsZh: ['兽用疫苗研究'], keyGenes: ['virB'] }) },
  { by: 'demo.enterprise', stage: 'accessioned', body: B('Komagataella', 'phaffii', { organismKind: 'yeast', strainDesignation: 'GS115', nameZh: '法夫驹形氏酵母（毕赤酵母）', otherNumbers: ['ATCC 20864'], depositorNameZh: '王工程师（示例）', depositedOn: '2025-07-12', mediumZh: 'BMGY 培养基', growthTemperatureC: 30, applicationsZh: ['重组蛋白表达'], products: ['植酸酶'] }) },
  { by: 'demo.institute', stage: 'checked', body: B('Trichoderma', 'reesei', { organismKind: 'filamentousFungus', strainDesignation: 'CQ-TR9', nameZh: '里氏木霉', depositorNameZh: '李研究员（示例）', depositedOn: '2025-09-01', mediumZh: 'PDA 培养基', growthTemperatureC: 28, applicationsZh: ['纤维素酶生产'], enzymes: ['纤维素酶'] }) },
  { by: 'demo.curator', stage: 'received', body: B('Streptomyces', 'coelicolor', { organismKind: 'actinomycete', strainDesignation: 'A3(2)', nameZh: '天蓝色链霉菌', depositorNameZh: '中试基地（示例）', depositedOn: '2025-10-10', mediumZh: '高氏一号培养基', growthTemperatureC: 28, applicationsZh: ['抗生素研究'], products: ['放线紫红素'] }) },
  { by: 'demo.enterprise', stage: 'submitted', body: B('Zymomonas', 'mobilis', { strainDesignation: 'CQ-ZM4', nameZh: '运动发酵单胞菌', depositorNameZh: '王工程师（示例）', depositedOn: '2025-11-20', mediumZh: 'RM 培养基', growthTemperatureC: 30, atmosphere: 'anaerobic', applicationsZh: ['生物乙醇'], products: ['乙醇'] }) },
  { by: 'demo.enterprise', stage: 'rejected', body: B('Pseudomonas', 'putida', { strainDesignation: 'CQ-PP2', nameZh: '恶臭假单胞菌', depositorNameZh: '王工程师（示例）', depositedOn: '2025-08-02', mediumZh: 'LB 培养基', growthTemperatureC: 30, applicationsZh: ['芳香族化合物降解'] }) },
];

const GERMPLASM = [
  { kind: 'plant', nameZh: '桑', latinName: 'Morus alba', varietyZh: '嘉陵 30 号', siteZh: '秦巴山区', siteLat: 31.40, siteLon: 109.63, collectedOn: '2023-06-15', traitsZh: '高产叶用桑品种，抗病性强' },
  { kind: 'insect', nameZh: '家蚕', latinName: 'Bombyx mori', varietyZh: '872 × 871', siteZh: '北碚', siteLat: 29.82, siteLon: 106.43, collectedOn: '2024-04-20', traitsZh: '四眠蚕，茧丝长，适合重庆春秋蚕期' },
  { kind: 'plant', nameZh: '黄连', latinName: 'Coptis chinensis', siteZh: '石柱', siteLat: 30.00, siteLon: 108.11, collectedOn: '2023-10-08', traitsZh: '道地药材，小檗碱含量高' },
  { kind: 'plant', nameZh: '金佛山方竹', latinName: 'Chimonobambusa utilis', siteZh: '金佛山', siteLat: 29.02, siteLon: 107.18, collectedOn: '2024-09-02', traitsZh: '秋季出笋，笋用价值高' },
  { kind: 'plant', nameZh: '杜仲', latinName: 'Eucommia ulmoides', siteZh: '大巴山', siteLat: 31.95, siteLon: 108.66, collectedOn: '2022-07-21', traitsZh: '胶用与药用兼用' },
  { kind: 'insect', nameZh: '中华蜜蜂', latinName: 'Apis cerana', siteZh: '大巴山', siteLat: 31.95, siteLon: 108.66, collectedOn: '2024-05-11', traitsZh: '耐寒，适应山区零星蜜源' },
  { kind: 'animal', nameZh: '荣昌猪', latinName: 'Sus scrofa', varietyZh: '荣昌猪', siteZh: '荣昌', siteLat: 29.40, siteLon: 105.59, collectedOn: '2023-03-01', traitsZh: '中国八大地方猪种之一，耐粗饲' },
  { kind: 'animal', nameZh: '中国大鲵', latinName: 'Andrias davidianus', siteZh: '金佛山', siteLat: 29.05, siteLon: 107.20, collectedOn: '2021-08-30', traitsZh: '国家二级保护野生动物，采集地不公开', restricted: true },
];

async function ctxOf(database: Database, username: string): Promise<Ctx | null> {
  const u = await database.db.selectFrom('appUser').select(['id', 'username', 'displayName', 'organisationId', 'roles']).where('username', '=', username).executeTakeFirst();
  return u ? { requestId: 'demo', principal: { userId: u.id, username: u.username, displayName: u.displayName, organisationId: u.organisationId, roles: u.roles as Role[], via: 'session', scopes: null } } : null;
}

export async function loadDemoStrains(database: Database): Promise<number> {
  const { db } = database;
  const users = ['demo.curator', 'demo.biosafety', 'demo.taskforce', 'demo.enterprise', 'demo.institute', 'demo.pilotbase'] as const;
  const ctx = Object.fromEntries(await Promise.all(users.map(async (u) => [u, await ctxOf(database, u)] as const))) as Record<(typeof users)[number], Ctx | null>;
  const curator = ctx['demo.curator'];
  if (!curator) return 0;
  const s = recordsServices(database, { now: () => new Date(), files: fileService(database), plan: planService(database) });
  const today = todayIn(new Date());
  let records = 0;

  if (!(await db.selectFrom('biosafetyLab').select('id').where('isDemo', '=', true).executeTakeFirst())) {
    const cert = (n: number) => ({ certificateNo: `CNAS BL${String(n).padStart(4, '0')}（示例）`, certifiedOn: addDays(today, -365), certificateExpiresOn: addDays(today, 4 * 365) });
    const labs: [Ctx | null, Record<string, unknown>][] = [
      [ctx['demo.enterprise'], { nameZh: '示例合成生物科技发酵实验室', biosafetyLevel: 2, addressZh: '重庆市万州区示例路 1 号', ...cert(101) }],
      [ctx['demo.institute'], { nameZh: '示例生物制造研究院 P3 实验室', biosafetyLevel: 3, addressZh: '重庆市沙坪坝区示例路 8 号', ...cert(102) }],
      [ctx['demo.institute'], { nameZh: '示例生物制造研究院微生物实验室（证书过期）', biosafetyLevel: 2, certificateNo: 'CNAS BL0099（示例）', certifiedOn: addDays(today, -6 * 365), certificateExpiresOn: addDays(today, -30) }],
      [ctx['demo.pilotbase'], { nameZh: '璧山中试基地发酵车间实验室', biosafetyLevel: 2, addressZh: '重庆市璧山区示例大道 99 号', ...cert(103) }],
      [curator, { nameZh: '菌种资源库保藏实验室', biosafetyLevel: 2, addressZh: '重庆市沙坪坝区示例路 10 号', ...cert(104) }],
    ];
    const ids: string[] = [];
    for (const [by, body] of labs) if (by) { ids.push((await s.labs.create(by, body as never)).id as string); records++; }
    if (ids.length) await db.updateTable('biosafetyLab').set({ isDemo: true }).where('id', 'in', ids).execute();
  }

  if (!(await db.selectFrom('germplasm').select('id').where('isDemo', '=', true).executeTakeFirst())) {
    const ids: string[] = [];
    for (const g of GERMPLASM) { ids.push((await s.germplasm.create(curator, g as never)).id as string); records++; }
    await db.updateTable('germplasm').set({ isDemo: true }).where('id', 'in', ids).execute();
  }

  const officer = ctx['demo.biosafety'];
  if (officer && ctx['demo.taskforce'] && !(await db.selectFrom('biosafetyOfficer').select('userId').where('userId', '=', officer.principal!.userId).executeTakeFirst())) {
    await s.officers.appoint(ctx['demo.taskforce'], { userId: officer.principal!.userId, noteZh: '示例任命' });
    records++;
  }

  if (!(await db.selectFrom('strain').select('id').where('isDemo', '=', true).executeTakeFirst())) {
    const pilotOrg = ctx['demo.pilotbase']?.principal?.organisationId ?? null;
    const ids: string[] = [];
    for (const x of STRAINS) {
      const by = ctx[x.by];
      if (!by) continue;
      const made = await s.deposits.submit(by, { ...x.body, ...(x.by === 'demo.curator' && pilotOrg ? { depositorOrganisationId: pilotOrg } : {}) } as never);
      ids.push(made.id);
      records++;
      if (x.stage === 'submitted') continue;
      if (x.stage === 'rejected') { await s.deposits.reject(curator, made.id, { reasonZh: '送检材料混有杂菌，请重新纯化后再提交（示例）' }); continue; }
      await s.deposits.receive(curator, made.id, { receivedOn: addDays(today, -20), receivedConditionZh: '包装完好，冷链温度正常', receivedMaterialZh: '冻干管 2 支、斜面 1 支' });
      if (x.stage === 'received') continue;
      for (const kind of ['purity', 'viability', 'identity'] as const) {
        await s.deposits.recordCheck(curator, made.id, { kind, passed: true, testedOn: addDays(today, -10),
          methodZh: { purity: '平板划线与镜检', viability: '复苏后活菌计数', identity: '16S rRNA / ITS 测序比对' }[kind], resultZh: { purity: '纯培养', viability: '复苏良好', identity: '与申报种名一致' }[kind] });
      }
      await s.deposits.markChecked(curator, made.id);
      if (x.stage === 'checked') continue;
      await s.deposits.accession(curator, made.id);
    }
    if (ids.length) await db.updateTable('strain').set({ isDemo: true }).where('id', 'in', ids).execute();
  }
  return records;
}
