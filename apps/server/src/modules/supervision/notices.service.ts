import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { hasRole } from '../../platform/access/model.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { todayIn } from './model/dates.js';
import { chineseDate } from '../../platform/dates.js';
import { containsPattern } from '../../platform/db/like.js';
import { writeWorkbook } from '../../platform/excel/index.js';
import { quarterRange } from './model/periods.js';
import { COLOUR_NAMES, commendationsAndCriticisms } from './model/status.js';
import type { PlanService } from '../plan/service.js';
import type { StatusService } from './status.service.js';
import type { WorkPointsService } from './work-points.service.js';
import { requireTaskForce } from './viewer.js';

/**
 * Notices (通报): drafted from the quarter's records — on-time rates by unit, the red and
 * yellow items with their owners, commendations and criticisms — then edited, approved and
 * published by the task force. Published notices are public, and each is a Word document
 * laid out as an official document.
 */
export const NOTICE_KINDS = { progress: '推进情况通报', commendation: '表扬通报', criticism: '批评通报' } as const;
export type NoticeKind = keyof typeof NOTICE_KINDS;
type Paragraph = string | { heading: string; level: 1 | 2 };

export const ISSUER_ZH = '重庆市高新技术产业工作专班';
const RECIPIENTS_ZH = '各区县人民政府，市级有关部门：';
const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八'];

