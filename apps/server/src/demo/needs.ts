import type { Database } from '../platform/db/database.js';
import type { Ctx } from '../platform/context/ctx.js';
import type { Role } from '../platform/access/model.js';
import { systemCtx } from '../platform/context/ctx.js';
import { audit } from '../platform/audit/audit.js';
import { fileService } from '../platform/files/files.js';
import { planService } from '../modules/plan/service.js';
import { challengeServices } from '../modules/challenges/index.js';
import { parseIndicators } from '../modules/challenges/needs.excel.js';
import type { NeedInput } from '../modules/challenges/model/needs.js';

/**
 * Demonstration technology needs (task 2): 30 needs across the five fields from the demo
 * enterprise, institute and departments; 22 accepted and published as the 2025 edition of the
 * catalog; in 2026 two withdrawn, two revised, five more accepted, one waiting for review, one
 * returned with its reason and one still a draft, and the 2026 draft edition rolled from 2025
 * showing those changes. Loaded once (skipped when any need exists), through the services acting
 * as the demo users with the clock set to when each step happened, so every record has its audit row.
 */

type Raiser = 'ent' | 'inst' | 'unit' | 'kjj';
/** [raiser, field, domain, title, problem, current level, indicators as a sheet writes them, outcome, mode, funding 万元, named field for "other"] */
type Row = [Raiser, NeedInput['field'], string, string, string, string, string, string, 'single' | 'parallel', number, string?];

