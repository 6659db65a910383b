/** The pilot module's vocabularies, each with its Chinese and English name. Codes are what the records store. */
export { DOMAINS } from '../../industry/model/enterprise-input.js';

import { codesOf, type Names } from '../../../platform/vocabulary.js';

/** Unit operations (单元操作). Stored by their Chinese name, as the matching engine reads them. */
export const PROCESSES: Record<string, Names> = {
  菌种选育: { zh: '菌种选育', en: 'Strain breeding' },
  合成生物学构建: { zh: '合成生物学构建', en: 'Synthetic-biology construction' },
  发酵: { zh: '发酵', en: 'Fermentation' },
  细胞培养: { zh: '细胞培养', en: 'Cell culture' },
  酶催化: { zh: '酶催化', en: 'Enzyme catalysis' },
  生物转化: { zh: '生物转化', en: 'Biotransformation' },
  分离纯化: { zh: '分离纯化', en: 'Separation and purification' },
  精制: { zh: '精制', en: 'Refining' },
  制剂: { zh: '制剂', en: 'Formulation' },
  灌装: { zh: '灌装', en: 'Filling' },
};
export const PROCESS_NAMES = Object.keys(PROCESSES);

export const ORGANISMS = {
  bacteria: { zh: '细菌', en: 'Bacteria' },
  yeast: { zh: '酵母', en: 'Yeast' },
  filamentousFungi: { zh: '丝状真菌', en: 'Filamentous fungi' },
  mammalianCells: { zh: '哺乳动物细胞', en: 'Mammalian cells' },
  algae: { zh: '藻类', en: 'Algae' },
  plantCells: { zh: '植物细胞', en: 'Plant cells' },
  insectCells: { zh: '昆虫细胞', en: 'Insect cells' },
  none: { zh: '不涉及', en: 'None' },
} as const;
export const ORGANISM_CODES = codesOf(ORGANISMS);

export const QUALITY_GRADES = { GMP: { zh: 'GMP', en: 'GMP' }, GLP: { zh: 'GLP', en: 'GLP' }, none: { zh: '无', en: 'None' } } as const;
export const QUALITY_GRADE_CODES = codesOf(QUALITY_GRADES);

/** 储备 → 重点 → 国家级. */
export const BASE_TIERS = { reserve: { zh: '储备', en: 'Reserve' }, key: { zh: '重点', en: 'Key' }, national: { zh: '国家级', en: 'National' } } as const;
export const BASE_TIER_CODES = codesOf(BASE_TIERS);

export const EQUIPMENT_STATUSES = { available: { zh: '可预约', en: 'Available' }, maintenance: { zh: '维护中', en: 'Under maintenance' }, retired: { zh: '已停用', en: 'Retired' } } as const;

/** Who books: prices differ for alliance members, enterprises and institutes. */
export const USER_CATEGORIES = { member: { zh: '联盟成员', en: 'Alliance member' }, enterprise: { zh: '企业', en: 'Enterprise' }, institute: { zh: '高校院所', en: 'Institute' } } as const;
export const USER_CATEGORY_CODES = codesOf(USER_CATEGORIES);

export const BOOKING_STATES = {
  requested: { zh: '待审批', en: 'Requested' }, approved: { zh: '已批准', en: 'Approved' }, rejected: { zh: '已驳回', en: 'Rejected' },
  cancelled: { zh: '已取消', en: 'Cancelled' }, checkedIn: { zh: '已签到', en: 'Checked in' }, completed: { zh: '已完成', en: 'Completed' },
} as const;

/** The three lists the pilot alliance publishes. */
export const LISTS = {
  atlas: { zh: '中试图谱', en: 'Pilot capability map' },
  demands: { zh: '生产需求清单', en: 'Production demand list' },
  achievements: { zh: '成果供给清单', en: 'Achievement supply list' },
} as const;
export const LIST_CODES = codesOf(LISTS);

/** A demand's or achievement's life: written, reviewed, published, expired (renewable) or closed. */
export const ITEM_STATES = {
  draft: { zh: '草稿', en: 'Draft' }, submitted: { zh: '待审核', en: 'Awaiting review' }, published: { zh: '已发布', en: 'Published' },
  returned: { zh: '已退回', en: 'Returned' }, expired: { zh: '已过期', en: 'Expired' }, closed: { zh: '已关闭', en: 'Closed' },
} as const;

