import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { hasRole } from '../../platform/access/model.js';
import { conflict, invalid, notFound, type ErrorDetail } from '../../platform/http/errors.js';
import { writeWorkbook } from '../../platform/excel/index.js';
import { containsPattern } from '../../platform/db/like.js';
import type { PlanService } from '../plan/service.js';
import { isIsoDate, todayIn } from './model/dates.js';
import { windowOf } from './model/deadlines.js';
import { requireTaskForce } from './viewer.js';

/**
 * Public consultation (征求意见): a draft published with a comment window; anyone may comment
 * within it; the task force answers each comment and compiles the feedback report. Comments
 * are plain text, stored as written and never rendered as HTML.
 */
export const COMMENT_MAX = 2000;
export const DISPOSITIONS = {
  adopted: '采纳', partlyAdopted: '部分采纳', notAdopted: '不予采纳', explained: '已解释说明',
} as const;
export const PLAN_CONSULTATION_CODE = 'ZQYJ-2024-001';


export function consultationsService(database: Database, deps: { plan: PlanService; now: () => Date }) {
  const { db } = database;
  const isTf = (ctx: Ctx) => hasRole(ctx.principal, 'admin', 'taskforce');

  async function visible(ctx: Ctx, id: string) {
    const c = await db.selectFrom('consultation').selectAll().where('id', '=', id).executeTakeFirst();
    if (!c || (c.status !== 'published' && !isTf(ctx))) throw notFound('征求意见不存在', 'Consultation not found');
    return c;
  }

  const withWindow = <T extends { opensOn: string; closesOn: string }>(c: T) => ({ ...c, window: windowOf(c, todayIn(deps.now())) });

  return {
    async list(ctx: Ctx, f: { q?: string } = {}) {
      let q = db.selectFrom('consultation as c').select(['c.id', 'c.code', 'c.titleZh', 'c.summaryZh', 'c.opensOn', 'c.closesOn', 'c.status', 'c.publishedAt', 'c.planVersion',
        (eb) => eb.selectFrom('consultationComment as m').select((x) => x.fn.countAll<number>().as('n')).whereRef('m.consultationId', '=', 'c.id').as('comments')]);
      if (!isTf(ctx)) q = q.where('c.status', '=', 'published');
      if (f.q) q = q.where((eb) => eb.or([eb('c.titleZh', 'ilike', containsPattern(f.q!)), eb('c.code', 'ilike', containsPattern(f.q!))]));
      return (await q.orderBy('c.opensOn', 'desc').execute()).map(withWindow);
    },

    async exportXlsx(ctx: Ctx, f: { q?: string }) {
      const items = await this.list(ctx, f);
      const WINDOW: Record<string, string> = { upcoming: '未开始', open: '征求意见中', closed: '已截止' };
      return writeWorkbook([{ name: '征求意见', titleZh: '征求意见', columns: [
        { key: 'code', headerZh: '编号', headerEn: 'Code', type: 'string', width: 14 },
        { key: 'titleZh', headerZh: '标题', headerEn: 'Title', type: 'string', width: 50 },
        { key: 'opensOn', headerZh: '开始', headerEn: 'Opens', type: 'date', width: 12 },
        { key: 'closesOn', headerZh: '截止', headerEn: 'Closes', type: 'date', width: 12 },
        { key: 'windowZh', headerZh: '状态', headerEn: 'Window', type: 'string', width: 12 },
        { key: 'comments', headerZh: '意见条数', headerEn: 'Comments', type: 'integer', width: 10 },
      ], rows: items.map((c) => ({ ...c, windowZh: c.status === 'draft' ? '草稿' : WINDOW[c.window] })) }]);
    },

    async get(ctx: Ctx, id: string) {
      const c = await visible(ctx, id);
      const answered = await db.selectFrom('consultationComment').select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('answeredAt').as('answered')]).where('consultationId', '=', id).executeTakeFirstOrThrow();
      return withWindow({ ...c, comments: answered.total, answered: answered.answered });
    },

    async create(ctx: Ctx, input: { titleZh: string; summaryZh?: string | null; draftText: string; opensOn: string; closesOn: string }) {
      requireTaskForce(ctx);
      const p: ErrorDetail[] = [];
      if (!input.titleZh?.trim()) p.push({ path: '/titleZh', message: '必填 (required)' });
      if (!input.draftText?.trim()) p.push({ path: '/draftText', message: '必填 (required)' });
      if (!isIsoDate(input.opensOn)) p.push({ path: '/opensOn', message: '日期格式应为 YYYY-MM-DD (date as YYYY-MM-DD)' });
      if (!isIsoDate(input.closesOn)) p.push({ path: '/closesOn', message: '日期格式应为 YYYY-MM-DD (date as YYYY-MM-DD)' });
      else if (isIsoDate(input.opensOn) && input.closesOn < input.opensOn) p.push({ path: '/closesOn', message: '截止日期不能早于开始日期 (closes before it opens)' });
      if (p.length) throw invalid(p);
      return db.transaction().execute(async (trx) => {
        const year = input.opensOn.slice(0, 4);
        const n = (await trx.selectFrom('consultation').select((eb) => eb.fn.countAll<number>().as('n')).where('code', 'like', `ZQYJ-${year}-%`).executeTakeFirstOrThrow()).n;
        const row = await trx.insertInto('consultation').values({
          code: `ZQYJ-${year}-${String(n + 1).padStart(3, '0')}`, titleZh: input.titleZh.trim(), summaryZh: input.summaryZh ?? null, draftText: input.draftText,
          opensOn: input.opensOn, closesOn: input.closesOn, status: 'draft', createdBy: ctx.principal!.userId,
        }).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'consultation.create', entityType: 'consultation', entityId: row.id, summary: `起草征求意见 ${row.titleZh}（Drafted a consultation）`, after: { ...row, draftText: `${row.draftText.length} chars` } });
        return row;
      });
    },

    async publish(ctx: Ctx, id: string) {
      requireTaskForce(ctx);
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('consultation').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!before) throw notFound('征求意见不存在', 'Consultation not found');
        if (before.status === 'published') throw conflict('已发布', 'Already published');
        const after = await trx.updateTable('consultation').set({ status: 'published', publishedAt: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'consultation.publish', entityType: 'consultation', entityId: id, summary: `发布征求意见 ${before.titleZh}（Published a consultation）` });
        return after;
      });
    },

    /** Anyone may comment while the window is open. */
    async comment(ctx: Ctx, id: string, input: { body: string; authorName?: string | null; organisationName?: string | null; contact?: string | null; sectionRef?: string | null }) {
      const c = await visible(ctx, id);
      if (c.status !== 'published') throw conflict('征求意见尚未发布', 'The consultation is not published');
      const body = input.body?.replace(/\r\n/g, '\n').trim() ?? '';
      const p: ErrorDetail[] = [];
      if (!body) p.push({ path: '/body', message: '意见不能为空 (the comment is empty)' });
      if (body.length > COMMENT_MAX) p.push({ path: '/body', message: `不超过 ${COMMENT_MAX} 字 (at most ${COMMENT_MAX} characters)` });
      if (p.length) throw invalid(p);
      const w = windowOf(c, todayIn(deps.now()));
      if (w === 'closed') throw conflict(`征求意见已于 ${c.closesOn} 截止`, `The comment window closed on ${c.closesOn}`);
      if (w === 'upcoming') throw conflict(`征求意见将于 ${c.opensOn} 开始`, `The comment window opens on ${c.opensOn}`);
      const clean = (s?: string | null, max = 100) => (s ?? '').trim().slice(0, max) || null;
      return db.transaction().execute(async (trx) => {
        const row = await trx.insertInto('consultationComment').values({
          consultationId: id, body, authorName: clean(input.authorName, 50), organisationName: clean(input.organisationName), contact: clean(input.contact), sectionRef: clean(input.sectionRef),
          // The address is kept only as a hash: enough to spot a flood, not to identify a person.
          ipHash: ctx.ip ? createHash('sha256').update(`cq-biomfg:${ctx.ip}`).digest('hex').slice(0, 16) : null,
        }).returning(['id', 'createdAt']).executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'consultation.comment', entityType: 'consultationComment', entityId: row.id, summary: `收到对「${c.titleZh}」的意见（A comment was received）` });
        return { id: row.id, createdAt: row.createdAt, receivedZh: '意见已收到，感谢您的参与', receivedEn: 'Your comment was received. Thank you.' };
      });
    },

    async comments(ctx: Ctx, id: string, f: { limit: number; offset: number }) {
      requireTaskForce(ctx);
      await visible(ctx, id);
      const rows = await db.selectFrom('consultationComment').select(['id', 'authorName', 'organisationName', 'contact', 'sectionRef', 'body', 'answerZh', 'disposition', 'answeredAt', 'createdAt', sql<number>`count(*) over ()`.as('total')])
        .where('consultationId', '=', id).orderBy('createdAt').orderBy('id').limit(f.limit).offset(f.offset).execute();
      return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _t, ...r }) => r) };
    },

    async answer(ctx: Ctx, commentId: string, input: { answerZh: string; disposition: keyof typeof DISPOSITIONS }) {
      requireTaskForce(ctx);
      if (!input.answerZh?.trim()) throw invalid([{ path: '/answerZh', message: '必填 (required)' }]);
      if (!(input.disposition in DISPOSITIONS)) throw invalid([{ path: '/disposition', message: '处理方式不存在 (no such disposition)' }]);
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('consultationComment').selectAll().where('id', '=', commentId).forUpdate().executeTakeFirst();
        if (!before) throw notFound('意见不存在', 'Comment not found');
        const after = await trx.updateTable('consultationComment').set({ answerZh: input.answerZh.trim(), disposition: input.disposition, answeredBy: ctx.principal!.userId, answeredAt: new Date() })
          .where('id', '=', commentId).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'consultation.answer', entityType: 'consultationComment', entityId: commentId, summary: `答复意见：${DISPOSITIONS[input.disposition]}（Answered a comment）`, before, after });
        return after;
      });
    },

    /** 意见采纳情况汇总表: every comment with its answer. */
    async feedbackXlsx(ctx: Ctx, id: string) {
      requireTaskForce(ctx);
      const c = await visible(ctx, id);
      const { items } = await this.comments(ctx, id, { limit: 100_000, offset: 0 });
      const count = (d: string) => items.filter((i) => i.disposition === d).length;
      return writeWorkbook([
        { name: '意见采纳情况', titleZh: `《${c.titleZh}》征求意见采纳情况汇总表`, columns: [
          { key: 'no', headerZh: '序号', headerEn: 'No.', type: 'integer', width: 6 },
          { key: 'who', headerZh: '提出单位/个人', headerEn: 'From', type: 'string', width: 22 },
          { key: 'sectionRef', headerZh: '涉及条款', headerEn: 'Section', type: 'string', width: 14 },
          { key: 'body', headerZh: '意见建议', headerEn: 'Comment', type: 'string', width: 50 },
          { key: 'dispositionZh', headerZh: '处理情况', headerEn: 'Disposition', type: 'string', width: 12 },
          { key: 'answerZh', headerZh: '理由说明', headerEn: 'Answer', type: 'string', width: 40 },
          { key: 'createdAt', headerZh: '提出时间', headerEn: 'Received', type: 'string', width: 18 },
        ], rows: items.map((i, n) => ({ ...i, no: n + 1, who: [i.organisationName, i.authorName].filter(Boolean).join(' ') || '匿名', dispositionZh: i.disposition ? DISPOSITIONS[i.disposition as keyof typeof DISPOSITIONS] : '未答复', createdAt: new Date(i.createdAt).toISOString().slice(0, 16).replace('T', ' ') })) },
        { name: '统计', titleZh: '统计', columns: [
          { key: 'k', headerZh: '项目', headerEn: 'Item', type: 'string', width: 16 }, { key: 'n', headerZh: '条数', headerEn: 'Count', type: 'integer', width: 8 },
        ], rows: [{ k: '收到意见', n: items.length }, ...Object.entries(DISPOSITIONS).map(([d, zh]) => ({ k: zh, n: count(d) })), { k: '未答复', n: items.filter((i) => !i.disposition).length }] },
      ]);
    },

    /** The plan's own July 2024 consultation, the first record. Idempotent. */
    async seedPlanConsultation(ctx: Ctx) {
      const exists = await db.selectFrom('consultation').select('id').where('code', '=', PLAN_CONSULTATION_CODE).executeTakeFirst();
      if (exists) return false;
      const [plan, text] = await Promise.all([deps.plan.plan(), deps.plan.text()]);
      const cons = plan.consultation;
      return db.transaction().execute(async (trx) => {
        const row = await trx.insertInto('consultation').values({
          code: PLAN_CONSULTATION_CODE, titleZh: `${plan.titleZh}（征求意见稿）`, summaryZh: cons.sourceSentence, draftText: text.text,
          opensOn: cons.opensOn, closesOn: cons.closesOn, planCode: plan.code, planVersion: plan.version, status: 'published', publishedAt: new Date(`${cons.opensOn}T09:00:00+08:00`),
          contact: JSON.stringify({ channelZh: cons.channelZh, email: cons.email, contactName: cons.contactName, phone: cons.phone }),
        }).returning('id').executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'consultation.seed', entityType: 'consultation', entityId: row.id, summary: '载入行动计划 2024 年 7 月征求意见记录（Loaded the plan\'s July 2024 consultation）' });
        return true;
      });
    },
  };
}

export type ConsultationsService = ReturnType<typeof consultationsService>;
