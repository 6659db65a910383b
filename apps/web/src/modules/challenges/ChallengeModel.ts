import type { ErrorDetail } from '../../app/api';
import type { ChallengeDetail, Indicator, TimelineStep } from './api';
import { CHALLENGE_DEFAULTS, COMPARATORS, DEFAULT_RUBRIC, type Comparator, type RubricCriterion } from './labels';

/**
 * The pure rules of the challenge pages: the countdown to a deadline, the challenge form's values
 * and the body the server takes, the problems the form shows before sending (the same rules as the
 * server's model/challenges.ts `challengeProblems`, which still decides), and the timeline's steps.
 */

const msg = (zh: string, en: string) => `${zh}（${en}）`;
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isInt = (x: unknown): x is number => Number.isInteger(x);

// --- The countdown ---------------------------------------------------------------------------

export interface Countdown { closed: boolean; days: number; hours: number; minutes: number; seconds: number; zh: string; en: string; urgent: boolean }

/** Time left until a deadline, by the browser's clock (the server's clock decides; this only shows). */
export function countdown(deadline: string | Date, now: Date = new Date()): Countdown {
  const ms = new Date(deadline).getTime() - now.getTime();
  if (!(ms > 0)) return { closed: true, days: 0, hours: 0, minutes: 0, seconds: 0, zh: '已截止', en: 'Closed', urgent: false };
  const s = Math.floor(ms / 1000);
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  const [zh, en] = days > 0
    ? [`剩 ${days} 天 ${hours} 小时`, `${days} d ${hours} h left`]
    : hours > 0 ? [`剩 ${hours} 小时 ${minutes} 分`, `${hours} h ${minutes} min left`]
      : [`剩 ${minutes} 分 ${seconds} 秒`, `${minutes} min ${seconds} s left`];
  return { closed: false, days, hours, minutes, seconds, zh, en, urgent: days < 3 };
}

// --- The challenge form ----------------------------------------------------------------------

export interface IndicatorValues { nameZh?: string; comparator?: Comparator; targetValue?: number | null; unit?: string | null; methodZh?: string | null }

/** The form's values; the deadline is an ISO instant (the page's picker converts). */
export interface ChallengeFormValues {
  needId?: string | null;
  titleZh?: string; titleEn?: string | null; summaryZh?: string | null;
  fields?: string[]; domain?: string | null;
  mode?: 'single' | 'parallel'; fundingWan?: number | null; maxTeams?: number | null; durationMonths?: number | null;
  eligibilityZh?: string | null; maxMembers?: number | null; requiresUserEnterprise?: boolean;
  deadline?: string | null; blind?: boolean; reviewersPerApplication?: number | null; noticeDays?: number | null;
  rubric?: RubricCriterion[]; indicators?: IndicatorValues[];
}

export const newChallengeValues = (): ChallengeFormValues => ({
  mode: 'single', maxTeams: 1, fields: [], durationMonths: 24, ...CHALLENGE_DEFAULTS,
  rubric: DEFAULT_RUBRIC.map((c) => ({ ...c })), indicators: [{ comparator: '>=' }],
});

/** A stored challenge as the form's values (editing a draft). */
export function challengeFormValues(c: ChallengeDetail): ChallengeFormValues {
  return {
    needId: c.needId, titleZh: c.titleZh, titleEn: c.titleEn, summaryZh: c.summaryZh, fields: c.fields, domain: c.domain, mode: c.mode, fundingWan: c.fundingWan,
    maxTeams: c.maxTeams, durationMonths: c.durationMonths, eligibilityZh: c.eligibilityZh, maxMembers: c.maxMembers, requiresUserEnterprise: c.requiresUserEnterprise,
    deadline: c.deadline, blind: c.blind, reviewersPerApplication: c.reviewersPerApplication ?? CHALLENGE_DEFAULTS.reviewersPerApplication, noticeDays: c.noticeDays,
    rubric: (c.rubric?.length ? c.rubric : DEFAULT_RUBRIC).map((x) => ({ ...x })),
    indicators: c.indicators.map((i) => ({ nameZh: i.nameZh, comparator: i.comparator, targetValue: i.targetValue, unit: i.unit, methodZh: i.methodZh })),
  };
}

