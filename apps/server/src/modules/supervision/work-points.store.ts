import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, WorkPointTable } from '../../platform/db/schema.js';
import { containsPattern } from '../../platform/db/like.js';
import { seenByWorkPoint, type Viewer } from './viewer.js';

type Q = Kysely<DB>;
export type WorkPointRow = Selectable<WorkPointTable>;

export type NewWorkPoint = Omit<WorkPointRow, 'id' | 'createdAt' | 'updatedAt' | 'closedAt' | 'progressPct' | 'paceCurve'> & { paceCurve: string | null };

export interface WorkPointFilter {
  taskNo?: number;
  actionNo?: number;
  year?: number;
  ownerId?: string;
  districtCode?: string;
  kind?: string;
  q?: string;
  colour?: string;
  indicatorCode?: string;
}

/** The colour of each work point in SQL: the same rule as workPointStatus() in model/status.ts. */
export const colourSql = (today: string, nearDays: number, tolerance: number, behindIndicators: string[]) => sql<string>`case
  when wp.closed_at is not null then 'closed'
  when wp.due_on < ${today}::date or wp.next_report_deadline < ${today}::date then 'red'
  when wp.progress_pct < (case when wp.pace_curve is null then 100 * cqb_time_share(wp.starts_on, wp.due_on, ${today}::date)
      else cqb_expected_pct(wp.pace_curve, wp.starts_on, wp.due_on, ${today}::date) end) - ${tolerance}
    or wp.indicator_code = any(${behindIndicators}::text[]) then 'yellow'
  when wp.due_on <= ${today}::date + ${nearDays}::int or wp.next_report_deadline <= ${today}::date + ${nearDays}::int then 'blue'
  else 'green' end`;

export const workPointsStore = {
  byId: (q: Q, id: string) => q.selectFrom('workPoint').selectAll().where('id', '=', id).executeTakeFirst(),

  byIdForUpdate: (q: Q, id: string) => q.selectFrom('workPoint').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

  nextCode: async (q: Q, taskNo: number, year: number) => {
    const prefix = `T${String(taskNo).padStart(2, '0')}-${year}-`;
    const r = await q.selectFrom('workPoint').select(sql<number>`coalesce(max(substring(code from ${prefix.length + 1}::int)::int), 0)`.as('n'))
      .where('code', 'like', `${prefix}%`).executeTakeFirstOrThrow();
    return `${prefix}${String(r.n + 1).padStart(3, '0')}`;
  },

  insert: (q: Q, v: NewWorkPoint) =>
    q.insertInto('workPoint').values(v).returningAll().executeTakeFirstOrThrow(),

  insertMany: (q: Q, rows: NewWorkPoint[]) =>
    rows.length ? q.insertInto('workPoint').values(rows).returning(['id', 'code']).execute() : Promise.resolve([]),

  update: (q: Q, id: string, v: Record<string, unknown>) =>
    q.updateTable('workPoint').set({ ...v, updatedAt: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),

  /** A page of work points with their colour, and how many match in all (counted apart, so the colour is computed for the page only). */
  list: async (q: Q, v: Viewer, f: WorkPointFilter, colour: ReturnType<typeof colourSql>, page: { limit: number; offset: number } | null) => {
    let s = q.selectFrom('workPoint as wp').innerJoin('organisation as o', 'o.id', 'wp.ownerOrganisationId');
    if (!v.taskForce) s = s.where(seenByWorkPoint(v));
    if (f.taskNo) s = s.where('wp.taskNo', '=', f.taskNo);
    if (f.year) s = s.where('wp.year', '=', f.year);
    if (f.ownerId) s = s.where('wp.ownerOrganisationId', '=', f.ownerId);
    if (f.districtCode) s = s.where('wp.districtCode', '=', f.districtCode);
    if (f.kind) s = s.where('wp.kind', '=', f.kind);
    if (f.indicatorCode) s = s.where('wp.indicatorCode', '=', f.indicatorCode);
    if (f.q) s = s.where((eb) => eb.or([eb('wp.titleZh', 'ilike', containsPattern(f.q!)), eb('wp.deliverableZh', 'ilike', containsPattern(f.q!)), eb('wp.code', 'ilike', containsPattern(f.q!)), eb('o.nameZh', 'ilike', containsPattern(f.q!))]));
    if (f.colour) s = s.where(colour, '=', f.colour);
    let rows = s.selectAll('wp').select(['o.nameZh as ownerNameZh', 'o.nameEn as ownerNameEn', colour.as('colour')])
      .orderBy('wp.taskNo').orderBy('wp.year').orderBy('wp.code');
    if (page) rows = rows.limit(page.limit).offset(page.offset);
    const [items, total] = await Promise.all([
      rows.execute(),
      page ? s.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n)) : Promise.resolve(null),
    ]);
    return { items, total: total ?? items.length };
  },

  submittedLabels: (q: Q, workPointId: string) =>
    q.selectFrom('progressReport').select(['periodLabel']).where('workPointId', '=', workPointId).where('firstSubmittedAt', 'is not', null).execute(),

  reportsOf: (q: Q, workPointId: string) =>
    q.selectFrom('progressReport').select(['id', 'periodLabel', 'state', 'deadline', 'firstSubmittedAt', 'progressPct']).where('workPointId', '=', workPointId).execute(),

  organisationsExist: async (q: Q, ids: string[]) => {
    if (!ids.length) return new Set<string>();
    return new Set((await q.selectFrom('organisation').select('id').where('id', 'in', ids).execute()).map((r) => r.id));
  },

  organisationIdsByName: (q: Q, names: string[]) =>
    names.length ? q.selectFrom('organisation').select(['id', 'nameZh']).where('nameZh', 'in', names).execute() : Promise.resolve([]),

  assignments: (q: Q, taskNo?: number) => {
    let s = q.selectFrom('taskAssignment as a').innerJoin('organisation as o', 'o.id', 'a.organisationId')
      .select(['a.taskNo', 'a.role', 'a.organisationId', 'o.nameZh', 'o.nameEn', 'o.kind', 'o.districtCode']);
    if (taskNo) s = s.where('a.taskNo', '=', taskNo);
    return s.orderBy('a.taskNo').orderBy('a.role').orderBy('o.nameZh').execute();
  },

  replaceAssignments: async (q: Q, taskNo: number, rows: { organisationId: string; role: string }[]) => {
    await q.deleteFrom('taskAssignment').where('taskNo', '=', taskNo).execute();
    if (rows.length) await q.insertInto('taskAssignment').values(rows.map((r) => ({ taskNo, ...r }))).execute();
  },

  taskWeights: (q: Q) => q.selectFrom('taskWeight').selectAll().execute(),

  setTaskWeight: (q: Q, taskNo: number, weight: number) =>
    q.insertInto('taskWeight').values({ taskNo, weight }).onConflict((oc) => oc.column('taskNo').doUpdateSet({ weight })).execute(),
};
