import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { ChallengeDeps, ChallengeServices } from './index.js';
import { needsService } from './needs.service.js';
import { needsImportService } from './needs.import.js';
import { catalogEditionsService } from './catalog-editions.service.js';
import { needRoutes } from './needs.routes.js';
import { catalogEditionRoutes } from './catalog-editions.routes.js';

/** The tech-need catalog: needs, their import, and the catalog's editions (see the module README). */
export function catalogServices(database: Database, d: ChallengeDeps) {
  return {
    needs: needsService(database, d),
    needsImport: needsImportService(database, d),
    catalogEditions: catalogEditionsService(database, d),
  };
}

export async function catalogRoutes(app: FastifyInstance, s: ChallengeServices) {
  await needRoutes(app, s);
  await catalogEditionRoutes(app, s);
}
