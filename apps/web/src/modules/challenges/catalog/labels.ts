import type { Named } from '../../supervision/shared';

/**
 * The catalog's vocabularies, repeating the server's (apps/server/src/modules/challenges/model/labels.ts
 * and model/needs.ts): the web is built apart from the server, so the names are copied here.
 */
export const NEED_FIELDS: Record<string, Named> = {
  dnaRna: { zh: 'DNA/RNA 底层技术', en: 'DNA/RNA foundational technology', color: 'purple' },
  screening: { zh: '超高通量筛选', en: 'Ultra-high-throughput screening', color: 'cyan' },
  design: { zh: '蛋白质与细胞设计', en: 'Protein and cell design', color: 'geekblue' },
  materials: { zh: '新材料合成', en: 'New material synthesis', color: 'green' },
  other: { zh: '其他', en: 'Other', color: 'default' },
};
export const NEED_FIELD_CODES = Object.keys(NEED_FIELDS);

export const NEED_STATUSES: Record<string, Named> = {
  draft: { zh: '草稿', en: 'Draft', color: 'default' },
  submitted: { zh: '待审核', en: 'Submitted', color: 'processing' },
  accepted: { zh: '已入库', en: 'Accepted', color: 'success' },
  returned: { zh: '已退回', en: 'Returned', color: 'error' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn', color: 'default' },
};

export const MODES: Record<string, Named> = {
  single: { zh: '揭榜挂帅', en: 'Open challenge (single award)' },
  parallel: { zh: '并行资助', en: 'Parallel funding' },
};

export const EDITION_STATUSES: Record<string, Named> = {
  draft: { zh: '草稿', en: 'Draft', color: 'warning' },
  published: { zh: '已发布', en: 'Published', color: 'success' },
};

/** carried: kept from the edition it started from; added: accepted since. */
export const ORIGINS: Record<string, Named> = {
  carried: { zh: '沿用', en: 'Carried over', color: 'default' },
  added: { zh: '新增', en: 'New', color: 'green' },
};

/** The challenge statuses a need's page lists its challenges with. */
export const CHALLENGE_STATUSES: Record<string, Named> = {
  draft: { zh: '草稿', en: 'Draft' }, open: { zh: '揭榜中', en: 'Open' }, review: { zh: '评审中', en: 'Under review' }, notice: { zh: '公示中', en: 'Public notice' },
  awarded: { zh: '已立项', en: 'Awarded' }, completed: { zh: '已结题', en: 'Completed' }, cancelled: { zh: '已取消', en: 'Cancelled' },
};
