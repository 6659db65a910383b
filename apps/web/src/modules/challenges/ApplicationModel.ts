import type { ErrorDetail } from '../../app/api';
import type { ApplicationDetail, ChallengePublic } from './api';

/**
 * The pure rules of the application form: values ↔ the server's body, the budget against the
 * budget rule, and the problems shown before sending — the same rules as the server's
 * model/applications.ts (saving refuses what is already wrong; submitting needs the whole), which
 * still decides: its 422 and 409 are shown on their fields.
 */

const msg = (zh: string, en: string) => `${zh}（${en}）`;
const isInt = (x: unknown): x is number => Number.isInteger(x);
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const round2 = (x: number) => Math.round(x * 100) / 100;

export interface MemberValues { organisationId?: string; nameZh?: string; kind?: string; userEnterprise?: boolean; roleZh?: string | null }
export interface PersonValues { nameZh?: string; organisationId?: string | null; roleZh?: string | null }
export interface MilestoneValues { titleZh?: string; month?: number | null; deliverableZh?: string | null }
export interface BudgetLineValues { itemZh?: string; amountWan?: number | null }

export interface ApplicationFormValues {
  titleZh?: string; planZh?: string; currentTrl?: number | null; targetTrl?: number | null; leadUserEnterprise?: boolean;
  members?: MemberValues[]; people?: PersonValues[]; milestones?: MilestoneValues[]; budgetLines?: BudgetLineValues[];
}

export type Terms = Pick<ChallengePublic, 'mode' | 'fundingWan' | 'maxTeams' | 'durationMonths' | 'maxMembers' | 'requiresUserEnterprise'>;

/** The most one team may ask for (the server's `budgetCapOf`): the funding; in parallel funding funding ÷ teams × 1.5. */
export const budgetCap = (c: Pick<Terms, 'mode' | 'fundingWan' | 'maxTeams'>) =>
  c.mode === 'parallel' ? round2((c.fundingWan / Math.max(c.maxTeams, 1)) * 1.5) : c.fundingWan;

export const BUDGET_RULE = {
  zh: '申请经费 = 各预算科目之和，且不超过榜单支持经费；并行资助不超过 支持经费 ÷ 资助团队数 × 1.5',
  en: 'The budget equals the sum of its lines and is at most the funding; in parallel funding at most funding ÷ teams × 1.5',
};

/** The budget is the sum of its lines: the form shows it and sends it, so the two never disagree. */
export const budgetOf = (lines: readonly BudgetLineValues[] | undefined) => round2((lines ?? []).reduce((s, l) => s + (isNum(l.amountWan) ? l.amountWan : 0), 0));

export const emptyApplication = (): ApplicationFormValues => ({ members: [], people: [{ roleZh: '项目负责人' }], milestones: [{}], budgetLines: [{}], leadUserEnterprise: false });

/** A stored application as the form's values (a draft edited, or any application read). */
export function applicationFormValues(a: ApplicationDetail): ApplicationFormValues {
  return {
    titleZh: a.titleZh, planZh: a.planZh, currentTrl: a.currentTrl, targetTrl: a.targetTrl, leadUserEnterprise: a.leadUserEnterprise,
    members: a.members.map((m) => ({ organisationId: m.organisationId, nameZh: m.nameZh, kind: m.kind, userEnterprise: m.userEnterprise, roleZh: m.roleZh })),
    people: a.people.map((p) => ({ nameZh: p.nameZh, organisationId: p.organisationId, roleZh: p.roleZh })),
    milestones: a.milestones.map((m) => ({ titleZh: m.titleZh, month: m.month, deliverableZh: m.deliverableZh })),
    budgetLines: a.budgetLines.map((l) => ({ itemZh: l.itemZh, amountWan: l.amountWan })),
  };
}

const text = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);
/** A row the user added and left wholly blank is not sent. */
const filled = (o: object) => Object.values(o).some((x) => (typeof x === 'string' ? x.trim() !== '' : x !== undefined && x !== null && x !== false));
/** A person is someone once named or placed: the role the form suggests (项目负责人) alone is not a person. */
const named = (p: PersonValues) => !!p.nameZh?.trim() || !!p.organisationId;

/** The body POST /api/challenges/:id/applications and PATCH /api/challenges/applications/:id take. */
export function applicationBody(v: ApplicationFormValues) {
  const budgetLines = (v.budgetLines ?? []).filter(filled).map((l) => ({ itemZh: l.itemZh?.trim() ?? '', amountWan: l.amountWan ?? 0 }));
  return {
    titleZh: v.titleZh?.trim() ?? '', planZh: v.planZh?.trim() ?? '', budgetWan: budgetOf(budgetLines),
    currentTrl: v.currentTrl ?? null, targetTrl: v.targetTrl ?? null, leadUserEnterprise: !!v.leadUserEnterprise,
    members: (v.members ?? []).filter((m) => m.organisationId).map((m) => ({ organisationId: m.organisationId!, userEnterprise: !!m.userEnterprise, roleZh: text(m.roleZh) })),
    people: (v.people ?? []).filter(named).map((p) => ({ nameZh: p.nameZh?.trim() ?? '', organisationId: p.organisationId ?? null, roleZh: text(p.roleZh) })),
    milestones: (v.milestones ?? []).filter(filled).map((m) => ({ titleZh: m.titleZh?.trim() ?? '', month: m.month as number, deliverableZh: text(m.deliverableZh) })),
    budgetLines,
  };
}

/**
 * What the form refuses before sending. The lead's kind (`leadKind`) decides whether it may be
 * the user enterprise; members' kinds come from the picker.
 */
