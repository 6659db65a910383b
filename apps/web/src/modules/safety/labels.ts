/** The safety module's vocabularies as the server names them (apps/server/src/modules/safety/model/labels.ts). */
export interface Label { zh: string; en: string; color?: string }

export const SUBJECT_KINDS: Record<string, Label> = {
  coreStrain: { zh: '新核心菌种', en: 'New core strain', color: 'purple' },
  rawMaterial: { zh: '原料', en: 'Raw material', color: 'cyan' },
  process: { zh: '工艺过程', en: 'Process', color: 'geekblue' },
};
export const EVALUATION_STATES: Record<string, Label> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted', color: 'blue' },
  accepted: { zh: '已受理', en: 'Accepted', color: 'cyan' },
  supplementing: { zh: '补充材料中', en: 'With the applicant', color: 'gold' },
  review: { zh: '专家评审中', en: 'Under review', color: 'processing' },
  concluded: { zh: '已出结论', en: 'Concluded', color: 'green' },
  returned: { zh: '不予受理', en: 'Returned', color: 'default' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn', color: 'default' },
};
/** Tracks and their time limits in calendar days from acceptance, the time with the applicant excluded. */
export const TRACKS: Record<string, Label & { days: number }> = {
  standard: { zh: '常规评价', en: 'Standard', days: 60 },
  priority: { zh: '优先评估', en: 'Priority assessment', color: 'orange', days: 40 },
  greenChannel: { zh: '绿色通道', en: 'Green channel', color: 'green', days: 20 },
};
export const TRACK_DECISIONS: Record<string, Label> = { granted: { zh: '已准予', en: 'Granted', color: 'green' }, refused: { zh: '未准予', en: 'Refused', color: 'default' } };
export const CONCLUSIONS: Record<string, Label> = {
  safe: { zh: '安全', en: 'Safe', color: 'green' },
  safeWithConditions: { zh: '附条件安全', en: 'Safe with conditions', color: 'gold' },
  notSafe: { zh: '不安全', en: 'Not safe', color: 'red' },
};
export const ASPECTS: Record<string, Label> = {
  geneticStability: { zh: '菌种遗传稳定性', en: 'Genetic stability of the strain' },
  pathogenicityToxicity: { zh: '致病性与毒性', en: 'Pathogenicity and toxicity' },
  antibioticResistance: { zh: '抗生素抗性基因', en: 'Antibiotic resistance genes' },
  allergenicity: { zh: '致敏性', en: 'Allergenicity' },
  rawMaterialStandard: { zh: '原料质量与标准化', en: 'Raw-material quality and standardisation' },
  environmentalRelease: { zh: '环境释放风险', en: 'Environmental release' },
  processSafety: { zh: '工艺过程安全', en: 'Process safety' },
  greenLowCarbon: { zh: '绿色低碳', en: 'Green and low-carbon' },
};
export const ASSESSMENTS: Record<string, Label> = {
  acceptable: { zh: '风险可接受', en: 'Acceptable', color: 'green' },
  controllable: { zh: '风险可控（需条件）', en: 'Controllable under conditions', color: 'gold' },
  unacceptable: { zh: '风险不可接受', en: 'Unacceptable', color: 'red' },
  notApplicable: { zh: '不适用', en: 'Not applicable', color: 'default' },
};
export const REVIEW_STATUSES: Record<string, Label> = {
  assigned: { zh: '评审中', en: 'Assigned', color: 'processing' },
  submitted: { zh: '已提交', en: 'Submitted', color: 'green' },
  declined: { zh: '已谢绝', en: 'Declined', color: 'default' },
  replaced: { zh: '已更换', en: 'Replaced', color: 'default' },
  removed: { zh: '已撤销', en: 'Removed', color: 'default' },
};
/** Why an expert is ruled out of a proposal, by the kind the server gives. */
export const EXCLUSION_KINDS: Record<string, Label> = {
  sameOrganisation: { zh: '同一机构', en: 'Same organisation', color: 'red' },
  coApplicant: { zh: '共同申报', en: 'Co-applicant', color: 'red' },
  declared: { zh: '本人声明回避', en: 'Declared conflict', color: 'red' },
  jointPublication: { zh: '合作论文', en: 'Joint publication', color: 'volcano' },
  jointProject: { zh: '合作项目', en: 'Joint project', color: 'volcano' },
  unavailable: { zh: '不可参评', en: 'Unavailable' },
  alreadyOn: { zh: '已在或曾在本评价', en: 'On it before' },
  atCapacity: { zh: '评审量已满', en: 'At capacity' },
};
export const label = (o: Record<string, Label>, k: string | null | undefined): Label => (k && o[k]) || { zh: k ?? '—', en: k ?? '—' };