/** What a catalog need gives a new challenge (as the server's `fromNeed`): title, field keyword, domain, goals, indicators (≥), mode, funding. */
export interface NeedSeed {
  id: string; titleZh: string; field: string; fieldOtherZh: string | null; domain: string; expectedOutcomeZh: string;
  indicators: { nameZh: string; targetValue: number; unit: string | null }[]; suggestedMode: string | null; fundingWan: number | null;
}
export function valuesFromNeed(n: NeedSeed, fieldNames: Record<string, { zh: string }>): Partial<ChallengeFormValues> {
  const field = n.field === 'other' ? n.fieldOtherZh ?? '' : fieldNames[n.field]?.zh ?? n.field;
  const mode = n.suggestedMode === 'parallel' ? 'parallel' : n.suggestedMode === 'single' ? 'single' : undefined;
  return {
    needId: n.id, titleZh: n.titleZh, summaryZh: n.expectedOutcomeZh, fields: field ? [field] : [], domain: n.domain,
    ...(mode ? { mode, maxTeams: mode === 'parallel' ? 2 : 1 } : {}), ...(n.fundingWan != null ? { fundingWan: n.fundingWan } : {}),
    indicators: n.indicators.map((i) => ({ nameZh: i.nameZh, comparator: '>=' as const, targetValue: i.targetValue, unit: i.unit ?? '' })),
  };
}

const text = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** The body the server's POST / PATCH /api/challenges take: trimmed text, blank optional text as null, a single award funds one team. */
export function challengeBody(v: ChallengeFormValues) {
  const mode = v.mode ?? 'single';
  return {
    ...(v.needId ? { needId: v.needId } : {}),
    titleZh: v.titleZh?.trim() ?? '', titleEn: text(v.titleEn), summaryZh: text(v.summaryZh),
    fields: [...new Set((v.fields ?? []).map((f) => f.trim()).filter(Boolean))], domain: v.domain ?? null, mode,
    fundingWan: v.fundingWan ?? 0, maxTeams: mode === 'single' ? 1 : v.maxTeams ?? 2, durationMonths: v.durationMonths ?? 0,
    eligibilityZh: text(v.eligibilityZh), maxMembers: v.maxMembers ?? CHALLENGE_DEFAULTS.maxMembers, requiresUserEnterprise: !!v.requiresUserEnterprise,
    deadline: v.deadline ?? '', blind: v.blind ?? true, reviewersPerApplication: v.reviewersPerApplication ?? CHALLENGE_DEFAULTS.reviewersPerApplication,
    noticeDays: v.noticeDays ?? CHALLENGE_DEFAULTS.noticeDays,
    rubric: (v.rubric ?? DEFAULT_RUBRIC).map((c) => ({ key: c.key?.trim() ?? '', nameZh: c.nameZh?.trim() ?? '', nameEn: c.nameEn?.trim() || c.nameZh?.trim() || '', weight: c.weight ?? 0, max: c.max ?? 0 })),
    indicators: (v.indicators ?? []).map((i) => ({ nameZh: i.nameZh?.trim() ?? '', comparator: i.comparator ?? '>=', targetValue: i.targetValue as number, unit: text(i.unit), methodZh: text(i.methodZh) })),
  };
}

export const rubricWeightSum = (rubric: readonly Partial<RubricCriterion>[] | undefined) =>
  Math.round((rubric ?? []).reduce((s, c) => s + (isNum(c.weight) ? c.weight : 0), 0) * 100) / 100;

/**
 * What the form refuses before sending, each naming its field as the server does. `publishing`:
 * the deadline must be ahead (a draft may be saved with any deadline).
 */
