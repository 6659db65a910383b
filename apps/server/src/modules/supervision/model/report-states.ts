/**
 * A progress report's life: draft → submitted → accepted | returned (with comments) →
 * resubmitted (submitted again). Who may take each step is the service's business; which
 * step is possible from which state is this table's.
 */
export const REPORT_STATES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportState = (typeof REPORT_STATES)[number];
export type ReportStep = 'edit' | 'submit' | 'return' | 'accept';

export const STATE_NAMES: Record<ReportState, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已报送', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  accepted: { zh: '已审核通过', en: 'Accepted' },
};

const STEPS: Record<ReportStep, Partial<Record<ReportState, ReportState>>> = {
  edit: { draft: 'draft', returned: 'returned' },
  submit: { draft: 'submitted', returned: 'submitted' },
  return: { submitted: 'returned' },
  accept: { submitted: 'accepted' },
};

export const nextState = (from: ReportState, step: ReportStep): ReportState | null => STEPS[step][from] ?? null;
export const stepsFrom = (from: ReportState): ReportStep[] => (Object.keys(STEPS) as ReportStep[]).filter((s) => STEPS[s][from]);
