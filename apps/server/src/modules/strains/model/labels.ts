import { codesOf, type Names } from '../../../platform/vocabulary.js';

/** The strain bank's vocabularies, each with its Chinese and English name. Codes are what the records store. */
export const ORGANISM_KINDS = {
  bacterium: { zh: '细菌', en: 'Bacterium' },
  archaeon: { zh: '古菌', en: 'Archaeon' },
  yeast: { zh: '酵母', en: 'Yeast' },
  filamentousFungus: { zh: '丝状真菌', en: 'Filamentous fungus' },
  actinomycete: { zh: '放线菌', en: 'Actinomycete' },
  microalga: { zh: '微藻', en: 'Microalga' },
  virus: { zh: '病毒 / 噬菌体', en: 'Virus / phage' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<string, Names>;
export const ORGANISM_KIND_CODES = codesOf(ORGANISM_KINDS);

/** MCL's growth atmosphere. */
export const ATMOSPHERES = {
  aerobic: { zh: '好氧', en: 'Aerobic' },
  anaerobic: { zh: '厌氧', en: 'Anaerobic' },
  facultative: { zh: '兼性厌氧', en: 'Facultatively anaerobic' },
  microaerophilic: { zh: '微需氧', en: 'Microaerophilic' },
  co2: { zh: '5% CO₂', en: '5% CO₂' },
} as const satisfies Record<string, Names>;
export const ATMOSPHERE_CODES = codesOf(ATMOSPHERES);

export const STRAIN_STATUSES = {
  submitted: { zh: '已提交', en: 'Submitted' },
  received: { zh: '已接收', en: 'Received' },
  checked: { zh: '检测合格', en: 'Checked' },
  accessioned: { zh: '已保藏', en: 'Accessioned' },
  rejected: { zh: '不予保藏', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
} as const satisfies Record<string, Names>;
export const STRAIN_STATUS_CODES = codesOf(STRAIN_STATUSES);

export const CHECK_KINDS = {
  purity: { zh: '纯度', en: 'Purity' },
  viability: { zh: '活力', en: 'Viability' },
  identity: { zh: '鉴定', en: 'Identity' },
} as const satisfies Record<string, Names>;
export const CHECK_KIND_CODES = codesOf(CHECK_KINDS);

/** 病原微生物危害程度分类: 第一类 is the most dangerous. */
export const HAZARD_CLASSES: Record<number, Names> = {
  1: { zh: '第一类', en: 'Class 1' },
  2: { zh: '第二类', en: 'Class 2' },
  3: { zh: '第三类', en: 'Class 3' },
  4: { zh: '第四类', en: 'Class 4' },
};

export const GERMPLASM_KINDS = {
  plant: { zh: '植物', en: 'Plant' },
  animal: { zh: '动物', en: 'Animal' },
  insect: { zh: '昆虫', en: 'Insect' },
  microbe: { zh: '微生物', en: 'Microbe' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<string, Names>;
export const GERMPLASM_KIND_CODES = codesOf(GERMPLASM_KINDS);

export const GERMPLASM_STATUSES = {
  kept: { zh: '保存中', en: 'Kept' },
  lost: { zh: '已丢失', en: 'Lost' },
  withdrawn: { zh: '已注销', en: 'Withdrawn' },
} as const satisfies Record<string, Names>;
export const GERMPLASM_STATUS_CODES = codesOf(GERMPLASM_STATUSES);

export const LAB_STATUS_NAMES = {
  operating: { zh: '运行中', en: 'Operating' },
  building: { zh: '在建', en: 'Being built' },
  suspended: { zh: '暂停', en: 'Suspended' },
  closed: { zh: '已关闭', en: 'Closed' },
} as const satisfies Record<string, Names>;
