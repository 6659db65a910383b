import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, forbidden, invalid, notFound, unauthorized } from '../../platform/http/errors.js';
import { todayIn } from '../../platform/dates.js';
import { notify } from '../supervision/notifications.js';
import type { IpDeps } from './index.js';
import { IP_CENTRE, IP_KINDS, REPORT_MOVES, REPORT_STATUSES, type ReportStatus } from './model/labels.js';
import type { RightsService } from './rights.service.js';
import { ipCentreId, ipViewerOf, type IpViewer } from './viewer.js';

type Q = Kysely<DB> | Transaction<DB>;

export interface ReportInput { ipRightId: string; infringerZh: string; descriptionZh: string; fileIds?: string[] }
export interface ReportFilter { status?: string; ipRightId?: string; limit: number; offset: number }

const NONE = '00000000-0000-0000-0000-000000000000';
const CODE_PREFIX = 'QQ';
const notFoundReport = () => notFound('侵权举报不存在', 'Infringement report not found');

/**
 * Infringement reports (侵权举报): anyone signed in reports a right it can see; the report goes to
 * the IP operations centre, whose unit users (and the task force) move it received → investigating
 * → resolved, or dismiss it with the reason; each move is kept in the report's history. The
 * reporter sees its own reports, a holder's users the reports about its rights — without the
 * reporter's identity, which stays with the centre.
 */
