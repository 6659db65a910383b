import { codesOf, type Names } from '../../../platform/vocabulary.js';

/** The safety module's vocabularies, each with its Chinese and English name. Codes are what the records store. */

/** What is evaluated (task 25: 合成生物学核心菌种、生物制造原料体系、生物制造过程). */
export const SUBJECT_KINDS = {
  coreStrain: { zh: '新核心菌种', en: 'New core strain' },
  rawMaterial: { zh: '原料', en: 'Raw material' },
  process: { zh: '工艺过程', en: 'Process' },
} as const satisfies Record<string, Names>;
export type SubjectKind = keyof typeof SUBJECT_KINDS;
export const SUBJECT_KIND_CODES = codesOf(SUBJECT_KINDS);

export const EVALUATION_STATES = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  accepted: { zh: '已受理', en: 'Accepted' },
  supplementing: { zh: '补充材料中', en: 'With the applicant for supplements' },
  review: { zh: '专家评审中', en: 'Under review' },
  concluded: { zh: '已出结论', en: 'Concluded' },
  returned: { zh: '不予受理', en: 'Returned' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
} as const satisfies Record<string, Names>;
export type EvaluationState = keyof typeof EVALUATION_STATES;
export const EVALUATION_STATE_CODES = codesOf(EVALUATION_STATES);

/**
 * Tracks (绿色通道、优先评估, task 25) and their time limits in calendar days from acceptance,
 * the days with the applicant for supplements excluded. Stored on an evaluation when accepted
 * (and when a track is granted later), so that a change here does not move running clocks.
 */
export const TRACKS = {
  standard: { zh: '常规评价', en: 'Standard', days: 60 },
  priority: { zh: '优先评估', en: 'Priority assessment', days: 40 },
  greenChannel: { zh: '绿色通道', en: 'Green channel', days: 20 },
} as const satisfies Record<string, Names & { days: number }>;
export type Track = keyof typeof TRACKS;
export const TRACK_CODES = codesOf(TRACKS);

export const TRACK_DECISIONS = {
  granted: { zh: '准予', en: 'Granted' },
  refused: { zh: '不予', en: 'Refused' },
} as const satisfies Record<string, Names>;

export const CONCLUSIONS = {
  safe: { zh: '安全', en: 'Safe' },
  safeWithConditions: { zh: '附条件安全', en: 'Safe with conditions' },
  notSafe: { zh: '不安全', en: 'Not safe' },
} as const satisfies Record<string, Names>;
export type Conclusion = keyof typeof CONCLUSIONS;
export const CONCLUSION_CODES = codesOf(CONCLUSIONS);
/** Conclusions that carry a certificate (安全评价证书). */
export const CERTIFIED: readonly Conclusion[] = ['safe', 'safeWithConditions'];

/** What reviewers assess, and for which subjects each aspect is asked. */
export const ASPECTS = {
  geneticStability: { zh: '菌种遗传稳定性', en: 'Genetic stability of the strain', subjects: ['coreStrain'] },
  pathogenicityToxicity: { zh: '致病性与毒性', en: 'Pathogenicity and toxicity', subjects: ['coreStrain', 'rawMaterial', 'process'] },
  antibioticResistance: { zh: '抗生素抗性基因', en: 'Antibiotic resistance genes', subjects: ['coreStrain'] },
  allergenicity: { zh: '致敏性', en: 'Allergenicity', subjects: ['rawMaterial'] },
  rawMaterialStandard: { zh: '原料质量与标准化', en: 'Raw-material quality and standardisation', subjects: ['rawMaterial'] },
  environmentalRelease: { zh: '环境释放风险', en: 'Environmental release', subjects: ['coreStrain', 'rawMaterial', 'process'] },
  processSafety: { zh: '工艺过程安全', en: 'Process safety', subjects: ['coreStrain', 'process'] },
  greenLowCarbon: { zh: '绿色低碳', en: 'Green and low-carbon', subjects: ['process'] },
} as const satisfies Record<string, Names & { subjects: readonly SubjectKind[] }>;
export type Aspect = keyof typeof ASPECTS;
export const ASPECT_CODES = codesOf(ASPECTS);

export const ASSESSMENTS = {
  acceptable: { zh: '风险可接受', en: 'Acceptable' },
  controllable: { zh: '风险可控（需条件）', en: 'Controllable under conditions' },
  unacceptable: { zh: '风险不可接受', en: 'Unacceptable' },
  notApplicable: { zh: '不适用', en: 'Not applicable' },
} as const satisfies Record<string, Names>;
export type Assessment = keyof typeof ASSESSMENTS;
export const ASSESSMENT_CODES = codesOf(ASSESSMENTS);

export const REVIEW_STATUSES = {
  assigned: { zh: '评审中', en: 'Assigned' },
  submitted: { zh: '已提交', en: 'Submitted' },
  declined: { zh: '已谢绝', en: 'Declined' },
  replaced: { zh: '已更换', en: 'Replaced' },
  removed: { zh: '已撤销', en: 'Removed' },
} as const satisfies Record<string, Names>;
export type ReviewStatus = keyof typeof REVIEW_STATUSES;
/** A review that still counts: the expert is on the evaluation. */
export const LIVE_REVIEW: readonly ReviewStatus[] = ['assigned', 'submitted'];

/** Who may apply: organisations of these kinds (enterprises, institutes and universities, pilot bases). */
export const APPLICANT_ORGANISATION_KINDS = ['enterprise', 'institute', 'university', 'pilotBase'] as const;
