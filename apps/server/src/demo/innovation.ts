import type { Database } from '../platform/db/database.js';
import type { Ctx } from '../platform/context/ctx.js';
import type { Role } from '../platform/access/model.js';
import { systemCtx } from '../platform/context/ctx.js';
import { identityService } from '../platform/identity/service.js';
import { fileService } from '../platform/files/files.js';
import { planService } from '../modules/plan/service.js';
import { innovationServices } from '../modules/innovation/index.js';
import { seedInnovation } from '../modules/innovation/seed.js';
import type { PlatformInput } from '../modules/innovation/model/platforms.js';
import { ipServices } from '../modules/ip/index.js';
import { seedIp } from '../modules/ip/seed.js';
import { IP_CENTRE, type IpKind } from '../modules/ip/model/labels.js';
import type { RightInput } from '../modules/ip/model/rights.js';
import { DEMO_PASSWORD } from './data.js';

/**
 * Demonstration innovation platforms and IP (示例): a dozen platforms beyond the seeded ones
 * (hosted by the demo institute and enterprise and the universities the plan names), with shared
 * instruments; about sixty-five rights held by them, linked to demo enterprises, platforms and
 * achievements; a few infringement reports at each stage, handled by a demo user of the IP
 * operations centre (demo.ipcentre). Loaded once (skipped when a demo platform exists), through
 * the services, so every record has its audit row. Call after loadDemoIndustry and loadDemoPilot.
 */

type Host = 'inst' | 'ent' | 'cqu' | 'swu' | 'cigit';
interface DemoPlatform extends Omit<PlatformInput, 'hostIds'> { hosts: Host[]; instruments: [string, string, number][] }

const KJJ = '重庆市科学技术局';
const PLATFORMS: DemoPlatform[] = [
  { nameZh: '重庆市生物基材料工程研究中心（示例）', kind: 'engineeringCentre', level: 'municipal', fields: ['生物基材料', '聚合工艺'], domains: ['biochem'], recognisedOn: '2024-06-20', recognisedByZh: '重庆市发展和改革委员会', hosts: ['ent', 'cqu'],
    summaryZh: '1,3-丙二醇、丁二酸等生物基单体及聚酯的工程化开发。', instruments: [['凝胶渗透色谱仪', 'GPC-50', 86], ['双螺杆挤出机', 'TSE-35', 120]] },
  { nameZh: '重庆市合成生物制造技术创新中心（示例）', kind: 'technologyCentre', level: 'municipal', fields: ['合成生物学', '底盘细胞'], domains: ['biochem', 'bioagrifood'], recognisedOn: '2025-03-15', recognisedByZh: KJJ, hosts: ['inst', 'ent', 'swu'],
    summaryZh: '面向高值化学品的底盘细胞构建与代谢途径优化。', instruments: [['高通量液滴微流控筛选系统', 'DropMaker-2', 460], ['自动化菌落挑选仪', 'QPix 460', 320], ['GC-MS 联用仪', '8890/5977B', 180]] },
  { nameZh: '国家生物制造产业创新中心重庆分中心（示例）', kind: 'technologyCentre', level: 'national', fields: ['生物制造', '发酵工程'], domains: ['biochem', 'biopharma'], recognisedOn: '2025-11-08', recognisedByZh: '科学技术部', hosts: ['inst', 'cqu'],
    summaryZh: '承担国家生物制造重大攻关任务，建设共性技术平台。', instruments: [['500 L 发酵罐', 'BioFlo-500', 260], ['连续层析系统', 'PCC-4', 380]] },
  { nameZh: '西部生物医药概念验证中心（示例）', kind: 'proofOfConcept', level: 'municipal', fields: ['抗体', '概念验证'], domains: ['biopharma'], recognisedOn: '2024-12-01', recognisedByZh: KJJ, hosts: ['inst'],
    summaryZh: '为高校院所生物药成果提供概念验证与早期转化服务。', instruments: [['表面等离子共振仪', 'Biacore 8K', 450]] },
  { nameZh: '酶工程与生物催化重庆市重点实验室（示例）', kind: 'lab', level: 'municipal', fields: ['酶工程', '生物催化'], domains: ['biochem'], recognisedOn: '2024-09-10', recognisedByZh: KJJ, hosts: ['cigit'],
    summaryZh: '工业酶定向进化与多酶级联催化。', instruments: [['圆二色光谱仪', 'J-1500', 150]] },
  { nameZh: '特色发酵食品重庆市重点实验室（示例）', kind: 'lab', level: 'municipal', fields: ['发酵食品', '菌种改良'], domains: ['bioagrifood'], recognisedOn: '2023-12-20', recognisedByZh: KJJ, hosts: ['swu'],
    summaryZh: '西南传统发酵食品微生物的挖掘与定向改良。', instruments: [['全自动微生物鉴定系统', 'VITEK 2', 95], ['气相色谱仪', 'GC-2030', 60]] },
  { nameZh: '生物能源与环境工程研究中心（示例）', kind: 'engineeringCentre', level: 'incubating', fields: ['生物燃料', '餐厨垃圾'], domains: ['bioenergy'], hosts: ['ent'],
    summaryZh: '餐厨废油制生物航煤、秸秆制氢的工程化研究（培育）。', instruments: [] },
  { nameZh: '蚕丝生物材料新型研发机构（示例）', kind: 'newRnd', level: 'incubating', fields: ['蚕丝蛋白', '纳米材料'], domains: ['biopharma', 'bioagrifood'], hosts: ['swu', 'ent'],
    summaryZh: '蚕丝蛋白纳米材料在医药与化妆品中的应用（培育）。', instruments: [['冷冻干燥机', 'FreeZone 12', 40]] },
  { nameZh: '细胞培养药材原料技术创新中心（示例）', kind: 'technologyCentre', level: 'incubating', fields: ['植物细胞培养'], domains: ['biopharma'], hosts: ['inst'],
    summaryZh: '天山雪莲等非本地高值药材原料的细胞培养规模化（培育）。', instruments: [] },
  { nameZh: '合成生物学人工智能设计平台（示例）', kind: 'newRnd', level: 'municipal', status: 'building', fields: ['人工智能', '蛋白质设计'], domains: ['biochem', 'biopharma'], hosts: ['cqu', 'inst'],
    summaryZh: 'AI 驱动的蛋白质与代谢通路设计（筹建中）。', instruments: [] },
  { nameZh: '生物制造过程智能控制工程研究中心（示例）', kind: 'engineeringCentre', level: 'national', status: 'building', fields: ['过程控制', '数字孪生'], domains: ['biochem'], hosts: ['cqu', 'ent'],
    summaryZh: '发酵过程在线监测、数字孪生与智能工厂（筹建中）。', instruments: [] },
  { nameZh: '生物农药创制重庆市重点实验室（示例）', kind: 'lab', level: 'municipal', status: 'revoked', fields: ['生物农药'], domains: ['bioagrifood'], recognisedOn: '2019-05-06', recognisedByZh: KJJ, hosts: ['swu'],
    summaryZh: '绩效评估未通过，已撤销（示例）。', instruments: [] },
];

