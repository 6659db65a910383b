import type { ErrorDetail } from '../../../platform/http/errors.js';
import { isIsoDate } from '../../../platform/dates.js';
import { GRANTED_ON_NAMES, IP_KINDS, IP_STATUSES, IP_SUBTYPES, isPublicStatus, type IpKind } from './labels.js';

export interface RightInput {
  kind: IpKind; number: string; titleZh: string; titleEn?: string | null; subtype?: string | null; status?: string;
  filedOn?: string | null; grantedOn?: string | null; inventors?: string[]; abstractZh?: string | null;
  /** Holder organisations, in their order on the certificate. */
  holderIds: string[];
}

const msg = (zh: string, en: string) => `${zh}（${en}）`;

/** Every problem of a right's fields, each naming its field; the caller checks that holders exist and the number is free. */
export function rightProblems(r: Partial<RightInput>, today: string): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const kind = r.kind && r.kind in IP_KINDS ? r.kind : null;
  if (!kind) out.push({ path: '/kind', message: msg('知识产权类型无效', 'unknown kind') });
  if (!r.number?.trim()) out.push({ path: '/number', message: msg('请填写编号（专利号、标准号、登记号或品种权号）', 'the number is required') });
  if (!r.titleZh?.trim()) out.push({ path: '/titleZh', message: msg('请填写名称', 'the title is required') });
  if (kind && r.subtype && !(r.subtype in IP_SUBTYPES[kind])) out.push({ path: '/subtype', message: msg(`${IP_KINDS[kind].zh}没有此类别`, `not a subtype of ${IP_KINDS[kind].en.toLowerCase()}`) });
  if (kind && r.status && !(r.status in IP_STATUSES[kind])) out.push({ path: '/status', message: msg(`${IP_KINDS[kind].zh}没有此状态`, `not a status of ${IP_KINDS[kind].en.toLowerCase()}`) });
  for (const f of ['filedOn', 'grantedOn'] as const) {
    const d = r[f];
    if (!d) continue;
    if (!isIsoDate(d)) out.push({ path: `/${f}`, message: msg('日期格式应为 YYYY-MM-DD', 'the date is YYYY-MM-DD') });
    else if (d > today) out.push({ path: `/${f}`, message: msg('日期不能晚于今天', 'the date is in the future') });
  }
  if (r.filedOn && r.grantedOn && r.grantedOn < r.filedOn) out.push({ path: '/grantedOn', message: msg('授权（发布、登记）日不能早于申请日', 'the grant date is before the filing date') });
  // A right in force says since when: the public list and the platform results show that date.
  if (kind && r.status && isPublicStatus(kind, r.status) && !r.grantedOn)
    out.push({ path: '/grantedOn', message: msg(`状态为「${IP_STATUSES[kind][r.status].zh}」时须填写${GRANTED_ON_NAMES[kind].zh}`, `${GRANTED_ON_NAMES[kind].en} is required in this status`) });
  if ((r.inventors ?? []).some((x) => !x.trim())) out.push({ path: '/inventors', message: msg('发明人（作者）姓名不能为空', 'a name is empty') });
  if (r.holderIds !== undefined) {
    if (!r.holderIds.length) out.push({ path: '/holderIds', message: msg('至少需要一个权利人', 'at least one holder') });
    else if (new Set(r.holderIds).size !== r.holderIds.length) out.push({ path: '/holderIds', message: msg('权利人重复', 'a holder is named twice') });
  }
  return out;
}
