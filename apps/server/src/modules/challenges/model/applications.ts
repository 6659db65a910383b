import type { ErrorDetail } from '../../../platform/http/errors.js';
import type { ChecklistItem } from '../schema.js';
import { APPLICATION_STATUSES, type ApplicationStatus } from './labels.js';

/**
 * An application's rules, pure. Each rule is one check: the formal check's checklist shows them,
 * saving a draft refuses what is wrong already (a consortium too large, a budget over the cap),
 * and submitting refuses anything wrong or missing. One list, so the three cannot disagree.
 */

export interface MemberInput { organisationId: string; userEnterprise?: boolean; roleZh?: string | null }
export interface PersonInput { nameZh: string; organisationId?: string | null; expertId?: string | null; roleZh?: string | null }
export interface MilestoneInput { titleZh: string; month: number; deliverableZh?: string | null }
export interface BudgetLineInput { itemZh: string; amountWan: number }

export interface ApplicationInput {
  titleZh: string;
  planZh?: string;
  budgetWan?: number;
  currentTrl?: number | null;
  targetTrl?: number | null;
  /** The lead itself is the consortium's user enterprise (应用企业). */
  leadUserEnterprise?: boolean;
  members?: MemberInput[];
  people?: PersonInput[];
  milestones?: MilestoneInput[];
  budgetLines?: BudgetLineInput[];
}

export const APPLICATION_FIELDS = ['titleZh', 'planZh', 'budgetWan', 'currentTrl', 'targetTrl', 'leadUserEnterprise', 'members', 'people', 'milestones', 'budgetLines'] as const;

/** What of the challenge the rules read. */
export interface ChallengeTerms { mode: string; fundingWan: number; maxTeams: number; durationMonths: number; maxMembers: number; requiresUserEnterprise: boolean }

/** What the rules know of the world: the lead, and the organisations and experts the input names. */
export interface Known { leadOrganisationId: string; organisationKinds: ReadonlyMap<string, string>; expertIds: ReadonlySet<string> }

/**
 * The most one team may ask for: the whole funding of a single-award challenge; in parallel
 * funding the funding divided by the number of teams, times 1.5 — a team may ask for more than
 * an even share, since weaker teams are stopped at the mid-term review and their share freed.
 */
export const budgetCapOf = (c: Pick<ChallengeTerms, 'mode' | 'fundingWan' | 'maxTeams'>) =>
  c.mode === 'parallel' ? Math.round((c.fundingWan / Math.max(c.maxTeams, 1)) * 1.5 * 100) / 100 : c.fundingWan;

export const BUDGET_RULE = {
  zh: '申请经费 = 各预算科目之和，且不超过榜单支持经费；并行资助不超过 支持经费 ÷ 资助团队数 × 1.5',
  en: 'The budget equals the sum of its lines and is at most the funding; in parallel funding at most funding ÷ teams × 1.5',
};

export type CheckKey = 'title' | 'plan' | 'consortium' | 'userEnterprise' | 'team' | 'budget' | 'milestones' | 'trl';

/** One rule's outcome: problems at saving are refused on any draft, problems at submitting only when it is submitted. */
export interface Check { key: CheckKey; zh: string; en: string; detailZh: string; atSave: ErrorDetail[]; atSubmit: ErrorDetail[] }

/** The checklist the formal check shows, in this order. */
export const CHECKLIST: readonly CheckKey[] = ['consortium', 'userEnterprise', 'budget', 'milestones', 'trl', 'team', 'plan'];

const msg = (zh: string, en: string) => `${zh}（${en}）`;
const isInt = (x: unknown): x is number => Number.isInteger(x);
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const round2 = (x: number) => Math.round(x * 100) / 100;

function consortium(a: ApplicationInput, c: ChallengeTerms, k: Known): Check {
  const members = a.members ?? [];
  const atSave: ErrorDetail[] = [];
  if (members.length > c.maxMembers)
    atSave.push({ path: '/members', message: msg(`联合体成员单位至多 ${c.maxMembers} 家（牵头单位除外），现为 ${members.length} 家`, `at most ${c.maxMembers} member organisations besides the lead, not ${members.length}`) });
  const seen = new Set<string>();
  members.forEach((m, i) => {
    const path = `/members/${i}/organisationId`;
    if (m.organisationId === k.leadOrganisationId) atSave.push({ path, message: msg('牵头单位不能同时作为成员单位', 'the lead cannot also be a member') });
    else if (seen.has(m.organisationId)) atSave.push({ path, message: msg('成员单位重复', 'this member is named twice') });
    else if (!k.organisationKinds.has(m.organisationId)) atSave.push({ path, message: msg('机构不存在', 'no such organisation') });
    else if (m.userEnterprise && k.organisationKinds.get(m.organisationId) !== 'enterprise')
      atSave.push({ path: `/members/${i}/userEnterprise`, message: msg('只有企业可以作为应用企业', 'only an enterprise can be the user enterprise') });
    seen.add(m.organisationId);
  });
  if (a.leadUserEnterprise && k.organisationKinds.get(k.leadOrganisationId) !== 'enterprise')
    atSave.push({ path: '/leadUserEnterprise', message: msg('牵头单位不是企业，不能作为应用企业', 'the lead is not an enterprise, so it cannot be the user enterprise') });
  return { key: 'consortium', zh: '联合体构成', en: 'Consortium', detailZh: `牵头单位 1 家，成员单位 ${members.length} 家（上限 ${c.maxMembers} 家）`, atSave, atSubmit: [] };
}

