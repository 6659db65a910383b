import type { ItemKind, ItemState, ListCode } from './api.lists';
import * as BASE_LABELS from './labels.bases';

/**
 * The vocabularies the demand and achievement lists and their editions use, in both languages,
 * as the server names them (apps/server/src/modules/pilot/model/labels.ts), with the colours the
 * pages give them. The four domains are the platform's own (plan/format DOMAIN_NAMES).
 */
export interface Label { zh: string; en: string; color?: string }

// The vocabularies bases and lists share are kept once, in labels.bases.ts.
export const PROCESSES: Record<string, Label> = BASE_LABELS.PROCESSES;
export const PROCESS_NAMES = BASE_LABELS.PROCESS_NAMES;
export const ORGANISMS: Record<string, Label> = BASE_LABELS.ORGANISMS;
export const ORGANISM_CODES: string[] = BASE_LABELS.ORGANISM_CODES;
export const QUALITY_GRADES: Record<string, Label> = BASE_LABELS.QUALITY_GRADES;
export const QUALITY_GRADE_CODES: string[] = BASE_LABELS.QUALITY_GRADE_CODES;
export const BASE_TIERS: Record<string, Label> = BASE_LABELS.BASE_TIERS;

/** A demand's or achievement's life: written, reviewed, published, expired (renewable) or closed. */
export const ITEM_STATES: Record<ItemState, Label> = {
  draft: { zh: '草稿', en: 'Draft', color: 'default' },
  submitted: { zh: '待审核', en: 'Awaiting review', color: 'processing' },
  published: { zh: '已发布', en: 'Published', color: 'success' },
  returned: { zh: '已退回', en: 'Returned', color: 'error' },
  expired: { zh: '已过期', en: 'Expired', color: 'warning' },
  closed: { zh: '已关闭', en: 'Closed', color: 'default' },
};
export const ITEM_STATE_ORDER: ItemState[] = ['draft', 'submitted', 'returned', 'published', 'expired', 'closed'];

/** The three lists the pilot alliance publishes, each in editions. */
export const LISTS: Record<ListCode, Label> = {
  atlas: { zh: '中试图谱', en: 'Pilot capability map' },
  demands: { zh: '生产需求清单', en: 'Production demand list' },
  achievements: { zh: '成果供给清单', en: 'Achievement supply list' },
};
export const LIST_CODES: ListCode[] = ['atlas', 'demands', 'achievements'];

export const EDITION_STATES: Record<'draft' | 'published', Label> = {
  draft: { zh: '草稿', en: 'Draft', color: 'orange' },
  published: { zh: '已发布', en: 'Published', color: 'green' },
};

/** What each list is called where one item of it is meant, and the list it belongs to. */
export const KIND_NAMES: Record<ItemKind, Label & { list: 'demands' | 'achievements'; plural: Label }> = {
  demand: { zh: '生产需求', en: 'Demand', list: 'demands', plural: { zh: '生产需求', en: 'Demands' } },
  achievement: { zh: '成果', en: 'Achievement', list: 'achievements', plural: { zh: '成果', en: 'Achievements' } },
};

/** The public funnel, posted → done; each step counts the items that got at least that far. */
export const FUNNEL_STEPS = [
  { key: 'posted', zh: '发布', en: 'Posted' },
  { key: 'responded', zh: '响应', en: 'Responded' },
  { key: 'negotiating', zh: '洽谈', en: 'Negotiating' },
  { key: 'signed', zh: '签约', en: 'Signed' },
  { key: 'done', zh: '完成', en: 'Done' },
] as const;

/** Field names as people read them, for item pages and the differences between editions. */
export const FIELD_NAMES: Record<string, Label> = {
  code: { zh: '编号', en: 'Code' },
  titleZh: { zh: '标题', en: 'Title' },
  organisationNameZh: { zh: '发布机构', en: 'Posted by' },
  organisationId: { zh: '发布机构', en: 'Organisation' },
  enterpriseId: { zh: '企业档案', en: 'Enterprise record' },
  problemZh: { zh: '需解决的问题', en: 'Problem to solve' },
  targetProductZh: { zh: '目标产品', en: 'Target product' },
  processes: { zh: '单元操作', en: 'Unit operations' },
  organism: { zh: '生物体类型', en: 'Organism' },
  organisms: { zh: '生物体类型', en: 'Organisms' },
  scaleL: { zh: '规模（升）', en: 'Scale (L)' },
  budgetWan: { zh: '预算（万元）', en: 'Budget (万元)' },
  deadline: { zh: '截止日期', en: 'Deadline' },
  domain: { zh: '领域', en: 'Domain' },
  domains: { zh: '领域', en: 'Domains' },
  districtCode: { zh: '区县', en: 'District' },
  districtNameZh: { zh: '区县', en: 'District' },
  biosafetyLevel: { zh: '生物安全等级', en: 'Biosafety level' },
  qualityGrade: { zh: '质量体系', en: 'Quality system' },
  qualityGrades: { zh: '质量体系', en: 'Quality systems' },
  trlNeeded: { zh: '所需技术成熟度', en: 'TRL needed' },
  summaryZh: { zh: '公开摘要', en: 'Public summary' },
  detailZh: { zh: '保密详情', en: 'Confidential detail' },
  resultZh: { zh: '成果内容', en: 'Result' },
  trl: { zh: '技术成熟度', en: 'TRL' },
  scaleReachedL: { zh: '已达规模（升）', en: 'Scale reached (L)' },
  ipZh: { zh: '知识产权', en: 'IP held' },
  partnerWantedZh: { zh: '合作需求', en: 'Partner wanted' },
  publishedAt: { zh: '发布日期', en: 'Published on' },
  expiresOn: { zh: '有效期至', en: 'Valid until' },
  nameZh: { zh: '名称', en: 'Name' },
  nameEn: { zh: '英文名称', en: 'English name' },
  operatorZh: { zh: '运营主体', en: 'Operator' },
  addressZh: { zh: '地址', en: 'Address' },
  tier: { zh: '等级', en: 'Tier' },
  recognisedOn: { zh: '认定日期', en: 'Recognised on' },
  recognisedByZh: { zh: '认定单位', en: 'Recognised by' },
  allianceMember: { zh: '中试联盟成员', en: 'Alliance member' },
  lng: { zh: '经度', en: 'Longitude' },
  lat: { zh: '纬度', en: 'Latitude' },
  contactZh: { zh: '联系方式', en: 'Contact' },
  platforms: { zh: '中试平台与能力', en: 'Platforms and capabilities' },
  volumeMinL: { zh: '最小体积（升）', en: 'Smallest volume (L)' },
  volumeMaxL: { zh: '最大体积（升）', en: 'Largest volume (L)' },
};

/** The parts of a match score (packages/match WEIGHTS), each 0–1, with their weight out of 100. */
export const MATCH_PARTS: Record<string, Label & { weight: number }> = {
  text: { zh: '关键词', en: 'Key terms', weight: 40 },
  process: { zh: '工艺', en: 'Processes', weight: 15 },
  scale: { zh: '规模', en: 'Scale', weight: 15 },
  domain: { zh: '领域', en: 'Domain', weight: 10 },
  organism: { zh: '宿主', en: 'Organism', weight: 10 },
  readiness: { zh: '成熟度', en: 'Readiness', weight: 5 },
  distance: { zh: '距离', en: 'Distance', weight: 5 },
};
