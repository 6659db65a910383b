/** The innovation module's vocabularies as the server names them (apps/server/src/modules/innovation/model/labels.ts). */
export interface Label { zh: string; en: string; color?: string }

export const PLATFORM_KINDS: Record<string, Label> = {
  lab: { zh: '重点实验室', en: 'Key laboratory', color: 'blue' },
  engineeringCentre: { zh: '工程研究中心', en: 'Engineering research centre', color: 'cyan' },
  technologyCentre: { zh: '技术创新中心', en: 'Technology innovation centre', color: 'geekblue' },
  proofOfConcept: { zh: '概念验证中心', en: 'Proof-of-concept centre', color: 'purple' },
  newRnd: { zh: '新型研发机构', en: 'New R&D institution', color: 'magenta' },
};
export const PLATFORM_LEVELS: Record<string, Label> = {
  national: { zh: '国家级', en: 'National', color: 'red' },
  municipal: { zh: '市级', en: 'Municipal', color: 'orange' },
  incubating: { zh: '培育', en: 'Incubating', color: 'default' },
};
export const PLATFORM_STATUSES: Record<string, Label> = {
  building: { zh: '筹建中', en: 'Being built', color: 'gold' },
  operating: { zh: '运行中', en: 'Operating', color: 'green' },
  revoked: { zh: '已撤销', en: 'Revoked', color: 'default' },
};
/** What the plan's target counts, as the server's indicator does. */
export const COUNTED = { level: 'national,municipal', status: 'operating' };
export const LEVEL_HEX: Record<string, string> = { national: '#cf1322', municipal: '#fa8c16', incubating: '#bfbfbf' };