const NEEDS: Row[] = [
  ['ent', 'dnaRna', 'biochem', '工业菌株长片段 DNA 高保真合成与组装', '百 kb 级 DNA 合成依赖境外服务商，周期长、成本高，制约代谢途径快速构建', '国外已实现百 kb 级商业化合成；国内主流为 10 kb 以内', '单次组装长度：100 kb；错误率：0.01 %；交付周期：10 天', '建成长片段 DNA 合成组装平台，服务本地企业', 'single', 1500],
  ['inst', 'dnaRna', 'biopharma', 'mRNA 加帽酶与修饰核苷国产化', '加帽酶、修饰核苷等关键原料依赖进口，价格高、供应不稳', '国外供应商垄断高纯度原料；国内小试阶段', '加帽效率：98 %；原料纯度：99.5 %；成本下降：50 %', '形成吨级修饰核苷与酶原料供应能力', 'parallel', 2000],
  ['ent', 'dnaRna', 'bioagrifood', '微生物基因组多位点高效编辑工具', '工业菌株多基因同时编辑效率低，改造周期长', '国外已有多重编辑工具包，专利壁垒高', '同时编辑位点数：10 个；编辑效率：90 %', '自主知识产权的多位点编辑工具及菌株改造服务', 'single', 800],
  ['inst', 'dnaRna', 'biochem', '酶促 DNA 从头合成技术', '化学合成 DNA 使用有毒试剂，长度受限', '国外酶促合成已进入商业化早期', '单步偶联效率：99.5 %；合成长度：300 nt', '酶促 DNA 合成样机及配套酶制剂', 'parallel', 1200],
  ['unit', 'dnaRna', 'biopharma', '基因治疗病毒载体高产细胞系构建', '病毒载体产量低、成本高，制约基因治疗产品放大', '国外悬浮细胞系滴度领先一个数量级', '载体滴度：1e15 vg/L；空壳率：10 %', '高产稳定细胞系及工艺包', 'single', 2500],
  ['ent', 'dnaRna', 'bioenergy', '非模式菌遗传操作系统构建', '耐逆非模式菌缺乏遗传工具，难以工程化', '国内外均处研究阶段', '转化效率：1e6 cfu/μg；可用启动子：20 个', '非模式菌底盘及工具包', 'single', 600],
  ['ent', 'screening', 'biochem', '超高通量微流控液滴分选系统', '核心分选芯片依赖进口，通量不足每秒千滴', '国外产品每秒数千滴；国内处于样机阶段', '分选通量：3000 滴/秒；分选准确率：99 %', '国产化超高通量筛选装备并在 3 家企业应用', 'single', 1800],
  ['inst', 'screening', 'biopharma', '抗体高通量单细胞筛选平台', '单 B 细胞筛选依赖进口设备，通量低', '国外平台每日万级细胞', '每日筛选细胞：50000 个；命中率：5 %', '自主单细胞抗体发现平台', 'parallel', 2200],
  ['ent', 'screening', 'bioagrifood', '酶活性高通量比色检测方法', '工业酶改造缺乏高通量检测方法，筛选瓶颈明显', '国外有通用检测试剂盒，成本高', '检测通量：10000 样/天；变异系数：5 %', '通用酶活检测方法及试剂', 'single', 300],
  ['unit', 'screening', 'biochem', '自动化菌株构建与筛选生物铸造厂', '菌株构建依赖人工，设计-构建-测试-学习循环慢', '国外生物铸造厂已实现全自动', '每周构建菌株：1000 株；自动化率：90 %', '建成市级生物铸造厂公共平台', 'parallel', 5000],
  ['inst', 'screening', 'bioenergy', '基于生物传感器的代谢物高通量筛选', '目标代谢物缺乏可检测表型，难以高通量筛选', '国外已开发多类转录因子传感器', '传感器动态范围：50 倍；检测限：0.1 mM', '系列代谢物生物传感器', 'single', 500],
  ['ent', 'screening', 'biopharma', '类器官药物筛选标准化平台', '类器官批间差异大，筛选结果重复性差', '国外已形成标准化类器官库', '批间差异：15 %；类器官库规模：200 种', '标准化类器官药物筛选服务', 'single', 900],
  ['inst', 'design', 'biochem', '工业酶人工智能从头设计', '高温、有机溶剂下酶活低，天然酶难以满足工艺', '国外 AI 设计酶已进入应用', '最适温度提高：20 ℃；比活提高：5 倍', '系列耐热工业酶及设计平台', 'parallel', 1600],
  ['ent', 'design', 'biopharma', '双特异性抗体结构设计与成药性优化', '双抗错配率高、稳定性差', '国外平台技术专利壁垒高', '正确配对率：95 %；表达量：3 g/L', '自主双抗平台技术', 'single', 2000],
  ['inst', 'design', 'bioagrifood', '高表达食品级蛋白细胞工厂', '功能蛋白表达量低、成本高', '国外精准发酵蛋白已商业化', '表达量：20 g/L；纯度：95 %', '食品级蛋白细胞工厂及发酵工艺', 'single', 1000],
  ['unit', 'design', 'biopharma', 'CHO 细胞株快速构建平台', '高表达细胞株构建周期长达半年以上', '国外平台 3 个月内完成', '构建周期：8 周；表达量：5 g/L', '细胞株开发公共服务平台', 'parallel', 1500],
  ['ent', 'design', 'biochem', '人工固碳途径设计与菌株构建', '二氧化碳生物转化效率低', '国内外处于实验室阶段', '固碳速率：2 g/L/d；产物得率：60 %', '人工固碳菌株及中试验证', 'parallel', 3000],
  ['inst', 'design', 'bioenergy', '纤维素降解酶系理性设计', '秸秆糖化成本高、酶用量大', '国外复合酶制剂占据主要市场', '酶用量下降：40 %；糖化率：85 %', '高效纤维素酶系及应用示范', 'single', 700],
  ['ent', 'materials', 'biochem', '生物基聚酯单体 1,3-丙二醇高效合成', '生物法 1,3-丙二醇产率低、分离能耗高', '国外龙头企业产率领先', '产物浓度：120 g/L；分离能耗下降：30 %', '万吨级生产工艺包', 'single', 2500],
  ['inst', 'materials', 'biochem', '可降解 PHA 材料低成本合成', 'PHA 成本为传统塑料数倍', '国外嗜盐菌开放发酵已示范', '生产成本：15000 元/吨；含量：80 %', 'PHA 低成本生产工艺', 'parallel', 2000],
  ['unit', 'materials', 'biochem', '生物基尼龙单体戊二胺产业化', '戊二胺转化率与纯化收率不足', '国内已有试点装置，成本偏高', '转化率：95 %；纯化收率：90 %', '千吨级生物基尼龙单体示范线', 'single', 3000],
  ['ent', 'materials', 'bioagrifood', '细菌纤维素高产与功能化', '细菌纤维素产率低，应用单一', '国外已用于医用敷料', '产率：15 g/L；拉伸强度：200 MPa', '功能化细菌纤维素材料', 'single', 600],
  ['inst', 'materials', 'biopharma', '医用胶原蛋白重组表达与成型', '重组胶原三螺旋结构难以形成', '国外重组人源胶原已上市', '表达量：10 g/L；热变性温度：38 ℃', '医用重组胶原材料', 'single', 1200],
  ['kjj', 'materials', 'bioenergy', '生物航煤前体高效合成', '生物航煤前体碳链长度难控制', '国外已有示范装置', '目标碳链选择性：80 %；产率：0.3 g/g', '生物航煤前体合成工艺', 'parallel', 4000],
  ['ent', 'other', 'biochem', '合成生物过程在线检测与控制', '发酵关键参数缺乏在线检测手段', '国外拉曼在线监测已商用', '在线检测参数：8 个；预测误差：5 %', '发酵过程数字化控制系统', 'single', 800, '过程分析与智能控制'],
  ['inst', 'other', 'biopharma', '基因线路生物安全评估方法', '工程菌环境释放风险缺乏评估方法', '国外已有指南，国内空白', '评估指标：12 项；检测限：1e-8', '工程菌生物安全评估规范', 'single', 400, '合成生物安全'],
  ['kjj', 'other', 'bioagrifood', '合成生物学标准物质与计量', '缺乏 DNA 定量与细胞计数标准物质', '国外计量院已发布系列标准物质', '标准物质：10 种；不确定度：3 %', '合成生物学标准物质体系', 'single', 500, '标准与计量'],
  ['ent', 'screening', 'bioenergy', '厌氧微生物高通量培养', '厌氧菌培养通量低、成功率低', '国内外均有局限', '培养通量：960 孔/批；成功率：70 %', '厌氧高通量培养装置', 'single', 450],
  ['inst', 'dnaRna', 'bioagrifood', '植物底盘基因组高效转化', '作物遗传转化效率低、基因型依赖强', '国外已突破部分作物', '转化效率：30 %；适用基因型：5 个', '高效转化体系及品种改良', 'single', 700],
  ['unit', 'design', 'biochem', '非天然氨基酸定点插入表达体系', '非天然氨基酸插入效率低', '国外已有正交翻译系统', '插入效率：80 %；表达量：1 g/L', '正交翻译系统与应用', 'single', 650],
];

