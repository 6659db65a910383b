import type { ErrorDetail } from '../../../platform/http/errors.js';
import type { RubricCriterion } from '../schema.js';
import { CHALLENGE_STATUSES, DEFAULT_RUBRIC, type ChallengeMode, type ChallengeStatus } from './labels.js';

/**
 * A challenge's rules, pure: what a draft may hold, what publishing needs, which moves the core
 * part makes, and what the public sees of it.
 */

export const COMPARATORS = ['>=', '<=', '='] as const;
export type Comparator = (typeof COMPARATORS)[number];

export interface IndicatorInput { nameZh: string; comparator: Comparator; targetValue: number; unit?: string | null; methodZh?: string | null }

export interface ChallengeInput {
  needId?: string | null;
  titleZh: string;
  titleEn?: string | null;
  /** Goals (揭榜目标). */
  summaryZh?: string | null;
  fields: string[];
  domain?: string | null;
  mode: ChallengeMode;
  fundingWan: number;
  maxTeams?: number;
  durationMonths: number;
  eligibilityZh?: string | null;
  maxMembers?: number;
  requiresUserEnterprise?: boolean;
  /** An instant (ISO 8601); the server's clock decides whether it has passed. */
  deadline: string;
  blind?: boolean;
  reviewersPerApplication?: number;
  rubric?: RubricCriterion[] | null;
  noticeDays?: number;
  indicators: IndicatorInput[];
}

/** The fields a draft carries (indicators apart); a patch names any of them. */
export const CHALLENGE_FIELDS = [
  'needId', 'titleZh', 'titleEn', 'summaryZh', 'fields', 'domain', 'mode', 'fundingWan', 'maxTeams', 'durationMonths', 'eligibilityZh',
  'maxMembers', 'requiresUserEnterprise', 'deadline', 'blind', 'reviewersPerApplication', 'rubric', 'noticeDays',
] as const;

/** The defaults a new draft takes for what is not given. */
export const CHALLENGE_DEFAULTS = { maxMembers: 4, requiresUserEnterprise: false, blind: true, reviewersPerApplication: 5, noticeDays: 7 } as const;

const msg = (zh: string, en: string) => `${zh}（${en}）`;
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isInt = (x: unknown): x is number => Number.isInteger(x);

/** The rubric: weights add up to 100, each criterion's maximum above zero, keys distinct. */
export function rubricProblems(rubric: readonly RubricCriterion[]): ErrorDetail[] {
  const p: ErrorDetail[] = [];
  if (!rubric.length) return [{ path: '/rubric', message: msg('评分细则至少一项', 'the rubric needs at least one criterion') }];
  const keys = new Set<string>();
  rubric.forEach((c, i) => {
    if (!c.key?.trim()) p.push({ path: `/rubric/${i}/key`, message: msg('评分项须有标识', 'a criterion needs a key') });
    else if (keys.has(c.key)) p.push({ path: `/rubric/${i}/key`, message: msg(`评分项标识 ${c.key} 重复`, `criterion key ${c.key} is repeated`) });
    keys.add(c.key);
    if (!c.nameZh?.trim()) p.push({ path: `/rubric/${i}/nameZh`, message: msg('评分项名称必填', 'a criterion needs a name') });
    if (!(isNum(c.max) && c.max > 0)) p.push({ path: `/rubric/${i}/max`, message: msg('满分须大于 0', 'the maximum must be above 0') });
    if (!(isNum(c.weight) && c.weight >= 0)) p.push({ path: `/rubric/${i}/weight`, message: msg('权重不能为负', 'a weight cannot be negative') });
  });
  const sum = rubric.reduce((s, c) => s + (isNum(c.weight) ? c.weight : 0), 0);
  if (Math.abs(sum - 100) > 1e-9) p.push({ path: '/rubric', message: msg(`各项权重之和应为 100，现为 ${sum}`, `the weights must add up to 100, not ${sum}`) });
  return p;
}

export function indicatorProblems(indicators: readonly IndicatorInput[] | undefined): ErrorDetail[] {
  if (!indicators?.length) return [{ path: '/indicators', message: msg('至少需要一项可量化的验收指标', 'at least one measurable acceptance indicator is required') }];
  const p: ErrorDetail[] = [];
  indicators.forEach((x, i) => {
    if (!x.nameZh?.trim()) p.push({ path: `/indicators/${i}/nameZh`, message: msg('指标名称必填', 'the indicator needs a name') });
    if (!COMPARATORS.includes(x.comparator)) p.push({ path: `/indicators/${i}/comparator`, message: msg('比较方式须为 >=、<= 或 =', 'the comparator is >=, <= or =') });
    if (!isNum(x.targetValue)) p.push({ path: `/indicators/${i}/targetValue`, message: msg('目标值必填且须为数字', 'the target value is a required number') });
  });
  return p;
}

/**
 * Problems of a draft as it will be stored. Every draft is whole (the form sends all its fields);
 * only the deadline's being in the future waits for publishing, which checks it against `now`.
 */
