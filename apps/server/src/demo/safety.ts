import type { Database } from '../platform/db/database.js';
import type { Ctx } from '../platform/context/ctx.js';
import type { Role } from '../platform/access/model.js';
import { systemCtx } from '../platform/context/ctx.js';
import { audit } from '../platform/audit/audit.js';
import { fileService } from '../platform/files/files.js';
import { planService } from '../modules/plan/service.js';
import { safetyServices } from '../modules/safety/index.js';
import { aspectsFor } from '../modules/safety/model/findings.js';
import type { SubjectKind } from '../modules/safety/model/labels.js';

/**
 * Demonstration safety evaluations (task 25), in the states the flow makes: a new core strain
 * through the green channel, concluded safe with its certificate in 14 days; a process concluded
 * safe with conditions after supplements that stopped its clock; a raw material under review by
 * priority assessment, one reviewer in; a core strain with the applicant for supplements; one
 * standard evaluation overdue; a green-channel request waiting for the body; one returned; a draft.
 * Applicants are the demo enterprise, institute and pilot base; the body is demo.taskforce and
 * demo.unit; reviewers are the demo experts with accounts (demo.expert and the challenge demo's
 * reviewers), proposed by the engine so that none has a conflict with the applicant (demo.expert
 * is kept from the demo enterprise's by its declared conflict). Loaded once (skipped when a demo
 * evaluation exists), through the services with the clock set to when each step happened.
 */

const FIELDS = ['发酵工程', '合成生物学', '生物安全'];
const at = (iso: string) => new Date(`${iso}T02:00:00Z`);

