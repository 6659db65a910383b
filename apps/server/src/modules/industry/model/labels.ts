/** Names in zh and en of the industry map's enumerations (one place, used by exports and the UI). */
export const DESIGNATIONS = {
  srdi: { zh: '专精特新', short: '专精特新', en: 'SRDI (specialised, refined, distinctive, innovative)' },
  littleGiant: { zh: '专精特新“小巨人”', short: '小巨人', en: 'Little giant' },
  singleChampion: { zh: '制造业单项冠军', short: '单项冠军', en: 'Single champion' },
  highTech: { zh: '高新技术企业', short: '高新技术企业', en: 'High-tech enterprise' },
  chainLeader: { zh: '链主企业', short: '链主', en: 'Chain leader' },
} as const;
export type DesignationKind = keyof typeof DESIGNATIONS;
export const DESIGNATION_KINDS = Object.keys(DESIGNATIONS) as DesignationKind[];

export const LEVELS = { national: { zh: '国家级', en: 'National' }, municipal: { zh: '市级', en: 'Municipal' } } as const;
export type Level = keyof typeof LEVELS;

export const ORIGINS = { local: { zh: '本土企业', en: 'Local' }, attracted: { zh: '引进企业', en: 'Attracted' } } as const;
export type Origin = keyof typeof ORIGINS;

export const FIGURE_SOURCES = {
  selfReported: { zh: '企业自报', en: 'Self-reported' },
  districtVerified: { zh: '区县核实', en: 'District-verified' },
  statistics: { zh: '统计部门', en: 'Statistics bureau' },
} as const;
export type FigureSource = keyof typeof FIGURE_SOURCES;

export const FIGURE_STATES = { submitted: { zh: '待核实', en: 'Awaiting verification' }, verified: { zh: '已核实', en: 'Verified' }, rejected: { zh: '已退回', en: 'Rejected' } } as const;

export const TRANSFORMATION_CATEGORIES = {
  highPollution: { zh: '高污染', en: 'High pollution' },
  highEmission: { zh: '高排放', en: 'High emission' },
  lowEnd: { zh: '低端', en: 'Low-end' },
  lowEfficiency: { zh: '低效能', en: 'Low efficiency' },
} as const;

export const FUND_KINDS = {
  mother: { zh: '产业投资母基金', en: 'Mother fund' },
  guidance: { zh: '区县产业引导基金', en: 'District guidance fund' },
  venture: { zh: '风险投资基金', en: 'Venture fund' },
  industry: { zh: '产业基金', en: 'Industry fund' },
} as const;
export type FundKind = keyof typeof FUND_KINDS;

export const PARK_KINDS = { cluster: { zh: '集聚区', en: 'Cluster' }, park: { zh: '园区', en: 'Park' }, base: { zh: '产业基地', en: 'Industrial base' } } as const;

export const STAGES_OF_CHAIN = { raw: { zh: '原料', en: 'Raw materials' }, strain: { zh: '菌种与酶', en: 'Strains and enzymes' }, process: { zh: '工艺', en: 'Processes' }, product: { zh: '产品', en: 'Products' }, application: { zh: '应用', en: 'Applications' } } as const;

/** The plan's four domains (plan.json), for lists and imports that name them. */
export const DOMAIN_NAMES = {
  biochem: { zh: '生物化工与生物基材料', short: '生物化工', en: 'Biochemicals and bio-based materials' },
  biopharma: { zh: '生物药', short: '生物药', en: 'Biopharmaceuticals' },
  bioagrifood: { zh: '生物农业与食品', short: '生物农业', en: 'Bio-agriculture and food' },
  bioenergy: { zh: '生物能源与环境', short: '生物能源', en: 'Bioenergy and environment' },
} as const;

export const domainCode = (s: string) => Object.entries(DOMAIN_NAMES).find(([code, n]) => code === s || n.zh === s || n.short === s)?.[0] ?? null;
