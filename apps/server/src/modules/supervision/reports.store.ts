import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, ProgressReportTable } from '../../platform/db/schema.js';
import { containsPattern } from '../../platform/db/like.js';
import { seenByWorkPoint, type Viewer } from './viewer.js';

type Q = Kysely<DB>;
export type ReportRow = Selectable<ProgressReportTable>;

export interface ReportFilter {
  workPointId?: string;
  taskNo?: number;
  state?: string;
  ownerId?: string;
  period?: string;
  late?: boolean;
  q?: string;
}

export const reportsStore = {
  byId: (q: Q, id: string) => q.selectFrom('progressReport').selectAll().where('id', '=', id).executeTakeFirst(),
  byIdForUpdate: (q: Q, id: string) => q.selectFrom('progressReport').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
  byPeriod: (q: Q, workPointId: string, periodStart: string) =>
    q.selectFrom('progressReport').selectAll().where('workPointId', '=', workPointId).where('periodStart', '=', periodStart).executeTakeFirst(),

  ofWorkPoints: (q: Q, workPointIds: string[]) =>
    workPointIds.length ? q.selectFrom('progressReport').selectAll().where('workPointId', 'in', workPointIds).execute() : Promise.resolve([]),

  insert: (q: Q, v: { workPointId: string; periodLabel: string; periodStart: string; periodEnd: string; deadline: string; state: string; textZh: string; progressPct: number; figures: string; complete: boolean; fileIds: string[]; createdBy: string }) =>
    q.insertInto('progressReport').values(v).returningAll().executeTakeFirstOrThrow(),

  update: (q: Q, id: string, v: Record<string, unknown>) =>
    q.updateTable('progressReport').set({ ...v, updatedAt: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),

  event: (q: Q, v: { reportId: string; action: string; comment: string | null; actorId: string | null; actorName: string }) =>
    q.insertInto('progressReportEvent').values(v).execute(),

  events: (q: Q, reportId: string) => q.selectFrom('progressReportEvent').selectAll().where('reportId', '=', reportId).orderBy('id').execute(),

  list: (q: Q, v: Viewer, f: ReportFilter, today: string, page: { limit: number; offset: number } | null) => {
    let s = q.selectFrom('progressReport as r')
      .innerJoin('workPoint as wp', 'wp.id', 'r.workPointId')
      .innerJoin('organisation as o', 'o.id', 'wp.ownerOrganisationId')
      .select([
        'r.id', 'r.workPointId', 'r.periodLabel', 'r.periodStart', 'r.periodEnd', 'r.deadline', 'r.state', 'r.textZh', 'r.progressPct', 'r.complete',
        'r.reviewComment', 'r.returnedCount', 'r.firstSubmittedAt', 'r.submittedAt', 'r.acceptedAt', 'r.createdAt', 'r.updatedAt',
        'wp.code as workPointCode', 'wp.titleZh as workPointTitleZh', 'wp.taskNo', 'wp.ownerOrganisationId', 'o.nameZh as ownerNameZh',
        sql<boolean>`coalesce((r.first_submitted_at at time zone 'Asia/Shanghai')::date > r.deadline, r.deadline < ${today}::date)`.as('late'),
        sql<number>`count(*) over ()`.as('total'),
      ]);
    if (!v.taskForce) s = s.where(seenByWorkPoint(v));
    if (f.workPointId) s = s.where('r.workPointId', '=', f.workPointId);
    if (f.taskNo) s = s.where('wp.taskNo', '=', f.taskNo);
    if (f.state) s = s.where('r.state', '=', f.state);
    if (f.ownerId) s = s.where('wp.ownerOrganisationId', '=', f.ownerId);
    if (f.period) s = s.where('r.periodLabel', '=', f.period);
    if (f.late !== undefined) s = s.where(sql<boolean>`coalesce((r.first_submitted_at at time zone 'Asia/Shanghai')::date > r.deadline, r.deadline < ${today}::date)`, '=', f.late);
    if (f.q) s = s.where((eb) => eb.or([eb('r.textZh', 'ilike', containsPattern(f.q!)), eb('wp.titleZh', 'ilike', containsPattern(f.q!)), eb('wp.code', 'ilike', containsPattern(f.q!)), eb('o.nameZh', 'ilike', containsPattern(f.q!))]));
    s = s.orderBy('r.updatedAt', 'desc').orderBy('r.id');
    if (page) s = s.limit(page.limit).offset(page.offset);
    return s.execute();
  },

  /** Labels of periods already submitted at least once, to find the next deadline. */
  submittedLabels: (q: Q, workPointId: string) =>
    q.selectFrom('progressReport').select('periodLabel').where('workPointId', '=', workPointId).where('firstSubmittedAt', 'is not', null).execute(),

  latestAccepted: (q: Q, workPointId: string) =>
    q.selectFrom('progressReport').select(['progressPct', 'complete', 'periodStart']).where('workPointId', '=', workPointId).where('state', '=', 'accepted')
      .orderBy('periodStart', 'desc').limit(1).executeTakeFirst(),

  workPointsByCode: (q: Q, codes: string[]) =>
    codes.length ? q.selectFrom('workPoint').selectAll().where('code', 'in', codes).execute() : Promise.resolve([]),

  taskForceOrganisations: (q: Q) => q.selectFrom('organisation').select('id').where('kind', '=', 'taskForce').execute(),
};
