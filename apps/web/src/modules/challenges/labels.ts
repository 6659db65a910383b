import type { Named } from '../supervision/shared';

/**
 * The challenges module's vocabularies, repeating the server's
 * (apps/server/src/modules/challenges/model/labels.ts, model/reviews.ts, challenges.timeline.ts):
 * the web is built apart from the server, so the names are copied here, with the colours the
 * pages give them.
 */
export const MODES: Record<string, Named> = {
  single: { zh: '揭榜挂帅', en: 'Open challenge (single award)', color: 'volcano' },
  parallel: { zh: '并行资助', en: 'Parallel funding', color: 'geekblue' },
};

export const CHALLENGE_STATUSES: Record<string, Named> = {
  draft: { zh: '草稿', en: 'Draft', color: 'default' },
  open: { zh: '揭榜中', en: 'Open', color: 'processing' },
  review: { zh: '评审中', en: 'Under review', color: 'purple' },
  notice: { zh: '公示中', en: 'Public notice', color: 'gold' },
  awarded: { zh: '已立项', en: 'Awarded', color: 'success' },
  completed: { zh: '已结题', en: 'Completed', color: 'cyan' },
  cancelled: { zh: '已取消', en: 'Cancelled', color: 'default' },
};

export const APPLICATION_STATUSES: Record<string, Named> = {
  draft: { zh: '草稿', en: 'Draft', color: 'default' },
  submitted: { zh: '已提交', en: 'Submitted', color: 'processing' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn', color: 'default' },
  eligible: { zh: '形式审查通过', en: 'Passed formal check', color: 'cyan' },
  ineligible: { zh: '形式审查未通过', en: 'Failed formal check', color: 'error' },
  proposed: { zh: '拟立项（公示中）', en: 'Proposed (on notice)', color: 'gold' },
  awarded: { zh: '已立项', en: 'Awarded', color: 'success' },
  unsuccessful: { zh: '未立项', en: 'Unsuccessful', color: 'warning' },
};

export const AWARD_STATUSES: Record<string, Named> = {
  active: { zh: '实施中', en: 'Active', color: 'processing' },
  stopped: { zh: '已终止', en: 'Stopped', color: 'error' },
  merged: { zh: '已合并', en: 'Merged', color: 'purple' },
  accepted: { zh: '已验收', en: 'Accepted', color: 'success' },
  failed: { zh: '验收未通过', en: 'Failed acceptance', color: 'error' },
};

export const VERDICTS: Record<string, Named> = {
  continue: { zh: '继续支持', en: 'Continue', color: 'green' },
  stop: { zh: '终止', en: 'Stop', color: 'red' },
  merge: { zh: '合并', en: 'Merge', color: 'purple' },
};

export const OUTPUT_KINDS: Record<string, Named> = {
  product: { zh: '新产品', en: 'Product', color: 'green' },
  patent: { zh: '专利', en: 'Patent', color: 'blue' },
  standard: { zh: '标准', en: 'Standard', color: 'gold' },
  paper: { zh: '论文', en: 'Paper', color: 'default' },
  softwareCopyright: { zh: '软件著作权', en: 'Software copyright', color: 'cyan' },
  plantVariety: { zh: '植物新品种', en: 'Plant variety', color: 'lime' },
};

export const ASSIGNMENT_STATUSES: Record<string, Named> = {
  assigned: { zh: '评审中', en: 'Assigned', color: 'processing' },
  submitted: { zh: '已提交', en: 'Submitted', color: 'success' },
  declined: { zh: '已谢绝', en: 'Declined', color: 'warning' },
  conflict: { zh: '利益冲突回避', en: 'Withdrawn for a conflict', color: 'error' },
  removed: { zh: '已撤销', en: 'Removed', color: 'default' },
};

export const OBJECTION_STATUSES: Record<string, Named> = {
  pending: { zh: '待处理', en: 'Pending', color: 'gold' },
  upheld: { zh: '异议成立', en: 'Upheld', color: 'red' },
  dismissed: { zh: '异议不成立', en: 'Dismissed', color: 'default' },
};

export const MILESTONE_STATUSES: Record<string, Named> = {
  pending: { zh: '待报告', en: 'Pending', color: 'default' },
  submitted: { zh: '待审核', en: 'Report in', color: 'processing' },
  passed: { zh: '已通过', en: 'Passed', color: 'success' },
  rework: { zh: '需整改', en: 'Rework', color: 'warning' },
};

export const COMPARATORS = ['>=', '<=', '='] as const;
export type Comparator = (typeof COMPARATORS)[number];
export const COMPARATOR_NAMES: Record<Comparator, Named> = {
  '>=': { zh: '不低于', en: 'at least' },
  '<=': { zh: '不高于', en: 'at most' },
  '=': { zh: '等于', en: 'equal to' },
};

/** The timeline's steps, in order (the server's TIMELINE_STEPS). */
export const TIMELINE_STEPS: Record<string, Named> = {
  published: { zh: '发布', en: 'Published' },
  deadline: { zh: '申报截止', en: 'Deadline' },
  formalCheck: { zh: '形式审查', en: 'Formal check' },
  review: { zh: '专家评审', en: 'Expert review' },
  notice: { zh: '公示', en: 'Public notice' },
  award: { zh: '立项', en: 'Award' },
  milestones: { zh: '里程碑', en: 'Milestones' },
  acceptance: { zh: '验收', en: 'Acceptance' },
};

export interface RubricCriterion { key: string; nameZh: string; nameEn: string; weight: number; max: number }

/** The server's DEFAULT_RUBRIC: a new challenge starts from it. */
export const DEFAULT_RUBRIC: RubricCriterion[] = [
  { key: 'innovation', nameZh: '技术先进性与创新性', nameEn: 'Advance and novelty', weight: 30, max: 100 },
  { key: 'feasibility', nameZh: '技术路线可行性', nameEn: 'Feasibility of the approach', weight: 25, max: 100 },
  { key: 'team', nameZh: '团队与研发基础', nameEn: 'Team and track record', weight: 20, max: 100 },
  { key: 'impact', nameZh: '产业化前景与带动作用', nameEn: 'Industrial prospects', weight: 15, max: 100 },
  { key: 'budget', nameZh: '经费预算合理性', nameEn: 'Soundness of the budget', weight: 10, max: 100 },
];

/** The server's CHALLENGE_DEFAULTS, for a new form. */
export const CHALLENGE_DEFAULTS = { maxMembers: 4, requiresUserEnterprise: false, blind: true, reviewersPerApplication: 5, noticeDays: 7 } as const;

/** The server's scoring rule (model/scoring.ts): from 5 scores the highest and lowest are dropped; a spread above 20 is flagged. */
export const TRIM_FROM = 5;
export const WIDE_SPREAD = 20;
