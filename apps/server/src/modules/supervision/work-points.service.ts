import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { invalid, notFound, type ErrorDetail } from '../../platform/http/errors.js';
import { readSheet, templateWorkbook, writeWorkbook, type ImportProblem } from '../../platform/excel/index.js';
import type { PlanService } from '../plan/service.js';
import type { IndicatorsService } from './indicators.service.js';
import { todayIn } from './model/dates.js';
import { periods, type Frequency } from './model/periods.js';
import { COLOUR_NAMES, workPointStatus } from './model/status.js';
import { readSettings } from './settings.js';
import { canSee, requireTaskForce, viewerOf } from './viewer.js';
import { FREQUENCIES, KINDS, WORK_POINT_COLUMNS, workPointProblems, type Known, type WorkPointInput } from './work-points.model.js';
import { colourSql, workPointsStore as store, type WorkPointFilter, type WorkPointRow } from './work-points.store.js';
import type { PaceCurve } from './model/pace.js';

export const ASSIGNMENT_ROLES = ['lead', 'co', 'district'] as const;

/** Annual work points and who owns each task: the task force sets them, owners see theirs. */
export function workPointsService(database: Database, deps: { plan: PlanService; indicators: IndicatorsService; now: () => Date }) {
  const { db } = database;

  const tasksOf = async () => (await deps.plan.outline()).flatMap((a) => a.tasks);

  async function known(): Promise<Known> {
    const [outline, districts] = await Promise.all([deps.plan.outline(), deps.plan.districts()]);
    return {
      taskNos: new Set(outline.flatMap((a) => a.tasks.map((t) => t.no))), districtCodes: new Set(districts.map((d) => d.code)),
      indicatorCodes: new Set(outline.flatMap((a) => a.targetCodes)), organisationIds: new Set(),
    };
  }

  /** Everything status needs besides the row: today, the settings, indicators behind pace. */
  async function statusContext() {
    const settings = await readSettings(db);
    return { today: todayIn(deps.now()), settings, behind: await deps.indicators.behind(settings) };
  }

  function withStatus(row: WorkPointRow & { ownerNameZh?: string; ownerNameEn?: string | null }, sc: Awaited<ReturnType<typeof statusContext>>) {
    const status = workPointStatus({
      startsOn: row.startsOn, dueOn: row.dueOn, progressPct: row.progressPct, nextReportDeadline: row.nextReportDeadline, closed: !!row.closedAt,
      paceCurve: (row.paceCurve as PaceCurve | null) ?? null, indicatorBehind: row.indicatorCode ? sc.behind.get(row.indicatorCode) ?? null : null,
    }, sc.today, sc.settings);
    return {
      ...row, ownerNameZh: row.ownerNameZh ?? null, ownerNameEn: row.ownerNameEn ?? null,
      colour: status.colour, expectedPct: Math.round(status.expectedPct * 10) / 10, reasons: status.reasons,
    };
  }

  const rowValues = (w: WorkPointInput) => ({
    taskNo: w.taskNo, year: w.year, kind: w.kind ?? 'work', titleZh: w.titleZh.trim(), deliverableZh: w.deliverableZh.trim(),
    ownerOrganisationId: w.ownerOrganisationId, districtCode: w.districtCode || null, investmentYiYuan: w.investmentYiYuan ?? null,
    startsOn: w.startsOn || `${w.year}-01-01`, dueOn: w.dueOn, frequency: w.frequency, indicatorCode: w.indicatorCode || null, weight: w.weight ?? 1,
    paceCurve: w.paceCurve ? JSON.stringify(w.paceCurve) : null,
  });

  /** The first deadline no report has yet met. */
  const nextDeadline = (frequency: string, startsOn: string, dueOn: string, submitted: Set<string>) =>
    periods(frequency as Frequency, startsOn, dueOn).find((p) => !submitted.has(p.label))?.deadline ?? null;

  async function list(ctx: Ctx, f: WorkPointFilter, page: { limit: number; offset: number } | null) {
    const v = await viewerOf(db, ctx);
    const sc = await statusContext();
    const { items, total } = await store.list(db, v, f, colourSql(sc.today, sc.settings.nearDays, sc.settings.paceTolerancePct, [...sc.behind.keys()]), page);
    return { total, items: items.map((r) => withStatus(r, sc)) };
  }

  return {
    statusContext,
    list,

    async get(ctx: Ctx, id: string) {
      const v = await viewerOf(db, ctx);
      const row = await store.byId(db, id);
      if (!row || !canSee(v, row.ownerOrganisationId, row.districtCode)) throw notFound('工作要点不存在', 'Work point not found');
      const [sc, reports, owner] = await Promise.all([statusContext(), store.reportsOf(db, id), db.selectFrom('organisation').select(['nameZh', 'nameEn']).where('id', '=', row.ownerOrganisationId).executeTakeFirstOrThrow()]);
      const today = sc.today;
      return {
        ...withStatus({ ...row, ownerNameZh: owner.nameZh, ownerNameEn: owner.nameEn }, sc),
        periods: periods(row.frequency as Frequency, row.startsOn, row.dueOn).map((p) => {
          const r = reports.find((x) => x.periodLabel === p.label);
          const late = r?.firstSubmittedAt ? todayIn(r.firstSubmittedAt) > p.deadline : p.deadline < today;
          return { ...p, reportId: r?.id ?? null, state: r?.state ?? null, late, progressPct: r?.progressPct ?? null };
        }),
      };
    },

    async create(ctx: Ctx, input: WorkPointInput) {
      requireTaskForce(ctx);
      const k = await known();
      k.organisationIds = await store.organisationsExist(db, [input.ownerOrganisationId]);
      const problems = workPointProblems(input, k);
      if (problems.length) throw invalid(problems);
      return db.transaction().execute(async (trx) => {
        const values = rowValues(input);
        const code = await store.nextCode(trx, input.taskNo, input.year);
        const row = await store.insert(trx, { ...values, code, nextReportDeadline: nextDeadline(values.frequency, values.startsOn, values.dueOn, new Set()) });
        await audit(trx, ctx, { action: 'workPoint.create', entityType: 'workPoint', entityId: row.id, summary: `新增工作要点 ${code} ${row.titleZh}（Added a work point）`, after: row });
        return row;
      });
    },

    async update(ctx: Ctx, id: string, patch: Partial<WorkPointInput>) {
      requireTaskForce(ctx);
      // Plan reads happen before the transaction: on the embedded database it holds the only connection.
      const k = await known();
      return db.transaction().execute(async (trx) => {
        const before = await store.byIdForUpdate(trx, id);
        if (!before) throw notFound('工作要点不存在', 'Work point not found');
        const merged: WorkPointInput = {
          taskNo: before.taskNo, year: before.year, kind: before.kind as 'work', titleZh: before.titleZh, deliverableZh: before.deliverableZh,
          ownerOrganisationId: before.ownerOrganisationId, districtCode: before.districtCode, investmentYiYuan: before.investmentYiYuan,
          startsOn: before.startsOn, dueOn: before.dueOn, frequency: before.frequency as Frequency, indicatorCode: before.indicatorCode,
          weight: before.weight, paceCurve: before.paceCurve as PaceCurve | null, ...patch,
        };
        k.organisationIds = await store.organisationsExist(trx, [merged.ownerOrganisationId]);
        const problems = workPointProblems(merged, k);
        if (problems.length) throw invalid(problems);
        const values = rowValues(merged);
        const submitted = new Set((await store.submittedLabels(trx, id)).map((r) => r.periodLabel));
        const after = await store.update(trx, id, { ...values, nextReportDeadline: nextDeadline(values.frequency, values.startsOn, values.dueOn, submitted) });
        await audit(trx, ctx, { action: 'workPoint.update', entityType: 'workPoint', entityId: id, summary: `修改工作要点 ${before.code}（Changed a work point）`, before, after });
        return after;
      });
    },

    async assignments(taskNo?: number) {
      return assignmentsFrom(db, await tasksOf(), taskNo);
    },

    async assign(ctx: Ctx, taskNo: number, input: { leadIds: string[]; coIds: string[]; districtIds: string[]; weight?: number }) {
      requireTaskForce(ctx);
      const k = await known();
      const tasks = await tasksOf();
      const problems: ErrorDetail[] = [];
      if (!k.taskNos.has(taskNo)) throw notFound(`任务 ${taskNo} 不存在`, `Task ${taskNo} not found`);
      const all = [...input.leadIds, ...input.coIds, ...input.districtIds];
      if (new Set(all).size !== all.length) problems.push({ path: '/leadIds', message: '同一单位只能担任一种角色 (an organisation may hold one role per task)' });
      if (!input.leadIds.length) problems.push({ path: '/leadIds', message: '至少一个牵头单位 (at least one lead unit)' });
      if (input.weight !== undefined && !(input.weight > 0)) problems.push({ path: '/weight', message: '权重须大于 0 (weight must be above 0)' });
      const exist = await store.organisationsExist(db, all);
      for (const [key, ids] of [['leadIds', input.leadIds], ['coIds', input.coIds], ['districtIds', input.districtIds]] as const)
        ids.forEach((id, i) => { if (!exist.has(id)) problems.push({ path: `/${key}/${i}`, message: '机构不存在 (no such organisation)' }); });
      if (problems.length) throw invalid(problems);
      return db.transaction().execute(async (trx) => {
        const before = await store.assignments(trx, taskNo);
        await store.replaceAssignments(trx, taskNo, [
          ...input.leadIds.map((organisationId) => ({ organisationId, role: 'lead' })),
          ...input.coIds.map((organisationId) => ({ organisationId, role: 'co' })),
          ...input.districtIds.map((organisationId) => ({ organisationId, role: 'district' })),
        ]);
        if (input.weight !== undefined) await store.setTaskWeight(trx, taskNo, input.weight);
        const after = await store.assignments(trx, taskNo);
        await audit(trx, ctx, { action: 'task.assign', entityType: 'task', entityId: String(taskNo), summary: `调整任务 ${taskNo} 的牵头、配合单位和区县（Changed who owns task ${taskNo}）`, before, after: { assignments: after, weight: input.weight } });
        // Read back inside the transaction: on the embedded database it holds the only connection.
        return (await assignmentsFrom(trx, tasks, taskNo))[0];
      });
    },

    /** 分年度推进计划和项目安排清单: a year's work points by task, projects with their investment. */
    async yearPlan(ctx: Ctx, year: number) {
      const { items } = await list(ctx, { year }, null);
      const tasks = await tasksOf();
      const projects = items.filter((w) => w.kind === 'project');
      return {
        year,
        tasks: tasks.map((t) => ({ taskNo: t.no, actionNo: t.actionNo, titleZh: t.titleZh, workPoints: items.filter((w) => w.taskNo === t.no) })).filter((t) => t.workPoints.length),
        projects,
        // The project schedule's total: investment is stated for projects.
        investmentYiYuan: projects.reduce((n, w) => n + (w.investmentYiYuan ?? 0), 0),
      };
    },

    async exportXlsx(ctx: Ctx, f: WorkPointFilter, titleZh = '年度工作要点') {
      const { items } = await list(ctx, f, null);
      const statusCol = { key: 'colourZh', headerZh: '状态', headerEn: 'Status', type: 'string' as const, width: 12 };
      const whyCol = { key: 'reasonZh', headerZh: '状态说明', headerEn: 'Why', type: 'string' as const, width: 40 };
      const codeCol = { key: 'code', headerZh: '编号', headerEn: 'Code', type: 'string' as const, width: 14 };
      const progressCol = { key: 'progressPct', headerZh: '进度（%）', headerEn: 'Progress (%)', type: 'number' as const, width: 10 };
      return writeWorkbook([{
        name: titleZh, titleZh,
        columns: [codeCol, ...WORK_POINT_COLUMNS, progressCol, statusCol, whyCol],
        rows: items.map((w) => ({ ...w, ownerName: w.ownerNameZh, colourZh: COLOUR_NAMES[w.colour].zh, reasonZh: w.reasons.map((r) => r.zh).join('；') })),
      }]);
    },

    template: () => templateWorkbook('年度工作要点', WORK_POINT_COLUMNS, { instructionsZh: ['每行一个工作要点；责任单位须与平台上的机构名称一致。', '导入时先校验全部行，任何一行有误则整份文件不写入。'] }),

    /** Validates every row first; writes all rows in one transaction or none. */
    async importXlsx(ctx: Ctx, file: Buffer): Promise<{ created: number; problems: ImportProblem[] }> {
      requireTaskForce(ctx);
      const { rows, problems } = await readSheet<Record<string, unknown>>(file, WORK_POINT_COLUMNS);
      if (!rows.length && !problems.length) problems.push({ row: 0, column: '', reasonZh: '文件中没有数据行', reasonEn: 'The file has no data rows' });
      const k = await known();
      const orgs = await store.organisationIdsByName(db, [...new Set(rows.map((r) => String(r.ownerName ?? '')))]);
      k.organisationIds = new Set(orgs.map((o) => o.id));
      const header = (key: string) => WORK_POINT_COLUMNS.find((c) => c.key === (key === 'ownerOrganisationId' ? 'ownerName' : key))?.headerZh ?? key;
      const inputs: WorkPointInput[] = [];
      rows.forEach((r, i) => {
        const rowNo = (r.__row as number | undefined) ?? i + 2;
        const input: WorkPointInput = {
          taskNo: r.taskNo as number, year: r.year as number, kind: (r.kind as 'work') ?? 'work', titleZh: String(r.titleZh ?? ''), deliverableZh: String(r.deliverableZh ?? ''),
          ownerOrganisationId: orgs.find((o) => o.nameZh === r.ownerName)?.id ?? '', districtCode: (r.districtCode as string) ?? null,
          investmentYiYuan: (r.investmentYiYuan as number) ?? null, startsOn: (r.startsOn as string) ?? null, dueOn: String(r.dueOn ?? ''),
          frequency: r.frequency as Frequency, indicatorCode: (r.indicatorCode as string) ?? null, weight: (r.weight as number) ?? 1,
        };
        for (const d of workPointProblems(input, k)) {
          const key = d.path.slice(1);
          problems.push({ row: rowNo, column: header(key), columnKey: key, reasonZh: key === 'ownerOrganisationId' ? `责任单位“${String(r.ownerName ?? '')}”不存在` : d.message, reasonEn: key === 'ownerOrganisationId' ? 'No organisation of this name' : d.message, value: String(r[key === 'ownerOrganisationId' ? 'ownerName' : key] ?? '') });
        }
        inputs.push(input);
      });
      if (problems.length) return { created: 0, problems: problems.sort((a, b) => a.row - b.row) };
      const created = await db.transaction().execute(async (trx) => {
        const next = new Map<string, number>();
        const values = [];
        for (const input of inputs) {
          const v = rowValues(input);
          const slot = `${input.taskNo}-${input.year}`;
          let n = next.get(slot);
          if (n === undefined) n = Number(/(\d+)$/.exec(await store.nextCode(trx, input.taskNo, input.year))![1]);
          next.set(slot, n + 1);
          const code = `T${String(input.taskNo).padStart(2, '0')}-${input.year}-${String(n).padStart(3, '0')}`;
          values.push({ ...v, code, nextReportDeadline: nextDeadline(v.frequency, v.startsOn, v.dueOn, new Set()) });
        }
        const rowsIn = await store.insertMany(trx, values);
        await audit(trx, ctx, { action: 'workPoint.import', entityType: 'workPoint', entityId: '*', summary: `导入工作要点 ${rowsIn.length} 项（Imported ${rowsIn.length} work points）`, after: { codes: rowsIn.map((r) => r.code) } });
        return rowsIn.length;
      });
      return { created, problems: [] };
    },
  };
}

async function assignmentsFrom(q: Kysely<DB>, tasks: { no: number; titleZh: string }[], taskNo?: number) {
  const [rows, weights] = await Promise.all([store.assignments(q, taskNo), store.taskWeights(q)]);
  return tasks.filter((t) => !taskNo || t.no === taskNo).map((t) => ({
    taskNo: t.no, titleZh: t.titleZh, weight: weights.find((w) => w.taskNo === t.no)?.weight ?? 1,
    lead: rows.filter((r) => r.taskNo === t.no && r.role === 'lead'),
    co: rows.filter((r) => r.taskNo === t.no && r.role === 'co'),
    districts: rows.filter((r) => r.taskNo === t.no && r.role === 'district'),
  }));
}

export type WorkPointsService = ReturnType<typeof workPointsService>;
export { KINDS, FREQUENCIES };
