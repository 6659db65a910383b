import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { conflict, forbidden } from '../../platform/http/errors.js';
import { depositProblem, mayDo, type DepositAction } from './model/deposits.js';
import { STRAIN_STATUSES } from './model/labels.js';
import { loadStrain, strainNotFound, type StrainRow } from './strains.store.js';
import { seesStrainAtAll, type StrainViewer } from './viewer.js';

/** The depositor is its organisation: anyone of it acts for the deposit. */
export const isDepositorOf = (v: StrainViewer, row: Pick<StrainRow, 'depositorOrganisationId'>) => !!v.organisationId && v.organisationId === row.depositorOrganisationId;

/** What the caller may do with the strain now (the buttons a page shows). */
export function mayOnStrain(v: StrainViewer, row: StrainRow) {
  const as = { depositor: isDepositorOf(v, row), curator: v.curator };
  const actions: DepositAction[] = ['edit', 'receive', 'recordCheck', 'markChecked', 'accession', 'reject', 'withdraw'];
  return Object.fromEntries(actions.map((a) => [a, mayDo(a, row.status, as)])) as Record<DepositAction, boolean>;
}

/**
 * The strain for someone about to act on it: 404 if they may not know it exists, 403 if they may
 * not act on it (or only a curator may, in this state), 409 if nobody may in this state.
 */
export async function strainForAction(db: Kysely<DB>, v: StrainViewer, id: string, action: DepositAction): Promise<StrainRow> {
  const row = await loadStrain(db, id);
  if (!row || !seesStrainAtAll(v, row)) throw strainNotFound();
  const as = { depositor: isDepositorOf(v, row), curator: v.curator };
  if (!as.depositor && !as.curator) throw forbidden('只有保藏单位或菌种库管理员可以操作', 'Only the depositor or a curator may do this');
  if (mayDo(action, row.status, as)) return row;
  const why = depositProblem(action, row.status);
  if (why) throw conflict(why.zh, why.en, [{ path: '/status', message: `${why.zh}（${why.en}）` }]);
  throw forbidden(`菌种状态为「${STRAIN_STATUSES[row.status].zh}」，请联系菌种库管理员`, `The strain is ${row.status}; ask a curator`);
}
