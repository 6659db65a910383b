import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, forbidden, invalid, notFound, type ErrorDetail } from '../../platform/http/errors.js';
import { readSheet, templateWorkbook, writeWorkbook, type Column, type ImportProblem } from '../../platform/excel/index.js';
import type { FileService } from '../../platform/files/files.js';
import { todayIn } from './model/dates.js';
import { periodByLabel, periods, type Frequency } from './model/periods.js';
import { nextState, STATE_NAMES, stepsFrom, type ReportState, type ReportStep } from './model/report-states.js';
import { notify } from './notifications.js';
import { reportsStore as store, type ReportFilter, type ReportRow } from './reports.store.js';
import { canSee, owns, requireTaskForce, viewerOf, type Viewer } from './viewer.js';
import { workPointsStore } from './work-points.store.js';

export interface Figure { nameZh: string; value: number; unit?: string | null }

export interface ReportInput {
  workPointId: string;
  periodLabel: string;
  textZh?: string;
  progressPct?: number;
  figures?: Figure[];
  complete?: boolean;
  fileIds?: string[];
}

const TEXT_MAX = 5000;

function contentProblems(r: Partial<ReportInput>): ErrorDetail[] {
  const p: ErrorDetail[] = [];
  if (r.textZh !== undefined && r.textZh.length > TEXT_MAX) p.push({ path: '/textZh', message: `不超过 ${TEXT_MAX} 字 (at most ${TEXT_MAX} characters)` });
  if (r.progressPct !== undefined && !(r.progressPct >= 0 && r.progressPct <= 100)) p.push({ path: '/progressPct', message: '进度须在 0–100 之间 (progress must be 0–100)' });
  (r.figures ?? []).forEach((f, i) => {
    if (!f.nameZh?.trim()) p.push({ path: `/figures/${i}/nameZh`, message: '必填 (required)' });
    if (!Number.isFinite(f.value)) p.push({ path: `/figures/${i}/value`, message: '须为数字 (must be a number)' });
  });
  return p;
}

export const REPORT_COLUMNS: Column[] = [
  { key: 'workPointCode', headerZh: '工作要点编号', headerEn: 'Work point code', type: 'string', required: true, maxLength: 20, example: 'T22-2025-001', width: 16 },
  { key: 'periodLabel', headerZh: '报送期', headerEn: 'Period', type: 'string', required: true, maxLength: 7, example: '2025-Q1', width: 10, noteZh: '按月填 2025-03，按季度填 2025-Q1' },
  { key: 'textZh', headerZh: '进展情况', headerEn: 'Progress', type: 'string', required: true, maxLength: TEXT_MAX, example: '已完成菌种库选址与设计', width: 50 },
  { key: 'progressPct', headerZh: '完成进度（%）', headerEn: 'Done (%)', type: 'number', required: true, min: 0, max: 100, example: 25, width: 10 },
  { key: 'complete', headerZh: '是否完成', headerEn: 'Complete', type: 'boolean', example: false, width: 10 },
  { key: 'figureName', headerZh: '数据名称', headerEn: 'Figure', type: 'string', maxLength: 60, example: '入库菌种（株）', width: 16 },
  { key: 'figureValue', headerZh: '数据值', headerEn: 'Value', type: 'number', example: 1200, width: 10 },
];

/**
 * Progress reports: the owner unit drafts and submits; the task force returns (with
 * comments) or accepts. Each step is one transaction: the report, its timeline, the work
 * point's progress and next deadline, the notification and the audit row move together.
 */
