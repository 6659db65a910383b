/**
 * The talent module's vocabularies in both languages, as the server names them
 * (apps/server/src/modules/talent/model/labels.ts), with the colours the pages give them.
 */
export interface Label { zh: string; en: string; color?: string }

export const COMMITTEE_ROLES: Record<string, Label> = {
  chair: { zh: '主任委员', en: 'Chair', color: 'red' },
  viceChair: { zh: '副主任委员', en: 'Vice-chair', color: 'volcano' },
  member: { zh: '委员', en: 'Member', color: 'blue' },
};
export const ROLE_ORDER = ['chair', 'viceChair', 'member'];

export const TERM_STATUSES: Record<string, Label> = {
  current: { zh: '在任', en: 'Current', color: 'green' },
  upcoming: { zh: '未开始', en: 'Upcoming', color: 'blue' },
  expired: { zh: '已届满', en: 'Expired', color: 'default' },
};

export const CONSULTATION_KINDS: Record<string, Label> = {
  decision: { zh: '决策咨询', en: 'Decision advice', color: 'purple' },
  project: { zh: '项目咨询', en: 'Project advice', color: 'cyan' },
};

export const COLLABORATION_KINDS: Record<string, Label> = {
  publication: { zh: '合作发表', en: 'Joint publication' },
  project: { zh: '合作项目', en: 'Joint project' },
};

export const TALENT_KINDS: Record<string, Label> = {
  national: { zh: '国家级人才', en: 'National-level talent', color: 'red' },
  academician: { zh: '两院院士', en: 'Academician', color: 'gold' },
  leadGoose: { zh: '头雁团队', en: 'Lead-goose team', color: 'blue' },
  highEnd: { zh: '其他高端人才', en: 'Other high-end talent', color: 'default' },
};
export const TALENT_PROGRAMMES: Record<string, Label> = {
  yuyue: { zh: '渝跃行动', en: 'Yuyue Action' },
  newChongqing: { zh: '新重庆引才计划', en: 'New Chongqing programme' },
  millionTalents: { zh: '百万人才兴重庆', en: 'Million Talents' },
  other: { zh: '其他', en: 'Other' },
};
export const TALENT_STATUSES: Record<string, Label> = {
  recruiting: { zh: '引进中', en: 'In progress', color: 'processing' },
  arrived: { zh: '已到岗', en: 'Arrived', color: 'success' },
  left: { zh: '已离开', en: 'Left', color: 'default' },
};
export const SUPPORT_ITEMS: Record<string, Label> = {
  funding: { zh: '科研经费', en: 'Research funding' },
  housing: { zh: '住房保障', en: 'Housing' },
  lab: { zh: '实验室空间', en: 'Lab space' },
  subsidy: { zh: '安家补贴', en: 'Settling-in subsidy' },
  team: { zh: '团队配套', en: 'Team support' },
  other: { zh: '其他', en: 'Other' },
};
export const EDUCATION_KINDS: Record<string, Label> = {
  bachelor: { zh: '本科专业', en: 'Bachelor programme', color: 'blue' },
  master: { zh: '硕士点', en: 'Master\'s programme', color: 'cyan' },
  doctoral: { zh: '博士点', en: 'Doctoral programme', color: 'purple' },
  joint: { zh: '联合培养', en: 'Joint training', color: 'green' },
  training: { zh: '培训项目', en: 'Training programme', color: 'orange' },
};

/** Field keywords offered when writing an expert; others may be typed. */
export const EXPERT_FIELDS = [
  '发酵工程', '合成生物学', '酶工程', '分离纯化', '生物医药', '生物农业', '生物化工', '食品生物技术', '生物材料',
  '代谢工程', '蛋白质设计', '细胞工程', '高通量筛选', '生物安全', '生物能源', '环境生物技术', '生物信息学', '知识产权',
];

export const options = (o: Record<string, Label>, text: (l: Label) => string) => Object.entries(o).map(([value, l]) => ({ value, label: text(l) }));
