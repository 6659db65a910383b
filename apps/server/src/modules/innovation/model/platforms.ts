import type { ErrorDetail } from '../../../platform/http/errors.js';
import { isIsoDate } from '../../../platform/dates.js';
import { DOMAINS } from '../../industry/model/enterprise-input.js';
import { PLATFORM_KINDS, PLATFORM_LEVELS, PLATFORM_STATUSES } from './labels.js';

/** What a platform record holds; hosts are organisation ids in the order of the recognition. */
export interface PlatformInput {
  nameZh: string; nameEn?: string | null;
  kind: string; level: string; status?: string;
  fields?: string[]; domains?: string[];
  recognisedOn?: string | null; recognisedByZh?: string | null;
  districtCode?: string | null; summaryZh?: string | null; contactZh?: string | null;
  hostIds?: string[];
}

/** Fields only the task force sets: they are the recognition itself (who, what, which level, in force). */
export const RECOGNITION_FIELDS = ['nameZh', 'kind', 'level', 'status', 'recognisedOn', 'recognisedByZh', 'hostIds'] as const;

const msg = (zh: string, en: string) => `${zh}（${en}）`;

/** Every problem of a platform's fields, each naming its field; the caller checks that hosts and district exist. */
export function platformProblems(p: Partial<PlatformInput>, today: string): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (!p.nameZh?.trim()) out.push({ path: '/nameZh', message: msg('请填写平台名称', 'the name is required') });
  if (!p.kind || !(p.kind in PLATFORM_KINDS)) out.push({ path: '/kind', message: msg('平台类型无效', 'unknown kind') });
  if (!p.level || !(p.level in PLATFORM_LEVELS)) out.push({ path: '/level', message: msg('平台级别无效', 'unknown level') });
  if (p.status !== undefined && !(p.status in PLATFORM_STATUSES)) out.push({ path: '/status', message: msg('平台状态无效', 'unknown status') });
  for (const d of p.domains ?? []) if (!(DOMAINS as readonly string[]).includes(d)) out.push({ path: '/domains', message: msg(`领域 ${d} 无效`, `unknown domain ${d}`) });
  if ((p.fields ?? []).some((f) => !f.trim())) out.push({ path: '/fields', message: msg('技术方向不能为空', 'a field keyword is empty') });
  if (p.recognisedOn) {
    if (!isIsoDate(p.recognisedOn)) out.push({ path: '/recognisedOn', message: msg('认定日期格式应为 YYYY-MM-DD', 'the date is YYYY-MM-DD') });
    else if (p.recognisedOn > today) out.push({ path: '/recognisedOn', message: msg('认定日期不能晚于今天', 'the recognition date is in the future') });
  }
  // A recognised (operating, non-incubating) platform says who recognised it: that is what the target counts.
  if (p.level !== 'incubating' && (p.status ?? 'operating') === 'operating' && p.recognisedOn && !p.recognisedByZh?.trim())
    out.push({ path: '/recognisedByZh', message: msg('填写认定日期时须填写认定部门', 'name the recognising body with the date') });
  // Hosts are named on creation; a platform the plan names without its host gets one when the task force knows it.
  if (p.hostIds === undefined) return out;
  if (!p.hostIds.length) out.push({ path: '/hostIds', message: msg('至少需要一个依托单位', 'at least one host organisation') });
  else if (new Set(p.hostIds).size !== p.hostIds.length) out.push({ path: '/hostIds', message: msg('依托单位重复', 'a host is named twice') });
  return out;
}