export function challengeFormProblems(v: ChallengeFormValues, k: { now: Date; publishing: boolean }): ErrorDetail[] {
  const p: ErrorDetail[] = [];
  const b = challengeBody(v);
  if (!b.titleZh) p.push({ path: '/titleZh', message: msg('榜单名称必填', 'the title is required') });
  if (!b.fields.length) p.push({ path: '/fields', message: msg('至少填写一个领域关键词（专家按其匹配）', 'at least one field keyword; reviewers are matched on them') });
  if (!(isNum(v.fundingWan) && v.fundingWan > 0)) p.push({ path: '/fundingWan', message: msg('支持经费（万元）须大于 0', 'the funding must be above 0') });
  if (b.mode === 'parallel' && !(isInt(v.maxTeams) && v.maxTeams >= 2)) p.push({ path: '/maxTeams', message: msg('并行资助至少支持两个团队', 'parallel funding funds at least two teams') });
  if (!(isInt(v.durationMonths) && v.durationMonths >= 1 && v.durationMonths <= 120)) p.push({ path: '/durationMonths', message: msg('实施期限为 1–120 个月', 'the duration is 1 to 120 months') });
  if (!(isInt(b.maxMembers) && b.maxMembers >= 0 && b.maxMembers <= 20)) p.push({ path: '/maxMembers', message: msg('联合体成员数上限为 0–20', 'the most members is 0 to 20') });
  if (!(isInt(b.reviewersPerApplication) && b.reviewersPerApplication >= 1 && b.reviewersPerApplication <= 15)) p.push({ path: '/reviewersPerApplication', message: msg('每份申请评审专家数为 1–15', 'reviewers per application: 1 to 15') });
  if (!(isInt(b.noticeDays) && b.noticeDays >= 1 && b.noticeDays <= 60)) p.push({ path: '/noticeDays', message: msg('公示期为 1–60 天', 'the notice period is 1 to 60 days') });
  const deadline = b.deadline ? new Date(b.deadline) : null;
  if (!deadline || Number.isNaN(deadline.getTime())) p.push({ path: '/deadline', message: msg('截止时间必填', 'the deadline is required') });
  else if (k.publishing && deadline.getTime() <= k.now.getTime()) p.push({ path: '/deadline', message: msg('截止时间须晚于发布时间', 'the deadline must be in the future when publishing') });
  const sum = rubricWeightSum(b.rubric);
  if (!b.rubric.length) p.push({ path: '/rubric', message: msg('评分细则至少一项', 'the rubric needs at least one criterion') });
  else if (sum !== 100) p.push({ path: '/rubric', message: msg(`各项权重之和应为 100，现为 ${sum}`, `the weights must add up to 100, not ${sum}`) });
  const keys = new Set<string>();
  b.rubric.forEach((c, i) => {
    if (!c.key) p.push({ path: `/rubric/${i}/key`, message: msg('评分项须有标识', 'a criterion needs a key') });
    else if (keys.has(c.key)) p.push({ path: `/rubric/${i}/key`, message: msg(`评分项标识 ${c.key} 重复`, `criterion key ${c.key} is repeated`) });
    keys.add(c.key);
    if (!c.nameZh) p.push({ path: `/rubric/${i}/nameZh`, message: msg('评分项名称必填', 'a criterion needs a name') });
    if (!(c.max > 0)) p.push({ path: `/rubric/${i}/max`, message: msg('满分须大于 0', 'the maximum must be above 0') });
    if (!(c.weight >= 0)) p.push({ path: `/rubric/${i}/weight`, message: msg('权重不能为负', 'a weight cannot be negative') });
  });
  if (!b.indicators.length) p.push({ path: '/indicators', message: msg('至少需要一项可量化的验收指标', 'at least one measurable acceptance indicator is required') });
  b.indicators.forEach((x, i) => {
    if (!x.nameZh) p.push({ path: `/indicators/${i}/nameZh`, message: msg('指标名称必填', 'the indicator needs a name') });
    if (!COMPARATORS.includes(x.comparator)) p.push({ path: `/indicators/${i}/comparator`, message: msg('比较方式须为 >=、<= 或 =', 'the comparator is >=, <= or =') });
    if (!isNum(x.targetValue)) p.push({ path: `/indicators/${i}/targetValue`, message: msg('目标值必填且须为数字', 'the target value is a required number') });
  });
  return p;
}

/** A server path (/indicators/0/nameZh) as an antd form field name (['indicators', 0, 'nameZh']). */
export function fieldName(path: string): (string | number)[] {
  return path.replace(/^\//, '').split('/').filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Problems as antd `form.setFields` entries, several on one field joined. */
export function formFields(problems: readonly ErrorDetail[]) {
  const by = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const p of problems) {
    const key = p.path || '/';
    const e = by.get(key) ?? { name: fieldName(p.path), errors: [] };
    e.errors.push(p.message);
    by.set(key, e);
  }
  return [...by.values()].filter((e) => e.name.length);
}

/** An indicator in words: 产率 ≥ 120 g/L. */
export const indicatorText = (i: Pick<Indicator, 'nameZh' | 'comparator' | 'targetValue' | 'unit'>) =>
  `${i.nameZh} ${i.comparator === '>=' ? '≥' : i.comparator === '<=' ? '≤' : '='} ${i.targetValue}${i.unit ? ` ${i.unit}` : ''}`;

// --- The timeline ----------------------------------------------------------------------------

export type StepState = 'finish' | 'process' | 'wait' | 'error';

/**
 * The timeline's steps as the page draws them: done steps finished, the first not done the
 * current one (an error when the challenge was cancelled), the rest waiting; a planned date says so.
 */
export function timelineView(steps: readonly TimelineStep[], status: string) {
  const current = steps.findIndex((s) => !s.done);
  return steps.map((s, i) => ({
    key: s.key, zh: s.zh, en: s.en,
    state: (s.done ? 'finish' : i === current ? (status === 'cancelled' ? 'error' : 'process') : 'wait') as StepState,
    date: s.on ?? (s.at ? s.at.slice(0, 10) : null),
    planned: s.planned && !s.done,
    noteZh: s.noteZh,
  }));
}