export function reportsService(database: Database, deps: IpDeps & { rights: RightsService }) {
  const { db } = database;

  const rows = (q: Q) => q.selectFrom('ipInfringementReport as x').innerJoin('ipRight as r', 'r.id', 'x.ipRightId')
    .innerJoin('appUser as u', 'u.id', 'x.reporterId').leftJoin('organisation as o', 'o.id', 'x.reporterOrgId')
    .selectAll('x').select(['r.kind as rightKind', 'r.number as rightNumber', 'r.titleZh as rightTitleZh', 'u.displayName as reporterName', 'o.nameZh as reporterOrgNameZh']);

  const aboutHeldRight = (org: string | null) => sql<boolean>`exists (select 1 from ip_holder h where h.ip_right_id = x.ip_right_id and h.organisation_id = ${org ?? NONE})`;

  type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof rows>['executeTakeFirst']>>>;
  type Audience = 'handler' | 'reporter' | 'holder';

  /** Who the caller is to this report, or null when it may not see it. */
  async function audienceOf(q: Q, v: IpViewer, r: Row): Promise<Audience | null> {
    if (v.handler) return 'handler';
    if (r.reporterId === v.userId) return 'reporter';
    const held = v.organisationId && await q.selectFrom('ipHolder').select('ipRightId').where('ipRightId', '=', r.ipRightId).where('organisationId', '=', v.organisationId).executeTakeFirst();
    return held ? 'holder' : null;
  }

  const present = (r: Row, audience: Audience) => {
    const { reporterId, reporterName, reporterOrgId, reporterOrgNameZh, ...rest } = r;
    const identity = audience === 'holder' ? {} : { reporterId, reporterName, reporterOrgId, reporterOrgNameZh };
    return { ...rest, ...identity, centreZh: IP_CENTRE.nameZh, may: { moves: audience === 'handler' ? REPORT_MOVES[r.status] : [] } };
  };

  async function loadSeen(q: Q, v: IpViewer, id: string) {
    const r = await rows(q).where('x.id', '=', id).executeTakeFirst();
    if (!r) throw notFoundReport();
    const audience = await audienceOf(q, v, r);
    if (!audience) throw notFoundReport();
    return { r, audience };
  }

  async function detail(q: Q, v: IpViewer, id: string) {
    const { r, audience } = await loadSeen(q, v, id);
    const [events, files] = await Promise.all([
      q.selectFrom('ipReportEvent').selectAll().where('reportId', '=', id).orderBy('seq').execute(),
      r.fileIds.length ? q.selectFrom('storedFile').select(['id', 'name', 'mime', 'sizeBytes', 'createdAt']).where('id', 'in', r.fileIds).execute() : Promise.resolve([]),
    ]);
    // A holder does not learn who reported through the history either.
    const history = events.map((e) => (audience === 'holder' && e.actorId === r.reporterId ? { ...e, actorId: null, actorName: '举报人 Reporter' } : e));
    return { ...present(r, audience), events: history, files };
  }

  async function nextCode(trx: Transaction<DB>) {
    const prefix = `${CODE_PREFIX}-${todayIn(deps.now()).slice(0, 4)}-`;
    await sql`select pg_advisory_xact_lock(hashtext(${prefix}))`.execute(trx);
    const r = await sql<{ n: number | null }>`select max(substring(code from ${prefix.length + 1}::int)::int) as n from ip_infringement_report where code like ${prefix + '%'}`.execute(trx);
    return prefix + String((r.rows[0]?.n ?? 0) + 1).padStart(4, '0');
  }

  return {
    async list(ctx: Ctx, f: ReportFilter) {
      const v = await ipViewerOf(db, ctx);
      if (!v.userId) throw unauthorized();
      let q = rows(db);
      if (!v.handler) q = q.where((eb) => eb.or([eb('x.reporterId', '=', v.userId!), aboutHeldRight(v.organisationId)]));
      if (f.status) q = q.where('x.status', 'in', f.status.split(',') as ReportStatus[]);
      if (f.ipRightId) q = q.where('x.ipRightId', '=', f.ipRightId);
      const found = await q.select(sql<number>`count(*) over ()`.as('total')).orderBy('x.createdAt', 'desc').orderBy('x.code', 'desc').limit(f.limit).offset(f.offset).execute();
      const items = await Promise.all(found.map(async ({ total: _t, ...r }) => present(r, (await audienceOf(db, v, r))!)));
      return { total: found[0]?.total ?? 0, items };
    },

    get: async (ctx: Ctx, id: string) => detail(db, await ipViewerOf(db, ctx), id),

    async create(ctx: Ctx, input: ReportInput) {
      const v = await ipViewerOf(db, ctx);
      if (!v.userId) throw unauthorized();
      const problems = [];
      if (!input.infringerZh?.trim()) problems.push({ path: '/infringerZh', message: '请填写涉嫌侵权方（name the alleged infringer）' });
      if (!input.descriptionZh?.trim()) problems.push({ path: '/descriptionZh', message: '请描述侵权情况（describe the infringement）' });
      const right = await deps.rights.readable(ctx, input.ipRightId).catch(() => null);
      if (!right) problems.push({ path: '/ipRightId', message: '知识产权不存在（no such IP right）' });
      if (problems.length) throw invalid(problems);
      const fileIds = [...new Set(input.fileIds ?? [])];
      await deps.files.requireCitable(ctx, fileIds);
      const centre = await ipCentreId(db);
      return db.transaction().execute(async (trx) => {
        const code = await nextCode(trx);
        const row = await trx.insertInto('ipInfringementReport').values({
          code, ipRightId: input.ipRightId, reporterId: v.userId!, reporterOrgId: v.organisationId, infringerZh: input.infringerZh.trim(), descriptionZh: input.descriptionZh.trim(),
          fileIds, createdAt: deps.now(), updatedAt: deps.now(),
        }).returning('id').executeTakeFirstOrThrow();
        await trx.insertInto('ipReportEvent').values({ reportId: row.id, at: deps.now(), actorId: v.userId, actorName: v.displayName, fromStatus: null, toStatus: 'received' }).execute();
        await audit(trx, ctx, { action: 'ip.report.create', entityType: 'ipInfringementReport', entityId: row.id, summary: `举报侵权 ${code}：${IP_KINDS[right!.r.kind].zh} ${right!.r.number}（Reported an infringement）`, after: { code, ipRightId: input.ipRightId, infringerZh: input.infringerZh.trim(), fileIds } });
        if (centre) await notify(trx, {
          organisationId: centre, kind: 'ip.report.received', link: `/ip/reports/${row.id}`, dedupeKey: `ip.report.received:${row.id}`,
          titleZh: `新的侵权举报 ${code}：${right!.r.titleZh.slice(0, 60)}`, titleEn: `New infringement report ${code}`,
        });
        return detail(trx, v, row.id);
      });
    },

    /** The centre (or the task force) moves a report; dismissing needs the reason, which the reporter reads. */
    async move(ctx: Ctx, id: string, input: { to: ReportStatus; noteZh?: string | null }) {
      const v = await ipViewerOf(db, ctx);
      if (!v.handler) throw forbidden('仅知识产权运营中心或工作专班可处理侵权举报', 'Only the IP operations centre or the task force handles infringement reports');
      const { r } = await loadSeen(db, v, id);
      if (!(input.to in REPORT_STATUSES)) throw invalid([{ path: '/to', message: '状态无效（unknown status）' }]);
      const note = input.noteZh?.trim() || null;
      if (input.to === 'dismissed' && !note) throw invalid([{ path: '/noteZh', message: '不予受理须说明理由（say why the report is dismissed）' }]);
      if (!REPORT_MOVES[r.status].includes(input.to))
        throw conflict(`举报当前为「${REPORT_STATUSES[r.status].zh}」，不能改为「${REPORT_STATUSES[input.to].zh}」`, `A ${REPORT_STATUSES[r.status].en.toLowerCase()} report cannot become ${REPORT_STATUSES[input.to].en.toLowerCase()}`, [{ path: '/to', message: `${REPORT_STATUSES[r.status].zh} → ${REPORT_STATUSES[input.to].zh}` }]);
      return db.transaction().execute(async (trx) => {
        const ended = input.to === 'resolved' || input.to === 'dismissed';
        const moved = await trx.updateTable('ipInfringementReport').set({ status: input.to, handledBy: v.userId, updatedAt: deps.now(), ...(ended ? { outcomeZh: note } : {}) })
          .where('id', '=', id).where('status', '=', r.status).returning('id').executeTakeFirst();
        if (!moved) throw conflict('举报已被他人处理，请刷新后重试', 'The report changed meanwhile; reload and try again', [{ path: '/to', message: '状态已变更（the status changed）' }]);
        await trx.insertInto('ipReportEvent').values({ reportId: id, at: deps.now(), actorId: v.userId, actorName: v.displayName, fromStatus: r.status, toStatus: input.to, noteZh: note }).execute();
        await audit(trx, ctx, {
          action: `ip.report.${input.to}`, entityType: 'ipInfringementReport', entityId: id,
          summary: `侵权举报 ${r.code}：${REPORT_STATUSES[r.status].zh} → ${REPORT_STATUSES[input.to].zh}（Report ${input.to}）`,
          before: { status: r.status }, after: { status: input.to, noteZh: note },
        });
        await notify(trx, {
          userId: r.reporterId, kind: `ip.report.${input.to}`, link: `/ip/reports/${id}`, dedupeKey: `ip.report.${input.to}:${id}:${randomUUID()}`,
          titleZh: `您的侵权举报 ${r.code} ${REPORT_STATUSES[input.to].zh}${note ? `：${note.slice(0, 80)}` : ''}`, titleEn: `Your infringement report ${r.code}: ${REPORT_STATUSES[input.to].en.toLowerCase()}`,
        });
        return detail(trx, v, id);
      });
    },

    /** An evidence file of a report, for whoever sees the report (the file service alone lets only the uploader's organisation read it). */
    async file(ctx: Ctx, id: string, fileId: string) {
      const v = await ipViewerOf(db, ctx);
      const { r } = await loadSeen(db, v, id);
      if (!r.fileIds.includes(fileId)) throw notFound('附件不存在', 'File not found');
      const f = await db.selectFrom('storedFile').selectAll().where('id', '=', fileId).executeTakeFirst();
      if (!f) throw notFound('附件不存在', 'File not found');
      return f;
    },
  };
}

export type ReportsService = ReturnType<typeof reportsService>;
