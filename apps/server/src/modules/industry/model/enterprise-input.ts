import type { ErrorDetail } from '../../../platform/http/errors.js';
import { creditCodeProblem, normaliseCreditCode } from '../../../platform/identity/credit-code.js';
import { isIsoDate } from '../../../platform/dates.js';
import { DESIGNATION_KINDS, LEVELS } from './labels.js';

export const DOMAINS = ['biochem', 'biopharma', 'bioagrifood', 'bioenergy'] as const;

export interface EnterpriseInput {
  creditCode: string;
  nameZh: string;
  nameEn?: string | null;
  formerNames?: string[];
  districtCode: string;
  parkId?: string | null;
  domains?: string[];
  products?: string[];
  origin?: 'local' | 'attracted';
  landedOn?: string | null;
  summaryZh?: string | null;
  website?: string | null;
  organisationId?: string | null;
}

export interface Designation { kind: string; level: string; year: number }

const at = (path: string, zh: string, en: string): ErrorDetail => ({ path, message: `${zh}（${en}）` });

/**
 * Problems of an enterprise record (whole or a patch), each naming its field. The caller
 * passes what only the database knows: the districts there are.
 */
export function enterpriseProblems(input: Partial<EnterpriseInput>, known: { districts: Set<string> }): ErrorDetail[] {
  const p: ErrorDetail[] = [];
  if (input.creditCode !== undefined) {
    const why = creditCodeProblem(normaliseCreditCode(input.creditCode));
    if (why) p.push(at('/creditCode', why.zh, why.en));
  }
  if (input.nameZh !== undefined && !input.nameZh.trim()) p.push(at('/nameZh', '企业名称必填', 'the name is required'));
  if (input.districtCode !== undefined && !known.districts.has(input.districtCode)) p.push(at('/districtCode', '区县代码不在重庆市 38 个区县之中', 'not one of Chongqing\'s 38 districts (GB/T 2260)'));
  (input.domains ?? []).forEach((d, i) => { if (!(DOMAINS as readonly string[]).includes(d)) p.push(at(`/domains/${i}`, '领域应为生物化工、生物药、生物农业与食品、生物能源与环境之一', 'not one of the four domains')); });
  if (input.landedOn != null && !isIsoDate(input.landedOn)) p.push(at('/landedOn', '落地日期格式应为 YYYY-MM-DD', 'date as YYYY-MM-DD'));
  if (input.origin === 'local' && input.landedOn) p.push(at('/landedOn', '本土企业不填落地日期', 'a local firm has no landing date'));
  if (input.website && !/^https?:\/\/\S+$/.test(input.website)) p.push(at('/website', '网址应以 http:// 或 https:// 开头', 'a web address starts with http:// or https://'));
  return p;
}

export function designationProblems(list: Designation[], thisYear: number): ErrorDetail[] {
  const p: ErrorDetail[] = [];
  const seen = new Set<string>();
  list.forEach((d, i) => {
    if (!DESIGNATION_KINDS.includes(d.kind as never)) p.push(at(`/designations/${i}/kind`, '未知的认定类型', 'unknown designation'));
    if (!(d.level in LEVELS)) p.push(at(`/designations/${i}/level`, '级别应为国家级或市级', 'level is national or municipal'));
    if (!(d.year >= 1990 && d.year <= thisYear)) p.push(at(`/designations/${i}/year`, `认定年份应在 1990–${thisYear} 之间`, `the year is between 1990 and ${thisYear}`));
    const k = `${d.kind}/${d.level}`;
    if (seen.has(k)) p.push(at(`/designations/${i}`, '同一认定与级别只记一次', 'each designation and level once'));
    seen.add(k);
  });
  return p;
}

/** Trimmed, de-duplicated, without empties: lists as people type them. */
export const cleanList = (xs: string[] | undefined) => [...new Set((xs ?? []).map((x) => x.trim()).filter(Boolean))];
