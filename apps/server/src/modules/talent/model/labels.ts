/** The talent module's vocabularies, each value with its Chinese and English names. */
export interface Name { zh: string; en: string }

/** 专家委员会 roles, in the order the roster lists them. */
export const COMMITTEE_ROLES = {
  chair: { zh: '主任委员', en: 'Chair' },
  viceChair: { zh: '副主任委员', en: 'Vice-chair' },
  member: { zh: '委员', en: 'Member' },
} as const satisfies Record<string, Name>;
export type CommitteeRole = keyof typeof COMMITTEE_ROLES;

export const CONSULTATION_KINDS = {
  decision: { zh: '决策咨询', en: 'Decision advice' },
  project: { zh: '项目咨询', en: 'Project advice' },
} as const satisfies Record<string, Name>;
export type ConsultationKind = keyof typeof CONSULTATION_KINDS;

export const COLLABORATION_KINDS = {
  publication: { zh: '合作发表', en: 'Joint publication' },
  project: { zh: '合作项目', en: 'Joint project' },
} as const satisfies Record<string, Name>;
export type CollaborationKind = keyof typeof COLLABORATION_KINDS;

/** Kinds of high-end talent (action 6, task 20). */
export const TALENT_KINDS = {
  national: { zh: '国家级人才', en: 'National-level talent' },
  academician: { zh: '两院院士', en: 'Academician (CAS/CAE)' },
  leadGoose: { zh: '头雁团队', en: 'Lead-goose team' },
  highEnd: { zh: '其他高端人才', en: 'Other high-end talent' },
} as const satisfies Record<string, Name>;
export type TalentKind = keyof typeof TALENT_KINDS;

/** Programmes the plan names (task 20); anything else is "other", with its name. */
export const TALENT_PROGRAMMES = {
  yuyue: { zh: '渝跃行动', en: 'Yuyue Action' },
  newChongqing: { zh: '新重庆引才计划', en: 'New Chongqing talent programme' },
  millionTalents: { zh: '百万人才兴重庆', en: 'Million Talents for Chongqing' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<string, Name>;
export type TalentProgramme = keyof typeof TALENT_PROGRAMMES;

export const TALENT_STATUSES = {
  recruiting: { zh: '引进中', en: 'In progress' },
  arrived: { zh: '已到岗', en: 'Arrived' },
  left: { zh: '已离开', en: 'Left' },
} as const satisfies Record<string, Name>;
export type TalentStatus = keyof typeof TALENT_STATUSES;

/** Items of a "一人一策" support package. */
export const SUPPORT_ITEMS = {
  funding: { zh: '科研经费', en: 'Research funding' },
  housing: { zh: '住房保障', en: 'Housing' },
  lab: { zh: '实验室空间', en: 'Lab space' },
  subsidy: { zh: '安家补贴', en: 'Settling-in subsidy' },
  team: { zh: '团队配套', en: 'Team support' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<string, Name>;
export type SupportItem = keyof typeof SUPPORT_ITEMS;

/** Degree programmes and training schemes (task 18). */
export const EDUCATION_KINDS = {
  bachelor: { zh: '本科专业', en: 'Bachelor programme' },
  master: { zh: '硕士点', en: 'Master\'s programme' },
  doctoral: { zh: '博士点', en: 'Doctoral programme' },
  joint: { zh: '联合培养', en: 'Joint training scheme' },
  training: { zh: '培训项目', en: 'Training programme' },
} as const satisfies Record<string, Name>;
export type EducationKind = keyof typeof EDUCATION_KINDS;

/** Field keywords offered when writing an expert; experts may carry others. */
export const EXPERT_FIELDS = [
  '发酵工程', '合成生物学', '酶工程', '分离纯化', '生物医药', '生物农业', '生物化工', '食品生物技术', '生物材料',
  '代谢工程', '蛋白质设计', '细胞工程', '高通量筛选', '生物安全', '生物能源', '环境生物技术', '生物信息学', '知识产权',
] as const;

/** The expert committee task 19 asks for; seeded in every database. */
export const COMMITTEE = {
  code: 'BIOMFG-EC',
  nameZh: '重庆市生物制造产业专家委员会',
  nameEn: 'Chongqing Biomanufacturing Industry Expert Committee',
  mandateZh: '为市委、市政府提供生物制造产业发展战略性、全局性、专业性的决策咨询，为我市生物制造产业重大项目提供专业咨询。',
} as const;

/** The universities task 18 names; seeded as organisations of kind university. */
export const TASK18_UNIVERSITIES = [
  { nameZh: '重庆大学', nameEn: 'Chongqing University' },
  { nameZh: '陆军军医大学', nameEn: 'Army Medical University' },
  { nameZh: '西南大学', nameEn: 'Southwest University' },
  { nameZh: '重庆医科大学', nameEn: 'Chongqing Medical University' },
] as const;