/** 响应 → 洽谈 → 签约 → 完成, or closed with a reason. */
export const RESPONSE_STAGES = {
  responded: { zh: '响应', en: 'Responded' }, negotiating: { zh: '洽谈', en: 'Negotiating' }, signed: { zh: '签约', en: 'Signed' },
  done: { zh: '完成', en: 'Done' }, closed: { zh: '已关闭', en: 'Closed' },
} as const;
export const RESPONSE_OUTCOMES = { contract: { zh: '签订合同', en: 'Contract' }, pilotProject: { zh: '转为中试项目', en: 'Pilot project' }, noDeal: { zh: '未成交', en: 'No deal' } } as const;

/** 技术攻关 → 概念验证 → 中试熟化 → 企业孵化 → 园区运营 → 产业集群. */
export const PROJECT_STAGES = {
  research: { zh: '技术攻关', en: 'Research' }, poc: { zh: '概念验证', en: 'Proof of concept' }, pilot: { zh: '中试熟化', en: 'Pilot maturation' },
  incubation: { zh: '企业孵化', en: 'Incubation' }, park: { zh: '园区运营', en: 'Park operation' }, cluster: { zh: '产业集群', en: 'Cluster' },
} as const;
export const PROJECT_STAGE_CODES = codesOf(PROJECT_STAGES);
export const GATE_RESULTS = { pass: { zh: '通过', en: 'Pass' }, fail: { zh: '不通过', en: 'Fail' }, rework: { zh: '整改后再审', en: 'Rework' } } as const;

/**
 * One-stop services (一站式服务, 绿色通道): approvals, business services, and import/export
 * clearance for biological products (task 24), each routed to its responsible body with the
 * days it has. The bodies are organisations; their unit users handle the requests.
 */
export const SERVICE_CATEGORIES = {
  siteSelection: { zh: '规划选址', en: 'Site selection', kind: 'approval', bodyZh: '重庆市规划和自然资源局', slaDays: 10 },
  projectLand: { zh: '项目用地', en: 'Project land', kind: 'approval', bodyZh: '重庆市规划和自然资源局', slaDays: 15 },
  environment: { zh: '环境保护', en: 'Environmental approval', kind: 'approval', bodyZh: '重庆市生态环境局', slaDays: 15 },
  emergency: { zh: '应急管理', en: 'Emergency management', kind: 'approval', bodyZh: '重庆市应急管理局', slaDays: 10 },
  businessTax: { zh: '工商财税', en: 'Registration, finance and tax', kind: 'business', bodyZh: '重庆市市场监督管理局', slaDays: 5 },
  legal: { zh: '法律服务', en: 'Legal services', kind: 'business', bodyZh: '重庆市司法局', slaDays: 7 },
  brand: { zh: '品牌建设', en: 'Branding', kind: 'business', bodyZh: '重庆市经济和信息化委员会', slaDays: 10 },
  market: { zh: '市场拓展', en: 'Market development', kind: 'business', bodyZh: '重庆市商务委员会', slaDays: 10 },
  customs: { zh: '海关通关', en: 'Customs clearance', kind: 'clearance', bodyZh: '重庆海关', slaDays: 3 },
  drugAdmin: { zh: '药监审批', en: 'Drug administration', kind: 'clearance', bodyZh: '重庆市药品监督管理局', slaDays: 10 },
  inspection: { zh: '药检/食检', en: 'Drug and food testing', kind: 'clearance', bodyZh: '重庆市食品药品检验检测研究院', slaDays: 7 },
  logistics: { zh: '物流', en: 'Logistics', kind: 'clearance', bodyZh: '生物制造商品进(出)口服务综合体', slaDays: 3 },
  warehousing: { zh: '仓储', en: 'Warehousing', kind: 'clearance', bodyZh: '生物制造商品进(出)口服务综合体', slaDays: 3 },
} as const;
export type ServiceCategory = keyof typeof SERVICE_CATEGORIES;
export const SERVICE_KINDS = { approval: { zh: '审批服务', en: 'Approvals' }, business: { zh: '商务服务', en: 'Business services' }, clearance: { zh: '进出口通关', en: 'Import/export clearance' } } as const;
export const SERVICE_REQUEST_STATES = {
  submitted: { zh: '已提交', en: 'Submitted' }, accepted: { zh: '已受理', en: 'Accepted' }, done: { zh: '已办结', en: 'Done' },
  rejected: { zh: '不予受理', en: 'Rejected' }, withdrawn: { zh: '已撤回', en: 'Withdrawn' },
} as const;
