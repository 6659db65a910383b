import type { Bilingual, ErrorDetail } from '../../../platform/http/errors.js';
import type { NeedIndicator } from '../schema.catalog.js';
import { DOMAINS, MODES, NEED_FIELDS, NEED_STATUSES, codesOf, type ChallengeMode, type NeedField } from './labels.js';

/**
 * The rules of the technology-need catalog without a database: what a valid need is, how its
 * life moves and who moves it, what of it the public reads, and what an edition keeps of it.
 */

export type NeedStatus = keyof typeof NEED_STATUSES;
export const NEED_FIELD_CODES = codesOf(NEED_FIELDS);
export const NEED_STATUS_CODES = codesOf(NEED_STATUSES);
export const MODE_CODES = codesOf(MODES);

export interface NeedInput {
  titleZh: string; field: NeedField; fieldOtherZh?: string | null; domain: string;
  problemZh: string; currentLevelZh: string; indicators: NeedIndicator[]; expectedOutcomeZh: string;
  contactNameZh: string; contactPhone?: string | null; contactEmail?: string | null;
  suggestedMode?: ChallengeMode | null; fundingWan?: number | null;
}

/** The fields a raiser writes, in the order forms and sheets show them. */
export const NEED_INPUT_FIELDS = [
  'titleZh', 'field', 'fieldOtherZh', 'domain', 'problemZh', 'currentLevelZh', 'indicators', 'expectedOutcomeZh',
  'contactNameZh', 'contactPhone', 'contactEmail', 'suggestedMode', 'fundingWan',
] as const;

export const MAX_INDICATORS = 20;
/** 万元; a need's suggested funding above 10 亿元 is a typing error, not a need. */
export const MAX_FUNDING_WAN = 100_000;

const at = (path: string, zh: string, en: string): ErrorDetail => ({ path, message: `${zh}（${en}）` });
const blank = (s: unknown) => typeof s !== 'string' || !s.trim();
const PHONE = /^[+\d][\d\s-]{5,19}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Problems of a whole need (a patch is merged onto the stored one first), each naming its field. */
export function needProblems(n: Partial<NeedInput>): ErrorDetail[] {
  const p: ErrorDetail[] = [];
  if (blank(n.titleZh)) p.push(at('/titleZh', '需求名称必填', 'the title is required'));
  if (!(NEED_FIELD_CODES as string[]).includes(n.field ?? '')) p.push(at('/field', '技术领域应为 DNA/RNA 底层技术、超高通量筛选、蛋白质与细胞设计、新材料合成或其他', 'not one of the catalog\'s fields'));
  else if (n.field === 'other' && blank(n.fieldOtherZh)) p.push(at('/fieldOtherZh', '技术领域选「其他」时须写明具体领域', 'name the field when it is "other"'));
  if (!(DOMAINS as readonly string[]).includes(n.domain ?? '')) p.push(at('/domain', '产业领域应为生物化工、生物药、生物农业与食品、生物能源与环境之一', 'not one of the four domains'));
  if (blank(n.problemZh)) p.push(at('/problemZh', '须说明「卡脖子」问题', 'state the problem to be solved'));
  if (blank(n.currentLevelZh)) p.push(at('/currentLevelZh', '须说明国内外现状', 'state the current level at home and abroad'));
  if (blank(n.expectedOutcomeZh)) p.push(at('/expectedOutcomeZh', '须说明预期成果', 'state the expected outcome'));
  if (blank(n.contactNameZh)) p.push(at('/contactNameZh', '联系人必填', 'name a contact'));
  if (n.contactPhone != null && n.contactPhone !== '' && !PHONE.test(n.contactPhone)) p.push(at('/contactPhone', '联系电话格式不正确', 'not a phone number'));
  if (n.contactEmail != null && n.contactEmail !== '' && !EMAIL.test(n.contactEmail)) p.push(at('/contactEmail', '电子邮箱格式不正确', 'not an e-mail address'));
  if (n.suggestedMode != null && !(MODE_CODES as string[]).includes(n.suggestedMode)) p.push(at('/suggestedMode', '组织方式应为揭榜挂帅或并行资助', 'single or parallel'));
  if (n.fundingWan != null && !(typeof n.fundingWan === 'number' && Number.isFinite(n.fundingWan) && n.fundingWan >= 0 && n.fundingWan <= MAX_FUNDING_WAN)) {
    p.push(at('/fundingWan', `建议经费应在 0–${MAX_FUNDING_WAN} 万元之间`, `funding between 0 and ${MAX_FUNDING_WAN} (10k yuan)`));
  }
  const indicators = n.indicators;
  if (!Array.isArray(indicators) || !indicators.length) p.push(at('/indicators', '至少填写一项目标指标', 'state at least one target indicator'));
  else if (indicators.length > MAX_INDICATORS) p.push(at('/indicators', `目标指标不超过 ${MAX_INDICATORS} 项`, `at most ${MAX_INDICATORS} indicators`));
  else {
    indicators.forEach((x, i) => {
      if (blank(x?.nameZh)) p.push(at(`/indicators/${i}/nameZh`, '指标名称必填', 'name the indicator'));
      if (!(typeof x?.targetValue === 'number' && Number.isFinite(x.targetValue))) p.push(at(`/indicators/${i}/targetValue`, '目标值应为数字', 'the target value is a number'));
      if (typeof x?.unit !== 'string') p.push(at(`/indicators/${i}/unit`, '单位应为文本（无单位可留空）', 'the unit is text, empty when there is none'));
    });
    const names = indicators.map((x) => (typeof x?.nameZh === 'string' ? x.nameZh.trim() : ''));
    names.forEach((name, i) => { if (name && names.indexOf(name) !== i) p.push(at(`/indicators/${i}/nameZh`, `与第 ${names.indexOf(name) + 1} 项指标重名`, 'the same name as another indicator')); });
  }
  return p;
}

