import type { Bilingual, ErrorDetail } from '../../../platform/http/errors.js';
import { addDays, isIsoDate } from '../../../platform/dates.js';
import { DOMAINS, ITEM_STATES, LISTS, ORGANISM_CODES, PROCESS_NAMES, QUALITY_GRADE_CODES } from './labels.js';

/**
 * The rules of the production demand list and the achievement supply list, without a database:
 * what a valid item is, how its life moves, when it lapses, what of it the public may read, and
 * what an edition keeps of it.
 */

export type ItemKind = 'demand' | 'achievement';
export type ItemState = keyof typeof ITEM_STATES;
export type ListCode = keyof typeof LISTS;
export const ITEM_KINDS: readonly ItemKind[] = ['demand', 'achievement'];

export const KIND_NAMES: Record<ItemKind, Bilingual & { list: ListCode }> = {
  demand: { zh: '生产需求', en: 'Demand', list: 'demands' },
  achievement: { zh: '成果', en: 'Achievement', list: 'achievements' },
};

/** A published item stays on the list this long, unless a demand's deadline comes first; then its owner renews it. */
export const SHELF_DAYS = 180;

export interface DemandInput {
  titleZh: string; problemZh: string; targetProductZh?: string | null; processes?: string[]; organism?: string; scaleL: number;
  budgetWan?: number | null; deadline: string; domain: string; districtCode: string; biosafetyLevel?: number; qualityGrade?: string;
  trlNeeded?: number | null; summaryZh: string; detailZh?: string | null;
}

export interface AchievementInput {
  titleZh: string; resultZh: string; detailZh?: string | null; trl: number; scaleReachedL?: number | null; ipZh?: string | null;
  domain: string; processes?: string[]; organisms?: string[]; partnerWantedZh?: string | null; districtCode: string;
}

export const DEMAND_FIELDS = ['titleZh', 'problemZh', 'targetProductZh', 'processes', 'organism', 'scaleL', 'budgetWan', 'deadline', 'domain', 'districtCode', 'biosafetyLevel', 'qualityGrade', 'trlNeeded', 'summaryZh', 'detailZh'] as const;
export const ACHIEVEMENT_FIELDS = ['titleZh', 'resultZh', 'detailZh', 'trl', 'scaleReachedL', 'ipZh', 'domain', 'processes', 'organisms', 'partnerWantedZh', 'districtCode'] as const;

interface Known { today: string; districts: ReadonlySet<string> }

const at = (path: string, zh: string, en: string): ErrorDetail => ({ path, message: `${zh}（${en}）` });
const blank = (s: string | null | undefined) => !s || !s.trim();
const isInt = (n: unknown, lo: number, hi: number) => typeof n === 'number' && Number.isInteger(n) && n >= lo && n <= hi;

function commonProblems(i: { titleZh?: string; domain?: string; districtCode?: string; processes?: string[] }, k: Known): ErrorDetail[] {
  const p: ErrorDetail[] = [];
  if (blank(i.titleZh)) p.push(at('/titleZh', '标题必填', 'the title is required'));
  if (!(DOMAINS as readonly string[]).includes(i.domain ?? '')) p.push(at('/domain', '领域应为生物化工、生物药、生物农业与食品、生物能源与环境之一', 'not one of the four domains'));
  if (!i.districtCode || !k.districts.has(i.districtCode)) p.push(at('/districtCode', '区县不存在', 'no such district'));
  (i.processes ?? []).forEach((x, n) => { if (!PROCESS_NAMES.includes(x)) p.push(at(`/processes/${n}`, `「${x}」不是已知的单元操作`, 'not a known unit operation')); });
  return p;
}

/** Problems of a whole demand (a patch is merged onto the stored one first), each naming its field. */
export function demandProblems(d: Partial<DemandInput>, k: Known): ErrorDetail[] {
  const p = commonProblems(d, k);
  if (blank(d.problemZh)) p.push(at('/problemZh', '需解决的问题必填', 'say what problem is to be solved'));
  if (blank(d.summaryZh)) p.push(at('/summaryZh', '公开摘要必填', 'the public summary is required'));
  if (d.organism !== undefined && !(ORGANISM_CODES as readonly string[]).includes(d.organism)) p.push(at('/organism', '生物体类型不在可选范围内', 'not a known organism'));
  if (!(typeof d.scaleL === 'number' && d.scaleL > 0)) p.push(at('/scaleL', '规模（升）应大于 0', 'the scale in litres is above zero'));
  if (d.budgetWan != null && !(d.budgetWan >= 0)) p.push(at('/budgetWan', '预算应为非负数', 'the budget is not below zero'));
  if (!d.deadline || !isIsoDate(d.deadline)) p.push(at('/deadline', '截止日期格式应为 YYYY-MM-DD', 'date as YYYY-MM-DD'));
  else if (d.deadline < k.today) p.push(at('/deadline', `截止日期 ${d.deadline} 已过`, 'the deadline has passed'));
  if (d.biosafetyLevel !== undefined && !isInt(d.biosafetyLevel, 1, 4)) p.push(at('/biosafetyLevel', '生物安全等级应为 1–4', 'biosafety level 1–4'));
  if (d.qualityGrade !== undefined && !(QUALITY_GRADE_CODES as readonly string[]).includes(d.qualityGrade)) p.push(at('/qualityGrade', '质量体系应为 GMP、GLP 或无', 'GMP, GLP or none'));
  if (d.trlNeeded != null && !isInt(d.trlNeeded, 1, 9)) p.push(at('/trlNeeded', '技术成熟度应为 1–9 级', 'TRL 1–9'));
  return p;
}

