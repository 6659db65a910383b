import type { Database } from '../../platform/db/database.js';
import type { PilotDeps } from './index.js';

// Placeholder until this part of the pilot module is written.
export function listsService(_database: Database, _deps: PilotDeps) {
  return {};
}
