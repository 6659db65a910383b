/**
 * Investment leads (招商线索): the stages a project passes, how a stage may move, the key that
 * finds two districts chasing one company, and the response clock.
 */
export const LEAD_STAGES = ['clue', 'negotiating', 'signed', 'started', 'funded', 'producing'] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];

export const LEAD_STAGE_NAMES: Record<LeadStage, { zh: string; en: string }> = {
  clue: { zh: '线索', en: 'Clue' },
  negotiating: { zh: '在谈', en: 'Negotiating' },
  signed: { zh: '签约', en: 'Signed' },
  started: { zh: '开工', en: 'Construction started' },
  funded: { zh: '到资', en: 'Funds arrived' },
  producing: { zh: '投产', en: 'In production' },
};

export const LEAD_STATUSES = {
  active: { zh: '跟进中', en: 'Active' },
  joint: { zh: '联合协同', en: 'Joint (counted under the primary lead)' },
  withdrawn: { zh: '已让渡', en: 'Withdrawn in favour of another district' },
  closed: { zh: '已关闭', en: 'Closed' },
} as const;

export const stageIndex = (s: string) => LEAD_STAGES.indexOf(s as LeadStage);
/** Signed and beyond: a project, counted once per company whoever reports it. */
export const isSigned = (s: string) => stageIndex(s) >= stageIndex('signed');

type Amounts = { contractedWan: number | null; arrivedWan: number | null };

/** The amounts a stage needs: signed and later the contracted amount, funded and later the amount arrived. */
export function stageAmountProblems(stage: string, amounts: Amounts): { field: 'contractedWan' | 'arrivedWan'; zh: string; en: string }[] {
  const s = stageIndex(stage);
  return [
    ...(s >= stageIndex('signed') && !(amounts.contractedWan && amounts.contractedWan > 0) ? [{ field: 'contractedWan' as const, zh: '签约及以后阶段须填写签约金额', en: 'signed and later stages need the contracted amount' }] : []),
    ...(s >= stageIndex('funded') && !(amounts.arrivedWan && amounts.arrivedWan > 0) ? [{ field: 'arrivedWan' as const, zh: '到资及以后阶段须填写到位资金', en: 'funded and later stages need the amount arrived' }] : []),
  ];
}

/** Why a stage move is refused, or null: leads move forward only (one or more steps), with the amounts the stage needs. */
export function stageMoveProblem(from: string, to: string, amounts: Amounts): { zh: string; en: string } | null {
  const a = stageIndex(from), b = stageIndex(to);
  if (b < 0) return { zh: '未知阶段', en: 'unknown stage' };
  if (b <= a) return { zh: `线索只能向前推进（当前：${LEAD_STAGE_NAMES[from as LeadStage].zh}）`, en: `a lead only moves forward (now: ${LEAD_STAGE_NAMES[from as LeadStage].en})` };
  return stageAmountProblems(to, amounts)[0] ?? null;
}

const LEGAL_FORMS = /(股份有限公司|有限责任公司|有限公司|集团|控股|股份|公司|\(中国\)|（中国）|中国|重庆|\s|[()（）·.,，、-])/g;

/** The same company, however a district spells it: its credit code, or its name without legal-form words. */
export function targetKeyOf(name: string, creditCode?: string | null): string {
  if (creditCode) return `code:${creditCode.toUpperCase()}`;
  const core = name.replace(LEGAL_FORMS, '').toLowerCase();
  return `name:${core || name.trim()}`;
}

export type ClockState = 'ok' | 'due' | 'overdue' | 'stopped';

/**
 * A lead's clock: a new lead must get its first response within the clue stage's days; after
 * that, each stage allows its days between activities. "due" is the last fifth of the window.
 */
export function clockOf(lead: { stage: string; status: string; createdAt: Date; firstResponseAt: Date | null; lastActivityAt: Date }, daysByStage: Record<string, number>, now: Date): { state: ClockState; dueAt: Date | null; daysLeft: number | null } {
  if (lead.status !== 'active' && lead.status !== 'joint') return { state: 'stopped', dueAt: null, daysLeft: null };
  const days = daysByStage[lead.stage] ?? 30;
  const from = lead.firstResponseAt ? lead.lastActivityAt : lead.createdAt;
  const allowed = lead.firstResponseAt ? days : (daysByStage.clue ?? 7);
  const dueAt = new Date(from.getTime() + allowed * 86_400_000);
  const daysLeft = Math.floor((dueAt.getTime() - now.getTime()) / 86_400_000);
  const state: ClockState = now > dueAt ? 'overdue' : daysLeft <= Math.max(1, Math.floor(allowed / 5)) ? 'due' : 'ok';
  return { state, dueAt, daysLeft };
}
