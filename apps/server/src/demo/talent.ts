import type { Database } from '../platform/db/database.js';
import type { Ctx } from '../platform/context/ctx.js';
import type { Role } from '../platform/access/model.js';
import { systemCtx } from '../platform/context/ctx.js';
import { audit } from '../platform/audit/audit.js';
import { todayIn } from '../platform/dates.js';
import { fileService } from '../platform/files/files.js';
import { planService } from '../modules/plan/service.js';
import { talentServices } from '../modules/talent/index.js';
import { seedTalent } from '../modules/talent/seed.js';
import type { CommitteeRole, EducationKind, TalentKind, TalentProgramme, TalentStatus } from '../modules/talent/model/labels.js';

/**
 * Demonstration talent records (tasks 18–20, action 6): about forty experts across the fields in
 * Chongqing's universities, the demo institute and demo enterprises, a few declared conflicts and
 * joint works, twelve committee members with their terms and consultations, ten high-end talents
 * (three national-level, one academician in post) and eight education programmes. People's names
 * carry （示例） so that no one mistakes them for real persons. Loaded once (skipped when a demo
 * expert exists), through the services as the demo task force, so every record has its audit row;
 * `demo.expert` signs in as the first expert.
 */

/** [surname+given name, title, organisation (looked up by name; free text if absent), fields, domains] */
type ExpertSeed = [string, string, string, string[], string[]];
const CQU = '重庆大学', SWU = '西南大学', AMU = '陆军军医大学', CQMU = '重庆医科大学';
const INST = '重庆示例生物制造研究院', ENT = '重庆示例合成生物科技有限公司';
const CIGIT = '中国科学院重庆绿色智能技术研究院（示例）';

const EXPERTS: ExpertSeed[] = [
  ['林志远', '研究员', INST, ['合成生物学', '代谢工程', '发酵工程'], ['biochem']],
  ['陈思齐', '教授', CQU, ['合成生物学', '蛋白质设计'], ['biochem', 'biopharma']],
  ['王立衡', '教授', CQU, ['发酵工程', '分离纯化'], ['biochem']],
  ['刘雨桐', '副教授', CQU, ['酶工程', '高通量筛选'], ['biochem']],
  ['赵明川', '教授', SWU, ['生物农业', '细胞工程'], ['bioagrifood']],
  ['孙蔓青', '教授', SWU, ['食品生物技术', '发酵工程'], ['bioagrifood']],
  ['周景行', '研究员', SWU, ['生物安全', '生物农业'], ['bioagrifood']],
  ['吴清和', '教授', AMU, ['生物医药', '细胞工程'], ['biopharma']],
  ['郑南星', '主任医师', AMU, ['生物医药', '生物安全'], ['biopharma']],
  ['冯子墨', '教授', CQMU, ['生物医药', '蛋白质设计'], ['biopharma']],
  ['褚晓岚', '副教授', CQMU, ['生物信息学', '合成生物学'], ['biopharma']],
  ['卫向东', '研究员', CIGIT, ['生物材料', '合成生物学'], ['biochem']],
  ['蒋文澜', '研究员', CIGIT, ['环境生物技术', '生物能源'], ['bioenergy']],
  ['沈一鸣', '高级工程师', ENT, ['发酵工程', '分离纯化'], ['biochem']],
  ['韩秋实', '总工程师', ENT, ['生物化工', '酶工程'], ['biochem']],
  ['杨柏舟', '研究员', INST, ['酶工程', '代谢工程'], ['biochem']],
  ['朱若溪', '副研究员', INST, ['高通量筛选', '生物信息学'], ['biochem']],
  ['秦怀远', '教授', CQU, ['生物材料', '生物化工'], ['biochem']],
  ['尤嘉禾', '教授', SWU, ['生物农业', '合成生物学'], ['bioagrifood']],
  ['许知微', '研究员', INST, ['分离纯化', '生物化工'], ['biochem']],
  ['何承宇', '教授', CQU, ['生物能源', '环境生物技术'], ['bioenergy']],
  ['吕清妍', '副教授', SWU, ['食品生物技术', '酶工程'], ['bioagrifood']],
  ['施慕白', '教授', CQMU, ['生物医药', '细胞工程'], ['biopharma']],
  ['张一帆', '研究员', CIGIT, ['合成生物学', '高通量筛选'], ['biochem']],
  ['孔令瑶', '高级工程师', '长寿示例生物基材料股份有限公司（示例）', ['生物材料', '生物化工'], ['biochem']],
  ['曹闻笛', '总经理', '重庆国际生物城示例抗体药业有限公司（示例）', ['生物医药', '分离纯化'], ['biopharma']],
  ['严书航', '研发总监', '璧山示例精准发酵科技有限公司（示例）', ['发酵工程', '食品生物技术'], ['bioagrifood']],
  ['华泽川', '首席科学家', '璧山示例细胞治疗有限公司（示例）', ['细胞工程', '生物医药'], ['biopharma']],
  ['金若谷', '高级工程师', '涪陵示例菌体蛋白有限公司（示例）', ['发酵工程', '生物化工'], ['biochem']],
  ['魏晴川', '工程师', '綦江示例生物航煤科技有限公司（示例）', ['生物能源', '生物化工'], ['bioenergy']],
  ['陶静姝', '教授', AMU, ['生物安全', '生物信息学'], ['biopharma']],
  ['姜牧野', '研究员', SWU, ['细胞工程', '生物农业'], ['bioagrifood']],
  ['戚远航', '教授', CQU, ['代谢工程', '发酵工程'], ['biochem']],
  ['谢知秋', '副研究员', INST, ['生物材料', '酶工程'], ['biochem']],
  ['邹明澈', '教授', CQMU, ['知识产权', '生物医药'], ['biopharma']],
  ['喻晚晴', '副教授', CQU, ['知识产权', '合成生物学'], ['biochem']],
  ['柏青山', '研究员', CIGIT, ['生物能源', '代谢工程'], ['bioenergy']],
  ['水映雪', '教授', SWU, ['食品生物技术', '生物农业'], ['bioagrifood']],
  ['窦永康', '教授', AMU, ['生物医药', '蛋白质设计'], ['biopharma']],
  ['章立言', '高级工程师', '梁平示例发酵食品有限公司（示例）', ['食品生物技术', '发酵工程'], ['bioagrifood']],
];

