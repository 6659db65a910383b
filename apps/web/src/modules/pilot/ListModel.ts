import type { AchievementInput, DemandInput, Funnel, ItemKind, ListItem, MatchCard } from './api.lists';
import { FUNNEL_STEPS, type Label } from './labels.lists';

/**
 * Pure helpers of the list pages, without React: the form's values to and from the server's
 * fields, the funnel's steps, what the reader of an item is to it, and how a snapshot's field
 * reads in a difference between editions.
 */

type Lang = 'zh' | 'en';

/** The post / edit form's values: everything a demand or an achievement has, as the form holds it. */
export interface ItemFormValues {
  organisationId?: string;
  titleZh?: string; domain?: string; districtCode?: string; processes?: string[]; detailZh?: string | null;
  // demand
  problemZh?: string; targetProductZh?: string | null; organism?: string; scaleL?: number | null; budgetWan?: number | null; deadline?: string | null;
  biosafetyLevel?: number; qualityGrade?: string; trlNeeded?: number | null; summaryZh?: string;
  // achievement
  resultZh?: string; trl?: number | null; scaleReachedL?: number | null; ipZh?: string | null; organisms?: string[]; partnerWantedZh?: string | null;
}

const text = (s: string | null | undefined) => (s ?? '').trim();
const orNull = (s: string | null | undefined) => text(s) || null;
const numOrNull = (n: number | null | undefined) => (typeof n === 'number' && Number.isFinite(n) ? n : null);

/** A demand's fields for POST / PATCH / renew: trimmed, empty optional text as null, defaults where the server has one. */
export function demandBody(v: ItemFormValues): DemandInput {
  return {
    titleZh: text(v.titleZh), problemZh: text(v.problemZh), targetProductZh: orNull(v.targetProductZh), processes: v.processes ?? [],
    organism: v.organism || 'none', scaleL: numOrNull(v.scaleL) as number, budgetWan: numOrNull(v.budgetWan), deadline: v.deadline ?? '',
    domain: v.domain ?? '', districtCode: v.districtCode ?? '', biosafetyLevel: v.biosafetyLevel ?? 1, qualityGrade: v.qualityGrade || 'none',
    trlNeeded: numOrNull(v.trlNeeded), summaryZh: text(v.summaryZh), detailZh: orNull(v.detailZh),
  };
}

export function achievementBody(v: ItemFormValues): AchievementInput {
  return {
    titleZh: text(v.titleZh), resultZh: text(v.resultZh), detailZh: orNull(v.detailZh), trl: numOrNull(v.trl) as number,
    scaleReachedL: numOrNull(v.scaleReachedL), ipZh: orNull(v.ipZh), domain: v.domain ?? '', processes: v.processes ?? [],
    organisms: v.organisms ?? [], partnerWantedZh: orNull(v.partnerWantedZh), districtCode: v.districtCode ?? '',
  };
}

export const bodyOf = (kind: ItemKind, v: ItemFormValues) => (kind === 'demand' ? demandBody(v) : achievementBody(v));

/** A stored item as the form's starting values (what the caller may read of it). */
export function formValuesOf(item: ListItem): ItemFormValues {
  const i = item as unknown as Record<string, unknown>;
  const keys: (keyof ItemFormValues)[] = [
    'titleZh', 'domain', 'districtCode', 'processes', 'detailZh', 'problemZh', 'targetProductZh', 'organism', 'scaleL', 'budgetWan', 'deadline',
    'biosafetyLevel', 'qualityGrade', 'trlNeeded', 'summaryZh', 'resultZh', 'trl', 'scaleReachedL', 'ipZh', 'organisms', 'partnerWantedZh',
  ];
  const out: Record<string, unknown> = {};
  for (const k of keys) if (k in i && i[k] !== undefined) out[k] = i[k];
  return out as ItemFormValues;
}

/** The owner and the task force read the review keys; everyone else never receives them. */
export const isKeeperView = (item: object) => 'reviewNoteZh' in item;

/** The task force's reason when it returned the item, for its keepers. */
export const returnedNote = (item: ListItem) => (item.state === 'returned' ? text(item.reviewNoteZh) || null : null);

export interface FunnelStep { key: (typeof FUNNEL_STEPS)[number]['key']; zh: string; en: string; value: number; share: number | null }

/** The five steps, each with its count and its share of what was posted (0–1). */
export function funnelSteps(f: Pick<Funnel, 'posted' | 'responded' | 'negotiating' | 'signed' | 'done'>): FunnelStep[] {
  return FUNNEL_STEPS.map((s) => ({ ...s, value: f[s.key], share: f.posted ? f[s.key] / f.posted : null }));
}

/** A share 0–1 as a percentage with at most one decimal: 0.3750 → "37.5%". */
export const percent = (share: number | null | undefined) => (share == null ? '—' : `${Math.round(share * 1000) / 10}%`);

/** Litres as the engine says them: 500 L, 5 m³ from a thousand litres. */
export function litres(l: number | null | undefined) {
  if (l == null) return '—';
  return l >= 1000 ? `${+(l / 1000).toFixed(1)} m³` : `${+l.toFixed(1)} L`;
}

/** Whole days from today (YYYY-MM-DD) to a day; negative once it has passed. */
export function daysUntil(day: string | null | undefined, today: string) {
  if (!day) return null;
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Where a match's other side is read: its item page, a capability's base page when the answer names the base. */
export function matchLink(card: MatchCard | undefined): string | null {
  if (!card) return null;
  if (card.kind === 'demand') return `/pilot/demands/${card.id}`;
  if (card.kind === 'achievement') return `/pilot/achievements/${card.id}`;
  return card.baseId ? `/pilot/bases/${card.baseId}` : null;
}

/** A reason in the reader's language with the other after it, Chinese first for Chinese readers. */
export const reasonText = (lang: Lang, r: { zh: string; en: string }) => (lang === 'zh' ? r.zh : r.en);

/** How one field of a snapshot reads: vocabularies by their names, lists joined, nothing as a dash. */
export function snapshotValue(field: string, value: unknown, lang: Lang, vocab: Record<string, Record<string, Label>>): string {
  if (value === null || value === undefined || value === '') return '—';
  const named = (v: unknown) => {
    const table = vocab[field];
    const n = table?.[String(v)];
    return n ? n[lang] : String(v);
  };
  if (Array.isArray(value)) {
    if (!value.length) return '—';
    if (value.every((x) => typeof x !== 'object' || x === null)) return value.map(named).join(lang === 'zh' ? '、' : ', ');
    return lang === 'zh' ? `${value.length} 项` : `${value.length} entries`;
  }
  if (typeof value === 'boolean') return value ? (lang === 'zh' ? '是' : 'Yes') : (lang === 'zh' ? '否' : 'No');
  if (typeof value === 'object') return lang === 'zh' ? '（已变更）' : '(changed)';
  if (field === 'publishedAt' && typeof value === 'string') return value.slice(0, 10);
  return named(value);
}

/** Whether a match reason says what fits or what falls short (the engine words shortfalls this way). */
export const reasonFits = (r: { zh: string }) => !/缺少|不同|低于|达不到|不满足|远大于|尚需/.test(r.zh);