export async function loadDemoSafety(database: Database): Promise<number> {
  const { db } = database;
  if (await db.selectFrom('safetyEvaluation').select('id').where('isDemo', '=', true).limit(1).executeTakeFirst()) return 0;
  const ctxOf = async (where: { username?: string; userId?: string }): Promise<Ctx> => {
    const u = await db.selectFrom('appUser').selectAll().where(where.username ? 'username' : 'id', '=', (where.username ?? where.userId)!).executeTakeFirstOrThrow();
    return { requestId: 'demo', principal: { userId: u.id, username: u.username, displayName: u.displayName, organisationId: u.organisationId, roles: u.roles as Role[], via: 'session', scopes: null } };
  };
  const [tf, unit, ent, inst, pilot] = await Promise.all(['demo.taskforce', 'demo.unit', 'demo.enterprise', 'demo.institute', 'demo.pilotbase'].map((username) => ctxOf({ username })));
  let clock = new Date();
  const files = fileService(database);
  const s = safetyServices(database, { plan: planService(database), files, now: () => clock });
  const when = async <T>(day: string, f: () => Promise<T>) => { clock = at(day); return f(); };
  // The green-channel strain names a demo strain of the bank when the records part has loaded one.
  const strain = await db.selectFrom('strain').select('id').where('isDemo', '=', true).where('status', '=', 'accessioned').orderBy('accession').limit(1).executeTakeFirst();
  const ids: string[] = [];

  /** Drafted with a dossier file by the applicant, submitted the same day. */
  async function applied(who: Ctx, day: string, input: { subjectKind: SubjectKind; titleZh: string; descriptionZh: string; trackRequested?: string; trackReasonZh?: string; strainId?: string | null }, submit = true) {
    const file = await when(day, () => files.upload(who, { name: `${input.titleZh.slice(0, 20)}申报书（示例）.txt`, mime: 'text/plain', content: Buffer.from(`${input.titleZh}\n${input.descriptionZh}\n（示例申报材料）`) }));
    const e = await when(day, () => s.evaluations.create(who, { ...input, fields: FIELDS, contactNameZh: '项目联系人（示例）', contactPhone: '023-6000 8000', fileIds: [file.id] }));
    ids.push(e.id as string);
    if (submit) await when(day, () => s.evaluations.submit(who, e.id as string));
    return e.id as string;
  }

  /** Reviewers as the engine proposes them (conflict-free), assigned by the task force. */
  async function reviewed(id: string, day: string, n = 3) {
    const p = await when(day, () => s.reviewers.proposal(tf, id, { n }));
    if (!p.reviewers.length) throw new Error('demo safety: no expert with an account to review; load the demo talent and challenges first');
    const e = await when(day, () => s.reviewers.assign(tf, id, { expertIds: p.reviewers.map((r) => r.expertId) }));
    return (e.reviews as { id: string; expertId: string }[]);
  }

  async function findings(reviewId: string, expertId: string, kind: SubjectKind, day: string, rec: 'safe' | 'safeWithConditions', note: string) {
    const userId = (await db.selectFrom('expert').select('userId').where('id', '=', expertId).executeTakeFirstOrThrow()).userId!;
    const who = await ctxOf({ userId });
    const risky = rec === 'safeWithConditions' ? 'environmentalRelease' : null;
    await when(day, () => s.reviews.submit(who, reviewId, {
      findings: aspectsFor(kind).map((aspect) => ({ aspect, assessment: aspect === risky ? 'controllable' : 'acceptable', noteZh: aspect === risky ? note : null })),
      recommendation: rec, conditionsZh: rec === 'safeWithConditions' ? '限于密闭体系生产，废液灭活后排放（示例）' : null, summaryZh: `${note}。综合评估，同意${rec === 'safe' ? '通过' : '附条件通过'}（示例）。`,
    }));
  }

  // 1. Green channel, concluded safe with a certificate in 14 days.
  const green = await applied(ent, '2026-01-05', {
    subjectKind: 'coreStrain', strainId: strain?.id ?? null, titleZh: '高产丁二酸谷氨酸棒杆菌 CQ-SA01 核心菌种（示例）',
    descriptionZh: '敲除乳酸、乙酸支路并强化还原性 TCA 途径的工程菌，拟用于 50 立方米发酵罐生产生物基丁二酸。', trackRequested: 'greenChannel', trackReasonZh: '国内首个以秸秆水解液为碳源的丁二酸工程菌，列入市级揭榜挂帅项目。',
  });
  await when('2026-01-06', () => s.decisions.decideTrack(tf, green, { decision: 'granted', noteZh: '属创新性生物制造技术，准予绿色通道（示例）' }));
  await when('2026-01-06', () => s.decisions.accept(tf, green, { noteZh: '材料齐全' }));
  for (const r of await reviewed(green, '2026-01-07')) await findings(r.id, r.expertId, 'coreStrain', '2026-01-16', 'safe', '遗传稳定性传代 50 代无变异，未检出毒力与抗性基因');
  await when('2026-01-20', () => s.decisions.conclude(tf, green, { conclusion: 'safe', findingsZh: '该菌株遗传稳定、无致病性与毒性，不携带可转移抗性基因，工艺过程风险可控，评价为安全（示例）。' }));

  // 2. A process, safe with conditions, after supplements that stopped the clock for ten days.
  const process = await applied(inst, '2026-02-02', { subjectKind: 'process', titleZh: '秸秆生物炼制燃料乙醇连续发酵工艺（示例）', descriptionZh: '玉米秸秆预处理、同步糖化与连续发酵耦合工艺，年产 5,000 吨燃料乙醇。' });
  await when('2026-02-03', () => s.decisions.accept(unit, process));
  await when('2026-02-10', () => s.decisions.requestSupplements(unit, process, { reasonZh: '请补充发酵尾气与废水处理方案及碳排放核算（示例）' }));
  await when('2026-02-20', () => s.evaluations.supplement(inst, process, { answerZh: '已补充废水处理方案与全生命周期碳排放核算报告（示例）' }));
  for (const r of await reviewed(process, '2026-02-21')) await findings(r.id, r.expertId, 'process', '2026-03-10', 'safeWithConditions', '发酵废液含活菌，需灭活后排放');
  await when('2026-03-16', () => s.decisions.conclude(unit, process, { conclusion: 'safeWithConditions', findingsZh: '工艺总体安全、绿色低碳，废液含活菌需灭活后排放（示例）。', conditionsZh: '限于密闭体系生产；发酵废液须经 121 °C 灭活后排放（示例）' }));

  // 3. A raw material under review by priority assessment, one reviewer in.
  const raw = await applied(pilot, '2026-11-02', { subjectKind: 'rawMaterial', titleZh: '木薯淀粉基发酵培养基原料（示例）', descriptionZh: '以广西木薯淀粉为主要碳源的标准化发酵培养基原料，供中试基地共享使用。', trackRequested: 'priority', trackReasonZh: '服务全市中试平台的原料标准化（示例）' });
  await when('2026-11-03', () => s.decisions.decideTrack(unit, raw, { decision: 'granted' }));
  await when('2026-11-03', () => s.decisions.accept(unit, raw));
  const [first] = await reviewed(raw, '2026-11-04', 2);
  await findings(first.id, first.expertId, 'rawMaterial', '2026-11-20', 'safe', '原料重金属与真菌毒素检测合格');

  // 4. With the applicant for supplements.
  const supplementing = await applied(ent, '2026-11-09', { subjectKind: 'coreStrain', titleZh: '耐高温毕赤酵母表达菌株 CQ-PP07（示例）', descriptionZh: '用于饲用植酸酶表达的毕赤酵母工程菌。' });
  await when('2026-11-10', () => s.decisions.accept(tf, supplementing));
  await when('2026-11-18', () => s.decisions.requestSupplements(tf, supplementing, { reasonZh: '请补充外源基因来源证明与全基因组测序报告（示例）' }));

  // 5. Standard and overdue: accepted in September, still with the reviewers.
  const overdue = await applied(inst, '2026-09-01', { subjectKind: 'coreStrain', titleZh: '产透明质酸兽疫链球菌减毒株（示例）', descriptionZh: '敲除荚膜外毒素基因的减毒生产菌株。' });
  await when('2026-09-02', () => s.decisions.accept(tf, overdue));
  await reviewed(overdue, '2026-09-03', 2);

  // 6. Green channel asked for, waiting for the body; 7. returned; 8. a draft.
  await applied(pilot, '2026-11-25', { subjectKind: 'process', titleZh: '无细胞合成体系制备稀有人参皂苷工艺（示例）', descriptionZh: '体外多酶级联反应制备人参皂苷 Rh2。', trackRequested: 'greenChannel', trackReasonZh: '颠覆性无细胞合成技术（示例）' });
  const returned = await applied(ent, '2026-10-08', { subjectKind: 'rawMaterial', titleZh: '普通白砂糖原料（示例）', descriptionZh: '外购食品级白砂糖。' });
  await when('2026-10-09', () => s.decisions.returnIt(tf, returned, { reasonZh: '常规食品原料不属于生物制造安全评价受理范围（示例）' }));
  await applied(ent, '2026-11-27', { subjectKind: 'coreStrain', titleZh: '高产角鲨烯酿酒酵母（示例，草稿）', descriptionZh: '草稿：待补全申报书。' }, false);

  const sys = systemCtx('demo');
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('safetyEvaluation').set({ isDemo: true }).where('id', 'in', ids).execute();
    await audit(trx, sys, { action: 'safety.demo.flag', entityType: 'safetyEvaluation', entityId: 'demo', summary: `标记示例数据：安全评价 ${ids.length} 项（Flagged demo safety evaluations）` });
  });
  return ids.length;
}
