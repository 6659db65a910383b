import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { StrainDeps, StrainServices } from './index.js';
import { depositsService } from './deposits.service.js';
import { depositsRoutes } from './deposits.routes.js';
import { germplasmService } from './germplasm.service.js';
import { germplasmRoutes } from './germplasm.routes.js';
import { labsService } from './labs.service.js';
import { labsRoutes } from './labs.routes.js';
import { officersService } from './officers.service.js';
import { strainsService } from './strains.service.js';
import { strainsRoutes } from './strains.routes.js';
import { strainTargetsService } from './targets.service.js';

/**
 * The strain bank's records part: strains and the public catalogue with its exports, deposits and
 * their checks, germplasm, labs, biosafety officers, and the plan indicators (see the module README).
 */
export function recordsServices(database: Database, d: StrainDeps) {
  strainTargetsService(database, { plan: d.plan, now: d.now }).registerIndicators();
  return {
    strains: strainsService(database, d),
    deposits: depositsService(database, d),
    germplasm: germplasmService(database, d),
    labs: labsService(database, d),
    officers: officersService(database, d),
  };
}

export async function recordsRoutes(app: FastifyInstance, s: StrainServices) {
  await strainsRoutes(app, s);
  await depositsRoutes(app, s);
  await germplasmRoutes(app, s);
  await labsRoutes(app, s);
}
