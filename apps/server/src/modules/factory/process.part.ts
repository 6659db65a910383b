import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { FactoryDeps, FactoryServices } from './index.js';
import { batchRoutes } from './batches.routes.js';
import { batchesService } from './batches.service.js';
import { goldenRoutes } from './golden.routes.js';
import { goldenService } from './golden.service.js';
import { readingRoutes } from './readings.routes.js';
import { readingsService } from './readings.service.js';
import './schema.process.js';

/**
 * Batches and their sensor series (HTTP here; MQTT through `mqtt.ingest.ts`, started with the
 * server), and golden batches (see the module README).
 */
export function processServices(database: Database, d: FactoryDeps) {
  return {
    batches: batchesService(database, d),
    readings: readingsService(database, d),
    golden: goldenService(database, d),
  };
}

export async function processRoutes(app: FastifyInstance, s: FactoryServices) {
  await batchRoutes(app, s);
  await readingRoutes(app, s);
  await goldenRoutes(app, s);
}
