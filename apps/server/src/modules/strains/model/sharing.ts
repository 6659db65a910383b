import type { ErrorDetail } from '../../../platform/http/errors.js';
import { isIsoDate } from '../../../platform/dates.js';
import { codesOf, type Names } from '../../../platform/vocabulary.js';

/**
 * Sharing requests as rules: their states, who acts at each, when the biosafety officer must
 * approve, and what a request's fields must be. No I/O.
 *
 * submitted → (curator) curatorApproved | approved | rejected → (officer) approved | rejected
 * → (curator) shipped → (requester) received; the requester may withdraw before shipment.
 */
export const SHARING_STATUSES = {
  submitted: { zh: '已提交', en: 'Submitted' },
  curatorApproved: { zh: '待生物安全负责人审批', en: 'Awaiting the biosafety officer' },
  approved: { zh: '已批准待发运', en: 'Approved, to be shipped' },
  shipped: { zh: '已发运', en: 'Shipped' },
  received: { zh: '已签收', en: 'Received' },
  rejected: { zh: '未批准', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
} as const satisfies Record<string, Names>;
export type SharingStatus = keyof typeof SHARING_STATUSES;
export const SHARING_STATUS_CODES = codesOf(SHARING_STATUSES);

/** Why the officer must approve. */
export const OFFICER_REASONS = {
  hazardClass: { zh: '第一、二类病原微生物', en: 'A class 1 or 2 pathogen' },
  highContainment: { zh: '菌种须在生物安全三级及以上实验室操作', en: 'The strain must be handled in a BSL-3 lab or above' },
} as const satisfies Record<string, Names>;
export type OfficerReason = keyof typeof OFFICER_REASONS;

/**
 * The officer must approve a class 1–2 pathogen, or a strain that needs more than an ordinary
 * (BSL-2) lab. The lab a request names must reach the strain's level anyway (`requestProblems`),
 * so "above the requester's lab" is refused outright; what needs a second pair of eyes is any
 * strain that only a high-containment lab may receive.
 */
export function officerReasons(strain: { hazardClass: number | null; biosafetyLevel: number }): OfficerReason[] {
  const out: OfficerReason[] = [];
  if (strain.hazardClass === 1 || strain.hazardClass === 2) out.push('hazardClass');
  if (strain.biosafetyLevel >= 3) out.push('highContainment');
  return out;
}

export type SharingAction = 'approve' | 'reject' | 'ship' | 'receive' | 'withdraw';
/** Whose step a request waits for. */
export type SharingStep = 'curator' | 'officer' | 'shipment' | 'receipt';

export function stepOf(status: SharingStatus): SharingStep | null {
  switch (status) {
    case 'submitted': return 'curator';
    case 'curatorApproved': return 'officer';
    case 'approved': return 'shipment';
    case 'shipped': return 'receipt';
    default: return null;
  }
}

/** The states each action leaves from. */
export const ACTION_FROM: Record<SharingAction, readonly SharingStatus[]> = {
  approve: ['submitted', 'curatorApproved'],
  reject: ['submitted', 'curatorApproved', 'approved'],
  ship: ['approved'],
  receive: ['shipped'],
  withdraw: ['submitted', 'curatorApproved', 'approved'],
};

/** Shipped and received requests have put the strain in the requester's hands. */
export const SHARED: readonly SharingStatus[] = ['shipped', 'received'];

/** Who acts: `ofRequester` is the requesting organisation (or the curator who filed for it). */
export interface Actor { userId: string | null; curator: boolean; officer: boolean; ofRequester: boolean }

/**
 * Why this actor may not take this action on this request now, or null. The officer's approval
 * comes from an appointed officer other than the curator who approved; an officer's step is
 * the officer's alone, rejection included.
 */
export function actionProblem(action: SharingAction, r: { status: SharingStatus; curatorId: string | null }, a: Actor): { status: 403 | 409; zh: string; en: string } | null {
  if (!ACTION_FROM[action].includes(r.status)) {
    return { status: 409, zh: `申请当前状态为「${SHARING_STATUSES[r.status].zh}」，不能执行此操作`, en: `The request is ${SHARING_STATUSES[r.status].en.toLowerCase()}; this step does not apply` };
  }
  if (action === 'receive' || action === 'withdraw') {
    return a.ofRequester ? null : { status: 403, zh: '只有申请单位可以执行此操作', en: 'Only the requesting organisation may do this' };
  }
  if (!a.curator) return { status: 403, zh: '只有菌种库管理员可以执行此操作', en: 'Only curators may do this' };
  if (r.status === 'curatorApproved' && (action === 'approve' || action === 'reject')) {
    if (!a.officer) return { status: 403, zh: '此步骤须由生物安全负责人审批', en: 'This step is the biosafety officer’s' };
    if (action === 'approve' && a.userId === r.curatorId) return { status: 403, zh: '生物安全负责人审批须由管理员审核人以外的人员进行', en: 'The officer’s approval must come from someone other than the approving curator' };
  }
  return null;
}

/** Where an approval leaves a request: the officer's step still to come, or approved. */
export const afterApproval = (r: { status: SharingStatus; needsOfficer: boolean }): SharingStatus =>
  r.status === 'submitted' && r.needsOfficer ? 'curatorApproved' : 'approved';

/** What the actor may do with a request now (the pages show these buttons). */
export function mayOf(r: { status: SharingStatus; curatorId: string | null }, a: Actor): Record<SharingAction, boolean> {
  const may = (x: SharingAction) => actionProblem(x, r, a) === null;
  return { approve: may('approve'), reject: may('reject'), ship: may('ship'), receive: may('receive'), withdraw: may('withdraw') };
}

const p = (path: string, zh: string, en: string): ErrorDetail => ({ path, message: `${zh}（${en}）` });

export interface RequestInput { strainId: string; labId: string; purposeZh: string; vials: number; mtaVersion: string; mtaAccepted: boolean; organisationId?: string | null }

export function requestProblems(x: RequestInput, mtaVersion: string): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (!x.purposeZh?.trim()) out.push(p('/purposeZh', '请说明用途', 'say what the strain is for'));
  if (!(Number.isInteger(x.vials) && x.vials > 0 && x.vials <= 20)) out.push(p('/vials', '申请数量应为 1–20 支', 'request 1 to 20 vials'));
  if (x.mtaAccepted !== true) out.push(p('/mtaAccepted', '须接受材料转移协议', 'the MTA must be accepted'));
  else if (x.mtaVersion !== mtaVersion) out.push(p('/mtaVersion', `材料转移协议已更新为 ${mtaVersion}，请重新阅读并接受`, `the MTA is now ${mtaVersion}; read and accept it again`));
  return out;
}

export interface ShipInput { lotId: string; vials: number; carrierZh: string; trackingNo: string; shippedOn: string }

export function shipProblems(x: ShipInput, requested: number, today: string): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (!(Number.isInteger(x.vials) && x.vials > 0 && x.vials <= requested)) out.push(p('/vials', `发运数量应为 1–${requested} 支（不超过申请数量）`, `ship 1 to ${requested} vials (no more than requested)`));
  if (!x.carrierZh?.trim()) out.push(p('/carrierZh', '请填写承运单位', 'name the carrier'));
  if (!x.trackingNo?.trim()) out.push(p('/trackingNo', '请填写运单号', 'give the tracking number'));
  if (!isIsoDate(x.shippedOn) || x.shippedOn > today) out.push(p('/shippedOn', '发运日期应为今天或之前的日期', 'the shipping date is a date not after today'));
  return out;
}