export function achievementProblems(a: Partial<AchievementInput>, k: Known): ErrorDetail[] {
  const p = commonProblems(a, k);
  if (blank(a.resultZh)) p.push(at('/resultZh', '成果内容必填', 'describe the result'));
  if (!isInt(a.trl, 1, 9)) p.push(at('/trl', '技术成熟度应为 1–9 级', 'TRL 1–9'));
  if (a.scaleReachedL != null && !(a.scaleReachedL >= 0)) p.push(at('/scaleReachedL', '已达规模（升）应为非负数', 'the scale reached in litres is not below zero'));
  (a.organisms ?? []).forEach((x, n) => { if (!(ORGANISM_CODES as readonly string[]).includes(x)) p.push(at(`/organisms/${n}`, `「${x}」不是已知的生物体类型`, 'not a known organism')); });
  return p;
}

// ---- Life of an item ------------------------------------------------------------------------

/** A published item past its expiry day, or a demand past its deadline, has lapsed: both days are still valid. */
export const hasLapsed = (i: { expiresOn: string | null; deadline?: string | null }, today: string) =>
  (i.expiresOn != null && i.expiresOn < today) || (i.deadline != null && i.deadline < today);

/** The state a reader sees: a published item that has lapsed is expired even before the sweep marks it. */
export function effectiveState(i: { state: string; expiresOn: string | null; deadline?: string | null }, today: string): ItemState {
  return (i.state === 'published' && hasLapsed(i, today) ? 'expired' : i.state) as ItemState;
}

/** Publication day + 180 days, or the demand's deadline if sooner. */
export function expiryOn(publishedOn: string, deadline?: string | null): string {
  const shelf = addDays(publishedOn, SHELF_DAYS);
  return deadline && deadline < shelf ? deadline : shelf;
}

export type ItemAction = 'edit' | 'submit' | 'publish' | 'return' | 'renew' | 'close';

/** From which (effective) states each action starts. */
export const ACTION_FROM: Record<ItemAction, readonly ItemState[]> = {
  edit: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  publish: ['submitted'],
  return: ['submitted'],
  renew: ['expired'],
  close: ['draft', 'submitted', 'published', 'returned', 'expired'],
};

export const ACTION_TO: Record<Exclude<ItemAction, 'edit'>, ItemState> = { submit: 'submitted', publish: 'published', return: 'returned', renew: 'submitted', close: 'closed' };

const ACTION_NAMES: Record<ItemAction, Bilingual> = {
  edit: { zh: '修改', en: 'edited' }, submit: { zh: '提交审核', en: 'submitted' }, publish: { zh: '发布', en: 'published' },
  return: { zh: '退回', en: 'returned' }, renew: { zh: '续期', en: 'renewed' }, close: { zh: '关闭', en: 'closed' },
};

/** Why an item in this state cannot take this action, or null when it can. */
export function actionProblem(action: ItemAction, state: ItemState): Bilingual | null {
  if (ACTION_FROM[action].includes(state)) return null;
  const from = ACTION_FROM[action];
  return {
    zh: `「${ITEM_STATES[state].zh}」状态的条目不能${ACTION_NAMES[action].zh}（仅限${from.map((s) => ITEM_STATES[s].zh).join('、')}）`,
    en: `An item that is ${ITEM_STATES[state].en.toLowerCase()} cannot be ${ACTION_NAMES[action].en} (only ${from.map((s) => ITEM_STATES[s].en.toLowerCase()).join(', ')})`,
  };
}

/** What the caller may do next, for the screens; the services check again. */
export function mayOf(state: ItemState, who: { keeper: boolean; taskForce: boolean }) {
  const can = (a: ItemAction) => ACTION_FROM[a].includes(state);
  return {
    edit: who.keeper && can('edit'), submit: who.keeper && can('submit'), renew: who.keeper && can('renew'), close: who.keeper && can('close'),
    review: who.taskForce && can('publish'),
  };
}

// ---- What each reader sees ------------------------------------------------------------------

