import type { Named } from '../../supervision/shared';

/** The records part's vocabularies, as the server stores them (modules/strains/model/labels.ts). */
export const ORGANISM_KINDS: Record<string, Named> = {
  bacterium: { zh: '细菌', en: 'Bacterium' },
  archaeon: { zh: '古菌', en: 'Archaeon' },
  yeast: { zh: '酵母', en: 'Yeast' },
  filamentousFungus: { zh: '丝状真菌', en: 'Filamentous fungus' },
  actinomycete: { zh: '放线菌', en: 'Actinomycete' },
  microalga: { zh: '微藻', en: 'Microalga' },
  virus: { zh: '病毒 / 噬菌体', en: 'Virus / phage' },
  other: { zh: '其他', en: 'Other' },
};

export const ATMOSPHERES: Record<string, Named> = {
  aerobic: { zh: '好氧', en: 'Aerobic' },
  anaerobic: { zh: '厌氧', en: 'Anaerobic' },
  facultative: { zh: '兼性厌氧', en: 'Facultatively anaerobic' },
  microaerophilic: { zh: '微需氧', en: 'Microaerophilic' },
  co2: { zh: '5% CO₂', en: '5% CO₂' },
};

export const STRAIN_STATUSES: Record<string, Named> = {
  submitted: { zh: '已提交', en: 'Submitted', color: 'blue' },
  received: { zh: '已接收', en: 'Received', color: 'cyan' },
  checked: { zh: '检测合格', en: 'Checked', color: 'geekblue' },
  accessioned: { zh: '已保藏', en: 'Accessioned', color: 'green' },
  rejected: { zh: '不予保藏', en: 'Rejected', color: 'red' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn', color: 'default' },
};

export const CHECK_KINDS: Record<string, Named> = {
  purity: { zh: '纯度', en: 'Purity' },
  viability: { zh: '活力', en: 'Viability' },
  identity: { zh: '鉴定', en: 'Identity' },
};

export const HAZARD_CLASSES: Record<string, Named> = {
  none: { zh: '非病原', en: 'Not a pathogen' },
  1: { zh: '第一类', en: 'Class 1' },
  2: { zh: '第二类', en: 'Class 2' },
  3: { zh: '第三类', en: 'Class 3' },
  4: { zh: '第四类', en: 'Class 4' },
};

/** The level a hazard class needs at least: class 1 → BSL-4 … class 4 → BSL-1 (the server's rule, mirrored for the form's hint). */
export const minimumLevel = (hazardClass: number | null | undefined) => (hazardClass ? 5 - hazardClass : 1);

export const GERMPLASM_KINDS: Record<string, Named> = {
  plant: { zh: '植物', en: 'Plant' },
  animal: { zh: '动物', en: 'Animal' },
  insect: { zh: '昆虫', en: 'Insect' },
  microbe: { zh: '微生物', en: 'Microbe' },
  other: { zh: '其他', en: 'Other' },
};

export const GERMPLASM_STATUSES: Record<string, Named> = {
  kept: { zh: '保存中', en: 'Kept', color: 'green' },
  lost: { zh: '已丢失', en: 'Lost', color: 'orange' },
  withdrawn: { zh: '已注销', en: 'Withdrawn', color: 'default' },
};

export const LAB_STATUSES: Record<string, Named> = {
  operating: { zh: '运行中', en: 'Operating', color: 'green' },
  building: { zh: '在建', en: 'Being built', color: 'blue' },
  suspended: { zh: '暂停', en: 'Suspended', color: 'orange' },
  closed: { zh: '已关闭', en: 'Closed', color: 'default' },
};

/** An audit action of a strain as its history reads. */
export const HISTORY_ACTIONS: Record<string, Named> = {
  'strains.strain.submit': { zh: '提交保藏申请', en: 'Deposit submitted' },
  'strains.strain.receive': { zh: '接收材料', en: 'Received' },
  'strains.strain.check': { zh: '记录检测', en: 'Check recorded' },
  'strains.strain.markChecked': { zh: '检测合格', en: 'Marked checked' },
  'strains.strain.accession': { zh: '保藏编号', en: 'Accessioned' },
  'strains.strain.reject': { zh: '不予保藏', en: 'Rejected' },
  'strains.strain.withdraw': { zh: '撤回', en: 'Withdrawn' },
  'strains.strain.update': { zh: '修改记录', en: 'Edited' },
  'strains.sequence.add': { zh: '添加序列', en: 'Sequences added' },
  'strains.sequence.delete': { zh: '删除序列', en: 'Sequence deleted' },
};
