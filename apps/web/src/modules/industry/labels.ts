import type { ChainStage, ClockState, DesignationKind, FigureSource, FigureState, LeadStage, LeadStatus, Level, MapMeasure, Origin, Standing } from './api';

/**
 * The industry map's enumerations in both languages, as the server names them
 * (apps/server/src/modules/industry/model/labels.ts, leads.ts, chain-analysis.ts), with the
 * colours the pages use for them.
 */
export interface Label { zh: string; en: string; color?: string; hex?: string }

export const DESIGNATIONS: Record<DesignationKind, Label & { short: string }> = {
  srdi: { zh: '专精特新', short: '专精特新', en: 'SRDI', color: 'blue' },
  littleGiant: { zh: '专精特新“小巨人”', short: '小巨人', en: 'Little giant', color: 'purple' },
  singleChampion: { zh: '制造业单项冠军', short: '单项冠军', en: 'Single champion', color: 'gold' },
  highTech: { zh: '高新技术企业', short: '高新技术企业', en: 'High-tech enterprise', color: 'cyan' },
  chainLeader: { zh: '链主企业', short: '链主', en: 'Chain leader', color: 'magenta' },
};
export const DESIGNATION_KINDS = Object.keys(DESIGNATIONS) as DesignationKind[];

export const LEVELS: Record<Level, Label> = { national: { zh: '国家级', en: 'National' }, municipal: { zh: '市级', en: 'Municipal' } };

export const ORIGINS: Record<Origin, Label> = { local: { zh: '本土企业', en: 'Local', color: 'default' }, attracted: { zh: '引进企业', en: 'Attracted', color: 'geekblue' } };

export const FIGURE_SOURCES: Record<FigureSource, Label> = {
  selfReported: { zh: '企业自报', en: 'Self-reported', color: 'default' },
  districtVerified: { zh: '区县核实', en: 'District-verified', color: 'cyan' },
  statistics: { zh: '统计部门', en: 'Statistics bureau', color: 'blue' },
};

export const FIGURE_STATES: Record<FigureState, Label> = {
  submitted: { zh: '待核实', en: 'Awaiting verification', color: 'orange' },
  verified: { zh: '已核实', en: 'Verified', color: 'green' },
  rejected: { zh: '已退回', en: 'Returned', color: 'red' },
};

export const TIERS: Record<'100' | '50', Label> = {
  100: { zh: '≥100 亿元', en: '≥ 10 bn yuan', color: 'volcano' },
  50: { zh: '≥50 亿元', en: '≥ 5 bn yuan', color: 'orange' },
};

export const TRANSFORMATION_CATEGORIES: Record<string, Label> = {
  highPollution: { zh: '高污染', en: 'High pollution', color: 'red' },
  highEmission: { zh: '高排放', en: 'High emission', color: 'volcano' },
  lowEnd: { zh: '低端', en: 'Low-end', color: 'orange' },
  lowEfficiency: { zh: '低效能', en: 'Low efficiency', color: 'gold' },
};

export const FUND_KINDS: Record<string, Label> = {
  mother: { zh: '产业投资母基金', en: 'Mother fund', color: 'purple' },
  guidance: { zh: '区县产业引导基金', en: 'District guidance fund', color: 'blue' },
  venture: { zh: '风险投资基金', en: 'Venture fund', color: 'cyan' },
  industry: { zh: '产业基金', en: 'Industry fund', color: 'geekblue' },
};

export const PARK_KINDS: Record<string, Label> = {
  cluster: { zh: '集聚区', en: 'Cluster', color: 'purple' },
  park: { zh: '园区', en: 'Park', color: 'blue' },
  base: { zh: '产业基地', en: 'Industrial base', color: 'cyan' },
};

/** Columns of a chain graph, from raw materials to applications. */
export const CHAIN_STAGES: Record<ChainStage, Label> = {
  raw: { zh: '原料', en: 'Raw materials' },
  strain: { zh: '菌种与酶', en: 'Strains and enzymes' },
  process: { zh: '工艺', en: 'Processes' },
  product: { zh: '产品', en: 'Products' },
  application: { zh: '应用', en: 'Applications' },
};
export const CHAIN_STAGE_ORDER: ChainStage[] = ['raw', 'strain', 'process', 'product', 'application'];

