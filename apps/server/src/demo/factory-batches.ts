import type { Database } from '../platform/db/database.js';

/** Demonstration fermentation batches with sensor series and a golden batch (the process part). Idempotent; returns how many records it wrote. */
export async function loadDemoFactoryBatches(_database: Database): Promise<number> {
  return 0;
}
