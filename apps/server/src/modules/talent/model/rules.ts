import type { ErrorDetail } from '../../../platform/http/errors.js';
import { DOMAIN_NAMES } from '../../industry/model/labels.js';
import { TALENT_KINDS, TALENT_PROGRAMMES, TALENT_STATUSES, type TalentKind, type TalentProgramme, type TalentStatus } from './labels.js';

/** Pure rules of the talent module: what a valid expert, term or talent is, and when a term is current. */

const msg = (path: string, zh: string, en: string): ErrorDetail => ({ path, message: `${zh}（${en}）` });

export const MAX_FIELDS = 20;
export const MAX_FIELD_LENGTH = 30;
export const MAX_LOAD = 50;

/** Field keywords as stored: trimmed, without blanks or repeats, in the order given. */
export const fieldKeywords = (xs: readonly string[] | null | undefined) => [...new Set((xs ?? []).map((x) => x.trim()).filter(Boolean))];

export interface ExpertFields {
  nameZh: string; nameEn: string | null; titleZh: string | null;
  organisationId: string | null; organisationZh: string;
  fields: string[]; domains: string[]; available: boolean; maxLoad: number | null;
  contactZh: string | null; profileZh: string | null;
}

/** What is wrong with an expert as it would be stored; an organisation in the platform or its name in words is needed. */
export function expertProblems(e: ExpertFields): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (!e.nameZh.trim()) out.push(msg('/nameZh', '请填写专家姓名', 'the name is required'));
  if (!e.organisationId && !e.organisationZh.trim()) out.push(msg('/organisationZh', '请选择所在机构或填写机构名称', 'name the organisation'));
  if (!e.fields.length) out.push(msg('/fields', '至少填写一个领域关键词', 'give at least one field keyword'));
  if (e.fields.length > MAX_FIELDS) out.push(msg('/fields', `领域关键词不超过 ${MAX_FIELDS} 个`, `at most ${MAX_FIELDS} field keywords`));
  e.fields.forEach((f, i) => { if ([...f].length > MAX_FIELD_LENGTH) out.push(msg(`/fields/${i}`, `关键词不超过 ${MAX_FIELD_LENGTH} 字`, `a keyword has at most ${MAX_FIELD_LENGTH} characters`)); });
  e.domains.forEach((d, i) => { if (!(d in DOMAIN_NAMES)) out.push(msg(`/domains/${i}`, `“${d}”不是行动计划的四个领域之一`, 'not one of the plan\'s four domains')); });
  if (e.maxLoad !== null && (!Number.isInteger(e.maxLoad) || e.maxLoad < 1 || e.maxLoad > MAX_LOAD)) out.push(msg('/maxLoad', `最大评审量为 1–${MAX_LOAD} 的整数`, `the maximum load is a whole number from 1 to ${MAX_LOAD}`));
  return out;
}

export interface Term { termStart: string; termEnd: string }

/** A member is current while today is within the term, both ends included. */
export const termStatus = (t: Term, today: string): 'current' | 'expired' | 'upcoming' =>
  today < t.termStart ? 'upcoming' : today > t.termEnd ? 'expired' : 'current';
export const isCurrent = (t: Term, today: string) => termStatus(t, today) === 'current';
export const termsOverlap = (a: Term, b: Term) => a.termStart <= b.termEnd && b.termStart <= a.termEnd;

export function termProblems(t: Term): ErrorDetail[] {
  return t.termEnd < t.termStart ? [msg('/termEnd', '任期结束日期不能早于开始日期', 'the term cannot end before it starts')] : [];
}

export interface TalentFields {
  nameZh: string; kind: TalentKind; programme: TalentProgramme; programmeOtherZh: string | null;
  organisationId: string | null; organisationZh: string; fieldZh: string; teamSize: number | null;
  arrivalOn: string | null; status: TalentStatus; leftOn: string | null;
}

export function talentProblems(t: TalentFields, today: string): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (!t.nameZh.trim()) out.push(msg('/nameZh', '请填写姓名或团队名称', 'the name is required'));
  if (!(t.kind in TALENT_KINDS)) out.push(msg('/kind', '人才类别不在可选范围内', 'not a kind of talent'));
  if (!(t.programme in TALENT_PROGRAMMES)) out.push(msg('/programme', '引才计划不在可选范围内', 'not a programme'));
  if (t.programme === 'other' && !t.programmeOtherZh?.trim()) out.push(msg('/programmeOtherZh', '选择“其他”时请填写计划名称', 'name the programme when it is "other"'));
  if (!(t.status in TALENT_STATUSES)) out.push(msg('/status', '状态不在可选范围内', 'not a status'));
  if (!t.organisationId && !t.organisationZh.trim()) out.push(msg('/organisationZh', '请选择引进单位或填写单位名称', 'name the organisation'));
  if (!t.fieldZh.trim()) out.push(msg('/fieldZh', '请填写研究领域', 'the field is required'));
  if (t.status !== 'recruiting' && !t.arrivalOn) out.push(msg('/arrivalOn', '已到岗或已离开的人才须填写到岗日期', 'an arrived or departed talent has an arrival date'));
  if (t.status === 'arrived' && t.arrivalOn && t.arrivalOn > today) out.push(msg('/arrivalOn', '到岗日期不能晚于今天', 'the arrival date cannot be in the future'));
  if (t.status === 'left' && !t.leftOn) out.push(msg('/leftOn', '已离开的人才须填写离开日期', 'a departed talent has a leaving date'));
  if (t.leftOn && t.arrivalOn && t.leftOn < t.arrivalOn) out.push(msg('/leftOn', '离开日期不能早于到岗日期', 'cannot leave before arriving'));
  if (t.teamSize !== null && (!Number.isInteger(t.teamSize) || t.teamSize < 1)) out.push(msg('/teamSize', '团队人数为正整数', 'the team size is a positive whole number'));
  return out;
}
