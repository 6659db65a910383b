import type { Ctx } from '../../platform/context/ctx.js';
import { notFound } from '../../platform/http/errors.js';
import type { PlanService } from '../plan/service.js';
import type { IndicatorsService } from './indicators.service.js';
import type { InspectionsService } from './inspections.service.js';
import type { ReportsService } from './reports.service.js';
import type { StatusService } from './status.service.js';
import type { WorkPointsService } from './work-points.service.js';

/** The supervision side of a task's page: owners, work points, reports, indicators, inspections. */
export function taskView(deps: { plan: PlanService; workPoints: WorkPointsService; reports: ReportsService; indicators: IndicatorsService; inspections: InspectionsService; status: StatusService }) {
  return async (ctx: Ctx, no: number) => {
    const task = (await deps.plan.outline()).flatMap((a) => a.tasks).find((t) => t.no === no);
    if (!task) throw notFound(`任务 ${no} 不存在`, `Task ${no} not found`);
    const [assignment, workPoints, reports, indicators, inspections, rollup] = await Promise.all([
      deps.workPoints.assignments(no).then((a) => a[0]),
      deps.workPoints.list(ctx, { taskNo: no }, { limit: 500, offset: 0 }),
      deps.reports.list(ctx, { taskNo: no }, { limit: 20, offset: 0 }),
      deps.indicators.list().then((all) => all.filter((i) => i.actionNo === task.actionNo)),
      deps.inspections.list(ctx, { taskNo: no, limit: 50, offset: 0 }),
      deps.status.rollup(ctx, {}),
    ]);
    const status = rollup.actions.flatMap((a) => a.tasks).find((t) => t.no === no) ?? null;
    return { taskNo: no, actionNo: task.actionNo, assignment, status, workPoints, reports, indicators, inspections: inspections.items };
  };
}

export type SupervisionTaskView = ReturnType<typeof taskView>;