/** Committee: index into EXPERTS and role. */
const COMMITTEE: [number, CommitteeRole][] = [
  [1, 'chair'], [0, 'viceChair'], [7, 'viceChair'], [4, 'viceChair'],
  [2, 'member'], [5, 'member'], [9, 'member'], [11, 'member'], [13, 'member'], [17, 'member'], [22, 'member'], [23, 'member'],
];

interface TalentSeed { nameZh: string; kind: TalentKind; programme: TalentProgramme; programmeOtherZh?: string; org: string; fieldZh: string; titleZh?: string; teamSize?: number; arrivalOn: string | null; status: TalentStatus; leftOn?: string; support: { item: 'funding' | 'housing' | 'lab' | 'subsidy' | 'team' | 'other'; descriptionZh?: string; amountWan?: number }[] }
const TALENTS: TalentSeed[] = [
  { nameZh: '欧阳澈（示例）', kind: 'national', programme: 'yuyue', org: CQU, fieldZh: '合成生物学', titleZh: '国家杰出青年科学基金获得者', arrivalOn: '2024-09-01', status: 'arrived', support: [{ item: 'funding', descriptionZh: '五年科研经费', amountWan: 1000 }, { item: 'housing', descriptionZh: '人才公寓', amountWan: 200 }, { item: 'lab', descriptionZh: '1200 平方米实验室' }] },
  { nameZh: '司马青（示例）', kind: 'national', programme: 'newChongqing', org: INST, fieldZh: '酶工程', titleZh: '国家级青年人才', arrivalOn: '2025-03-15', status: 'arrived', support: [{ item: 'funding', amountWan: 600 }, { item: 'subsidy', amountWan: 100 }] },
  { nameZh: '上官远（示例）', kind: 'national', programme: 'yuyue', org: CQMU, fieldZh: '生物医药', titleZh: '长江学者特聘教授', arrivalOn: '2026-02-20', status: 'arrived', support: [{ item: 'funding', amountWan: 800 }, { item: 'team', descriptionZh: '博士后 4 名' }] },
  { nameZh: '诸葛岚（示例）', kind: 'national', programme: 'newChongqing', org: SWU, fieldZh: '生物农业', arrivalOn: null, status: 'recruiting', support: [{ item: 'funding', amountWan: 500 }] },
  { nameZh: '东方晟（示例）', kind: 'academician', programme: 'yuyue', org: CQU, fieldZh: '生物化工', titleZh: '中国工程院院士', arrivalOn: '2025-10-10', status: 'arrived', support: [{ item: 'funding', descriptionZh: '院士工作站建设', amountWan: 2000 }, { item: 'lab', descriptionZh: '院士工作站' }, { item: 'housing', amountWan: 300 }] },
  { nameZh: '精准发酵头雁团队（示例）', kind: 'leadGoose', programme: 'yuyue', org: '璧山示例精准发酵科技有限公司（示例）', fieldZh: '精准发酵', teamSize: 15, arrivalOn: '2025-06-01', status: 'arrived', support: [{ item: 'funding', amountWan: 1500 }, { item: 'team', descriptionZh: '团队用房 2000 平方米' }] },
  { nameZh: '细胞治疗头雁团队（示例）', kind: 'leadGoose', programme: 'other', programmeOtherZh: '璧山区英才计划', org: '璧山示例细胞治疗有限公司（示例）', fieldZh: '细胞治疗', teamSize: 9, arrivalOn: null, status: 'recruiting', support: [{ item: 'funding', amountWan: 800 }] },
  { nameZh: '宇文栩（示例）', kind: 'highEnd', programme: 'millionTalents', org: ENT, fieldZh: '分离纯化', titleZh: '海外高层次人才', arrivalOn: '2024-05-20', status: 'arrived', support: [{ item: 'subsidy', amountWan: 80 }] },
  { nameZh: '令狐澜（示例）', kind: 'highEnd', programme: 'newChongqing', org: CIGIT, fieldZh: '生物材料', arrivalOn: '2025-08-08', status: 'arrived', support: [{ item: 'funding', amountWan: 300 }, { item: 'housing', amountWan: 60 }] },
  { nameZh: '慕容言（示例）', kind: 'highEnd', programme: 'yuyue', org: INST, fieldZh: '生物信息学', arrivalOn: '2024-03-01', status: 'left', leftOn: '2025-12-31', support: [{ item: 'funding', amountWan: 200 }] },
];

