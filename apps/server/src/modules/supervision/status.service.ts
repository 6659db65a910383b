import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { invalid, type ErrorDetail } from '../../platform/http/errors.js';
import type { PlanService } from '../plan/service.js';
import { addDays, isIsoDate } from './model/dates.js';
import { quarterOf, quarterRange } from './model/periods.js';
import { COLOURS, emptyCounts, ON_TIME_ALERT_PCT, rollupColour, rollupReasons, weightedProgress, type Colour, type ColourCounts } from './model/status.js';
import { readSettings, writeSettings, type SupervisionSettings } from './settings.js';
import { ownOrganisation, requireTaskForce, seenByWorkPoint, viewerOf } from './viewer.js';
import type { WorkPointsService } from './work-points.service.js';
import { colourSql, workPointsStore } from './work-points.store.js';

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * What the cockpit shows: colours and progress rolled up from work points to tasks to actions,
 * on-time rates by unit and action, the calendar of deadlines and each organisation's inbox.
 * The roll-up is one grouped query; the colour rule in it is the model's, held to it by a test.
 */
export function statusService(database: Database, deps: { plan: PlanService; workPoints: WorkPointsService; now: () => Date }) {
  const { db } = database;

  return {
    async rollup(ctx: Ctx, f: { year?: number }) {
      const v = await viewerOf(db, ctx);
      const sc = await deps.workPoints.statusContext();
      const colour = colourSql(sc.today, sc.settings.nearDays, sc.settings.paceTolerancePct, [...sc.behind.keys()]);
      let q = db.selectFrom('workPoint as wp')
        .select(['wp.taskNo', colour.as('colour'),
          sql<number>`count(*)`.as('n'), sql<number>`sum(wp.weight)`.as('weight'),
          sql<number>`sum(wp.weight * case when wp.closed_at is not null then 100 else wp.progress_pct end)`.as('weightedProgress')])
        .groupBy(['wp.taskNo', 'colour']);
      if (f.year) q = q.where('wp.year', '=', f.year);
      if (!v.taskForce) q = q.where(seenByWorkPoint(v));
      const [rows, actions, weights] = await Promise.all([q.execute(), deps.plan.outline(), workPointsStore.taskWeights(db)]);

      const tasks = actions.flatMap((a) => a.tasks.map((t) => {
        const mine = rows.filter((r) => r.taskNo === t.no);
        const counts = emptyCounts();
        for (const r of mine) counts[r.colour as Colour] += r.n;
        const w = mine.reduce((n, r) => n + r.weight, 0);
        return {
          no: t.no, actionNo: a.no, titleZh: t.titleZh, titleEn: t.titleEn, weight: weights.find((x) => x.taskNo === t.no)?.weight ?? 1,
          workPoints: mine.reduce((n, r) => n + r.n, 0), counts, colour: rollupColour(counts), reasons: rollupReasons(counts),
          progressPct: round1(w ? mine.reduce((n, r) => n + r.weightedProgress, 0) / w : 0),
        };
      }));
      const sum = (list: { counts: ColourCounts }[]) => {
        const c = emptyCounts();
        for (const x of list) for (const k of COLOURS) c[k] += x.counts[k];
        return c;
      };
      const actionRows = actions.map((a) => {
        const ts = tasks.filter((t) => t.actionNo === a.no);
        const counts = sum(ts);
        const withWork = ts.filter((t) => t.workPoints);
        return {
          no: a.no, titleZh: a.titleZh, titleEn: a.titleEn, counts, colour: rollupColour(counts), reasons: rollupReasons(counts),
          progressPct: round1(weightedProgress(withWork.map((t) => ({ weight: t.weight, progressPct: t.progressPct })))), tasks: ts,
        };
      });
      const counts = sum(actionRows);
      return {
        asOf: sc.today, year: f.year ?? null, settings: sc.settings, counts, colour: rollupColour(counts),
        progressPct: round1(weightedProgress(actionRows.filter((a) => a.tasks.some((t) => t.workPoints)).map((a) => ({ weight: 1, progressPct: a.progressPct })))),
        actions: actionRows,
      };
    },

    /** On-time reporting in a quarter, late items and items due in 30 days, by unit and by action. */
    async units(ctx: Ctx, f: { quarter?: string }) {
      const v = await viewerOf(db, ctx);
      const sc = await deps.workPoints.statusContext();
      const quarter = f.quarter ?? quarterOf(sc.today);
      const range = quarterRange(quarter);
      if (!range) throw invalid([{ path: '/query/quarter', message: '季度格式应为 2025-Q3 (quarter as 2025-Q3)' }]);
      const upto = range.to < sc.today ? range.to : sc.today;
      const in30 = addDays(sc.today, 30);
      const colour = colourSql(sc.today, sc.settings.nearDays, sc.settings.paceTolerancePct, [...sc.behind.keys()]);
      // The colour is computed once per work point, in a subquery, then counted.
      let scoped = db.selectFrom('workPoint as wp').select(['wp.ownerOrganisationId', 'wp.taskNo', 'wp.frequency', 'wp.startsOn', 'wp.dueOn', 'wp.closedAt', 'wp.nextReportDeadline', colour.as('colour')]);
      if (!v.taskForce) scoped = scoped.where('wp.ownerOrganisationId', '=', ownOrganisation(v));
      const due = db.selectFrom(scoped.as('wp'))
        .select(['wp.ownerOrganisationId', 'wp.taskNo',
          sql<number>`sum(greatest(0, cqb_periods_due(wp.frequency, wp.starts_on, wp.due_on, ${upto}::date) - cqb_periods_due(wp.frequency, wp.starts_on, wp.due_on, ${addDays(range.from, -1)}::date)))`.as('due'),
          sql<number>`count(*) filter (where wp.colour = 'red')`.as('red'),
          sql<number>`count(*) filter (where wp.colour = 'yellow')`.as('yellow'),
          sql<number>`count(*) filter (where wp.closed_at is null and (wp.due_on between ${sc.today}::date and ${in30}::date or wp.next_report_deadline between ${sc.today}::date and ${in30}::date))`.as('dueIn30'),
          sql<number>`count(*)`.as('workPoints')])
        .groupBy(['wp.ownerOrganisationId', 'wp.taskNo']);
      let onTime = db.selectFrom('progressReport as r').innerJoin('workPoint as wp', 'wp.id', 'r.workPointId')
        .select(['wp.ownerOrganisationId', 'wp.taskNo', sql<number>`count(*)`.as('onTime')])
        .where('r.deadline', '>=', range.from).where('r.deadline', '<=', upto)
        .where(sql<boolean>`(r.first_submitted_at at time zone 'Asia/Shanghai')::date <= r.deadline`)
        .groupBy(['wp.ownerOrganisationId', 'wp.taskNo']);
      if (!v.taskForce) {
        const mine = ownOrganisation(v);
        onTime = onTime.where('wp.ownerOrganisationId', '=', mine);
      }
      const [dueRows, onTimeRows, actions, orgs] = await Promise.all([due.execute(), onTime.execute(), deps.plan.outline(), db.selectFrom('organisation').select(['id', 'nameZh', 'nameEn', 'kind']).execute()]);
      const actionOf = new Map(actions.flatMap((a) => a.tasks.map((t) => [t.no, a.no] as const)));
      type Acc = { due: number; onTime: number; red: number; yellow: number; dueIn30: number; workPoints: number };
      const byUnit = new Map<string, Acc>();
      const byAction = new Map<number, Acc>();
      const add = <K>(m: Map<K, Acc>, k: K, d: Partial<Acc>) => {
        const a = m.get(k) ?? { due: 0, onTime: 0, red: 0, yellow: 0, dueIn30: 0, workPoints: 0 };
        for (const key of Object.keys(d) as (keyof Acc)[]) a[key] += d[key] ?? 0;
        m.set(k, a);
      };
      for (const r of dueRows) {
        const d = { due: r.due, red: r.red, yellow: r.yellow, dueIn30: r.dueIn30, workPoints: r.workPoints };
        add(byUnit, r.ownerOrganisationId, d);
        add(byAction, actionOf.get(r.taskNo) ?? 0, d);
      }
      for (const r of onTimeRows) {
        add(byUnit, r.ownerOrganisationId, { onTime: r.onTime });
        add(byAction, actionOf.get(r.taskNo) ?? 0, { onTime: r.onTime });
      }
      const rate = (a: Acc) => (a.due ? round1((100 * Math.min(a.onTime, a.due)) / a.due) : null);
      return {
        quarter, from: range.from, to: range.to, asOf: sc.today, alertBelowPct: ON_TIME_ALERT_PCT,
        units: [...byUnit.entries()].map(([id, a]) => {
          const o = orgs.find((x) => x.id === id);
          return { organisationId: id, nameZh: o?.nameZh ?? '', nameEn: o?.nameEn ?? null, ...a, onTime: Math.min(a.onTime, a.due), onTimeRate: rate(a) };
        }).sort((x, y) => (x.onTimeRate ?? 101) - (y.onTimeRate ?? 101) || y.red - x.red || x.nameZh.localeCompare(y.nameZh, 'zh')),
        actions: actions.map((a) => {
          const acc = byAction.get(a.no) ?? { due: 0, onTime: 0, red: 0, yellow: 0, dueIn30: 0, workPoints: 0 };
          return { no: a.no, titleZh: a.titleZh, titleEn: a.titleEn, ...acc, onTime: Math.min(acc.onTime, acc.due), onTimeRate: rate(acc) };
        }),
      };
    },

    /** Deadlines between two dates: work points due, next reports due, rectifications due. */
    async calendar(ctx: Ctx, f: { from: string; to: string }) {
      const problems: ErrorDetail[] = [];
      if (!isIsoDate(f.from)) problems.push({ path: '/query/from', message: '日期格式应为 YYYY-MM-DD (date as YYYY-MM-DD)' });
      if (!isIsoDate(f.to)) problems.push({ path: '/query/to', message: '日期格式应为 YYYY-MM-DD (date as YYYY-MM-DD)' });
      if (!problems.length && (f.to < f.from || addDays(f.from, 92) < f.to)) problems.push({ path: '/query/to', message: '区间须在 0–92 天之间 (range of 0–92 days)' });
      if (problems.length) throw invalid(problems);
      const v = await viewerOf(db, ctx);
      const mine = ownOrganisation(v);
      let wps = db.selectFrom('workPoint as wp').innerJoin('organisation as o', 'o.id', 'wp.ownerOrganisationId')
        .select(['wp.id', 'wp.code', 'wp.titleZh', 'wp.taskNo', 'wp.dueOn', 'wp.nextReportDeadline', 'o.nameZh as ownerNameZh'])
        .where('wp.closedAt', 'is', null)
        .where((eb) => eb.or([eb.between('wp.dueOn', f.from, f.to), eb.between('wp.nextReportDeadline', f.from, f.to)]));
      let recs = db.selectFrom('rectification as r').innerJoin('organisation as o', 'o.id', 'r.ownerOrganisationId')
        .select(['r.id', 'r.inspectionId', 'r.descriptionZh', 'r.dueOn', 'o.nameZh as ownerNameZh']).where('r.status', '!=', 'closed').where('r.dueOn', '>=', f.from).where('r.dueOn', '<=', f.to);
      if (!v.taskForce) {
        wps = wps.where(seenByWorkPoint(v));
        recs = recs.where('r.ownerOrganisationId', '=', mine);
      }
      const [w, r] = await Promise.all([wps.orderBy('wp.dueOn').limit(2000).execute(), recs.orderBy('r.dueOn').limit(500).execute()]);
      const events = [
        ...w.filter((x) => x.dueOn >= f.from && x.dueOn <= f.to).map((x) => ({ date: x.dueOn, kind: 'workPointDue' as const, titleZh: `${x.code} ${x.titleZh} 完成时限`, ownerNameZh: x.ownerNameZh, link: `/supervision/work-points/${x.id}` })),
        ...w.filter((x) => x.nextReportDeadline && x.nextReportDeadline >= f.from && x.nextReportDeadline <= f.to).map((x) => ({ date: x.nextReportDeadline!, kind: 'reportDue' as const, titleZh: `${x.code} 进展报告截止`, ownerNameZh: x.ownerNameZh, link: `/supervision/work-points/${x.id}` })),
        ...r.map((x) => ({ date: x.dueOn, kind: 'rectificationDue' as const, titleZh: `整改：${x.descriptionZh}`, ownerNameZh: x.ownerNameZh, link: `/supervision/inspections/${x.inspectionId}` })),
      ].sort((a, b) => a.date.localeCompare(b.date));
      return { from: f.from, to: f.to, events };
    },

    /** What an organisation owes (or, for the task force, what awaits its review). */
    async inbox(ctx: Ctx) {
      const v = await viewerOf(db, ctx);
      const sc = await deps.workPoints.statusContext();
      const in30 = addDays(sc.today, 30);
      const mine = ownOrganisation(v);
      const [owed, returned, drafts, rectifications, toReview, toClose] = await Promise.all([
        db.selectFrom('workPoint').select(['id', 'code', 'titleZh', 'taskNo', 'nextReportDeadline', 'dueOn']).where('ownerOrganisationId', '=', mine)
          .where('closedAt', 'is', null).where('nextReportDeadline', '<=', in30).orderBy('nextReportDeadline').limit(200).execute(),
        db.selectFrom('progressReport as r').innerJoin('workPoint as wp', 'wp.id', 'r.workPointId').select(['r.id', 'r.periodLabel', 'r.reviewComment', 'r.deadline', 'wp.code', 'wp.titleZh'])
          .where('wp.ownerOrganisationId', '=', mine).where('r.state', '=', 'returned').orderBy('r.updatedAt', 'desc').limit(200).execute(),
        db.selectFrom('progressReport as r').innerJoin('workPoint as wp', 'wp.id', 'r.workPointId').select(['r.id', 'r.periodLabel', 'r.deadline', 'wp.code', 'wp.titleZh'])
          .where('wp.ownerOrganisationId', '=', mine).where('r.state', '=', 'draft').orderBy('r.deadline').limit(200).execute(),
        db.selectFrom('rectification').select(['id', 'inspectionId', 'descriptionZh', 'dueOn', 'status', 'reviewComment']).where('ownerOrganisationId', '=', mine).where('status', '=', 'open').orderBy('dueOn').limit(200).execute(),
        v.taskForce ? db.selectFrom('progressReport as r').innerJoin('workPoint as wp', 'wp.id', 'r.workPointId').innerJoin('organisation as o', 'o.id', 'wp.ownerOrganisationId')
          .select(['r.id', 'r.periodLabel', 'r.submittedAt', 'wp.code', 'wp.titleZh', 'o.nameZh as ownerNameZh']).where('r.state', '=', 'submitted').orderBy('r.submittedAt').limit(200).execute() : Promise.resolve([]),
        v.taskForce ? db.selectFrom('rectification as r').innerJoin('organisation as o', 'o.id', 'r.ownerOrganisationId').select(['r.id', 'r.inspectionId', 'r.descriptionZh', 'r.dueOn', 'o.nameZh as ownerNameZh'])
          .where('r.status', '=', 'submitted').orderBy('r.dueOn').limit(200).execute() : Promise.resolve([]),
      ]);
      return {
        asOf: sc.today,
        reportsOwed: owed.map((w) => ({ ...w, overdue: !!w.nextReportDeadline && w.nextReportDeadline < sc.today })),
        returned, drafts, rectifications, toReview, toClose,
      };
    },

    settings: () => readSettings(db),

    async updateSettings(ctx: Ctx, patch: Partial<SupervisionSettings>) {
      requireTaskForce(ctx);
      const problems: ErrorDetail[] = [];
      for (const k of ['nearDays', 'reminderDaysBefore'] as const)
        if (patch[k] !== undefined && !(Number.isInteger(patch[k]) && patch[k]! >= 0 && patch[k]! <= 90)) problems.push({ path: `/${k}`, message: '须为 0–90 的整数 (an integer 0–90)' });
      if (patch.paceTolerancePct !== undefined && !(patch.paceTolerancePct >= 0 && patch.paceTolerancePct <= 50)) problems.push({ path: '/paceTolerancePct', message: '须在 0–50 之间 (between 0 and 50)' });
      if (problems.length) throw invalid(problems);
      return db.transaction().execute(async (trx) => {
        const before = await readSettings(trx);
        const after = { ...before, ...patch };
        await writeSettings(trx, after);
        await audit(trx, ctx, { action: 'supervision.settings', entityType: 'supervisionSetting', entityId: 'supervision', summary: '修改督办设置（Changed supervision settings）', before, after });
        return after;
      });
    },
  };
}

export type StatusService = ReturnType<typeof statusService>;
