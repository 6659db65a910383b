/** The innovation module's vocabularies, each with its Chinese and English name; codes are what records store. */
import type { Names } from '../../../platform/vocabulary.js';

/** Kinds of innovation platform the plan names (tasks 1–2, 13). */
export const PLATFORM_KINDS = {
  lab: { zh: '重点实验室', en: 'Key laboratory' },
  engineeringCentre: { zh: '工程研究中心', en: 'Engineering research centre' },
  technologyCentre: { zh: '技术创新中心', en: 'Technology innovation centre' },
  proofOfConcept: { zh: '概念验证中心', en: 'Proof-of-concept centre' },
  newRnd: { zh: '新型研发机构', en: 'New R&D institution' },
} as const;
export type PlatformKind = keyof typeof PLATFORM_KINDS;

export const PLATFORM_LEVELS = {
  national: { zh: '国家级', en: 'National' },
  municipal: { zh: '市级', en: 'Municipal' },
  incubating: { zh: '培育', en: 'Incubating' },
} as const;
export type PlatformLevel = keyof typeof PLATFORM_LEVELS;

export const PLATFORM_STATUSES = {
  building: { zh: '筹建中', en: 'Being built' },
  operating: { zh: '运行中', en: 'Operating' },
  revoked: { zh: '已撤销', en: 'Revoked' },
} as const;
export type PlatformStatus = keyof typeof PLATFORM_STATUSES;

/**
 * What the plan's "3 家以上高能级科技创新平台" counts: national and municipal platforms that are
 * recognised and operating. Incubating platforms, those still being built and revoked ones do not.
 */
export const HIGH_LEVEL = { levels: ['national', 'municipal'] as PlatformLevel[], status: 'operating' as PlatformStatus };

/** The plan period's first day: the basis says how many counted platforms were recognised since. */
export const PLAN_START = '2024-01-01';