const EDUCATION: { org: string; kind: EducationKind; nameZh: string; partnerZh?: string; startYear: number; enrolment?: number }[] = [
  { org: CQU, kind: 'doctoral', nameZh: '生物学一级学科博士学位授权点（合成生物学方向）', startYear: 2024, enrolment: 18 },
  { org: CQU, kind: 'master', nameZh: '生物与医药专业硕士（生物制造方向）', startYear: 2024, enrolment: 60 },
  { org: SWU, kind: 'doctoral', nameZh: '生物学博士学位授权点（资源昆虫与生物制造）', startYear: 2023, enrolment: 15 },
  { org: SWU, kind: 'bachelor', nameZh: '合成生物学本科专业', startYear: 2025, enrolment: 60 },
  { org: AMU, kind: 'master', nameZh: '生物医学工程硕士点（生物安全方向）', startYear: 2024, enrolment: 20 },
  { org: CQMU, kind: 'joint', nameZh: '生物药产教联合体联合培养', partnerZh: '重庆国际生物城示例抗体药业有限公司（示例）', startYear: 2025, enrolment: 40 },
  { org: CQU, kind: 'joint', nameZh: '生物制造卓越工程师学院联合培养', partnerZh: `${ENT}、璧山示例精准发酵科技有限公司（示例）`, startYear: 2024, enrolment: 50 },
  { org: SWU, kind: 'training', nameZh: '生物制造高技能人才与工匠培训班', partnerZh: '璧山生物制造中试基地（示例）', startYear: 2025, enrolment: 120 },
];