/** 补链 强链 延链: a node's standing, the action it calls for, and its colour on the graph. */
export const STANDINGS: Record<Standing, Label & { action: Label }> = {
  gap: { zh: '缺失环节', en: 'Gap', color: 'red', hex: '#cf1322', action: { zh: '补链', en: 'Fill the gap' } },
  weak: { zh: '薄弱环节', en: 'Weak', color: 'orange', hex: '#fa8c16', action: { zh: '强链', en: 'Strengthen' } },
  extension: { zh: '延伸环节', en: 'Extension', color: 'blue', hex: '#1677ff', action: { zh: '延链', en: 'Extend' } },
  solid: { zh: '优势环节', en: 'Solid', color: 'green', hex: '#389e0d', action: { zh: '固链', en: 'Keep' } },
};
export const STANDING_ORDER: Standing[] = ['gap', 'weak', 'extension', 'solid'];

export const LEAD_STAGES: Record<LeadStage, Label> = {
  clue: { zh: '线索', en: 'Clue' },
  negotiating: { zh: '在谈', en: 'Negotiating' },
  signed: { zh: '签约', en: 'Signed' },
  started: { zh: '开工', en: 'Construction started' },
  funded: { zh: '到资', en: 'Funds arrived' },
  producing: { zh: '投产', en: 'In production' },
};
export const LEAD_STAGE_ORDER: LeadStage[] = ['clue', 'negotiating', 'signed', 'started', 'funded', 'producing'];

export const LEAD_STATUSES: Record<LeadStatus, Label> = {
  active: { zh: '跟进中', en: 'Active', color: 'processing' },
  joint: { zh: '联合协同', en: 'Joint', color: 'purple' },
  withdrawn: { zh: '已让渡', en: 'Withdrawn', color: 'default' },
  closed: { zh: '已关闭', en: 'Closed', color: 'default' },
};

export const CLOCKS: Record<ClockState, Label> = {
  ok: { zh: '正常', en: 'On time', color: 'green' },
  due: { zh: '临期', en: 'Due soon', color: 'orange' },
  overdue: { zh: '超时', en: 'Overdue', color: 'red' },
  stopped: { zh: '已停止', en: 'Stopped', color: 'default' },
};

export const MEASURES: Record<MapMeasure, Label & { unitZh: string; unitEn: string }> = {
  count: { zh: '企业数', en: 'Enterprises', unitZh: '家', unitEn: 'firms' },
  srdi: { zh: '专精特新', en: 'SRDI firms', unitZh: '家', unitEn: 'firms' },
  scale: { zh: '产业规模', en: 'Scale', unitZh: '亿元', unitEn: '100m yuan' },
};

/** The plan's four indicators computed from the industry records (action 3 and 4 targets for 2027), each with a drill-down page. */
export const INDICATORS: Record<string, Label & { description: Label; goal: number; unit: Label }> = {
  industryScale: { zh: '生物制造产业规模', en: 'Biomanufacturing industry scale',
    goal: 1000, unit: { zh: '亿元', en: '100m yuan' },
    description: { zh: '已核实的企业生物制造营业收入（无营收时取产值）', en: 'Verified biomanufacturing revenue (output value where no revenue)' } },
  leadingEnterprises100: { zh: '引进营收超 100 亿元领军企业', en: 'Attracted leading enterprises (≥ 10 bn yuan)',
    goal: 5, unit: { zh: '家', en: 'firms' },
    description: { zh: '已核实营收 ≥100 亿元的引进企业', en: 'Attracted enterprises with verified revenue ≥ 100 亿元' } },
  largeEnterprises50: { zh: '引进 50 亿元以上大企业', en: 'Attracted large enterprises (≥ 5 bn yuan)',
    goal: 10, unit: { zh: '家', en: 'firms' },
    description: { zh: '已核实营收 ≥50 亿元的引进企业', en: 'Attracted enterprises with verified revenue ≥ 50 亿元' } },
  srdiEnterprises: { zh: '专精特新与“小巨人”企业', en: 'SRDI and little-giant enterprises',
    goal: 50, unit: { zh: '家', en: 'firms' },
    description: { zh: '获“专精特新”或“小巨人”认定的企业', en: 'Enterprises designated SRDI or little giant' } },
};
