import type { Database } from '../platform/db/database.js';
import type { Ctx } from '../platform/context/ctx.js';
import type { Role } from '../platform/access/model.js';
import { planService } from '../modules/plan/service.js';
import { fileService } from '../platform/files/files.js';
import { supervisionServices } from '../modules/supervision/index.js';
import { todayIn } from '../modules/supervision/model/dates.js';

/**
 * Demonstration supervision records: owners of the tasks, this year's work points with
 * reports in every state, a major-list edition, an inspection. Loaded once (skipped when any
 * work point exists), through the services, so every record has its audit row.
 */
export async function loadDemoSupervision(database: Database): Promise<number> {
  const { db } = database;
  if (await db.selectFrom('workPoint').select('id').limit(1).executeTakeFirst()) return 0;
  const as = async (username: string): Promise<Ctx> => {
    const u = await db.selectFrom('appUser').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
    return { requestId: 'demo', principal: { userId: u.id, username: u.username, displayName: u.displayName, organisationId: u.organisationId, roles: u.roles as Role[], via: 'session', scopes: null } };
  };
  const [tf, unit, district] = [await as('demo.taskforce'), await as('demo.unit'), await as('demo.district')];
  const plan = planService(database);
  const s = supervisionServices(database, { plan, files: fileService(database) });
  const org = async (nameZh: string) => (await db.selectFrom('organisation').select('id').where('nameZh', '=', nameZh).executeTakeFirstOrThrow()).id;
  const jxw = await org('重庆市经济和信息化委员会（示例）');
  const kjj = await org('重庆市科学技术局（示例）');
  const bishan = district.principal!.organisationId!;
  const today = todayIn(new Date());
  const year = Math.min(2027, Math.max(2024, Number(today.slice(0, 4))));
  let n = 0;

  for (let task = 1; task <= 26; task++) {
    await s.workPoints.assign(tf, task, { leadIds: [task % 2 ? jxw : kjj], coIds: [task % 2 ? kjj : jxw], districtIds: task % 3 === 0 ? [bishan] : [] });
  }
  const points: { task: number; title: string; deliverable: string; owner: string; due: string; frequency: 'monthly' | 'quarterly'; kind?: 'project'; investment?: number }[] = [
    { task: 1, title: '编制生物制造产业链图谱', deliverable: '产业链图谱及招商目录各一份', owner: jxw, due: `${year}-06-30`, frequency: 'quarterly' },
    { task: 1, title: '培育生物制造领军企业梯队', deliverable: '入库培育企业不少于 30 家', owner: jxw, due: `${year}-12-31`, frequency: 'monthly' },
    { task: 5, title: '建设合成生物创新平台', deliverable: '平台挂牌运行', owner: kjj, due: `${year}-12-31`, frequency: 'quarterly' },
    { task: 9, title: '发布关键核心技术需求目录', deliverable: '年度需求目录一份', owner: kjj, due: `${year}-09-30`, frequency: 'quarterly' },
    { task: 12, title: '璧山生物制造中试基地二期', deliverable: '新增中试线 3 条', owner: bishan, due: `${year}-12-31`, frequency: 'monthly', kind: 'project', investment: 4.5 },
    { task: 22, title: '建成生物菌种资源库一期', deliverable: '入库菌种不少于 5000 株', owner: kjj, due: `${year}-12-31`, frequency: 'quarterly', kind: 'project', investment: 2.2 },
    { task: 24, title: '引育生物制造领域国家级人才', deliverable: '新增国家级人才 1 名', owner: kjj, due: `${year}-12-31`, frequency: 'quarterly' },
  ];
  const ids: string[] = [];
  for (const p of points) {
    const wp = await s.workPoints.create(tf, { taskNo: p.task, year, titleZh: p.title, deliverableZh: p.deliverable, ownerOrganisationId: p.owner, dueOn: p.due, frequency: p.frequency, kind: p.kind ?? 'work', investmentYiYuan: p.investment ?? null, districtCode: p.owner === bishan ? '500120' : null });
    ids.push(wp.id);
    n++;
  }
  // demo.unit (市经信委) owns the first two: one report accepted, one returned, one awaiting review.
  const r1 = await s.reports.create(unit, { workPointId: ids[0], periodLabel: `${year}-Q1`, textZh: '完成产业链现状调研，形成图谱初稿。', progressPct: 40 });
  await s.reports.submit(unit, r1.id);
  await s.reports.accept(tf, r1.id, '同意');
  const r2 = await s.reports.create(unit, { workPointId: ids[1], periodLabel: `${year}-01`, textZh: '已梳理培育企业名单。', progressPct: 5 });
  await s.reports.submit(unit, r2.id);
  await s.reports.returnReport(tf, r2.id, '请补充入库企业数量和名单');
  const r3 = await s.reports.create(unit, { workPointId: ids[0], periodLabel: `${year}-Q2`, textZh: '图谱已征求有关区县意见，待专班审定。', progressPct: 80, complete: false });
  await s.reports.submit(unit, r3.id);
  n += 3;

  const ed = await s.majorLists.newEdition(tf, 'project', { titleZh: `重大项目清单（${year} 年第 1 版）` });
  for (const item of [
    { nameZh: '生物基材料产业化项目（示例）', amountYiYuan: 12, taskNo: 3, startYear: year, endYear: year + 1 },
    { nameZh: '生物菌种资源库建设项目（示例）', amountYiYuan: 2.2, taskNo: 22, startYear: year, endYear: year },
    { nameZh: '中试基地二期项目（示例）', amountYiYuan: 4.5, taskNo: 12, startYear: year, endYear: year + 1, districtCode: '500120' },
  ]) await s.majorLists.addItem(tf, 'project', ed.editionNo, item);
  await s.majorLists.publish(tf, 'project', ed.editionNo);
  n += 4;

  const insp = await s.inspections.create(tf, { kind: 'special', titleZh: `${year} 年生物制造行动计划专项督查（示例）`, plannedOn: today, scope: { taskNos: [1, 12], organisationIds: [jxw], districtCodes: ['500120'] }, findingsZh: '部分工作要点进展报送不及时。' });
  await s.inspections.addRectification(tf, insp.id, { descriptionZh: '按月报送培育企业入库进展', ownerOrganisationId: jxw, dueOn: today });
  return n + 2;
}
