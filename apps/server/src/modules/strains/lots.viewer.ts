import { forbidden } from '../../platform/http/errors.js';
import type { StrainViewer } from './viewer.js';

/** Stock is the curators' own work: lots, positions, tests and moves are theirs to read and write. */
export function requireCurator(v: StrainViewer) {
  if (!v.curator) throw forbidden('只有菌种库管理员可以管理库存', 'Only curators manage the stock');
}