const trim = (s: unknown) => (typeof s === 'string' ? s.trim() : s);
const emptyToNull = (s: unknown) => (typeof s === 'string' && !s.trim() ? null : trim(s));

/** A need's fields as they are stored: text trimmed, empty optional text null, a named field only for "other". */
export function cleanNeed(n: Partial<NeedInput>): Partial<NeedInput> {
  const out = { ...n } as Record<string, unknown>;
  for (const k of ['titleZh', 'problemZh', 'currentLevelZh', 'expectedOutcomeZh', 'contactNameZh']) if (k in out) out[k] = trim(out[k]);
  for (const k of ['fieldOtherZh', 'contactPhone', 'contactEmail']) if (k in out) out[k] = emptyToNull(out[k]);
  if (out.field && out.field !== 'other') out.fieldOtherZh = null;
  if (Array.isArray(out.indicators)) {
    out.indicators = (out.indicators as NeedIndicator[]).map((x) => (x && typeof x === 'object' ? { nameZh: trim(x.nameZh), targetValue: x.targetValue, unit: typeof x.unit === 'string' ? x.unit.trim() : x.unit } : x));
  }
  return out as Partial<NeedInput>;
}

// ---- Life of a need -------------------------------------------------------------------------

export type NeedAction = 'edit' | 'submit' | 'accept' | 'return' | 'withdraw';

/**
 * From which states each action starts, and who takes it: the raiser (its organisation, or the
 * task force acting for anyone) writes and submits; organisers (task force, units) review. An
 * organiser also revises an accepted need (the next edition takes the change) and takes one out
 * of the catalog (withdraw, with the reason); the raiser may withdraw its own at any point.
 */
export const ACTION_RULES: Record<NeedAction, { raiser: readonly NeedStatus[]; organiser: readonly NeedStatus[] }> = {
  edit: { raiser: ['draft', 'returned'], organiser: ['accepted'] },
  submit: { raiser: ['draft', 'returned'], organiser: [] },
  accept: { raiser: [], organiser: ['submitted'] },
  return: { raiser: [], organiser: ['submitted'] },
  withdraw: { raiser: ['draft', 'submitted', 'returned', 'accepted'], organiser: ['accepted'] },
};

export const ACTION_TO: Record<Exclude<NeedAction, 'edit'>, NeedStatus> = { submit: 'submitted', accept: 'accepted', return: 'returned', withdraw: 'withdrawn' };

export const ACTION_NAMES: Record<NeedAction, Bilingual> = {
  edit: { zh: '修改', en: 'edited' }, submit: { zh: '提交审核', en: 'submitted' }, accept: { zh: '审核入库', en: 'accepted' },
  return: { zh: '退回', en: 'returned' }, withdraw: { zh: '撤回', en: 'withdrawn' },
};

export interface Who { raiser: boolean; organiser: boolean }

/** The states from which this caller may take the action. */
export const fromStates = (action: NeedAction, who: Who): NeedStatus[] =>
  [...new Set([...(who.raiser ? ACTION_RULES[action].raiser : []), ...(who.organiser ? ACTION_RULES[action].organiser : [])])];

/** Why this caller cannot take the action on a need in this state, or null when it can. */
export function actionProblem(action: NeedAction, status: NeedStatus, who: Who): Bilingual | null {
  const from = fromStates(action, who);
  if (from.includes(status)) return null;
  const only = from.length ? `（仅限${from.map((s) => NEED_STATUSES[s].zh).join('、')}）` : '';
  const onlyEn = from.length ? ` (only ${from.map((s) => NEED_STATUSES[s].en.toLowerCase()).join(', ')})` : '';
  return {
    zh: `「${NEED_STATUSES[status].zh}」状态的需求不能${ACTION_NAMES[action].zh}${only}`,
    en: `A need that is ${NEED_STATUSES[status].en.toLowerCase()} cannot be ${ACTION_NAMES[action].en}${onlyEn}`,
  };
}