/** Read by anyone once published. */
export const PUBLIC_KEYS: Record<ItemKind, readonly string[]> = {
  demand: ['id', 'code', 'organisationId', 'organisationNameZh', 'enterpriseId', 'titleZh', 'problemZh', 'targetProductZh', 'processes', 'organism', 'scaleL',
    'deadline', 'domain', 'districtCode', 'districtNameZh', 'biosafetyLevel', 'qualityGrade', 'trlNeeded', 'summaryZh', 'state', 'publishedAt', 'expiresOn'],
  achievement: ['id', 'code', 'organisationId', 'organisationNameZh', 'titleZh', 'resultZh', 'trl', 'scaleReachedL', 'ipZh', 'domain', 'processes', 'organisms',
    'partnerWantedZh', 'districtCode', 'districtNameZh', 'state', 'publishedAt', 'expiresOn'],
};
/** The confidential detail: the owner, the task force and parties the owner accepted. */
export const CONFIDENTIAL_KEYS: Record<ItemKind, readonly string[]> = { demand: ['detailZh', 'budgetWan'], achievement: ['detailZh'] };
/** The review and the record's bookkeeping: the owner and the task force. */
export const KEEPER_KEYS = ['postedBy', 'reviewNoteZh', 'reviewedBy', 'reviewedAt', 'isDemo', 'createdAt', 'updatedAt'] as const;

export type Audience = 'public' | 'party' | 'keeper';

/** The item as this audience may read it: keys it may not read are absent, never null. */
export function viewOf(kind: ItemKind, row: Record<string, unknown>, audience: Audience): Record<string, unknown> {
  const keys = [...PUBLIC_KEYS[kind], ...(audience === 'public' ? [] : CONFIDENTIAL_KEYS[kind]), ...(audience === 'keeper' ? KEEPER_KEYS : [])];
  const out: Record<string, unknown> = {};
  for (const k of keys) if (k in row) out[k] = row[k];
  out.detailOpen = audience !== 'public';
  return out;
}

// ---- Editions ---------------------------------------------------------------------------------

/** 《生产需求清单》（2026年第1版）. */
export const editionTitle = (list: ListCode, year: string | number, number: number) => `《${LISTS[list].zh}》（${Number(year)}年第${number}版）`;

/** What an edition keeps of a demand or an achievement: its public fields as they were, never the detail. */
export function itemSnapshot(kind: ItemKind, row: Record<string, unknown>): Record<string, unknown> {
  const { detailOpen: _d, state: _s, ...pub } = viewOf(kind, row, 'public');
  return pub;
}

export interface AtlasBase {
  id: string; code: string; nameZh: string; nameEn: string | null; operatorZh: string; districtCode: string; districtNameZh: string | null; addressZh: string | null;
  tier: string; recognisedOn: string | null; recognisedByZh: string | null; domains: string[]; allianceMember: boolean; lng: number | null; lat: number | null;
  summaryZh: string | null; contactZh: string | null;
}
export interface AtlasPlatform { id: string; baseId: string; code: string; nameZh: string; summaryZh: string | null }
export interface AtlasCapability {
  platformId: string; nameZh: string; processes: string[]; organisms: string[]; volumeMinL: number; volumeMaxL: number; qualityGrade: string; biosafetyLevel: number;
  descriptionZh?: string | null;
}

const distinct = <T>(xs: T[]) => [...new Set(xs)];
const GRADE_ORDER = ['GMP', 'GLP', 'none'];

/** A base in the atlas: its platforms and what they can do, and the summary the map and the document show. */
export function atlasSnapshot(base: AtlasBase, platforms: AtlasPlatform[], capabilities: AtlasCapability[]): Record<string, unknown> {
  const own = platforms.filter((p) => p.baseId === base.id);
  const caps = capabilities.filter((c) => own.some((p) => p.id === c.platformId));
  return {
    ...base,
    platforms: own.map((p) => ({
      code: p.code, nameZh: p.nameZh, summaryZh: p.summaryZh,
      capabilities: caps.filter((c) => c.platformId === p.id).map(({ platformId: _p, ...c }) => c),
    })),
    processes: distinct(caps.flatMap((c) => c.processes)),
    organisms: distinct(caps.flatMap((c) => c.organisms)),
    volumeMinL: caps.length ? Math.min(...caps.map((c) => c.volumeMinL)) : null,
    volumeMaxL: caps.length ? Math.max(...caps.map((c) => c.volumeMaxL)) : null,
    qualityGrades: distinct(caps.map((c) => c.qualityGrade)).sort((a, b) => GRADE_ORDER.indexOf(a) - GRADE_ORDER.indexOf(b)),
    biosafetyLevel: caps.length ? Math.max(...caps.map((c) => c.biosafetyLevel)) : null,
  };
}

/** Items per domain; an atlas base counts under each of its domains. */
export function countsByDomain(list: ListCode, snapshots: Record<string, unknown>[]): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(DOMAINS.map((d) => [d, 0]));
  for (const s of snapshots) {
    const ds = list === 'atlas' ? ((s.domains as string[] | undefined) ?? []) : [s.domain as string];
    for (const d of distinct(ds)) if (d in out) out[d]++;
  }
  return out;
}
