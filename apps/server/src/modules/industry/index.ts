import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { PlanService } from '../plan/service.js';
import { chainsService } from './chains.service.js';
import { enterprisesService } from './enterprises.service.js';
import { enterpriseRoutes } from './enterprises.routes.js';
import { industryExcelService } from './excel.service.js';
import { figuresService } from './figures.service.js';
import { fundsService } from './funds.service.js';
import { leadsService } from './leads.service.js';
import { leadRoutes } from './leads.routes.js';
import { mapRoutes } from './map.routes.js';
import { targetsService } from './targets.service.js';

/** The industry map's services, wired once per application; its indicators are registered with the plan. */
export function industryServices(database: Database, deps: { plan: PlanService; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  const targets = targetsService(database, { plan: deps.plan, now });
  targets.registerIndicators();
  return {
    enterprises: enterprisesService(database, { now }),
    figures: figuresService(database, { now }),
    chains: chainsService(database),
    leads: leadsService(database, { now }),
    funds: fundsService(database),
    targets,
    excel: industryExcelService(database, { now }),
  };
}

export type IndustryServices = ReturnType<typeof industryServices>;

export async function industryRoutes(app: FastifyInstance, s: IndustryServices) {
  // Open-object responses: JSON.stringify does what a compiled serializer would, and start-up stays short.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await app.register(enterpriseRoutes, s);
  await app.register(mapRoutes, s);
  await app.register(leadRoutes, s);
}