function userEnterprise(a: ApplicationInput, c: ChallengeTerms, k: Known): Check {
  const flagged = (a.leadUserEnterprise && k.organisationKinds.get(k.leadOrganisationId) === 'enterprise') ||
    (a.members ?? []).some((m) => m.userEnterprise && k.organisationKinds.get(m.organisationId) === 'enterprise');
  const missing = c.requiresUserEnterprise && !flagged;
  return {
    key: 'userEnterprise', zh: '应用企业', en: 'User enterprise',
    detailZh: c.requiresUserEnterprise ? (flagged ? '榜单要求应用企业参与，联合体中有应用企业' : '榜单要求应用企业参与，联合体中没有') : '榜单未要求应用企业',
    atSave: [], atSubmit: missing ? [{ path: '/members', message: msg('本榜单要求联合体中有应用企业（标记为应用企业的企业）', 'this challenge requires a user enterprise (an enterprise flagged as such) in the consortium') }] : [],
  };
}

function team(a: ApplicationInput, _c: ChallengeTerms, k: Known): Check {
  const people = a.people ?? [];
  const inConsortium = new Set([k.leadOrganisationId, ...(a.members ?? []).map((m) => m.organisationId)]);
  const atSave: ErrorDetail[] = [];
  people.forEach((p, i) => {
    if (!p.nameZh?.trim()) atSave.push({ path: `/people/${i}/nameZh`, message: msg('姓名必填', 'the name is required') });
    if (p.organisationId && !inConsortium.has(p.organisationId)) atSave.push({ path: `/people/${i}/organisationId`, message: msg('团队成员须来自牵头或成员单位', 'a person comes from the lead or a member') });
    if (p.expertId && !k.expertIds.has(p.expertId)) atSave.push({ path: `/people/${i}/expertId`, message: msg('专家库中没有此专家', 'no such expert') });
  });
  const atSubmit = people.length ? [] : [{ path: '/people', message: msg('至少填写一名团队成员（项目负责人）', 'name at least one person, the team leader') }];
  return { key: 'team', zh: '团队成员', en: 'Team', detailZh: `${people.length} 人，其中专家库专家 ${people.filter((p) => p.expertId).length} 人`, atSave, atSubmit };
}

function budget(a: ApplicationInput, c: ChallengeTerms): Check {
  const cap = budgetCapOf(c);
  const lines = a.budgetLines ?? [];
  const sum = round2(lines.reduce((s, l) => s + (isNum(l.amountWan) ? l.amountWan : 0), 0));
  const b = a.budgetWan ?? 0;
  const atSave: ErrorDetail[] = [];
  if (!(isNum(b) && b >= 0)) atSave.push({ path: '/budgetWan', message: msg('申请经费不能为负', 'the budget cannot be negative') });
  else if (b > cap) atSave.push({ path: '/budgetWan', message: msg(`申请经费 ${b} 万元超过上限 ${cap} 万元（${BUDGET_RULE.zh}）`, `the budget ${b} exceeds the cap of ${cap} (${BUDGET_RULE.en})`) });
  lines.forEach((l, i) => {
    if (!l.itemZh?.trim()) atSave.push({ path: `/budgetLines/${i}/itemZh`, message: msg('预算科目名称必填', 'the budget line needs a name') });
    if (!(isNum(l.amountWan) && l.amountWan >= 0)) atSave.push({ path: `/budgetLines/${i}/amountWan`, message: msg('金额不能为负', 'the amount cannot be negative') });
  });
  const atSubmit: ErrorDetail[] = [];
  if (!(b > 0)) atSubmit.push({ path: '/budgetWan', message: msg('申请经费须大于 0', 'the budget must be above 0') });
  if (!lines.length) atSubmit.push({ path: '/budgetLines', message: msg('请填写预算科目', 'list the budget lines') });
  else if (Math.abs(sum - b) > 0.005) atSubmit.push({ path: '/budgetLines', message: msg(`预算科目合计 ${sum} 万元，与申请经费 ${b} 万元不符`, `the lines add up to ${sum}, not the budget ${b}`) });
  return { key: 'budget', zh: '经费预算', en: 'Budget', detailZh: `申请 ${b} 万元，科目合计 ${sum} 万元，上限 ${cap} 万元`, atSave, atSubmit };
}

