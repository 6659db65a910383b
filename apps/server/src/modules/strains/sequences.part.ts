import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { StrainDeps, StrainServices } from './index.js';
import { seqIndexStore } from './seqindex.store.js';
import { sequencesService } from './sequences.service.js';
import { referencesService } from './references.service.js';
import { identifyService } from './identify.service.js';
import { sequenceRoutes } from './sequences.routes.js';
import { referenceRoutes } from './references.routes.js';
import { identifyRoutes } from './identify.routes.js';

/**
 * The strain bank's sequences part: sequences on strains, reference sets, the persisted
 * identification index they share, and identification (see the module README).
 */
export function sequencesServices(database: Database, d: StrainDeps) {
  const index = seqIndexStore(database, d.now);
  return {
    sequences: sequencesService(database, d, index),
    referenceSets: referencesService(database, d, index),
    identification: identifyService(database, index),
  };
}

export async function sequencesRoutes(app: FastifyInstance, s: StrainServices) {
  await sequenceRoutes(app, s);
  await referenceRoutes(app, s);
  await identifyRoutes(app, s);
}
