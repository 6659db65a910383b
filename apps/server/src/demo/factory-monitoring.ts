import type { Database } from '../platform/db/database.js';

/** Demonstration monitoring model and alarms (the monitoring part). Idempotent; returns how many records it wrote. */
export async function loadDemoFactoryMonitoring(_database: Database): Promise<number> {
  return 0;
}