export function reportsService(database: Database, deps: { files: FileService; now: () => Date }) {
  const { db } = database;

  async function visibleWorkPoint(v: Viewer, id: string, trx: Transaction<DB> | typeof db = db) {
    const wp = await workPointsStore.byId(trx, id);
    if (!wp || !canSee(v, wp.ownerOrganisationId, wp.districtCode)) throw notFound('工作要点不存在', 'Work point not found');
    return wp;
  }

  /** The owner's side of a report: only the organisation that owns the work point writes it. */
  function requireOwner(v: Viewer, ownerId: string) {
    if (!owns(v, ownerId)) throw forbidden('只有责任单位可填报本工作要点的进展', 'Only the owner unit reports on this work point');
  }

  async function refreshWorkPoint(trx: Transaction<DB>, workPointId: string) {
    const wp = (await workPointsStore.byIdForUpdate(trx, workPointId))!;
    const submitted = new Set((await store.submittedLabels(trx, workPointId)).map((r) => r.periodLabel));
    const latest = await store.latestAccepted(trx, workPointId);
    const closed = !!latest?.complete;
    await workPointsStore.update(trx, workPointId, {
      nextReportDeadline: closed ? null : periods(wp.frequency as Frequency, wp.startsOn, wp.dueOn).find((p) => !submitted.has(p.label))?.deadline ?? null,
      progressPct: closed ? 100 : latest?.progressPct ?? wp.progressPct,
      closedAt: closed ? wp.closedAt ?? deps.now() : null,
    });
  }

  async function step(ctx: Ctx, id: string, stepName: ReportStep, comment: string | null, change: (r: ReportRow, trx: Transaction<DB>) => Promise<Record<string, unknown>>) {
    const v = await viewerOf(db, ctx);
    return db.transaction().execute(async (trx) => {
      const before = await store.byIdForUpdate(trx, id);
      if (!before) throw notFound('进展报告不存在', 'Progress report not found');
      const wp = await visibleWorkPoint(v, before.workPointId, trx);
      if (stepName === 'submit' || stepName === 'edit') requireOwner(v, wp.ownerOrganisationId);
      else requireTaskForce(ctx);
      const to = nextState(before.state as ReportState, stepName);
      if (!to) throw conflict(`报告当前为“${STATE_NAMES[before.state as ReportState].zh}”，不能${STEP_NAMES[stepName].zh}`, `A report that is ${STATE_NAMES[before.state as ReportState].en.toLowerCase()} cannot be ${STEP_NAMES[stepName].en}`, [{ path: '/state', message: before.state }]);
      const after = await store.update(trx, id, { state: to, ...(await change(before, trx)) });
      const action = stepName === 'submit' && before.state === 'returned' ? 'resubmit' : stepName;
      await store.event(trx, { reportId: id, action, comment, actorId: ctx.principal!.userId, actorName: ctx.principal!.displayName });
      if (stepName !== 'edit') await refreshWorkPoint(trx, wp.id);
      await audit(trx, ctx, { action: `report.${action}`, entityType: 'progressReport', entityId: id, summary: `${STEP_NAMES[action].zh}进展报告 ${wp.code} ${before.periodLabel}${comment ? `：${comment}` : ''}（${STEP_NAMES[action].en} the progress report）`, before, after });
      if (stepName === 'return')
        await notify(trx, { organisationId: wp.ownerOrganisationId, kind: 'reportReturned', titleZh: `进展报告 ${wp.code} ${before.periodLabel} 被退回：${comment}`, titleEn: `Progress report ${wp.code} ${before.periodLabel} was returned: ${comment}`, link: `/supervision/reports/${id}`, dedupeKey: `report:${id}:return:${before.returnedCount + 1}` });
      if (stepName === 'submit')
        for (const tf of await store.taskForceOrganisations(trx))
          await notify(trx, { organisationId: tf.id, kind: 'reportSubmitted', titleZh: `${wp.code} ${before.periodLabel} 进展报告待审核`, titleEn: `Progress report ${wp.code} ${before.periodLabel} awaits review`, link: `/supervision/reports/${id}`, dedupeKey: `report:${id}:submit:${before.returnedCount}` });
      return after;
    });
  }

  async function createIn(trx: Transaction<DB>, ctx: Ctx, v: Viewer, input: ReportInput) {
    const wp = await visibleWorkPoint(v, input.workPointId, trx);
    requireOwner(v, wp.ownerOrganisationId);
    const period = periodByLabel(periods(wp.frequency as Frequency, wp.startsOn, wp.dueOn), input.periodLabel);
    if (!period) throw invalid([{ path: '/periodLabel', message: `工作要点 ${wp.code} 没有报送期 ${input.periodLabel} (no such reporting period)` }], '报送期不存在', 'No such reporting period');
    if (wp.closedAt) throw conflict(`工作要点 ${wp.code} 已销号`, `Work point ${wp.code} is closed out`);
    if (await store.byPeriod(trx, wp.id, period.start)) throw conflict(`${wp.code} 的 ${period.label} 期进展报告已存在`, `A report for ${wp.code}, period ${period.label}, already exists`, [{ path: '/periodLabel', message: period.label }]);
    const row = await store.insert(trx, {
      workPointId: wp.id, periodLabel: period.label, periodStart: period.start, periodEnd: period.end, deadline: period.deadline, state: 'draft',
      textZh: input.textZh ?? '', progressPct: input.progressPct ?? wp.progressPct, figures: JSON.stringify(input.figures ?? []), complete: input.complete ?? false,
      fileIds: input.fileIds ?? [], createdBy: ctx.principal!.userId,
    });
    await store.event(trx, { reportId: row.id, action: 'draft', comment: null, actorId: ctx.principal!.userId, actorName: ctx.principal!.displayName });
    await audit(trx, ctx, { action: 'report.draft', entityType: 'progressReport', entityId: row.id, summary: `起草进展报告 ${wp.code} ${period.label}（Drafted a progress report）`, after: row });
    return row;
  }

  return {
    async list(ctx: Ctx, f: ReportFilter, page: { limit: number; offset: number } | null) {
      const v = await viewerOf(db, ctx);
      const rows = await store.list(db, v, f, todayIn(deps.now()), page);
      return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _t, ...r }) => r) };
    },

    async get(ctx: Ctx, id: string) {
      const v = await viewerOf(db, ctx);
      const r = await store.byId(db, id);
      if (!r) throw notFound('进展报告不存在', 'Progress report not found');
      const wp = await visibleWorkPoint(v, r.workPointId);
      const [events, files] = await Promise.all([store.events(db, id), deps.files.metas(r.fileIds)]);
      const today = todayIn(deps.now());
      const mayWrite = owns(v, wp.ownerOrganisationId);
      const steps = stepsFrom(r.state as ReportState).filter((s) => (s === 'edit' || s === 'submit' ? mayWrite : v.taskForce));
      return {
        ...r, late: r.firstSubmittedAt ? todayIn(r.firstSubmittedAt) > r.deadline : r.deadline < today,
        workPoint: { id: wp.id, code: wp.code, titleZh: wp.titleZh, taskNo: wp.taskNo, ownerOrganisationId: wp.ownerOrganisationId, frequency: wp.frequency },
        events, files, steps,
      };
    },

    async create(ctx: Ctx, input: ReportInput) {
      const v = await viewerOf(db, ctx);
      const problems = contentProblems(input);
      if (problems.length) throw invalid(problems);
      await deps.files.requireCitable(ctx, input.fileIds ?? []);
      return db.transaction().execute((trx) => createIn(trx, ctx, v, input));
    },

    async edit(ctx: Ctx, id: string, patch: Omit<Partial<ReportInput>, 'workPointId' | 'periodLabel'>) {
      const problems = contentProblems(patch);
      if (problems.length) throw invalid(problems);
      await deps.files.requireCitable(ctx, patch.fileIds ?? []);
      return step(ctx, id, 'edit', null, async () => ({
        ...(patch.textZh !== undefined ? { textZh: patch.textZh } : {}),
        ...(patch.progressPct !== undefined ? { progressPct: patch.progressPct } : {}),
        ...(patch.figures !== undefined ? { figures: JSON.stringify(patch.figures) } : {}),
        ...(patch.complete !== undefined ? { complete: patch.complete } : {}),
        ...(patch.fileIds !== undefined ? { fileIds: patch.fileIds } : {}),
      }));
    },

    submit: (ctx: Ctx, id: string) => step(ctx, id, 'submit', null, async (r) => {
      if (!r.textZh.trim()) throw invalid([{ path: '/textZh', message: '报送前须填写进展情况 (describe the progress before submitting)' }]);
      const now = deps.now();
      return { submittedAt: now, firstSubmittedAt: r.firstSubmittedAt ?? now };
    }),

    returnReport: (ctx: Ctx, id: string, comment: string) => {
      if (!comment?.trim()) throw invalid([{ path: '/comment', message: '退回须写明意见 (a return needs a comment)' }]);
      return step(ctx, id, 'return', comment.trim(), async (r) => ({ reviewComment: comment.trim(), returnedCount: r.returnedCount + 1 }));
    },

    accept: (ctx: Ctx, id: string, comment: string | null) =>
      step(ctx, id, 'accept', comment?.trim() || null, async () => ({ acceptedAt: deps.now(), reviewComment: comment?.trim() || null })),

    async exportXlsx(ctx: Ctx, f: ReportFilter) {
      const { items } = await this.list(ctx, f, null);
      return writeWorkbook([{
        name: '进展报告', titleZh: '进展报告',
        columns: [
          { key: 'workPointCode', headerZh: '工作要点编号', headerEn: 'Work point', type: 'string', width: 14 },
          { key: 'workPointTitleZh', headerZh: '工作要点', headerEn: 'Title', type: 'string', width: 36 },
          { key: 'ownerNameZh', headerZh: '责任单位', headerEn: 'Owner', type: 'string', width: 22 },
          { key: 'periodLabel', headerZh: '报送期', headerEn: 'Period', type: 'string', width: 10 },
          { key: 'deadline', headerZh: '报送截止', headerEn: 'Deadline', type: 'date', width: 12 },
          { key: 'stateZh', headerZh: '状态', headerEn: 'State', type: 'string', width: 10 },
          { key: 'lateZh', headerZh: '是否逾期', headerEn: 'Late', type: 'string', width: 8 },
          { key: 'progressPct', headerZh: '完成进度（%）', headerEn: 'Done (%)', type: 'number', width: 10 },
          { key: 'textZh', headerZh: '进展情况', headerEn: 'Progress', type: 'string', width: 50 },
          { key: 'reviewComment', headerZh: '审核意见', headerEn: 'Review comment', type: 'string', width: 30 },
        ],
        rows: items.map((r) => ({ ...r, stateZh: STATE_NAMES[r.state as ReportState].zh, lateZh: r.late ? '逾期' : '按时' })),
      }]);
    },

    template: () => templateWorkbook('进展报告', REPORT_COLUMNS, { instructionsZh: ['每行一期报告；已存在的草稿或被退回的报告按报送期更新，其余新建为草稿。', '导入后请在平台上逐份确认报送。'] }),

    /** A unit's reports from a spreadsheet: new drafts, or edits of its drafts and returned reports. All rows or none. */
    async importXlsx(ctx: Ctx, file: Buffer): Promise<{ created: number; updated: number; problems: ImportProblem[] }> {
      const v = await viewerOf(db, ctx);
      const { rows, problems } = await readSheet<Record<string, unknown>>(file, REPORT_COLUMNS);
      if (!rows.length && !problems.length) problems.push({ row: 0, column: '', reasonZh: '文件中没有数据行', reasonEn: 'The file has no data rows' });
      const wps = await store.workPointsByCode(db, [...new Set(rows.map((r) => String(r.workPointCode ?? '')))]);
      // Every report of the file's work points in one read, rather than one query per row.
      const reportsByPeriod = new Map((await store.ofWorkPoints(db, wps.map((w) => w.id))).map((r) => [`${r.workPointId}:${r.periodStart}`, r]));
      const header = (k: string) => REPORT_COLUMNS.find((c) => c.key === k)!.headerZh;
      const seen = new Set<string>();
      const plan: { input: ReportInput; existing: ReportRow | undefined }[] = [];
      for (const [i, r] of rows.entries()) {
        const rowNo = (r.__row as number | undefined) ?? i + 2;
        const bad = (key: string, zh: string, en: string) => problems.push({ row: rowNo, column: header(key), columnKey: key, reasonZh: zh, reasonEn: en, value: String(r[key] ?? '') });
        const wp = wps.find((w) => w.code === r.workPointCode);
        if (!wp || !canSee(v, wp.ownerOrganisationId, wp.districtCode)) { bad('workPointCode', '工作要点编号不存在', 'No such work point'); continue; }
        if (!owns(v, wp.ownerOrganisationId)) { bad('workPointCode', '不是本单位负责的工作要点', 'Not a work point your organisation owns'); continue; }
        const period = periodByLabel(periods(wp.frequency as Frequency, wp.startsOn, wp.dueOn), String(r.periodLabel));
        if (!period) { bad('periodLabel', `该工作要点没有报送期 ${String(r.periodLabel)}`, 'No such reporting period'); continue; }
        const key = `${wp.id}:${period.label}`;
        if (seen.has(key)) { bad('periodLabel', '同一报送期在文件中出现两次', 'The same period appears twice in the file'); continue; }
        seen.add(key);
        const existing = reportsByPeriod.get(`${wp.id}:${period.start}`);
        if (existing && !nextState(existing.state as ReportState, 'edit')) { bad('periodLabel', `该期报告已${STATE_NAMES[existing.state as ReportState].zh}，不能再修改`, `That period's report is ${existing.state} and can no longer change`); continue; }
        if (wp.closedAt) { bad('workPointCode', '工作要点已销号', 'The work point is closed out'); continue; }
        const figures = r.figureName ? [{ nameZh: String(r.figureName), value: Number(r.figureValue ?? 0) }] : [];
        plan.push({ existing, input: { workPointId: wp.id, periodLabel: period.label, textZh: String(r.textZh ?? ''), progressPct: Number(r.progressPct), complete: !!r.complete, figures } });
      }
      if (problems.length) return { created: 0, updated: 0, problems: problems.sort((a, b) => a.row - b.row) };
      return db.transaction().execute(async (trx) => {
        let created = 0;
        let updated = 0;
        for (const { input, existing } of plan) {
          if (!existing) { await createIn(trx, ctx, v, input); created++; continue; }
          const after = await store.update(trx, existing.id, { textZh: input.textZh, progressPct: input.progressPct, complete: input.complete, figures: JSON.stringify(input.figures) });
          await store.event(trx, { reportId: existing.id, action: 'edit', comment: '由 Excel 导入更新 (updated by import)', actorId: ctx.principal!.userId, actorName: ctx.principal!.displayName });
          await audit(trx, ctx, { action: 'report.edit', entityType: 'progressReport', entityId: existing.id, summary: `导入更新进展报告 ${existing.periodLabel}（Updated by import）`, before: existing, after });
          updated++;
        }
        return { created, updated, problems: [] };
      });
    },
  };
}

const STEP_NAMES: Record<string, { zh: string; en: string }> = {
  edit: { zh: '修改', en: 'edited' }, submit: { zh: '报送', en: 'submitted' }, resubmit: { zh: '重新报送', en: 'resubmitted' },
  return: { zh: '退回', en: 'returned' }, accept: { zh: '审核通过', en: 'accepted' },
};

export type ReportsService = ReturnType<typeof reportsService>;