export async function loadDemoTalent(database: Database): Promise<number> {
  const { db } = database;
  if (await db.selectFrom('expert').select('id').where('isDemo', '=', true).limit(1).executeTakeFirst()) return 0;
  await seedTalent(db, systemCtx('seed'));
  const u = await db.selectFrom('appUser').selectAll().where('username', '=', 'demo.taskforce').executeTakeFirstOrThrow();
  const tf: Ctx = { requestId: 'demo', principal: { userId: u.id, username: u.username, displayName: u.displayName, organisationId: u.organisationId, roles: u.roles as Role[], via: 'session', scopes: null } };
  const s = talentServices(database, { plan: planService(database), files: fileService(database) });
  const orgIds = new Map((await db.selectFrom('organisation').select(['id', 'nameZh']).where('kind', 'in', ['university', 'institute', 'enterprise', 'pilotBase']).execute()).map((o) => [o.nameZh, o.id]));
  const org = (name: string) => (orgIds.has(name) ? { organisationId: orgIds.get(name)! } : { organisationZh: name });
  let n = 0;

  const experts: string[] = [];
  for (const [i, [name, titleZh, orgName, fields, domains]] of EXPERTS.entries()) {
    const e = await s.experts.create(tf, { code: `ZJ-D${String(i + 1).padStart(3, '0')}`, nameZh: `${name}（示例）`, titleZh, ...org(orgName), fields, domains, available: i % 9 !== 8, maxLoad: 3 + (i % 4), contactZh: `023-6000-${String(1000 + i)}（示例）` });
    experts.push(e.id);
    n++;
  }
  await s.experts.linkAccount(tf, experts[0], { username: 'demo.expert' });
  // A few declared conflicts and joint works: the review part keeps these experts away from each other's work.
  const ent = orgIds.get(ENT);
  if (ent) await s.experts.declareConflict(tf, experts[0], { organisationId: ent, noteZh: '曾为该企业技术顾问（示例）' });
  await s.experts.declareConflict(tf, experts[1], { personId: experts[3], noteZh: '师生关系（示例）' });
  await s.experts.declareConflict(tf, experts[7], { personId: experts[8], noteZh: '同一课题组（示例）' });
  await s.experts.addCollaboration(tf, experts[2], { kind: 'publication', titleZh: '高密度发酵过程中的溶氧调控策略（示例论文）', year: 2024, personId: experts[13] });
  await s.experts.addCollaboration(tf, experts[15], { kind: 'project', titleZh: '合成生物学重点专项：高效酶催化体系（示例项目）', year: 2025, personId: experts[16] });
  await s.experts.addCollaboration(tf, experts[11], { kind: 'project', titleZh: '生物基材料中试验证（示例项目）', year: 2025, ...(orgIds.has('长寿示例生物基材料股份有限公司（示例）') ? { organisationId: orgIds.get('长寿示例生物基材料股份有限公司（示例）')! } : { personId: experts[24] }) });
  n += 6;

  const year = Number(todayIn(new Date()).slice(0, 4));
  const term = { termStart: `${year - 1}-01-01`, termEnd: `${year + 1}-12-31` };
  for (const [i, role] of COMMITTEE) { await s.committee.addMember(tf, { expertId: experts[i], role, ...term }); n++; }
  // One member of the founding term whose term lapsed and was not renewed: the roster no longer shows it.
  await s.committee.addMember(tf, { expertId: experts[30], role: 'member', termStart: `${year - 4}-01-01`, termEnd: `${year - 1}-06-30` });
  const consultations = [
    await s.committee.recordConsultation(tf, { kind: 'decision', subjectZh: '重庆市生物制造产业发展重点方向与布局（示例）', heldOn: `${year - 1}-04-18`, taskNo: 19, expertIds: [experts[1], experts[0], experts[7], experts[4]], adviceZh: '建议聚焦合成生物学底层技术与生物化工、生物药两大方向，依托重庆国际生物城与璧山、长寿布局中试基地。（示例）' }),
    await s.committee.recordConsultation(tf, { kind: 'project', subjectZh: '生物基聚酯万吨级项目技术论证（示例）', heldOn: `${year - 1}-09-06`, taskNo: 8, expertIds: [experts[17], experts[11], experts[2]], adviceZh: '技术路线可行，建议补充菌种稳定性与下游纯化能耗数据后立项。（示例）' }),
    await s.committee.recordConsultation(tf, { kind: 'decision', subjectZh: '高端人才引进“一人一策”支持标准（示例）', heldOn: `${year - 1}-12-12`, taskNo: 20, expertIds: [experts[1], experts[9]], adviceZh: '建议按国家级人才、头雁团队分档给予科研经费与住房保障，并建立到岗考核。（示例）' }),
  ];
  n += 13 + consultations.length;

  const talents: string[] = [];
  for (const t of TALENTS) {
    const { org: orgName, ...rest } = t;
    talents.push((await s.people.create(tf, { ...rest, ...org(orgName) })).id);
    n++;
  }
  const programmes: string[] = [];
  for (const p of EDUCATION) {
    const uni = orgIds.get(p.org);
    if (!uni) continue;
    programmes.push((await s.education.create(tf, { organisationId: uni, kind: p.kind, nameZh: p.nameZh, partnerZh: p.partnerZh ?? null, startYear: p.startYear, enrolment: p.enrolment ?? null })).id);
    n++;
  }

  await db.transaction().execute(async (trx) => {
    await trx.updateTable('expert').set({ isDemo: true }).where('id', 'in', experts).execute();
    await trx.updateTable('committeeConsultation').set({ isDemo: true }).where('id', 'in', consultations.map((c) => c.id)).execute();
    await trx.updateTable('talent').set({ isDemo: true }).where('id', 'in', talents).execute();
    if (programmes.length) await trx.updateTable('educationProgramme').set({ isDemo: true }).where('id', 'in', programmes).execute();
    await audit(trx, systemCtx('demo'), {
      action: 'talent.demo.flag', entityType: 'expert', entityId: 'demo',
      summary: `标记示例数据：专家 ${experts.length}、咨询 ${consultations.length}、人才 ${talents.length}、教育培训 ${programmes.length}（Flagged demo records）`,
    });
  });
  return n;
}
