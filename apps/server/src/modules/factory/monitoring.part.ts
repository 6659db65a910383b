import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { FactoryDeps, FactoryServices } from './index.js';
import { alarmRoutes } from './alarms.routes.js';
import { alarmsService } from './alarms.service.js';
import { monitorModelsService } from './monitor.models.service.js';
import { monitorRoutes } from './monitor.routes.js';
import { monitorScoring } from './monitor.scoring.js';
import './schema.monitoring.js';

/** Multivariate monitoring: PCA models of good batches, T² and SPE with limits, live scoring and alarms (see the module README). */
export function monitoringServices(database: Database, d: FactoryDeps) {
  const scoring = monitorScoring(database, d);
  d.readingsListeners.push(scoring.listener);
  return {
    models: monitorModelsService(database, d, scoring.scoreRunning),
    alarms: alarmsService(database, d),
    monitor: scoring,
  };
}

export async function monitoringRoutes(app: FastifyInstance, s: FactoryServices) {
  await monitorRoutes(app, s);
  await alarmRoutes(app, s);
}
