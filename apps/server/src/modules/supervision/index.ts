import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { FileService } from '../../platform/files/files.js';
import type { PlanService } from '../plan/service.js';
import { consultationsService } from './consultations.service.js';
import { consultationRoutes } from './consultations.routes.js';
import { indicatorsService } from './indicators.service.js';
import { indicatorRoutes } from './indicators.routes.js';
import { inspectionsService } from './inspections.service.js';
import { inspectionRoutes } from './inspections.routes.js';
import { majorListsService } from './major-lists.service.js';
import { majorListRoutes } from './major-lists.routes.js';
import { noticesService } from './notices.service.js';
import { noticeRoutes } from './notices.routes.js';
import { mailerFrom, notificationsService, type Mailer } from './notifications.js';
import { remindersService } from './reminders.service.js';
import { reportsService } from './reports.service.js';
import { reportRoutes } from './reports.routes.js';
import { statusService } from './status.service.js';
import { statusRoutes } from './status.routes.js';
import { taskView } from './task-view.js';
import { workPointsService } from './work-points.service.js';
import { workPointRoutes } from './work-points.routes.js';

/** The supervision module's services, wired once per application. */
export function supervisionServices(database: Database, deps: { plan: PlanService; files: FileService; now?: () => Date; mailer?: Mailer }) {
  const now = deps.now ?? (() => new Date());
  const indicators = indicatorsService(database, { plan: deps.plan, files: deps.files, now });
  const workPoints = workPointsService(database, { plan: deps.plan, indicators, now });
  const reports = reportsService(database, { files: deps.files, now });
  const status = statusService(database, { plan: deps.plan, workPoints, now });
  const notifications = notificationsService(database, deps.mailer ?? mailerFrom());
  const inspections = inspectionsService(database, { files: deps.files });
  return {
    indicators, workPoints, reports, status, notifications, inspections,
    reminders: remindersService(database, { notifications, now }),
    majorLists: majorListsService(database),
    notices: noticesService(database, { plan: deps.plan, status, workPoints, now }),
    consultations: consultationsService(database, { plan: deps.plan, now }),
    taskView: taskView({ plan: deps.plan, workPoints, reports, indicators, inspections, status }),
  };
}

export type SupervisionServices = ReturnType<typeof supervisionServices>;

export async function supervisionRoutes(app: FastifyInstance, s: SupervisionServices) {
  // The response schemas here document open objects (additionalProperties), for which a compiled
  // serializer does what JSON.stringify does; skipping ~75 compilations keeps start-up short.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await app.register(workPointRoutes, { workPoints: s.workPoints });
  await app.register(reportRoutes, { reports: s.reports });
  await app.register(statusRoutes, { status: s.status, reminders: s.reminders, notifications: s.notifications, taskView: s.taskView });
  await app.register(indicatorRoutes, { indicators: s.indicators });
  await app.register(majorListRoutes, { majorLists: s.majorLists });
  await app.register(inspectionRoutes, { inspections: s.inspections });
  await app.register(noticeRoutes, { notices: s.notices });
  await app.register(consultationRoutes, { consultations: s.consultations });
}
