import type { Database } from '../platform/db/database.js';

/** Demonstration recall scenario (the trace part). Idempotent; returns how many records it wrote. */
export async function loadDemoFactoryTrace(_database: Database): Promise<number> {
  return 0;
}