const PATENT_SUBJECTS = ['一种高产丁二酸的大肠杆菌工程菌及其构建方法', '一种 1,3-丙二醇发酵液的分离纯化方法', '一种耐高温脂肪酶突变体及其应用', '一种利用甲醇合成菌体蛋白的方法',
  '一种连续层析纯化单克隆抗体的方法', '一种蚕丝蛋白纳米颗粒的制备方法', '一种发酵罐在线尾气分析装置', '一种柠檬酸发酵菌株的诱变选育方法', '一种木糖醇的酶法制备工艺',
  '一种秸秆水解液脱毒方法', '一种重组胶原蛋白的表达载体', '一种生物基聚酯的聚合装置', '一种泡菜乳酸菌复合发酵剂', '一种餐厨废油制备生物航煤的催化剂',
  '一种高通量液滴分选芯片', '一种戊二胺的全细胞催化生产方法'];
const STANDARDS: [string, string, string][] = [
  ['group', 'T/CQSWZZ 001—2025', '生物基 1,3-丙二醇'], ['group', 'T/CQSWZZ 002—2025', '合成生物制造用菌种保藏技术规范'], ['local', 'DB50/T 1601—2024', '发酵类生物制造企业安全生产规范'],
  ['local', 'DB50/T 1655—2025', '餐厨废弃油脂制生物航煤原料要求'], ['industry', 'QB/T 6001—2025', '生物发酵食品用乳酸菌发酵剂'], ['group', 'T/CQSWZZ 003—2026', '重组胶原蛋白原料'],
];
const SOFTWARE = ['发酵过程数字孪生系统 V1.0', '菌种资源数据管理平台 V2.1', '酶分子智能设计软件 V1.0', '生物制造智能工厂 MES V3.0', '代谢通路分析软件 V1.2', '高通量筛选数据分析系统 V1.0'];
const VARIETIES = ['渝桑 2 号', '西农蚕 5 号', '渝柠 1 号', '巴渝香菇 3 号'];

