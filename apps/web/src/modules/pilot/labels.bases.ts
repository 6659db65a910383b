/**
 * The vocabularies of pilot bases, equipment and bookings in both languages, as the server
 * names them (apps/server/src/modules/pilot/model/labels.ts), with the colours the pages use.
 */
export interface Label { zh: string; en: string; color?: string; hex?: string }

/** Unit operations (单元操作): stored by their Chinese name, as the matching engine reads them. */
export const PROCESSES: Record<string, Label> = {
  菌种选育: { zh: '菌种选育', en: 'Strain breeding' },
  合成生物学构建: { zh: '合成生物学构建', en: 'Synthetic-biology construction' },
  发酵: { zh: '发酵', en: 'Fermentation' },
  细胞培养: { zh: '细胞培养', en: 'Cell culture' },
  酶催化: { zh: '酶催化', en: 'Enzyme catalysis' },
  生物转化: { zh: '生物转化', en: 'Biotransformation' },
  分离纯化: { zh: '分离纯化', en: 'Separation and purification' },
  精制: { zh: '精制', en: 'Refining' },
  制剂: { zh: '制剂', en: 'Formulation' },
  灌装: { zh: '灌装', en: 'Filling' },
};
export const PROCESS_NAMES = Object.keys(PROCESSES);

export type Organism = 'bacteria' | 'yeast' | 'filamentousFungi' | 'mammalianCells' | 'algae' | 'plantCells' | 'insectCells' | 'none';
export const ORGANISMS: Record<Organism, Label> = {
  bacteria: { zh: '细菌', en: 'Bacteria' },
  yeast: { zh: '酵母', en: 'Yeast' },
  filamentousFungi: { zh: '丝状真菌', en: 'Filamentous fungi' },
  mammalianCells: { zh: '哺乳动物细胞', en: 'Mammalian cells' },
  algae: { zh: '藻类', en: 'Algae' },
  plantCells: { zh: '植物细胞', en: 'Plant cells' },
  insectCells: { zh: '昆虫细胞', en: 'Insect cells' },
  none: { zh: '不涉及', en: 'None' },
};
export const ORGANISM_CODES = Object.keys(ORGANISMS) as Organism[];

export type QualityGrade = 'GMP' | 'GLP' | 'none';
export const QUALITY_GRADES: Record<QualityGrade, Label> = {
  GMP: { zh: 'GMP', en: 'GMP', color: 'purple' },
  GLP: { zh: 'GLP', en: 'GLP', color: 'geekblue' },
  none: { zh: '无', en: 'None', color: 'default' },
};
export const QUALITY_GRADE_CODES = Object.keys(QUALITY_GRADES) as QualityGrade[];
/** What the atlas's grade filter finds: a GLP search also finds GMP capabilities (the server's GRADES_MEETING). */
export const GRADE_FILTER_NAMES: Record<Exclude<QualityGrade, 'none'>, Label> = {
  GMP: { zh: 'GMP', en: 'GMP' },
  GLP: { zh: 'GLP', en: 'GLP' },
};

export const BIOSAFETY_LEVELS = [1, 2, 3, 4] as const;
export const BSL_COLORS: Record<number, string> = { 1: 'green', 2: 'gold', 3: 'orange', 4: 'red' };

/** 储备 → 重点 → 国家级. */
export type BaseTier = 'reserve' | 'key' | 'national';
export const BASE_TIERS: Record<BaseTier, Label> = {
  reserve: { zh: '储备', en: 'Reserve', color: 'cyan', hex: '#13a8a8' },
  key: { zh: '重点', en: 'Key', color: 'gold', hex: '#d48806' },
  national: { zh: '国家级', en: 'National', color: 'volcano', hex: '#cf1322' },
};
/** Highest first, as the server orders bases. */
export const BASE_TIER_ORDER: BaseTier[] = ['national', 'key', 'reserve'];

export type EquipmentStatus = 'available' | 'maintenance' | 'retired';
export const EQUIPMENT_STATUSES: Record<EquipmentStatus, Label> = {
  available: { zh: '可预约', en: 'Available', color: 'green' },
  maintenance: { zh: '维护中', en: 'Under maintenance', color: 'orange' },
  retired: { zh: '已停用', en: 'Retired', color: 'default' },
};
export const EQUIPMENT_STATUS_CODES = Object.keys(EQUIPMENT_STATUSES) as EquipmentStatus[];

/** Who books: prices differ for alliance members, enterprises and institutes. */
export type UserCategory = 'member' | 'enterprise' | 'institute';
export const USER_CATEGORIES: Record<UserCategory, Label & { priceField: 'priceMemberYuan' | 'priceEnterpriseYuan' | 'priceInstituteYuan' }> = {
  member: { zh: '联盟成员', en: 'Alliance member', priceField: 'priceMemberYuan' },
  enterprise: { zh: '企业', en: 'Enterprise', priceField: 'priceEnterpriseYuan' },
  institute: { zh: '高校院所', en: 'Institute', priceField: 'priceInstituteYuan' },
};
export const USER_CATEGORY_CODES = Object.keys(USER_CATEGORIES) as UserCategory[];

/** requested → approved → checkedIn → completed; rejected by the base, cancelled before check-in. */
export type BookingState = 'requested' | 'approved' | 'rejected' | 'cancelled' | 'checkedIn' | 'completed';
export const BOOKING_STATES: Record<BookingState, Label> = {
  requested: { zh: '待审批', en: 'Requested', color: 'orange', hex: '#fa8c16' },
  approved: { zh: '已批准', en: 'Approved', color: 'blue', hex: '#1677ff' },
  rejected: { zh: '已驳回', en: 'Rejected', color: 'red', hex: '#cf1322' },
  cancelled: { zh: '已取消', en: 'Cancelled', color: 'default', hex: '#8c8c8c' },
  checkedIn: { zh: '已签到', en: 'Checked in', color: 'cyan', hex: '#08979c' },
  completed: { zh: '已完成', en: 'Completed', color: 'green', hex: '#389e0d' },
};
export const BOOKING_STATE_ORDER: BookingState[] = ['requested', 'approved', 'checkedIn', 'completed', 'rejected', 'cancelled'];
