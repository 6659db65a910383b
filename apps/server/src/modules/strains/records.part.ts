import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { StrainDeps, StrainServices } from './index.js';

/** The strain bank's records part (see the module README). */
export function recordsServices(_database: Database, _d: StrainDeps) {
  return {};
}

export async function recordsRoutes(_app: FastifyInstance, _s: StrainServices) {
  // Routes are added with the part.
}
