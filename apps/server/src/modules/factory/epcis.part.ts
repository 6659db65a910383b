import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { FactoryDeps, FactoryServices } from './index.js';

/** The EPCIS 2.0 repository: factories, capture jobs, the standard query interface and its top-level resources (see the module README). */
export function epcisServices(_database: Database, _d: FactoryDeps) {
  return {};
}

export async function epcisRoutes(_app: FastifyInstance, _s: FactoryServices) {}
