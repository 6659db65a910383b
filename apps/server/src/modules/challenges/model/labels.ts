/**
 * The challenges module's vocabularies, each with its Chinese and English name. Codes are what
 * the records store. One list per concept: the catalog, core, review and delivery parts all read
 * these, and the web shows the same names.
 */
export { DOMAINS } from '../../industry/model/enterprise-input.js';

export { codesOf } from '../../../platform/vocabulary.js';

/** Technology fields of the catalog (task 2). */
export const NEED_FIELDS = {
  dnaRna: { zh: 'DNA/RNA 底层技术', en: 'DNA/RNA foundational technology' },
  screening: { zh: '超高通量筛选', en: 'Ultra-high-throughput screening' },
  design: { zh: '蛋白质与细胞设计', en: 'Protein and cell design' },
  materials: { zh: '新材料合成', en: 'New material synthesis' },
  other: { zh: '其他', en: 'Other' },
} as const;
export type NeedField = keyof typeof NEED_FIELDS;

/** A need: raised (draft), submitted, accepted into the catalog or returned with a reason, withdrawn. */
export const NEED_STATUSES = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审核', en: 'Submitted' },
  accepted: { zh: '已入库', en: 'Accepted' },
  returned: { zh: '已退回', en: 'Returned' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
} as const;

/** 揭榜挂帅 (one team) or 并行资助 (several teams, each with its share). */
export const MODES = {
  single: { zh: '揭榜挂帅', en: 'Open challenge (single award)' },
  parallel: { zh: '并行资助', en: 'Parallel funding' },
} as const;
export type ChallengeMode = keyof typeof MODES;

/**
 * A challenge's life. core: draft → open → review (after the deadline) | cancelled;
 * review: review → notice (公示) → awarded; delivery: awarded → completed.
 */
export const CHALLENGE_STATUSES = {
  draft: { zh: '草稿', en: 'Draft' },
  open: { zh: '揭榜中', en: 'Open' },
  review: { zh: '评审中', en: 'Under review' },
  notice: { zh: '公示中', en: 'Public notice' },
  awarded: { zh: '已立项', en: 'Awarded' },
  completed: { zh: '已结题', en: 'Completed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
} as const;
export type ChallengeStatus = keyof typeof CHALLENGE_STATUSES;

/**
 * An application's life. core: draft → submitted → eligible | ineligible (formal check), or
 * withdrawn before the deadline; review: eligible → proposed (in the notice) → awarded | unsuccessful.
 */
export const APPLICATION_STATUSES = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  eligible: { zh: '形式审查通过', en: 'Passed formal check' },
  ineligible: { zh: '形式审查未通过', en: 'Failed formal check' },
  proposed: { zh: '拟立项（公示中）', en: 'Proposed (on notice)' },
  awarded: { zh: '已立项', en: 'Awarded' },
  unsuccessful: { zh: '未立项', en: 'Unsuccessful' },
} as const;
export type ApplicationStatus = keyof typeof APPLICATION_STATUSES;

/** A funded team. delivery: active → accepted | failed at acceptance; stopped or merged at a review. */
export const AWARD_STATUSES = {
  active: { zh: '实施中', en: 'Active' },
  stopped: { zh: '已终止', en: 'Stopped' },
  merged: { zh: '已合并', en: 'Merged' },
  accepted: { zh: '已验收', en: 'Accepted' },
  failed: { zh: '验收未通过', en: 'Failed acceptance' },
} as const;
export type AwardStatus = keyof typeof AWARD_STATUSES;

/** A team's verdict at a milestone review (parallel funding: weaker teams are stopped or merged). */
export const VERDICTS = {
  continue: { zh: '继续支持', en: 'Continue' },
  stop: { zh: '终止', en: 'Stop' },
  merge: { zh: '合并', en: 'Merge' },
} as const;
export type Verdict = keyof typeof VERDICTS;

/** What a challenge produced. Patents, standards, software copyrights and plant varieties link to the IP register. */
export const OUTPUT_KINDS = {
  product: { zh: '新产品', en: 'Product' },
  patent: { zh: '专利', en: 'Patent' },
  standard: { zh: '标准', en: 'Standard' },
  paper: { zh: '论文', en: 'Paper' },
  softwareCopyright: { zh: '软件著作权', en: 'Software copyright' },
  plantVariety: { zh: '植物新品种', en: 'Plant variety' },
} as const;
export type OutputKind = keyof typeof OUTPUT_KINDS;

/** The default scoring rubric (评分细则): weights add up to 100, each criterion scored 0–max. */
export const DEFAULT_RUBRIC = [
  { key: 'innovation', nameZh: '技术先进性与创新性', nameEn: 'Advance and novelty', weight: 30, max: 100 },
  { key: 'feasibility', nameZh: '技术路线可行性', nameEn: 'Feasibility of the approach', weight: 25, max: 100 },
  { key: 'team', nameZh: '团队与研发基础', nameEn: 'Team and track record', weight: 20, max: 100 },
  { key: 'impact', nameZh: '产业化前景与带动作用', nameEn: 'Industrial prospects', weight: 15, max: 100 },
  { key: 'budget', nameZh: '经费预算合理性', nameEn: 'Soundness of the budget', weight: 10, max: 100 },
];
