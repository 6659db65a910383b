import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { FileService } from '../../platform/files/files.js';
import type { PlanService } from '../plan/service.js';
import { committeeService } from './committee.service.js';
import { committeeRoutes } from './committee.routes.js';
import { educationService } from './education.service.js';
import { talentExcelService } from './excel.service.js';
import { expertImportService } from './experts.import.js';
import { expertsService } from './experts.service.js';
import { expertRoutes } from './experts.routes.js';
import { peopleService } from './people.service.js';
import { peopleRoutes } from './people.routes.js';
import { talentTargetsService } from './targets.service.js';

export interface TalentDeps { now: () => Date; files: FileService; plan: PlanService }

/** The talent module's services, wired once per application; its indicators are registered with the plan. */
export function talentServices(database: Database, deps: { plan: PlanService; files: FileService; now?: () => Date }) {
  const d: TalentDeps = { now: deps.now ?? (() => new Date()), files: deps.files, plan: deps.plan };
  const targets = talentTargetsService(database, { plan: deps.plan, now: d.now });
  targets.registerIndicators();
  const experts = expertsService(database, d);
  const people = peopleService(database, d);
  const education = educationService(database, d);
  return {
    experts,
    importExperts: expertImportService(database, d),
    committee: committeeService(database, d),
    people,
    education,
    targets,
    excel: talentExcelService({ experts, people, education }),
  };
}

export type TalentServices = ReturnType<typeof talentServices>;

export async function talentRoutes(app: FastifyInstance, s: TalentServices) {
  // Open-object responses: JSON.stringify does what a compiled serializer would, and start-up stays short.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await app.register(expertRoutes, s);
  await app.register(committeeRoutes, s);
  await app.register(peopleRoutes, s);
}
