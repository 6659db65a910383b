import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { FactoryDeps, FactoryServices } from './index.js';

/** Batches and their sensor series (HTTP and MQTT ingest), golden batches (see the module README). */
export function processServices(_database: Database, _d: FactoryDeps) {
  return {};
}

export async function processRoutes(_app: FastifyInstance, _s: FactoryServices) {}
