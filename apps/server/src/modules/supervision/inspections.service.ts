import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, forbidden, invalid, notFound, type ErrorDetail } from '../../platform/http/errors.js';
import { writeWorkbook } from '../../platform/excel/index.js';
import type { FileService } from '../../platform/files/files.js';
import { sql } from 'kysely';
import { isIsoDate } from './model/dates.js';
import { containsPattern } from '../../platform/db/like.js';
import { notify } from './notifications.js';
import { ownOrganisation, owns, requireTaskForce, viewerOf, type Viewer } from './viewer.js';

/**
 * Inspections (督促检查 / 专项督查): scheduled or special, over a scope of tasks, units and
 * districts; findings; rectification items with owners and deadlines, each closed with
 * evidence the task force accepts. An inspection closes when all its items are closed.
 */
export interface InspectionInput {
  kind: 'scheduled' | 'special';
  titleZh: string;
  plannedOn: string;
  scope: { taskNos: number[]; organisationIds: string[]; districtCodes: string[] };
  findingsZh?: string | null;
}

const STATUS_ZH: Record<string, string> = { planned: '计划中', inProgress: '进行中', closed: '已结束', open: '整改中', submitted: '待验收' };

export function inspectionsService(database: Database, deps: { files: FileService }) {
  const { db } = database;

  const involves = (v: Viewer, scope: InspectionInput['scope'], owners: string[]) =>
    v.taskForce || (!!v.organisationId && (scope.organisationIds.includes(v.organisationId) || owners.includes(v.organisationId))) || (!!v.districtCode && scope.districtCodes.includes(v.districtCode));

  async function load(ctx: Ctx, id: string) {
    const v = await viewerOf(db, ctx);
    const i = await db.selectFrom('inspection').selectAll().where('id', '=', id).executeTakeFirst();
    if (!i) throw notFound('督查不存在', 'Inspection not found');
    const recs = await db.selectFrom('rectification as r').innerJoin('organisation as o', 'o.id', 'r.ownerOrganisationId')
      .selectAll('r').select(['o.nameZh as ownerNameZh']).where('r.inspectionId', '=', id).orderBy('r.createdAt').execute();
    if (!involves(v, i.scope, recs.map((r) => r.ownerOrganisationId))) throw notFound('督查不存在', 'Inspection not found');
    return { v, inspection: i, rectifications: recs };
  }

  async function problems(input: Partial<InspectionInput>): Promise<ErrorDetail[]> {
    const p: ErrorDetail[] = [];
    if (input.titleZh !== undefined && !input.titleZh.trim()) p.push({ path: '/titleZh', message: '必填 (required)' });
    if (input.plannedOn !== undefined && !isIsoDate(input.plannedOn)) p.push({ path: '/plannedOn', message: '日期格式应为 YYYY-MM-DD (date as YYYY-MM-DD)' });
    if (input.scope) {
      const s = input.scope;
      if (!s.taskNos.length && !s.organisationIds.length && !s.districtCodes.length) p.push({ path: '/scope', message: '须至少选定一项任务、单位或区县 (name at least one task, unit or district)' });
      s.taskNos.forEach((t, i) => { if (!(t >= 1 && t <= 26)) p.push({ path: `/scope/taskNos/${i}`, message: '任务不存在 (no such task)' }); });
      const orgs = s.organisationIds.length ? new Set((await db.selectFrom('organisation').select('id').where('id', 'in', s.organisationIds).execute()).map((o) => o.id)) : new Set();
      s.organisationIds.forEach((o, i) => { if (!orgs.has(o)) p.push({ path: `/scope/organisationIds/${i}`, message: '机构不存在 (no such organisation)' }); });
      const ds = s.districtCodes.length ? new Set((await db.selectFrom('district').select('code').where('code', 'in', s.districtCodes).execute()).map((d) => d.code)) : new Set();
      s.districtCodes.forEach((d, i) => { if (!ds.has(d)) p.push({ path: `/scope/districtCodes/${i}`, message: '区县不存在 (no such district)' }); });
    }
    return p;
  }

  return {
    async list(ctx: Ctx, f: { status?: string; kind?: string; taskNo?: number; q?: string; limit: number; offset: number }) {
      const v = await viewerOf(db, ctx);
      let q = db.selectFrom('inspection as i').selectAll('i').select([
        (eb) => eb.selectFrom('rectification as r').select((x) => x.fn.countAll<number>().as('n')).whereRef('r.inspectionId', '=', 'i.id').as('rectifications'),
        (eb) => eb.selectFrom('rectification as r').select((x) => x.fn.countAll<number>().as('n')).whereRef('r.inspectionId', '=', 'i.id').where('r.status', '!=', 'closed').as('openRectifications'),
      ]);
      if (f.status) q = q.where('i.status', '=', f.status);
      if (f.kind) q = q.where('i.kind', '=', f.kind);
      if (f.q) q = q.where((eb) => eb.or([eb('i.titleZh', 'ilike', containsPattern(f.q!)), eb('i.code', 'ilike', containsPattern(f.q!)), eb('i.findingsZh', 'ilike', containsPattern(f.q!))]));
      if (f.taskNo) q = q.where((eb) => eb(eb.ref('i.scope', '->').key('taskNos'), '@>', JSON.stringify([f.taskNo]) as never));
      if (!v.taskForce) {
        const org = ownOrganisation(v);
        q = q.where((eb) => eb.or([
          eb(eb.ref('i.scope', '->').key('organisationIds'), '@>', JSON.stringify([org]) as never),
          eb.exists(eb.selectFrom('rectification as r').select('r.id').whereRef('r.inspectionId', '=', 'i.id').where('r.ownerOrganisationId', '=', org)),
          ...(v.districtCode ? [eb(eb.ref('i.scope', '->').key('districtCodes'), '@>', JSON.stringify([v.districtCode]) as never)] : []),
        ]));
      }
      const rows = await q.select(sql<number>`count(*) over ()`.as('total')).orderBy('i.plannedOn', 'desc').orderBy('i.code').limit(f.limit).offset(f.offset).execute();
      return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _t, ...r }) => r) };
    },

    async get(ctx: Ctx, id: string) {
      const { v, inspection, rectifications } = await load(ctx, id);
      const files = await deps.files.metas(rectifications.flatMap((r) => (r.evidenceFileId ? [r.evidenceFileId] : [])));
      return {
        ...inspection,
        rectifications: rectifications.map((r) => ({ ...r, evidenceFile: files.find((f) => f.id === r.evidenceFileId) ?? null, mayRespond: owns(v, r.ownerOrganisationId) && r.status === 'open' })),
        mayManage: v.taskForce,
      };
    },

    async create(ctx: Ctx, input: InspectionInput) {
      requireTaskForce(ctx);
      const p = await problems(input);
      if (p.length) throw invalid(p);
      return db.transaction().execute(async (trx) => {
        const year = input.plannedOn.slice(0, 4);
        const n = (await trx.selectFrom('inspection').select((eb) => eb.fn.countAll<number>().as('n')).where('code', 'like', `DC-${year}-%`).executeTakeFirstOrThrow()).n;
        const row = await trx.insertInto('inspection').values({
          code: `DC-${year}-${String(n + 1).padStart(3, '0')}`, kind: input.kind, titleZh: input.titleZh.trim(), scope: JSON.stringify(input.scope),
          plannedOn: input.plannedOn, status: 'planned', findingsZh: input.findingsZh ?? null, createdBy: ctx.principal!.userId,
        }).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'inspection.create', entityType: 'inspection', entityId: row.id, summary: `安排${input.kind === 'special' ? '专项督查' : '督促检查'} ${row.code} ${row.titleZh}（Scheduled an inspection）`, after: row });
        return row;
      });
    },

    async update(ctx: Ctx, id: string, patch: Partial<InspectionInput> & { status?: 'planned' | 'inProgress' }) {
      requireTaskForce(ctx);
      const p = await problems(patch);
      if (p.length) throw invalid(p);
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('inspection').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!before) throw notFound('督查不存在', 'Inspection not found');
        if (before.status === 'closed') throw conflict('督查已结束，不能修改', 'The inspection is closed');
        const after = await trx.updateTable('inspection').set({
          ...(patch.kind ? { kind: patch.kind } : {}), ...(patch.titleZh ? { titleZh: patch.titleZh.trim() } : {}), ...(patch.plannedOn ? { plannedOn: patch.plannedOn } : {}),
          ...(patch.scope ? { scope: JSON.stringify(patch.scope) } : {}), ...(patch.findingsZh !== undefined ? { findingsZh: patch.findingsZh } : {}),
          ...(patch.status ? { status: patch.status } : {}), updatedAt: new Date(),
        }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'inspection.update', entityType: 'inspection', entityId: id, summary: `更新督查 ${before.code}（Updated an inspection）`, before, after });
        return after;
      });
    },

    async addRectification(ctx: Ctx, id: string, input: { descriptionZh: string; ownerOrganisationId: string; dueOn: string }) {
      requireTaskForce(ctx);
      const p: ErrorDetail[] = [];
      if (!input.descriptionZh?.trim()) p.push({ path: '/descriptionZh', message: '必填 (required)' });
      if (!isIsoDate(input.dueOn)) p.push({ path: '/dueOn', message: '日期格式应为 YYYY-MM-DD (date as YYYY-MM-DD)' });
      if (!(await db.selectFrom('organisation').select('id').where('id', '=', input.ownerOrganisationId).executeTakeFirst())) p.push({ path: '/ownerOrganisationId', message: '机构不存在 (no such organisation)' });
      if (p.length) throw invalid(p);
      return db.transaction().execute(async (trx) => {
        const i = await trx.selectFrom('inspection').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!i) throw notFound('督查不存在', 'Inspection not found');
        if (i.status === 'closed') throw conflict('督查已结束，不能新增整改事项', 'The inspection is closed');
        const row = await trx.insertInto('rectification').values({ inspectionId: id, descriptionZh: input.descriptionZh.trim(), ownerOrganisationId: input.ownerOrganisationId, dueOn: input.dueOn, status: 'open' }).returningAll().executeTakeFirstOrThrow();
        if (i.status === 'planned') await trx.updateTable('inspection').set({ status: 'inProgress', updatedAt: new Date() }).where('id', '=', id).execute();
        await notify(trx, { organisationId: input.ownerOrganisationId, kind: 'rectificationAssigned', titleZh: `督查 ${i.code} 交办整改事项：${row.descriptionZh}（${row.dueOn} 前完成）`, titleEn: `Inspection ${i.code} assigned a rectification, due ${row.dueOn}`, link: `/supervision/inspections/${id}`, dueOn: row.dueOn, dedupeKey: `rectification:${row.id}:assigned` });
        await audit(trx, ctx, { action: 'rectification.create', entityType: 'rectification', entityId: row.id, summary: `督查 ${i.code} 交办整改：${row.descriptionZh}（Assigned a rectification）`, after: row });
        return row;
      });
    },

    /** The owner answers a rectification with evidence. */
    async respond(ctx: Ctx, rectificationId: string, input: { evidenceZh: string; evidenceFileId?: string | null }) {
      const v = await viewerOf(db, ctx);
      if (!input.evidenceZh?.trim()) throw invalid([{ path: '/evidenceZh', message: '须说明整改情况 (describe what was done)' }]);
      if (input.evidenceFileId) await deps.files.requireCitable(ctx, [input.evidenceFileId]);
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('rectification').selectAll().where('id', '=', rectificationId).forUpdate().executeTakeFirst();
        if (!before || !(v.taskForce || owns(v, before.ownerOrganisationId))) throw notFound('整改事项不存在', 'Rectification not found');
        if (!owns(v, before.ownerOrganisationId)) throw forbidden('只有整改责任单位可以报送整改情况', 'Only the owner reports on a rectification');
        if (before.status !== 'open') throw conflict(`整改事项${STATUS_ZH[before.status]}，不能再报送`, `The rectification is ${before.status}`);
        const after = await trx.updateTable('rectification').set({ status: 'submitted', evidenceZh: input.evidenceZh.trim(), evidenceFileId: input.evidenceFileId ?? null, updatedAt: new Date() }).where('id', '=', rectificationId).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'rectification.respond', entityType: 'rectification', entityId: rectificationId, summary: `报送整改情况（Reported on a rectification）`, before, after });
        return after;
      });
    },

    /** The task force closes a rectification (accepting its evidence) or sends it back. */
    async review(ctx: Ctx, rectificationId: string, decision: 'close' | 'reopen', comment: string | null) {
      requireTaskForce(ctx);
      if (decision === 'reopen' && !comment?.trim()) throw invalid([{ path: '/comment', message: '退回整改须写明意见 (a return needs a comment)' }]);
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('rectification').selectAll().where('id', '=', rectificationId).forUpdate().executeTakeFirst();
        if (!before) throw notFound('整改事项不存在', 'Rectification not found');
        if (before.status !== 'submitted') throw conflict('只有已报送整改情况的事项可以验收或退回', 'Only a rectification with evidence submitted can be closed or returned');
        const after = await trx.updateTable('rectification').set(decision === 'close'
          ? { status: 'closed', closedAt: new Date(), reviewComment: comment, updatedAt: new Date() }
          : { status: 'open', reviewComment: comment, updatedAt: new Date() }).where('id', '=', rectificationId).returningAll().executeTakeFirstOrThrow();
        if (decision === 'reopen')
          await notify(trx, { organisationId: before.ownerOrganisationId, kind: 'rectificationReturned', titleZh: `整改事项被退回：${comment}`, titleEn: `A rectification was returned: ${comment}`, link: `/supervision/inspections/${before.inspectionId}`, dedupeKey: `rectification:${before.id}:reopen:${Date.now()}` });
        await audit(trx, ctx, { action: `rectification.${decision}`, entityType: 'rectification', entityId: rectificationId, summary: decision === 'close' ? '整改事项验收销号（Closed a rectification）' : `退回整改：${comment}（Returned a rectification）`, before, after });
        return after;
      });
    },

    async close(ctx: Ctx, id: string, findingsZh?: string | null) {
      requireTaskForce(ctx);
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('inspection').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!before) throw notFound('督查不存在', 'Inspection not found');
        if (before.status === 'closed') throw conflict('督查已结束', 'The inspection is already closed');
        const open = await trx.selectFrom('rectification').select((eb) => eb.fn.countAll<number>().as('n')).where('inspectionId', '=', id).where('status', '!=', 'closed').executeTakeFirstOrThrow();
        if (open.n) throw conflict(`尚有 ${open.n} 项整改未销号`, `${open.n} rectifications are still open`);
        const after = await trx.updateTable('inspection').set({ status: 'closed', closedAt: new Date(), updatedAt: new Date(), ...(findingsZh ? { findingsZh } : {}) }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'inspection.close', entityType: 'inspection', entityId: id, summary: `督查 ${before.code} 结束（Closed an inspection）`, before, after });
        return after;
      });
    },

    async exportXlsx(ctx: Ctx, f: { status?: string; kind?: string; taskNo?: number; q?: string } = {}) {
      const { items } = await this.list(ctx, { ...f, limit: 10_000, offset: 0 });
      const recs = items.length ? await db.selectFrom('rectification as r').innerJoin('organisation as o', 'o.id', 'r.ownerOrganisationId').innerJoin('inspection as i', 'i.id', 'r.inspectionId')
        .select(['i.code', 'r.descriptionZh', 'o.nameZh as ownerNameZh', 'r.dueOn', 'r.status', 'r.evidenceZh', 'r.closedAt']).where('r.inspectionId', 'in', items.map((i) => i.id)).orderBy('i.code').execute() : [];
      return writeWorkbook([
        { name: '督查', titleZh: '督促检查', columns: [
          { key: 'code', headerZh: '编号', headerEn: 'Code', type: 'string', width: 12 },
          { key: 'kindZh', headerZh: '类别', headerEn: 'Kind', type: 'string', width: 10 },
          { key: 'titleZh', headerZh: '名称', headerEn: 'Title', type: 'string', width: 36 },
          { key: 'plannedOn', headerZh: '计划日期', headerEn: 'Planned', type: 'date', width: 12 },
          { key: 'statusZh', headerZh: '状态', headerEn: 'Status', type: 'string', width: 10 },
          { key: 'rectifications', headerZh: '整改事项', headerEn: 'Rectifications', type: 'integer', width: 10 },
          { key: 'openRectifications', headerZh: '未销号', headerEn: 'Open', type: 'integer', width: 8 },
          { key: 'findingsZh', headerZh: '发现问题', headerEn: 'Findings', type: 'string', width: 40 },
        ], rows: items.map((i) => ({ ...i, kindZh: i.kind === 'special' ? '专项督查' : '督促检查', statusZh: STATUS_ZH[i.status] })) },
        { name: '整改事项', titleZh: '整改事项', columns: [
          { key: 'code', headerZh: '督查编号', headerEn: 'Inspection', type: 'string', width: 12 },
          { key: 'descriptionZh', headerZh: '整改事项', headerEn: 'Rectification', type: 'string', width: 40 },
          { key: 'ownerNameZh', headerZh: '责任单位', headerEn: 'Owner', type: 'string', width: 22 },
          { key: 'dueOn', headerZh: '整改时限', headerEn: 'Due', type: 'date', width: 12 },
          { key: 'statusZh', headerZh: '状态', headerEn: 'Status', type: 'string', width: 10 },
          { key: 'evidenceZh', headerZh: '整改情况', headerEn: 'Evidence', type: 'string', width: 40 },
        ], rows: recs.map((r) => ({ ...r, statusZh: r.status === 'closed' ? '已销号' : STATUS_ZH[r.status] })) },
      ]);
    },
  };
}

export type InspectionsService = ReturnType<typeof inspectionsService>;
