import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { FileService } from '../../platform/files/files.js';
import type { PlanService } from '../plan/service.js';
import { basesService } from './bases.service.js';
import { baseRoutes } from './bases.routes.js';
import { bookingsService } from './bookings.service.js';
import { bookingRoutes } from './bookings.routes.js';
import { editionsService } from './editions.service.js';
import { editionRoutes } from './editions.routes.js';
import { listsService } from './lists.service.js';
import { listRoutes } from './lists.routes.js';
import { matchService } from './match.service.js';
import { matchRoutes } from './match.routes.js';
import { oneStopService } from './onestop.service.js';
import { oneStopRoutes } from './onestop.routes.js';
import { projectsService } from './projects.service.js';
import { projectRoutes } from './projects.routes.js';
import { responsesService } from './responses.service.js';
import { responseRoutes } from './responses.routes.js';
import { pilotTargetsService } from './targets.service.js';

export interface PilotDeps { now: () => Date; files: FileService }

/** The pilot module's services, wired once per application; its indicators are registered with the plan. */
export function pilotServices(database: Database, deps: { plan: PlanService; files: FileService; now?: () => Date }) {
  const d: PilotDeps = { now: deps.now ?? (() => new Date()), files: deps.files };
  pilotTargetsService(database, { plan: deps.plan, now: d.now }).registerIndicators();
  return {
    bases: basesService(database, d),
    bookings: bookingsService(database, d),
    lists: listsService(database, d),
    editions: editionsService(database, d),
    responses: responsesService(database, d),
    projects: projectsService(database, d),
    oneStop: oneStopService(database, d),
    match: matchService(database, d),
  };
}

export type PilotServices = ReturnType<typeof pilotServices>;

export async function pilotRoutes(app: FastifyInstance, s: PilotServices) {
  // Open-object responses: JSON.stringify does what a compiled serializer would, and start-up stays short.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await app.register(baseRoutes, s);
  await app.register(bookingRoutes, s);
  await app.register(listRoutes, s);
  await app.register(editionRoutes, s);
  await app.register(responseRoutes, s);
  await app.register(projectRoutes, s);
  await app.register(oneStopRoutes, s);
  await app.register(matchRoutes, s);
}
