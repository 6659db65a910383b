import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { FactoryDeps, FactoryServices } from './index.js';

/** Trace: backward and forward through transformation and aggregation, the graph and the recall report (see the module README). */
export function traceServices(_database: Database, _d: FactoryDeps) {
  return {};
}

export async function traceRoutes(_app: FastifyInstance, _s: FactoryServices) {}