/** The first 22 are accepted in 2025 and published; rows 22–26 are accepted in 2026; then one submitted, one returned, one draft. */
const ACCEPTED_2025 = 22;
const WITHDRAWN = [4, 11];
const REVISED: [number, Partial<NeedInput>][] = [
  [6, { fundingWan: 2000, currentLevelZh: '国外代表产品每秒 3000 滴以上；国内已有样机，芯片仍依赖进口' }],
  [18, { titleZh: '生物基聚酯单体 1,3-丙二醇高效合成与分离', indicators: [{ nameZh: '产物浓度', targetValue: 130, unit: 'g/L' }, { nameZh: '分离能耗下降', targetValue: 35, unit: '%' }] }],
];
const at = (iso: string) => new Date(`${iso}T02:00:00Z`);

export async function loadDemoNeeds(database: Database): Promise<number> {
  const { db } = database;
  if (await db.selectFrom('techNeed').select('id').limit(1).executeTakeFirst()) return 0;
  const as = async (username: string): Promise<Ctx> => {
    const u = await db.selectFrom('appUser').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
    return { requestId: 'demo', principal: { userId: u.id, username: u.username, displayName: u.displayName, organisationId: u.organisationId, roles: u.roles as Role[], via: 'session', scopes: null } };
  };
  const kjj = await db.selectFrom('organisation').select('id').where('kind', '=', 'department').where('nameZh', '=', '重庆市科学技术局（示例）').executeTakeFirstOrThrow();
  const who: Record<Raiser, Ctx> = { ent: await as('demo.enterprise'), inst: await as('demo.institute'), unit: await as('demo.unit'), kjj: await as('demo.taskforce') };
  const tf = who.kjj;
  let clock: Date = new Date();
  const s = challengeServices(database, { plan: planService(database), files: fileService(database), now: () => clock });
  const when = async <T>(iso: string, f: () => Promise<T>) => { clock = at(iso); return f(); };

  const ids: string[] = [];
  for (const [i, [raiser, field, domain, titleZh, problemZh, currentLevelZh, indicators, expectedOutcomeZh, suggestedMode, fundingWan, fieldOtherZh]] of NEEDS.entries()) {
    const parsed = parseIndicators(indicators);
    if (!parsed.ok) throw new Error(`demo need ${i}: ${parsed.bad.join(', ')}`);
    const raised = i < ACCEPTED_2025 ? `2025-09-${String(1 + i).padStart(2, '0')}` : `2026-0${2 + ((i - ACCEPTED_2025) % 4)}-10`;
    const n = await when(raised, () => s.needs.create(who[raiser], {
      titleZh, field, fieldOtherZh: fieldOtherZh ?? null, domain, problemZh, currentLevelZh, indicators: parsed.value, expectedOutcomeZh,
      contactNameZh: raiser === 'ent' ? '示例企业研发部' : raiser === 'inst' ? '示例研究院科研处' : '示例部门联络员', contactPhone: '023-6000-0000',
      suggestedMode, fundingWan, ...(raiser === 'kjj' ? { organisationId: kjj.id } : {}),
    }));
    ids.push(n.id);
    const last = NEEDS.length - 1;
    if (i === last) continue; // stays a draft
    await when(raised, () => s.needs.submit(who[raiser], n.id));
    if (i === last - 2) continue; // waits for review
    const reviewed = i < ACCEPTED_2025 ? '2025-11-20' : '2026-06-15';
    if (i === last - 1) {
      await when(reviewed, () => s.needs.returnNeed(who.unit, n.id, { reviewNoteZh: '请补充国内外代表性产品的技术参数对比，并细化目标指标的测试方法' }));
      continue;
    }
    await when(reviewed, () => s.needs.accept(i % 2 ? tf : who.unit, n.id));
  }
  const e2025 = await when('2025-12-10', () => s.catalogEditions.open(tf));
  await when('2025-12-10', () => s.catalogEditions.publish(tf, e2025.id));

  for (const i of WITHDRAWN) {
    await when('2026-04-08', () => (i === 4 ? s.needs.withdraw(who.unit, ids[i]) : s.needs.withdraw(tf, ids[i], { noteZh: '需求已由企业自筹资金解决，移出目录' })));
  }
  for (const [i, patch] of REVISED) await when('2026-05-12', () => s.needs.update(who.unit, ids[i], patch));
  const e2026 = await when('2026-07-01', () => s.catalogEditions.open(tf));

  await db.transaction().execute(async (trx) => {
    await trx.updateTable('techNeed').set({ isDemo: true }).where('id', 'in', ids).execute();
    await trx.updateTable('techNeedEdition').set({ isDemo: true }).where('id', 'in', [e2025.id, e2026.id]).execute();
    await audit(trx, systemCtx('demo'), {
      action: 'challenges.demo.flag', entityType: 'techNeed', entityId: 'demo',
      summary: `标记示例数据：技术需求 ${ids.length} 项、需求目录版次 2 个（Flagged demo needs and editions）`,
    });
  });
  return ids.length + 2;
}
