import type { SharingRequest } from './api';

/** Where a request stands on its steps: submitted → curator → (officer) → shipped → received; a rejection or withdrawal stops it. */
export function requestSteps(r: Pick<SharingRequest, 'status' | 'needsOfficer' | 'curatorDecidedAt' | 'officerDecidedAt'>) {
  const steps = ['submitted', 'curator', ...(r.needsOfficer ? ['officer'] : []), 'shipped', 'received'];
  const reached: Record<string, string> = { submitted: 'curator', curatorApproved: 'officer', approved: 'shipped', shipped: 'received', received: 'done' };
  if (r.status === 'rejected') return { steps, current: r.officerDecidedAt ? steps.indexOf('officer') : steps.indexOf('curator'), status: 'error' as const };
  if (r.status === 'withdrawn') return { steps, current: steps.indexOf(r.curatorDecidedAt ? (r.needsOfficer && !r.officerDecidedAt ? 'officer' : 'shipped') : 'curator'), status: 'error' as const };
  const next = reached[r.status];
  return { steps, current: next === 'done' ? steps.length : steps.indexOf(next), status: next === 'done' ? ('finish' as const) : ('process' as const) };
}

export const STEP_NAMES: Record<string, { zh: string; en: string }> = {
  submitted: { zh: '提交申请', en: 'Submitted' }, curator: { zh: '管理员审核', en: 'Curator' }, officer: { zh: '生物安全审批', en: 'Biosafety officer' },
  shipped: { zh: '发运', en: 'Shipped' }, received: { zh: '签收', en: 'Received' },
};