function milestones(a: ApplicationInput, c: ChallengeTerms): Check {
  const ms = a.milestones ?? [];
  const atSave: ErrorDetail[] = [];
  ms.forEach((m, i) => {
    if (!m.titleZh?.trim()) atSave.push({ path: `/milestones/${i}/titleZh`, message: msg('里程碑名称必填', 'the milestone needs a title') });
    if (!(isInt(m.month) && m.month >= 1 && m.month <= c.durationMonths))
      atSave.push({ path: `/milestones/${i}/month`, message: msg(`里程碑月份须在第 1–${c.durationMonths} 个月内`, `the month is within the duration, 1 to ${c.durationMonths}`) });
  });
  const atSubmit = ms.length ? [] : [{ path: '/milestones', message: msg('至少填写一个里程碑', 'list at least one milestone') }];
  const last = ms.reduce((x, m) => Math.max(x, isInt(m.month) ? m.month : 0), 0);
  return { key: 'milestones', zh: '里程碑在实施期内', en: 'Milestones within the duration', detailZh: `${ms.length} 个里程碑，最晚第 ${last} 个月，实施期 ${c.durationMonths} 个月`, atSave, atSubmit };
}

function trl(a: ApplicationInput): Check {
  const atSave: ErrorDetail[] = [];
  const inRange = (x: unknown) => isInt(x) && x >= 1 && x <= 9;
  for (const k of ['currentTrl', 'targetTrl'] as const) {
    const x = a[k];
    if (x != null && !inRange(x)) atSave.push({ path: `/${k}`, message: msg('技术成熟度为 1–9 级', 'a TRL is 1 to 9') });
  }
  if (inRange(a.currentTrl) && inRange(a.targetTrl) && a.targetTrl! < a.currentTrl!)
    atSave.push({ path: '/targetTrl', message: msg('目标技术成熟度不能低于当前', 'the target TRL cannot be below the current one') });
  const atSubmit: ErrorDetail[] = [];
  for (const k of ['currentTrl', 'targetTrl'] as const) if (a[k] == null) atSubmit.push({ path: `/${k}`, message: msg('请填写技术成熟度', 'give the TRL') });
  return { key: 'trl', zh: '技术成熟度', en: 'Readiness (TRL)', detailZh: `当前 ${a.currentTrl ?? '—'} 级，目标 ${a.targetTrl ?? '—'} 级`, atSave, atSubmit };
}

function title(a: ApplicationInput): Check {
  const atSave = a.titleZh?.trim() ? [] : [{ path: '/titleZh', message: msg('申请名称必填', 'the title is required') }];
  return { key: 'title', zh: '申请名称', en: 'Title', detailZh: a.titleZh ?? '', atSave, atSubmit: [] };
}

function plan(a: ApplicationInput): Check {
  const atSubmit = a.planZh?.trim() ? [] : [{ path: '/planZh', message: msg('请填写实施方案', 'write the plan') }];
  return { key: 'plan', zh: '实施方案', en: 'Plan', detailZh: `${(a.planZh ?? '').trim().length} 字`, atSave: [], atSubmit };
}

export function applicationChecks(a: ApplicationInput, c: ChallengeTerms, k: Known): Check[] {
  return [title(a), consortium(a, c, k), userEnterprise(a, c, k), team(a, c, k), budget(a, c), milestones(a, c), trl(a), plan(a)];
}

/** What refuses saving a draft (or, `submitting`, submitting it). */
export function applicationProblems(a: ApplicationInput, c: ChallengeTerms, k: Known, submitting: boolean): ErrorDetail[] {
  return applicationChecks(a, c, k).flatMap((x) => (submitting ? [...x.atSave, ...x.atSubmit] : x.atSave));
}

/** The formal check's checklist: each rule passed or not, with what it found. */
export function checklistOf(a: ApplicationInput, c: ChallengeTerms, k: Known): ChecklistItem[] {
  const checks = new Map(applicationChecks(a, c, k).map((x) => [x.key, x]));
  return CHECKLIST.map((key) => {
    const x = checks.get(key)!;
    const problems = [...x.atSave, ...x.atSubmit];
    return { key, zh: x.zh, en: x.en, ok: !problems.length, detailZh: problems.length ? `${x.detailZh}；${problems.map((p) => p.message).join('；')}` : x.detailZh };
  });
}

/** Who moves an application in this part, and from where. */
export const APPLICATION_MOVES = {
  edit: ['draft'],
  submit: ['draft'],
  withdraw: ['draft', 'submitted'],
  formalCheck: ['submitted'],
} as const satisfies Record<string, readonly ApplicationStatus[]>;
export type ApplicationMove = keyof typeof APPLICATION_MOVES;

const MOVE_NAMES: Record<ApplicationMove, { zh: string; en: string }> = {
  edit: { zh: '修改', en: 'edited' },
  submit: { zh: '提交', en: 'submitted' },
  withdraw: { zh: '撤回', en: 'withdrawn' },
  formalCheck: { zh: '进行形式审查', en: 'formally checked' },
};

export function applicationMoveProblem(move: ApplicationMove, status: string): { zh: string; en: string } | null {
  if ((APPLICATION_MOVES[move] as readonly string[]).includes(status)) return null;
  const s = APPLICATION_STATUSES[status as ApplicationStatus] ?? { zh: status, en: status };
  return { zh: `申请处于「${s.zh}」状态，不能${MOVE_NAMES[move].zh}`, en: `An application that is ${s.en.toLowerCase()} cannot be ${MOVE_NAMES[move].en}` };
}
