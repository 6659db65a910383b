import type { StrainCheckKind, StrainStatus } from '../schema.js';

/**
 * The deposit workflow: submitted → received → checked → accessioned, or rejected any time
 * before accession. The depositor withdraws before receipt; a curator withdraws an accessioned
 * strain later (its accession is kept and never given again). Checks are recorded while the
 * deposit is received; `checked` is an explicit curator step once the latest purity, viability
 * and identity tests all passed.
 */
export type DepositAction = 'edit' | 'receive' | 'recordCheck' | 'markChecked' | 'accession' | 'reject' | 'withdraw';

const FROM: Record<DepositAction, { depositor: readonly StrainStatus[]; curator: readonly StrainStatus[] }> = {
  edit: { depositor: ['submitted'], curator: ['submitted', 'received', 'checked', 'accessioned'] },
  receive: { depositor: [], curator: ['submitted'] },
  recordCheck: { depositor: [], curator: ['received'] },
  markChecked: { depositor: [], curator: ['received'] },
  accession: { depositor: [], curator: ['checked'] },
  reject: { depositor: [], curator: ['submitted', 'received', 'checked'] },
  withdraw: { depositor: ['submitted'], curator: ['submitted', 'accessioned'] },
};

export const mayDo = (action: DepositAction, status: StrainStatus, as: { depositor: boolean; curator: boolean }) =>
  (as.curator && FROM[action].curator.includes(status)) || (as.depositor && FROM[action].depositor.includes(status));

/** Why the action cannot be taken from this status (for a 409), or null. */
export function depositProblem(action: DepositAction, status: StrainStatus): { zh: string; en: string } | null {
  const any = [...FROM[action].depositor, ...FROM[action].curator];
  if (any.includes(status)) return null;
  const why: Record<DepositAction, { zh: string; en: string }> = {
    edit: { zh: '当前状态下不能修改菌种记录', en: 'The strain record cannot be edited in this state' },
    receive: { zh: '只有已提交的保藏申请可以接收', en: 'Only a submitted deposit can be received' },
    recordCheck: { zh: '只有已接收的菌种可以记录检测', en: 'Checks are recorded on a received deposit' },
    markChecked: { zh: '只有已接收的菌种可以判定检测合格', en: 'Only a received deposit can be marked checked' },
    accession: { zh: '只有检测合格的菌种可以保藏编号', en: 'Only a checked deposit can be accessioned' },
    reject: { zh: '已保藏、已拒绝或已撤回的菌种不能拒绝', en: 'An accessioned, rejected or withdrawn strain cannot be rejected' },
    withdraw: { zh: '当前状态下不能撤回', en: 'The strain cannot be withdrawn in this state' },
  };
  return why[action];
}

export interface CheckResult { kind: StrainCheckKind; passed: boolean }

/**
 * The kinds whose latest test is missing or failed, given the checks in the order they were
 * recorded; empty when the deposit may be marked checked.
 */
export function checksWanting(checks: CheckResult[]): StrainCheckKind[] {
  const latest = new Map<StrainCheckKind, CheckResult>();
  for (const c of checks) latest.set(c.kind, c);
  return (['purity', 'viability', 'identity'] as const).filter((k) => !latest.get(k)?.passed);
}

/** The bank's accession number for a value of strain_accession_seq. */
export const accessionOf = (n: number) => `CQMCC ${n}`;
