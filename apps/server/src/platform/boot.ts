import { openDatabase, type Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { systemCtx } from './context/ctx.js';
import { ensureAdmin } from './identity/bootstrap.js';
import { planService } from '../modules/plan/service.js';
import { readPlanFiles } from '../modules/plan/files.js';
import { loadDemo } from '../demo/load.js';
import { seedModules } from '../modules/seed.js';
import type { Config } from '../config.js';

export interface BootReport {
  database: Database;
  migrationsApplied: string[];
  planVersion: number;
  planCreated: boolean;
  admin: { created: boolean; generatedPassword?: string };
  demo: { loaded: boolean; records: number } | null;
}

/** Opens the database and brings it up to date: migrations, the plan's seed, the admin, demo data on request. */
export async function boot(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'adminPassword' | 'demo'>): Promise<BootReport> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    const migrationsApplied = await migrate(database.db);
    const plan = planService(database);
    const seed = await plan.seed(systemCtx('seed'), readPlanFiles());
    await seedModules(database, plan, systemCtx('seed'));
    const admin = await ensureAdmin(database, config.adminPassword);
    const demo = config.demo ? await loadDemo(database) : null;
    return { database, migrationsApplied, planVersion: seed.planVersion, planCreated: seed.created, admin, demo };
  } catch (e) {
    await database.close();
    throw e;
  }
}
