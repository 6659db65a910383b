import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { FactoryDeps, FactoryServices } from './index.js';

/** Multivariate monitoring: PCA models of good batches, T² and SPE with limits, live scoring and alarms (see the module README). */
export function monitoringServices(_database: Database, _d: FactoryDeps) {
  return {};
}

export async function monitoringRoutes(_app: FastifyInstance, _s: FactoryServices) {}
