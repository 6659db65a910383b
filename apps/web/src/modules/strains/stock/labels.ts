import type { Named } from '../../supervision/shared';

/**
 * The stock part's vocabularies as the server names them (modules/strains/model/stock.ts and
 * model/sharing.ts), with their colours; `labels.test.ts` checks they stay the same.
 */
export const LOCATION_KINDS: Record<string, Named> = {
  freezer80: { zh: '−80 °C 超低温冰箱', en: '−80 °C freezer' },
  freezer20: { zh: '−20 °C 冰箱', en: '−20 °C freezer' },
  liquidNitrogen: { zh: '液氮罐', en: 'Liquid nitrogen tank' },
  coldRoom4: { zh: '4 °C 冷库', en: '4 °C cold room' },
  roomTemperature: { zh: '常温库', en: 'Room-temperature store' },
  seedVault: { zh: '种子库', en: 'Seed vault' },
  other: { zh: '其他', en: 'Other' },
};

export const LOT_METHODS: Record<string, Named> = {
  freezeDried: { zh: '冷冻干燥', en: 'Freeze-dried', color: 'gold' },
  glycerol80: { zh: '−80 °C 甘油管', en: '−80 °C glycerol', color: 'blue' },
  liquidNitrogen: { zh: '液氮', en: 'Liquid nitrogen', color: 'geekblue' },
  slant: { zh: '斜面/琼脂', en: 'Slant / agar', color: 'green' },
  seed: { zh: '种子', en: 'Seed', color: 'lime' },
  tissue: { zh: '组织', en: 'Tissue', color: 'purple' },
  other: { zh: '其他', en: 'Other' },
};

export const LOT_STATUSES: Record<string, Named> = {
  active: { zh: '在库', en: 'Active', color: 'green' },
  exhausted: { zh: '已用尽', en: 'Exhausted', color: 'default' },
  discarded: { zh: '已销毁', en: 'Discarded', color: 'default' },
};

export const VIABILITY_METHODS: Record<string, Named> = {
  plateCount: { zh: '平板计数', en: 'Plate count' },
  germination: { zh: '发芽试验', en: 'Germination' },
  microscopy: { zh: '显微观察', en: 'Microscopy' },
  growth: { zh: '复苏生长', en: 'Revival growth' },
  other: { zh: '其他', en: 'Other' },
};

export const MOVE_KINDS: Record<string, Named> = {
  prepare: { zh: '制备入库', en: 'Prepared', color: 'green' },
  withdraw: { zh: '内部领用', en: 'Withdrawn for internal use', color: 'blue' },
  ship: { zh: '共享发运', en: 'Shipped', color: 'purple' },
  discard: { zh: '销毁', en: 'Discarded', color: 'red' },
  adjust: { zh: '盘点调整', en: 'Adjusted', color: 'orange' },
  test: { zh: '活力检测消耗', en: 'Used by a viability test', color: 'cyan' },
};
/** What a curator records directly on a lot. */
export const MANUAL_MOVE_KINDS = ['withdraw', 'discard', 'adjust'] as const;

/** Why a lot is on the alerts panel. */
export const ALERTS: Record<'low' | 'due' | 'overdue' | 'failed', Named> = {
  low: { zh: '低于预警', en: 'Low', color: 'orange' },
  due: { zh: '待检测', en: 'Test due', color: 'gold' },
  overdue: { zh: '检测逾期', en: 'Test overdue', color: 'red' },
  failed: { zh: '活力不合格', en: 'Viability failed', color: 'red' },
};

export const SHARING_STATUSES: Record<string, Named> = {
  submitted: { zh: '已提交', en: 'Submitted', color: 'blue' },
  curatorApproved: { zh: '待生物安全负责人审批', en: 'Awaiting the biosafety officer', color: 'orange' },
  approved: { zh: '已批准待发运', en: 'Approved, to be shipped', color: 'cyan' },
  shipped: { zh: '已发运', en: 'Shipped', color: 'purple' },
  received: { zh: '已签收', en: 'Received', color: 'green' },
  rejected: { zh: '未批准', en: 'Rejected', color: 'red' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn', color: 'default' },
};

/** The queue's tabs: whose step a request waits for. */
export const SHARING_STEPS: Record<'curator' | 'officer' | 'shipment' | 'receipt', Named> = {
  curator: { zh: '待管理员审核', en: 'Curator review' },
  officer: { zh: '待生物安全审批', en: 'Officer approval' },
  shipment: { zh: '待发运', en: 'To ship' },
  receipt: { zh: '待签收', en: 'Awaiting receipt' },
};

/** A place as labels write it: F-80-01 / R3 / B12 / A7. */
export const placeText = (l: { locationCode?: string | null; rack?: string | null; box?: string | null; position?: string | null }) =>
  [l.locationCode, l.rack, l.box, l.position].filter(Boolean).join(' / ') || '—';