export function applicationFormProblems(v: ApplicationFormValues, c: Terms, k: { leadKind: string | null; submitting: boolean }): ErrorDetail[] {
  const b = applicationBody(v);
  const p: ErrorDetail[] = [];
  if (!b.titleZh) p.push({ path: '/titleZh', message: msg('申请名称必填', 'the title is required') });
  if (b.members.length > c.maxMembers)
    p.push({ path: '/members', message: msg(`联合体成员单位至多 ${c.maxMembers} 家（牵头单位除外），现为 ${b.members.length} 家`, `at most ${c.maxMembers} member organisations besides the lead, not ${b.members.length}`) });
  const seen = new Set<string>();
  (v.members ?? []).forEach((m, i) => {
    if (!m.organisationId) return;
    if (seen.has(m.organisationId)) p.push({ path: `/members/${i}/organisationId`, message: msg('成员单位重复', 'this member is named twice') });
    seen.add(m.organisationId);
    if (m.userEnterprise && m.kind && m.kind !== 'enterprise') p.push({ path: `/members/${i}/userEnterprise`, message: msg('只有企业可以作为应用企业', 'only an enterprise can be the user enterprise') });
  });
  if (v.leadUserEnterprise && k.leadKind && k.leadKind !== 'enterprise')
    p.push({ path: '/leadUserEnterprise', message: msg('牵头单位不是企业，不能作为应用企业', 'the lead is not an enterprise, so it cannot be the user enterprise') });
  (v.people ?? []).forEach((x, i) => {
    if (named(x) && !x.nameZh?.trim()) p.push({ path: `/people/${i}/nameZh`, message: msg('姓名必填', 'the name is required') });
  });
  const cap = budgetCap(c);
  if (b.budgetWan > cap) p.push({ path: '/budgetWan', message: msg(`申请经费 ${b.budgetWan} 万元超过上限 ${cap} 万元`, `the budget ${b.budgetWan} exceeds the cap of ${cap}`) });
  (v.budgetLines ?? []).forEach((l, i) => {
    if (!filled(l)) return;
    if (!l.itemZh?.trim()) p.push({ path: `/budgetLines/${i}/itemZh`, message: msg('预算科目名称必填', 'the budget line needs a name') });
    if (!(isNum(l.amountWan) && l.amountWan >= 0)) p.push({ path: `/budgetLines/${i}/amountWan`, message: msg('金额不能为负', 'the amount cannot be negative') });
  });
  (v.milestones ?? []).forEach((m, i) => {
    if (!filled(m)) return;
    if (!m.titleZh?.trim()) p.push({ path: `/milestones/${i}/titleZh`, message: msg('里程碑名称必填', 'the milestone needs a title') });
    if (!(isInt(m.month) && m.month >= 1 && m.month <= c.durationMonths))
      p.push({ path: `/milestones/${i}/month`, message: msg(`里程碑月份须在第 1–${c.durationMonths} 个月内`, `the month is within the duration, 1 to ${c.durationMonths}`) });
  });
  const inRange = (x: unknown) => isInt(x) && x >= 1 && x <= 9;
  for (const key of ['currentTrl', 'targetTrl'] as const) if (b[key] != null && !inRange(b[key])) p.push({ path: `/${key}`, message: msg('技术成熟度为 1–9 级', 'a TRL is 1 to 9') });
  if (inRange(b.currentTrl) && inRange(b.targetTrl) && b.targetTrl! < b.currentTrl!) p.push({ path: '/targetTrl', message: msg('目标技术成熟度不能低于当前', 'the target TRL cannot be below the current one') });
  if (!k.submitting) return p;

  if (!b.planZh) p.push({ path: '/planZh', message: msg('请填写实施方案', 'write the plan') });
  if (!b.people.length) p.push({ path: '/people', message: msg('至少填写一名团队成员（项目负责人）', 'name at least one person, the team leader') });
  if (!(b.budgetWan > 0)) p.push({ path: '/budgetWan', message: msg('申请经费须大于 0', 'the budget must be above 0') });
  if (!b.budgetLines.length) p.push({ path: '/budgetLines', message: msg('请填写预算科目', 'list the budget lines') });
  if (!b.milestones.length) p.push({ path: '/milestones', message: msg('至少填写一个里程碑', 'list at least one milestone') });
  for (const key of ['currentTrl', 'targetTrl'] as const) if (b[key] == null) p.push({ path: `/${key}`, message: msg('请填写技术成熟度', 'give the TRL') });
  if (c.requiresUserEnterprise && !hasUserEnterprise(v, k.leadKind))
    p.push({ path: '/members', message: msg('本榜单要求联合体中有应用企业（标记为应用企业的企业）', 'this challenge requires a user enterprise in the consortium') });
  return p;
}

/** The consortium has a user enterprise: the lead flagged (when it is an enterprise), or a member enterprise flagged. */
export function hasUserEnterprise(v: ApplicationFormValues, leadKind: string | null) {
  return (!!v.leadUserEnterprise && leadKind === 'enterprise') || (v.members ?? []).some((m) => m.organisationId && m.userEnterprise && (!m.kind || m.kind === 'enterprise'));
}

/** Where the budget stands against the rule: the sum, the cap, and whether it is over. */
export function budgetStanding(v: ApplicationFormValues, c: Pick<Terms, 'mode' | 'fundingWan' | 'maxTeams'>) {
  const sum = budgetOf((v.budgetLines ?? []).filter(filled));
  const cap = budgetCap(c);
  return { sum, cap, over: sum > cap, share: cap > 0 ? Math.min(100, Math.round((sum / cap) * 1000) / 10) : 0 };
}
