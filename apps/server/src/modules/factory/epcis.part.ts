import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { FactoryDeps, FactoryServices } from './index.js';
import { factoriesService } from './factories.service.js';
import { factoriesRoutes } from './factories.routes.js';
import { captureService } from './epcis.capture.js';
import { queryService } from './epcis.query.js';
import { epcisRestRoutes } from './epcis.routes.js';

/** The EPCIS 2.0 repository: factories, capture jobs, the standard query interface and its top-level resources (see the module README). */
export function epcisServices(database: Database, d: FactoryDeps) {
  return {
    factories: factoriesService(database, d),
    epcis: { ...captureService(database, d), ...queryService(database, d) },
  };
}

export async function epcisRoutes(app: FastifyInstance, s: FactoryServices) {
  await factoriesRoutes(app, s);
  // Its own plugin: the problem-document error handler and the JSON-LD parser stay within /epcis.
  // The prefix gives it a not-found handler of its own (Fastify keys them by prefix).
  await app.register((epcis) => epcisRestRoutes(epcis, s), { prefix: '/epcis' });
}
