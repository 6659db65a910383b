import type { Database } from '../../platform/db/database.js';
import type { FactoryDeps } from './index.js';
import { traceService } from './trace.service.js';

export { traceRoutes } from './trace.routes.js';

/** Trace: backward and forward through transformation and aggregation, the graph and the recall report (see the module README). */
export function traceServices(database: Database, d: FactoryDeps) {
  return { trace: traceService(database, d) };
}