export function noticesService(database: Database, deps: { plan: PlanService; status: StatusService; workPoints: WorkPointsService; now: () => Date }) {
  const { db } = database;
  const isTf = (ctx: Ctx) => hasRole(ctx.principal, 'admin', 'taskforce');

  async function visible(ctx: Ctx, id: string) {
    const n = await db.selectFrom('notice').selectAll().where('id', '=', id).executeTakeFirst();
    if (!n || (n.status !== 'published' && !isTf(ctx))) throw notFound('通报不存在', 'Notice not found');
    return n;
  }

  return {
    async list(ctx: Ctx, f: { status?: string; q?: string; limit: number; offset: number }) {
      let q = db.selectFrom('notice').select(['id', 'number', 'kind', 'periodLabel', 'titleZh', 'issuerZh', 'status', 'issuedOn', 'createdAt', 'publishedAt', sql<number>`count(*) over ()`.as('total')]);
      if (!isTf(ctx)) q = q.where('status', '=', 'published');
      else if (f.status) q = q.where('status', '=', f.status);
      if (f.q) q = q.where((eb) => eb.or([eb('titleZh', 'ilike', containsPattern(f.q!)), eb('number', 'ilike', containsPattern(f.q!)), eb('periodLabel', 'ilike', containsPattern(f.q!))]));
      const rows = await q.orderBy('createdAt', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute();
      return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _t, ...r }) => r) };
    },

    get: visible,

    async exportXlsx(ctx: Ctx, f: { status?: string; q?: string }) {
      const { items } = await this.list(ctx, { ...f, limit: 10_000, offset: 0 });
      const STATUS: Record<string, string> = { draft: '草稿', approved: '已审定', published: '已发布' };
      return writeWorkbook([{ name: '通报', titleZh: '通报', columns: [
        { key: 'number', headerZh: '文号', headerEn: 'Number', type: 'string', width: 22 },
        { key: 'titleZh', headerZh: '标题', headerEn: 'Title', type: 'string', width: 50 },
        { key: 'kindZh', headerZh: '类别', headerEn: 'Kind', type: 'string', width: 12 },
        { key: 'periodLabel', headerZh: '期间', headerEn: 'Period', type: 'string', width: 10 },
        { key: 'statusZh', headerZh: '状态', headerEn: 'Status', type: 'string', width: 10 },
        { key: 'issuedOn', headerZh: '印发日期', headerEn: 'Issued on', type: 'date', width: 12 },
      ], rows: items.map((n) => ({ ...n, kindZh: NOTICE_KINDS[n.kind as NoticeKind], statusZh: STATUS[n.status] })) }]);
    },

    /** A draft written from the records of one quarter. */
    async draft(ctx: Ctx, input: { kind: NoticeKind; quarter: string }) {
      requireTaskForce(ctx);
      const range = quarterRange(input.quarter);
      if (!range) throw invalid([{ path: '/quarter', message: '季度格式应为 2025-Q3 (quarter as 2025-Q3)' }]);
      if (!(input.kind in NOTICE_KINDS)) throw invalid([{ path: '/kind', message: '通报类别不存在 (no such kind)' }]);
      const [plan, units, rollup, flagged] = await Promise.all([
        deps.plan.plan(),
        deps.status.units(ctx, { quarter: input.quarter }),
        deps.status.rollup(ctx, {}),
        deps.workPoints.list(ctx, {}, { limit: 200, offset: 0 }).then((r) => r.items.filter((w) => w.colour === 'red' || w.colour === 'yellow')),
      ]);
      const [year, q] = [input.quarter.slice(0, 4), input.quarter.slice(-1)];
      const rated = units.units.filter((u) => u.onTimeRate !== null);
      const due = rated.reduce((n, u) => n + u.due, 0);
      const onTime = rated.reduce((n, u) => n + u.onTime, 0);
      const { commended: praised, criticised } = commendationsAndCriticisms(units.units);
      const c = rollup.counts;
      const paragraphs: Paragraph[] = [
        `为压实工作责任，推动《${plan.titleZh}》各项任务落地见效，根据行动计划保障措施有关要求，现将${year}年第${q}季度推进情况通报如下。`,
        { heading: `${CN_NUM[0]}、总体推进情况`, level: 1 },
        `截至${chineseDate(rollup.asOf)}，平台共部署年度工作要点${c.red + c.yellow + c.blue + c.green + c.closed}项，总体完成进度${rollup.progressPct}%。其中已销号${c.closed}项、正常推进${c.green}项、临近时限${c.blue}项、进度滞后${c.yellow}项、逾期${c.red}项。`,
        { heading: `${CN_NUM[1]}、进展报送情况`, level: 1 },
        due ? `本季度应报送进展报告${due}期，按时报送${onTime}期，按时报送率${Math.round((1000 * onTime) / due) / 10}%。各责任单位报送情况详见附件1。` : '本季度无应报送的进展报告。',
      ];
      let n = 2;
      if (input.kind !== 'criticism') {
        paragraphs.push({ heading: `${CN_NUM[n++]}、表扬`, level: 1 });
        paragraphs.push(praised.length ? `${praised.map((u) => u.nameZh).join('、')}本季度按时报送率达100%且无逾期事项，予以通报表扬。` : '本季度暂无全部按时报送且无逾期事项的单位。');
      }
      if (input.kind !== 'commendation') {
        paragraphs.push({ heading: `${CN_NUM[n++]}、存在问题`, level: 1 });
        paragraphs.push(criticised.length ? `${criticised.map((u) => u.nameZh).join('、')}存在报送不及时或工作要点逾期的情况，予以通报${input.kind === 'criticism' ? '批评' : '督促'}。红灯、黄灯事项及责任单位详见附件2。` : '本季度各单位均按时报送，无逾期事项。');
      }
      paragraphs.push({ heading: `${CN_NUM[n++]}、下一步工作要求`, level: 1 });
      paragraphs.push('各责任单位要对照年度工作要点，逐项倒排工期、挂图作战；对亮红灯、黄灯的事项，于15个工作日内报送整改措施，确保按期完成行动计划各项目标任务。');
      const attachments = [
        { title: `${year}年第${q}季度各责任单位进展报送情况`, columns: ['序号', '责任单位', '应报（期）', '按时（期）', '按时报送率', '逾期事项', '滞后事项'],
          rows: units.units.map((u, i) => [i + 1, u.nameZh, u.due, u.onTime, u.onTimeRate === null ? '—' : `${u.onTimeRate}%`, u.red, u.yellow]) },
        { title: '红灯、黄灯事项清单', columns: ['序号', '编号', '工作要点', '责任单位', '状态', '说明'],
          rows: flagged.map((w, i) => [i + 1, w.code, w.titleZh, w.ownerNameZh ?? '', COLOUR_NAMES[w.colour].zh, w.reasons.map((r) => r.zh).join('；')]) },
      ];
      return db.transaction().execute(async (trx) => {
        const row = await trx.insertInto('notice').values({
          kind: input.kind, periodLabel: input.quarter, titleZh: `关于${year}年第${q}季度生物制造产业行动计划推进情况的${input.kind === 'progress' ? '' : NOTICE_KINDS[input.kind].slice(0, 2)}通报`,
          issuerZh: ISSUER_ZH, recipientsZh: RECIPIENTS_ZH, paragraphs: JSON.stringify(paragraphs), attachments: JSON.stringify(attachments), status: 'draft', createdBy: ctx.principal!.userId,
        }).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'notice.draft', entityType: 'notice', entityId: row.id, summary: `依据 ${input.quarter} 数据起草通报（Drafted a notice from ${input.quarter} records）`, after: { id: row.id, titleZh: row.titleZh } });
        return row;
      });
    },

    async edit(ctx: Ctx, id: string, patch: { titleZh?: string; recipientsZh?: string; paragraphs?: Paragraph[] }) {
      requireTaskForce(ctx);
      if (patch.titleZh !== undefined && !patch.titleZh.trim()) throw invalid([{ path: '/titleZh', message: '必填 (required)' }]);
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('notice').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!before) throw notFound('通报不存在', 'Notice not found');
        if (before.status !== 'draft') throw conflict('只有草稿可以修改', 'Only a draft can be edited');
        const after = await trx.updateTable('notice').set({
          ...(patch.titleZh ? { titleZh: patch.titleZh.trim() } : {}), ...(patch.recipientsZh !== undefined ? { recipientsZh: patch.recipientsZh } : {}),
          ...(patch.paragraphs ? { paragraphs: JSON.stringify(patch.paragraphs) } : {}), updatedAt: new Date(),
        }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'notice.edit', entityType: 'notice', entityId: id, summary: '修改通报草稿（Edited a notice draft）', before, after });
        return after;
      });
    },

    async approve(ctx: Ctx, id: string) {
      requireTaskForce(ctx);
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('notice').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!before) throw notFound('通报不存在', 'Notice not found');
        if (before.status !== 'draft') throw conflict('只有草稿可以审定', 'Only a draft can be approved');
        const after = await trx.updateTable('notice').set({ status: 'approved', approvedBy: ctx.principal!.userId, approvedAt: new Date(), updatedAt: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'notice.approve', entityType: 'notice', entityId: id, summary: `审定通报 ${before.titleZh}（Approved a notice）`, before, after });
        return after;
      });
    },

    /** Publishing gives the notice its number and date; from then on it is public. */
    async publish(ctx: Ctx, id: string) {
      requireTaskForce(ctx);
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('notice').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!before) throw notFound('通报不存在', 'Notice not found');
        if (before.status !== 'approved') throw conflict('通报须先审定再发布', 'A notice must be approved before it is published');
        const issuedOn = todayIn(deps.now());
        const year = issuedOn.slice(0, 4);
        // Serialise numbering within a year so two publications never share a number.
        await sql`select pg_advisory_xact_lock(hashtext(${`notice-number-${year}`}))`.execute(trx);
        const count = (await trx.selectFrom('notice').select((eb) => eb.fn.countAll<number>().as('n')).where('number', 'like', `渝生物专班〔${year}〕%`).executeTakeFirstOrThrow()).n;
        const after = await trx.updateTable('notice').set({ status: 'published', number: `渝生物专班〔${year}〕${count + 1}号`, issuedOn, publishedAt: new Date(), updatedAt: new Date() })
          .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'notice.publish', entityType: 'notice', entityId: id, summary: `发布通报 ${after.number}（Published a notice）`, before, after });
        return after;
      });
    },

    async docx(ctx: Ctx, id: string) {
      const n = await visible(ctx, id);
      const issuedOn = n.issuedOn ?? todayIn(deps.now());
      // The Word writer loads on first use, not at start-up.
      const { officialDocumentDocx } = await import('../../platform/reports/index.js');
      const buffer = await officialDocumentDocx({
        issuerZh: n.issuerZh, number: n.number ?? '（未编号 · 草稿）', title: n.titleZh, recipients: n.recipientsZh, paragraphs: n.paragraphs,
        signature: n.issuerZh, date: issuedOn, attachments: n.attachments,
        footerZh: `${n.issuerZh}办公室  ${chineseDate(issuedOn)}印发`,
      });
      return { buffer, fileName: `${n.number ?? '通报草稿'} ${n.titleZh}.docx` };
    },
  };
}

export type NoticesService = ReturnType<typeof noticesService>;
