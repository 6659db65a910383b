import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { StrainDeps, StrainServices } from './index.js';
import { alertsService } from './alerts.service.js';
import { locationsService } from './locations.service.js';
import { lotsRoutes } from './lots.routes.js';
import { lotsService } from './lots.service.js';
import { sharingRoutes } from './sharing.routes.js';
import { sharingService } from './sharing.service.js';
import { viabilityService } from './viability.service.js';

/**
 * The strain bank's stock part: storage locations, preservation lots with their ledger and
 * viability tests, the alerts panel, and sharing requests with the MTA and biosafety approval
 * (see the module README).
 */
export function stockServices(database: Database, d: StrainDeps) {
  return {
    locations: locationsService(database, d),
    lots: lotsService(database, d),
    viability: viabilityService(database, d),
    stockAlerts: alertsService(database, d),
    sharing: sharingService(database, d),
  };
}

export async function stockRoutes(app: FastifyInstance, s: StrainServices) {
  await lotsRoutes(app, s);
  await sharingRoutes(app, s);
}