export async function loadDemoInnovation(database: Database): Promise<number> {
  const { db } = database;
  if (await db.selectFrom('innovationPlatform').select('id').where('isDemo', '=', true).limit(1).executeTakeFirst()) return 0;
  const sys = systemCtx('demo');
  await seedInnovation(db, sys);
  await seedIp(db, sys);
  const centre = (await db.selectFrom('organisation').select('id').where('kind', '=', IP_CENTRE.kind).where('nameZh', '=', IP_CENTRE.nameZh).executeTakeFirstOrThrow()).id;
  if (!(await db.selectFrom('appUser').select('id').where('username', '=', 'demo.ipcentre').executeTakeFirst()))
    await identityService(database).createUser(sys, { username: 'demo.ipcentre', displayName: '知识产权运营中心受理员（示例）', roles: ['unit'], password: DEMO_PASSWORD, organisationId: centre }, { isDemo: true });

  const as = async (username: string): Promise<Ctx> => {
    const u = await db.selectFrom('appUser').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
    return { requestId: 'demo', principal: { userId: u.id, username: u.username, displayName: u.displayName, organisationId: u.organisationId, roles: u.roles as Role[], via: 'session', scopes: null } };
  };
  const [tf, ent, inst, expert, handler] = await Promise.all(['demo.taskforce', 'demo.enterprise', 'demo.institute', 'demo.expert', 'demo.ipcentre'].map(as));
  const orgByName = async (kind: string, nameZh: string) => (await db.selectFrom('organisation').select('id').where('kind', '=', kind).where('nameZh', '=', nameZh).executeTakeFirstOrThrow()).id;
  const hosts: Record<Host, string> = {
    inst: inst.principal!.organisationId!, ent: ent.principal!.organisationId!,
    cqu: await orgByName('university', '重庆大学'), swu: await orgByName('university', '西南大学'), cigit: await orgByName('institute', '中科院重庆绿色智能技术研究院'),
  };
  const deps = { plan: planService(database), files: fileService(database) };
  const inno = innovationServices(database, deps);
  const ip = ipServices(database, deps);
  let records = 0;

  const platformIds: string[] = [];
  for (const { hosts: h, instruments, ...p } of PLATFORMS) {
    const made = await inno.platforms.create(tf, { ...p, hostIds: h.map((k) => hosts[k]) });
    platformIds.push(made.id);
    for (const [nameZh, model, valueWan] of instruments)
      await inno.platforms.addInstrument(tf, made.id, { nameZh, model, valueWan, openToShare: true, bookingContactZh: '平台办公室 023-6000-0000（示例）' });
    records += 1 + instruments.length;
  }
  await db.updateTable('innovationPlatform').set({ isDemo: true }).where('id', 'in', platformIds).execute();
  const seeded = (await db.selectFrom('innovationPlatform').select('id').where('isDemo', '=', false).execute()).map((x) => x.id);

  const enterprises = (await db.selectFrom('enterprise').select(['id', 'organisationId']).orderBy('creditCode').limit(20).execute());
  const achievements = (await db.selectFrom('pilotAchievement').select(['id', 'organisationId']).where('organisationId', '=', hosts.inst).execute()).map((a) => a.id);
  const holderSets: Host[][] = [['ent'], ['inst'], ['ent', 'inst'], ['cqu', 'ent'], ['swu'], ['cigit', 'inst']];
  const rights: { id: string; kind: IpKind; inForce: boolean; holders: Host[] }[] = [];
  const record = async (input: Omit<RightInput, 'holderIds'>, holders: Host[], i: number) => {
    const r = await ip.rights.create(tf, { ...input, holderIds: holders.map((k) => hosts[k]) });
    rights.push({ id: r.id, kind: input.kind, inForce: r.inForce, holders });
    const links: [string, string][] = [];
    if (enterprises.length) links.push(['enterprise', enterprises[i % enterprises.length].id]);
    if (i % 3 === 0) links.push(['platform', platformIds[Math.floor(i / 3) % 8]]);
    else if (i % 5 === 1 && seeded.length) links.push(['platform', seeded[i % seeded.length]]);
    if (i % 7 === 2 && achievements.length) links.push(['achievement', achievements[i % achievements.length]]);
    for (const [targetKind, targetId] of links) await ip.rights.link(tf, r.id, { targetKind: targetKind as never, targetId });
    records += 1 + links.length;
  };

  let i = 0;
  for (const [n, title] of PATENT_SUBJECTS.entries()) {
    for (const year of [2022, 2023, 2024]) {
      const type = n % 5 === 4 ? 'utility' : 'invention';
      const filedOn = `${year}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 27) + 1).padStart(2, '0')}`;
      const status = year < 2024 ? (n % 8 === 7 ? 'lapsed' : 'granted') : (n % 3 === 0 ? 'granted' : 'filed');
      const number = `ZL${year}${type === 'utility' ? 2 : 1}${String(10_000_000 + n * 37_129 + year).slice(1)}.${(n + year) % 10}`;
      await record({
        kind: 'patent', subtype: type, number, titleZh: year === 2023 ? title : title.replace('一种', year === 2022 ? '一种高效的' : '一种改进的'), status, filedOn,
        grantedOn: status === 'filed' ? null : `${year + 1}-${String((n % 12) + 1).padStart(2, '0')}-15`, inventors: [['张', '李', '王', '刘'][n % 4] + '某', ['陈', '杨', '赵'][n % 3] + '某'],
        abstractZh: `${title}（示例数据）。`,
      }, holderSets[i % holderSets.length], i++);
    }
  }
  for (const [subtype, number, titleZh] of STANDARDS)
    await record({ kind: 'standard', subtype, number, titleZh, status: number.endsWith('2026') ? 'drafting' : 'published', grantedOn: number.endsWith('2026') ? null : `${number.slice(-4)}-01-10`, inventors: ['起草组（示例）'] }, holderSets[i % holderSets.length], i++);
  for (const [n, titleZh] of SOFTWARE.entries())
    await record({ kind: 'softwareCopyright', number: `2025SR${String(1_200_000 + n * 4_321).padStart(7, '0')}`, titleZh, status: n === 5 ? 'filed' : 'registered', grantedOn: n === 5 ? null : `2025-0${n + 1}-20` }, holderSets[i % holderSets.length], i++);
  for (const [n, titleZh] of VARIETIES.entries())
    await record({ kind: 'plantVariety', number: `CNA2023${String(1000 + n * 7).padStart(5, '0')}.${n}`, titleZh, status: n === 3 ? 'filed' : 'granted', filedOn: '2023-04-01', grantedOn: n === 3 ? null : '2025-06-30' }, ['swu'], i++);
  await db.updateTable('ipRight').set({ isDemo: true }).where('id', 'in', rights.map((r) => r.id)).execute();

  // Reports at each stage, about rights in force: the expert reports; the enterprise reports about another's right; the centre handles them.
  const inForce = rights.filter((r) => r.inForce);
  const reports = [
    { by: expert, right: inForce[0], infringerZh: '某生物科技有限公司（示例）', descriptionZh: '其宣传资料中的丁二酸生产工艺与本专利权利要求 1 所述方法一致。', moves: [] as [string, string | null][] },
    { by: ent, right: inForce.find((r) => !r.holders.includes('ent'))!, infringerZh: '某网店（示例）', descriptionZh: '销售标称采用本专利技术的酶制剂产品。', moves: [['investigating', '已调取网店销售记录']] as [string, string | null][] },
    { by: expert, right: inForce.find((r) => r.kind === 'standard')!, infringerZh: '某化工企业（示例）', descriptionZh: '擅自使用本团体标准名称进行产品宣传。', moves: [['investigating', '已约谈涉事企业'], ['resolved', '涉事企业已整改，停止使用标准名称']] as [string, string | null][] },
    { by: inst, right: inForce.find((r) => r.kind === 'softwareCopyright')!, infringerZh: '匿名网站（示例）', descriptionZh: '网站转载软件安装包。', moves: [['dismissed', '举报对象无法核实，请补充证据后重新举报']] as [string, string | null][] },
  ];
  for (const r of reports) {
    const made = await ip.reports.create(r.by, { ipRightId: r.right.id, infringerZh: r.infringerZh, descriptionZh: r.descriptionZh });
    for (const [to, noteZh] of r.moves) await ip.reports.move(handler, made.id, { to: to as never, noteZh });
    await db.updateTable('ipInfringementReport').set({ isDemo: true }).where('id', '=', made.id).execute();
    records += 1 + r.moves.length;
  }
  return records;
}