/** What the caller may do next, for the screens; the service checks again. */
export const mayOf = (status: NeedStatus, who: Who) => ({
  edit: fromStates('edit', who).includes(status),
  submit: fromStates('submit', who).includes(status),
  review: fromStates('accept', who).includes(status),
  withdraw: fromStates('withdraw', who).includes(status),
});

// ---- What each reader sees ------------------------------------------------------------------

/** Read by anyone once a published edition holds the need; also what an edition keeps. */
export const PUBLIC_KEYS = [
  'id', 'code', 'titleZh', 'field', 'fieldOtherZh', 'domain', 'problemZh', 'currentLevelZh', 'indicators', 'expectedOutcomeZh',
  'organisationId', 'organisationNameZh', 'suggestedMode', 'fundingWan',
] as const;
/** The raiser's contact, the review and the bookkeeping: the raiser and the organisers only. */
export const KEEPER_KEYS = [
  'contactNameZh', 'contactPhone', 'contactEmail', 'status', 'reviewNoteZh', 'reviewedAt', 'submittedAt', 'acceptedAt', 'withdrawnNoteZh',
  'raisedBy', 'isDemo', 'createdAt', 'updatedAt',
] as const;

const pick = (row: Record<string, unknown>, keys: readonly string[]) => {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (k in row) out[k] = row[k];
  return out;
};

/** What an edition keeps of a need: its public fields as they are now, never the contact. */
export const needSnapshot = (row: Record<string, unknown>) => pick(row, PUBLIC_KEYS);

/** The need as a reader sees it: keys it may not read are absent, never null. */
export const needView = (row: Record<string, unknown>, full: boolean) => pick(row, full ? [...PUBLIC_KEYS, ...KEEPER_KEYS] : PUBLIC_KEYS);

// ---- Editions ---------------------------------------------------------------------------------

export const CATALOG_NAME = '重庆市生物制造产业关键核心技术需求目录';
export const CATALOG_NAME_EN = 'Chongqing biomanufacturing key core technology need catalog';

/** 《重庆市生物制造产业关键核心技术需求目录》（2026 年第 1 版）; a draft has no number yet. */
export const editionTitle = (year: number | null, number: number | null) =>
  year && number ? `《${CATALOG_NAME}》（${year} 年第 ${number} 版）` : `《${CATALOG_NAME}》（草稿）`;

/** The names of a need's fields, for problems, the diff and the sheets. */
export const NEED_FIELD_NAMES: Record<string, Bilingual> = {
  code: { zh: '编号', en: 'Code' }, titleZh: { zh: '需求名称', en: 'Title' }, field: { zh: '技术领域', en: 'Technology field' },
  fieldOtherZh: { zh: '其他领域名称', en: 'Field (other)' }, domain: { zh: '产业领域', en: 'Domain' }, problemZh: { zh: '「卡脖子」问题', en: 'Problem' },
  currentLevelZh: { zh: '国内外现状', en: 'Current level' }, indicators: { zh: '目标指标', en: 'Target indicators' }, expectedOutcomeZh: { zh: '预期成果', en: 'Expected outcome' },
  organisationNameZh: { zh: '提出单位', en: 'Raised by' }, suggestedMode: { zh: '建议组织方式', en: 'Suggested mode' }, fundingWan: { zh: '建议经费（万元）', en: 'Suggested funding (10k yuan)' },
  contactNameZh: { zh: '联系人', en: 'Contact' }, contactPhone: { zh: '联系电话', en: 'Phone' }, contactEmail: { zh: '电子邮箱', en: 'E-mail' },
};

/** Fields compared between editions: the public ones but the record's identity. */
export const DIFF_FIELDS = PUBLIC_KEYS.filter((k) => k !== 'id' && k !== 'organisationId');

/** Counts of an edition's items by technology field and by domain. */
export function countsOf(items: readonly Record<string, unknown>[]) {
  const byField: Record<string, number> = Object.fromEntries(NEED_FIELD_CODES.map((f) => [f, 0]));
  const byDomain: Record<string, number> = Object.fromEntries(DOMAINS.map((d) => [d, 0]));
  for (const i of items) {
    if (typeof i.field === 'string' && i.field in byField) byField[i.field]++;
    if (typeof i.domain === 'string' && i.domain in byDomain) byDomain[i.domain]++;
  }
  return { byField, byDomain };
}

/** 「新材料合成」 or, for "other", the field the raiser named. */
export const fieldName = (field: unknown, other?: unknown) =>
  field === 'other' && typeof other === 'string' && other ? `其他：${other}` : NEED_FIELDS[field as NeedField]?.zh ?? String(field ?? '');
