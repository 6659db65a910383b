import type { Lang } from '../../../app/i18n';
import { DOMAIN_NAMES } from '../../plan/format';
import type { Indicator, Need } from './api';
import { MODES, NEED_FIELDS } from './labels';

/**
 * The pure rules of the catalog pages: form values ↔ the server's fields, the checks the form
 * makes before sending (the same as the server's model/needs.ts, which checks again), and how a
 * snapshot's field reads in a table or a diff.
 */

export interface NeedFormValues {
  titleZh: string; field: string; fieldOtherZh?: string | null; domain: string;
  problemZh: string; currentLevelZh: string; indicators: Partial<Indicator>[]; expectedOutcomeZh: string;
  contactNameZh: string; contactPhone?: string | null; contactEmail?: string | null;
  suggestedMode?: string | null; fundingWan?: number | null; organisationId?: string | null;
}

export const MAX_INDICATORS = 20;
export const MAX_FUNDING_WAN = 100_000;
export const PHONE = /^[+\d][\d\s-]{5,19}$/;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface Problem { path: string; zh: string; en: string }

const blank = (s: unknown) => typeof s !== 'string' || !s.trim();

/** What the form checks beyond "required": the server's rules, so a mistake shows before sending. */
export function needProblems(v: Partial<NeedFormValues>): Problem[] {
  const p: Problem[] = [];
  if (v.field === 'other' && blank(v.fieldOtherZh)) p.push({ path: 'fieldOtherZh', zh: '技术领域选「其他」时须写明具体领域', en: 'Name the field when it is "other"' });
  if (v.contactPhone && !PHONE.test(v.contactPhone)) p.push({ path: 'contactPhone', zh: '联系电话格式不正确', en: 'Not a phone number' });
  if (v.contactEmail && !EMAIL.test(v.contactEmail)) p.push({ path: 'contactEmail', zh: '电子邮箱格式不正确', en: 'Not an e-mail address' });
  if (v.fundingWan != null && !(v.fundingWan >= 0 && v.fundingWan <= MAX_FUNDING_WAN)) p.push({ path: 'fundingWan', zh: `建议经费应在 0–${MAX_FUNDING_WAN} 万元之间`, en: `Between 0 and ${MAX_FUNDING_WAN}` });
  const xs = v.indicators ?? [];
  if (!xs.length) p.push({ path: 'indicators', zh: '至少填写一项目标指标', en: 'State at least one target indicator' });
  if (xs.length > MAX_INDICATORS) p.push({ path: 'indicators', zh: `目标指标不超过 ${MAX_INDICATORS} 项`, en: `At most ${MAX_INDICATORS} indicators` });
  const names = xs.map((x) => (x?.nameZh ?? '').trim());
  names.forEach((n, i) => {
    if (!n) p.push({ path: `indicators/${i}/nameZh`, zh: '指标名称必填', en: 'Name the indicator' });
    else if (names.indexOf(n) !== i) p.push({ path: `indicators/${i}/nameZh`, zh: `与第 ${names.indexOf(n) + 1} 项指标重名`, en: 'The same name as another indicator' });
    if (typeof xs[i]?.targetValue !== 'number' || !Number.isFinite(xs[i]!.targetValue)) p.push({ path: `indicators/${i}/targetValue`, zh: '目标值应为数字', en: 'A number' });
  });
  return p;
}

const orNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

/** The body the server takes: text trimmed, empty optional text null, a named field only for "other". */
export function toBody(v: NeedFormValues) {
  return {
    titleZh: v.titleZh.trim(), field: v.field, fieldOtherZh: v.field === 'other' ? orNull(v.fieldOtherZh) : null, domain: v.domain,
    problemZh: v.problemZh.trim(), currentLevelZh: v.currentLevelZh.trim(), expectedOutcomeZh: v.expectedOutcomeZh.trim(),
    indicators: (v.indicators ?? []).map((x) => ({ nameZh: (x.nameZh ?? '').trim(), targetValue: Number(x.targetValue), unit: (x.unit ?? '').trim() })),
    contactNameZh: v.contactNameZh.trim(), contactPhone: orNull(v.contactPhone), contactEmail: orNull(v.contactEmail),
    suggestedMode: v.suggestedMode || null, fundingWan: v.fundingWan ?? null,
    ...(v.organisationId ? { organisationId: v.organisationId } : {}),
  };
}

/** A stored need as the form's values. */
export const fromNeed = (n: Need): NeedFormValues => ({
  titleZh: n.titleZh, field: n.field, fieldOtherZh: n.fieldOtherZh, domain: n.domain, problemZh: n.problemZh, currentLevelZh: n.currentLevelZh,
  indicators: n.indicators.map((i) => ({ ...i })), expectedOutcomeZh: n.expectedOutcomeZh, contactNameZh: n.contactNameZh ?? '',
  contactPhone: n.contactPhone ?? null, contactEmail: n.contactEmail ?? null, suggestedMode: n.suggestedMode, fundingWan: n.fundingWan,
});

/** 「超高通量筛选」, or for "other" the field the raiser named. */
export function fieldText(lang: Lang, field: string, other?: string | null) {
  const name = NEED_FIELDS[field] ? (lang === 'zh' ? NEED_FIELDS[field].zh : NEED_FIELDS[field].en) : field;
  return field === 'other' && other ? `${name}：${other}` : name;
}

export const indicatorText = (i: Indicator) => `${i.nameZh} ${i.targetValue}${i.unit ? ` ${i.unit}` : ''}`;

/** A snapshot's field as a diff or a table shows it. */
export function valueText(lang: Lang, field: string, v: unknown): string {
  if (v == null || v === '') return '—';
  if (field === 'field') return fieldText(lang, String(v));
  if (field === 'domain') return DOMAIN_NAMES[String(v)] ? (lang === 'zh' ? DOMAIN_NAMES[String(v)].zh : DOMAIN_NAMES[String(v)].en) : String(v);
  if (field === 'suggestedMode') return MODES[String(v)] ? (lang === 'zh' ? MODES[String(v)].zh : MODES[String(v)].en) : String(v);
  if (field === 'indicators' && Array.isArray(v)) return (v as Indicator[]).map(indicatorText).join('；');
  if (field === 'fundingWan' && typeof v === 'number') return lang === 'zh' ? `${v} 万元` : `${v} (10k yuan)`;
  return String(v);
}