export function challengeProblems(c: Partial<ChallengeInput>, k: { now: Date; publishing: boolean }): ErrorDetail[] {
  const p: ErrorDetail[] = [];
  if (!c.titleZh?.trim()) p.push({ path: '/titleZh', message: msg('榜单名称必填', 'the title is required') });
  const fields = (c.fields ?? []).filter((f) => f.trim());
  if (!fields.length) p.push({ path: '/fields', message: msg('至少填写一个领域关键词（专家按其匹配）', 'at least one field keyword is required; reviewers are matched on them') });
  if (c.mode !== 'single' && c.mode !== 'parallel') p.push({ path: '/mode', message: msg('方式须为揭榜挂帅或并行资助', 'the mode is single or parallel') });
  if (!(isNum(c.fundingWan) && c.fundingWan > 0)) p.push({ path: '/fundingWan', message: msg('支持经费（万元）须大于 0', 'the funding (10k yuan) must be above 0') });
  const teams = c.maxTeams ?? 1;
  if (c.mode === 'single' && teams !== 1) p.push({ path: '/maxTeams', message: msg('揭榜挂帅只支持一个团队', 'a single-award challenge funds one team') });
  if (c.mode === 'parallel' && !(isInt(teams) && teams >= 2)) p.push({ path: '/maxTeams', message: msg('并行资助至少支持两个团队', 'parallel funding funds at least two teams') });
  if (!(isInt(c.durationMonths) && c.durationMonths >= 1 && c.durationMonths <= 120)) p.push({ path: '/durationMonths', message: msg('实施期限为 1–120 个月', 'the duration is 1 to 120 months') });
  if (c.maxMembers !== undefined && !(isInt(c.maxMembers) && c.maxMembers >= 0 && c.maxMembers <= 20)) p.push({ path: '/maxMembers', message: msg('联合体成员数上限为 0–20', 'the most members is 0 to 20') });
  if (c.reviewersPerApplication !== undefined && !(isInt(c.reviewersPerApplication) && c.reviewersPerApplication >= 1 && c.reviewersPerApplication <= 15))
    p.push({ path: '/reviewersPerApplication', message: msg('每份申请评审专家数为 1–15', 'reviewers per application: 1 to 15') });
  if (c.noticeDays !== undefined && !(isInt(c.noticeDays) && c.noticeDays >= 1 && c.noticeDays <= 60)) p.push({ path: '/noticeDays', message: msg('公示期为 1–60 天', 'the notice period is 1 to 60 days') });
  const deadline = c.deadline ? new Date(c.deadline) : null;
  if (!deadline || Number.isNaN(deadline.getTime())) p.push({ path: '/deadline', message: msg('截止时间必填（ISO 8601）', 'the deadline is a required instant (ISO 8601)') });
  else if (k.publishing && deadline.getTime() <= k.now.getTime()) p.push({ path: '/deadline', message: msg('截止时间须晚于发布时间', 'the deadline must be in the future when publishing') });
  p.push(...rubricProblems(c.rubric ?? DEFAULT_RUBRIC));
  p.push(...indicatorProblems(c.indicators));
  return p;
}

/** Field keywords trimmed, blank ones dropped, each once in the order given. */
export const cleanFields = (fields: readonly string[]) => [...new Set(fields.map((f) => f.trim()).filter(Boolean))];

/** The moves this part makes, and the statuses each starts from. Review and delivery make the later ones. */
export const CORE_MOVES = {
  edit: ['draft'],
  publish: ['draft'],
  extend: ['open'],
  startReview: ['open'],
  cancel: ['draft', 'open', 'review'],
} as const satisfies Record<string, readonly ChallengeStatus[]>;
export type CoreMove = keyof typeof CORE_MOVES;

const MOVE_NAMES: Record<CoreMove, { zh: string; en: string }> = {
  edit: { zh: '修改', en: 'edited' },
  publish: { zh: '发布', en: 'published' },
  extend: { zh: '延长截止时间', en: 'have its deadline extended' },
  startReview: { zh: '转入评审', en: 'moved to review' },
  cancel: { zh: '取消', en: 'cancelled' },
};

/** Why a move cannot start from a status, or null when it can. */
export function moveProblem(move: CoreMove, status: string): { zh: string; en: string } | null {
  if ((CORE_MOVES[move] as readonly string[]).includes(status)) return null;
  const s = CHALLENGE_STATUSES[status as ChallengeStatus] ?? { zh: status, en: status };
  return { zh: `榜单处于「${s.zh}」状态，不能${MOVE_NAMES[move].zh}`, en: `A challenge that is ${s.en.toLowerCase()} cannot be ${MOVE_NAMES[move].en}` };
}

/** What anyone reads of a published challenge: no author, search tokens, review set-up or demo flag. */
export const PUBLIC_CHALLENGE_FIELDS = [
  'id', 'code', 'needId', 'titleZh', 'titleEn', 'summaryZh', 'fields', 'domain', 'mode', 'fundingWan', 'maxTeams', 'durationMonths', 'eligibilityZh',
  'maxMembers', 'requiresUserEnterprise', 'deadline', 'blind', 'rubric', 'noticeDays', 'status', 'organiserId', 'organiserNameZh', 'publishedAt',
  'cancelledAt', 'cancelReasonZh',
] as const;

export const pick = <T extends object, K extends string>(o: T, keys: readonly K[]) =>
  Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, (o as Record<string, unknown>)[k]])) as Pick<T, K & keyof T>;
