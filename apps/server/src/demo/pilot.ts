import type { Database } from '../platform/db/database.js';
import type { Ctx } from '../platform/context/ctx.js';
import type { Role } from '../platform/access/model.js';
import { systemCtx } from '../platform/context/ctx.js';
import { audit } from '../platform/audit/audit.js';
import { addDays, todayIn } from '../platform/dates.js';
import { identityService } from '../platform/identity/service.js';
import { fileService } from '../platform/files/files.js';
import { planService } from '../modules/plan/service.js';
import { industryServices } from '../modules/industry/index.js';
import { pilotServices, type PilotServices } from '../modules/pilot/index.js';
import { seedPilot } from '../modules/pilot/seed.js';
import { instantOf } from '../modules/pilot/model/bookings.js';
import type { BaseInput } from '../modules/pilot/bases.service.js';
import type { CapabilityFields, EquipmentFields, ServiceFields } from '../modules/pilot/model/bases.js';
import type { AchievementInput, DemandInput } from '../modules/pilot/model/lists.js';

/**
 * Demonstration pilot-scale records (中试验证, tasks 4–6 and 24): the four bases the plan names
 * (璧山, 巴南, 长寿, 涪陵) with platforms, capabilities, services and equipment; bookings; the
 * demand and achievement lists in every state; responses up to a pilot project; projects at
 * several stages behind gate reviews; one-stop requests; the first edition of each list. Loaded
 * once (skipped when any base exists), through the services acting as the demo users, so every
 * record has its audit row. Dates are relative to the day it is loaded: the services refuse a
 * past slot or deadline, so what happened "last week" is done with the services' clock set then.
 */

type Capability = Partial<CapabilityFields> & { nameZh: string; volumeMinL: number; volumeMaxL: number };
interface DemoBase {
  /** The demo pilot-base organisation runs this one, so demo.pilotbase keeps it. */
  ownBase?: true;
  base: Omit<BaseInput, 'organisationId'>;
  platforms: { nameZh: string; nameEn: string; summaryZh: string; capabilities: Capability[] }[];
  services: ServiceFields[];
  /** `platform` is the index of the platform the item belongs to. */
  equipment: (EquipmentFields & { platform?: number })[];
}

const MIIT = '重庆市经济和信息化委员会';

const BASES: DemoBase[] = [
  {
    ownBase: true,
    base: {
      nameZh: '璧山生物制造中试基地（示例）', nameEn: 'Bishan Biomanufacturing Pilot Base (demo)', operatorZh: '璧山生物制造中试基地（示例）', districtCode: '500120',
      addressZh: '璧山区璧泉街道生命科学城（示例地址）', lng: 106.2271, lat: 29.5923, domains: ['biochem', 'bioagrifood'], allianceMember: true,
      tier: 'key', recognisedOn: '2025-09-18', recognisedByZh: MIIT,
      summaryZh: '面向合成生物与精准发酵企业的公共中试基地，具备 5 L 至 20 m³ 发酵放大、分离纯化和酶催化中试能力，提供设备共享与工艺开发服务。',
      contactZh: '基地运营部 023-4000-0000（示例）',
    },
    platforms: [
      {
        nameZh: '微生物发酵中试平台', nameEn: 'Microbial fermentation pilot platform', summaryZh: '从摇瓶、小罐到 20 m³ 示范线的发酵工艺开发与放大。',
        capabilities: [
          { nameZh: '5–50 L 发酵工艺开发', processes: ['菌种选育', '发酵'], organisms: ['bacteria', 'yeast', 'filamentousFungi'], volumeMinL: 5, volumeMaxL: 50, biosafetyLevel: 2, descriptionZh: '平行生物反应器 12 台，在线溶氧、pH、尾气分析。' },
          { nameZh: '500 L–20 m³ 发酵放大', processes: ['发酵'], organisms: ['bacteria', 'yeast'], volumeMinL: 500, volumeMaxL: 20000, biosafetyLevel: 1, descriptionZh: '500 L、5 m³ 不锈钢发酵罐及 20 m³ 示范线，配甲醇防爆储供系统。' },
        ],
      },
      {
        nameZh: '分离纯化与精制平台', nameEn: 'Downstream processing platform', summaryZh: '离心、膜分离、连续层析、结晶与干燥。',
        capabilities: [
          { nameZh: '发酵液分离纯化与精制', processes: ['分离纯化', '精制'], organisms: ['bacteria', 'yeast'], volumeMinL: 100, volumeMaxL: 10000, biosafetyLevel: 1, descriptionZh: '碟片离心、陶瓷膜、多柱连续层析、MVR 蒸发结晶。' },
        ],
      },
      {
        nameZh: '酶催化与生物转化平台', nameEn: 'Enzyme catalysis platform', summaryZh: '酶制剂发酵、固定化酶与生物转化工艺验证。',
        capabilities: [
          { nameZh: '酶催化工艺验证', processes: ['酶催化', '生物转化'], organisms: ['bacteria'], volumeMinL: 10, volumeMaxL: 2000, biosafetyLevel: 1 },
        ],
      },
    ],
    services: [
      { nameZh: '发酵工艺放大（500 L–5 m³）', descriptionZh: '含菌种复苏、种子扩培、3 批次放大发酵及数据包。', priceYuan: 80000, priceUnitZh: '元/批次', leadTimeDays: 20 },
      { nameZh: '下游分离纯化工艺开发', descriptionZh: '从发酵液到合格产品的分离纯化路线设计与中试验证。', priceYuan: 150000, priceUnitZh: '元/项目', leadTimeDays: 45 },
      { nameZh: '菌种发酵性能评价', descriptionZh: '5 L 平行罐评价产量、转化率与稳定性。', priceYuan: 20000, priceUnitZh: '元/株', leadTimeDays: 10 },
    ],
    equipment: [
      { code: 'BS-FER-500-01', platform: 0, nameZh: '500 L 不锈钢发酵罐', typeZh: '发酵罐', model: 'BLBIO-500SJ', capacityZh: '500 L', capacityL: 500, priceMemberYuan: 300, priceEnterpriseYuan: 450, priceInstituteYuan: 360 },
      { code: 'BS-FER-5000-01', platform: 0, nameZh: '5 m³ 不锈钢发酵罐', typeZh: '发酵罐', model: 'BLBIO-5000SJ', capacityZh: '5 m³', capacityL: 5000, priceMemberYuan: 900, priceEnterpriseYuan: 1200, priceInstituteYuan: 1000 },
      { code: 'BS-DSC-01', platform: 1, nameZh: '碟片式离心机', typeZh: '离心机', model: 'DHC-400', capacityZh: '3 m³/h', priceMemberYuan: 200, priceEnterpriseYuan: 320, priceInstituteYuan: 260 },
      { code: 'BS-CHR-01', platform: 1, nameZh: '多柱连续层析系统', typeZh: '层析系统', model: 'BioSMB-PD', capacityZh: '柱体积 4×1 L', priceMemberYuan: 350, priceEnterpriseYuan: 520, priceInstituteYuan: 420 },
    ],
  },
  {
    base: {
      nameZh: '重庆国际生物城生物医药中试基地（示例）', nameEn: 'Chongqing International Bio-City Biopharma Pilot Base (demo)', operatorZh: '重庆国际生物城示例中试服务有限公司（示例）',
      districtCode: '500113', addressZh: '巴南区界石镇重庆国际生物城（示例地址）', lng: 106.6475, lat: 29.4058, domains: ['biopharma'], allianceMember: true,
      tier: 'national', recognisedOn: '2025-06-30', recognisedByZh: '工业和信息化部',
      summaryZh: '按 GMP 建设的生物药中试基地，覆盖哺乳动物细胞培养、抗体纯化、无菌制剂与灌装，可生产临床样品。',
      contactZh: '商务部 023-6000-0000（示例）',
    },
    platforms: [
      {
        nameZh: '哺乳动物细胞培养 GMP 中试平台', nameEn: 'GMP mammalian cell culture platform', summaryZh: 'CHO、HEK293 细胞株构建、工艺开发与 GMP 放大。',
        capabilities: [
          { nameZh: '3–50 L 细胞培养工艺开发', processes: ['细胞培养'], organisms: ['mammalianCells'], volumeMinL: 3, volumeMaxL: 50, qualityGrade: 'none', biosafetyLevel: 2 },
          { nameZh: 'CHO 细胞培养 200–2000 L（GMP）', processes: ['细胞培养'], organisms: ['mammalianCells'], volumeMinL: 200, volumeMaxL: 2000, qualityGrade: 'GMP', biosafetyLevel: 2, descriptionZh: '一次性生物反应器 200 L、500 L、2000 L 各一套，C 级背景。' },
        ],
      },
      {
        nameZh: '抗体纯化与制剂灌装平台', nameEn: 'Antibody purification, formulation and filling platform', summaryZh: '抗体纯化、病毒灭活与去除、无菌制剂与灌装。',
        capabilities: [
          { nameZh: '抗体纯化（GMP）', processes: ['分离纯化', '精制'], organisms: ['mammalianCells'], volumeMinL: 50, volumeMaxL: 2000, qualityGrade: 'GMP', biosafetyLevel: 2 },
          { nameZh: '无菌制剂与灌装（GMP）', processes: ['制剂', '灌装'], organisms: ['none'], volumeMinL: 10, volumeMaxL: 500, qualityGrade: 'GMP', biosafetyLevel: 1 },
        ],
      },
    ],
    services: [
      { nameZh: '细胞株构建与工艺开发', descriptionZh: 'CHO 细胞株构建、克隆筛选、上下游工艺开发。', priceYuan: 1200000, priceUnitZh: '元/项目', leadTimeDays: 120 },
      { nameZh: 'GMP 临床样品生产（200 L）', descriptionZh: '含放行检验及批记录，可支持 IND 申报。', priceYuan: 2800000, priceUnitZh: '元/批', leadTimeDays: 90 },
    ],
    equipment: [
      { code: 'BN-SUB-2000-01', platform: 0, nameZh: '2000 L 一次性生物反应器', typeZh: '生物反应器', model: 'XDR-2000', capacityZh: '2000 L', capacityL: 2000, priceMemberYuan: 2500, priceEnterpriseYuan: 3200, priceInstituteYuan: 2800 },
      { code: 'BN-SUB-200-01', platform: 0, nameZh: '200 L 一次性生物反应器', typeZh: '生物反应器', model: 'XDR-200', capacityZh: '200 L', capacityL: 200, priceMemberYuan: 800, priceEnterpriseYuan: 1100, priceInstituteYuan: 950 },
      { code: 'BN-AKTA-01', platform: 1, nameZh: '工艺级层析系统', typeZh: '层析系统', model: 'ÄKTA process', capacityZh: '流速 10–600 L/h', priceMemberYuan: 400, priceEnterpriseYuan: 600, priceInstituteYuan: 500 },
    ],
  },
  {
    base: {
      nameZh: '长寿生物化工中试基地（示例）', nameEn: 'Changshou Biochemicals Pilot Base (demo)', operatorZh: '长寿经开区示例中试服务有限公司（示例）', districtCode: '500115',
      addressZh: '长寿区晏家街道长寿经济技术开发区（示例地址）', domains: ['biochem', 'bioenergy'], allianceMember: true,
      tier: 'key', recognisedOn: '2025-11-20', recognisedByZh: MIIT,
      summaryZh: '依托化工园区公用工程的生物基化学品中试基地，擅长 1–20 m³ 好氧发酵与酶法合成放大。',
      contactZh: '技术服务部 023-4025-0000（示例）',
    },
    platforms: [
      {
        nameZh: '生物基化学品发酵放大平台', nameEn: 'Bio-based chemicals fermentation platform', summaryZh: '有机酸、二元醇、氨基酸等发酵放大。',
        capabilities: [
          { nameZh: '1–20 m³ 好氧发酵', processes: ['发酵'], organisms: ['bacteria', 'yeast'], volumeMinL: 1000, volumeMaxL: 20000, biosafetyLevel: 1 },
          { nameZh: '有机酸分离精制', processes: ['分离纯化', '精制'], organisms: ['bacteria'], volumeMinL: 1000, volumeMaxL: 20000, biosafetyLevel: 1 },
        ],
      },
      {
        nameZh: '酶法合成中试平台', nameEn: 'Enzymatic synthesis pilot platform', summaryZh: '固定化酶、全细胞催化合成生物基单体。',
        capabilities: [
          { nameZh: '酶法合成（戊二胺等）', processes: ['酶催化', '生物转化'], organisms: ['bacteria'], volumeMinL: 50, volumeMaxL: 5000, biosafetyLevel: 1 },
        ],
      },
    ],
    services: [
      { nameZh: '生物基化学品中试放大', descriptionZh: '含发酵、提取及 3 批次稳定性数据。', priceYuan: 300000, priceUnitZh: '元/批次', leadTimeDays: 30 },
      { nameZh: '酶催化工艺验证', priceYuan: 60000, priceUnitZh: '元/项目', leadTimeDays: 21 },
    ],
    equipment: [
      { code: 'CS-FER-10000-01', platform: 0, nameZh: '10 m³ 发酵罐', typeZh: '发酵罐', capacityZh: '10 m³', capacityL: 10000, priceMemberYuan: 1500, priceEnterpriseYuan: 2000, priceInstituteYuan: 1800 },
      { code: 'CS-ENZ-2000-01', platform: 1, nameZh: '2 m³ 酶反应釜', typeZh: '反应釜', capacityZh: '2 m³', capacityL: 2000, priceMemberYuan: 400, priceEnterpriseYuan: 600, priceInstituteYuan: 500 },
    ],
  },
  {
    base: {
      nameZh: '涪陵生物发酵中试基地（示例）', nameEn: 'Fuling Fermentation Pilot Base (demo)', operatorZh: '涪陵示例生物发酵中试有限公司（示例）', districtCode: '500102',
      addressZh: '涪陵区白涛化工园区（示例地址）', domains: ['biochem', 'bioagrifood'],
      summaryZh: '以页岩气甲醇为碳源的菌体蛋白与有机酸发酵中试线，建设中，列入储备。',
      contactZh: '筹建办 023-7222-0000（示例）',
    },
    platforms: [
      {
        nameZh: '甲醇发酵菌体蛋白中试线', nameEn: 'Methanol single-cell protein pilot line', summaryZh: '气升式连续发酵、喷雾干燥。',
        capabilities: [
          { nameZh: '甲醇好氧连续发酵 500–20000 L', processes: ['发酵'], organisms: ['bacteria', 'yeast'], volumeMinL: 500, volumeMaxL: 20000, biosafetyLevel: 1 },
        ],
      },
      {
        nameZh: '有机酸提取精制平台', nameEn: 'Organic acid recovery platform', summaryZh: '板框过滤、电渗析、结晶。',
        capabilities: [
          { nameZh: '有机酸提取与结晶', processes: ['分离纯化', '精制'], organisms: ['bacteria'], volumeMinL: 500, volumeMaxL: 10000, biosafetyLevel: 1 },
        ],
      },
    ],
    services: [
      { nameZh: '菌体蛋白发酵中试', descriptionZh: '连续发酵 30 天以上，含产品营养成分检测。', priceYuan: 200000, priceUnitZh: '元/批次', leadTimeDays: 30 },
    ],
    equipment: [
      { code: 'FL-ALR-20000-01', platform: 0, nameZh: '20 m³ 气升式发酵罐', typeZh: '发酵罐', capacityZh: '20 m³', capacityL: 20000, priceMemberYuan: 2000, priceEnterpriseYuan: 2600, priceInstituteYuan: 2300 },
      { code: 'FL-FP-01', platform: 1, nameZh: '板框压滤机', typeZh: '过滤设备', capacityZh: '过滤面积 40 m²', priceMemberYuan: 150, priceEnterpriseYuan: 220, priceInstituteYuan: 180 },
    ],
  },
];

/** Demands as posted; the deadline is days from the day the demo is loaded. */
type DemoDemand = Omit<DemandInput, 'deadline'> & { deadlineInDays: number };

const PDO: DemoDemand = {
  titleZh: '1,3-丙二醇 5 m³ 发酵放大中试验证', targetProductZh: '1,3-丙二醇（PDO）', processes: ['发酵', '分离纯化'], organism: 'bacteria', scaleL: 5000, budgetWan: 300,
  problemZh: '实验室 50 L 罐批次产量已达 85 g/L，放大到 5 m³ 后溶氧和补料控制不稳定，产量降至 60 g/L 以下，需在中试平台完成放大工艺验证与参数固化。',
  summaryZh: '寻求 5 m³ 级发酵放大平台及高产菌株，完成 1,3-丙二醇发酵放大工艺验证，目标产量不低于 80 g/L。',
  detailZh: '（保密）现有菌株为克雷伯氏菌改造株，甘油转化率 0.52 g/g，采用两段式补料；拟于明年二季度启动万吨级产线设计，中试数据将用于工艺包编制。预算含平台使用费与技术服务费。',
  deadlineInDays: 150, domain: 'biochem', districtCode: '500102', trlNeeded: 6,
};
const SUCCINIC: DemoDemand = {
  titleZh: '丁二酸发酵液下游分离纯化工艺开发', targetProductZh: '生物基丁二酸（聚合级）', processes: ['分离纯化', '精制'], organism: 'bacteria', scaleL: 2000, budgetWan: 180,
  problemZh: '厌氧发酵丁二酸滴度 70 g/L，现用钙盐沉淀法产生大量硫酸钙固废，纯度仅 98%，需开发膜分离与连续层析、结晶相结合的清洁纯化工艺。',
  summaryZh: '寻求丁二酸发酵液清洁分离纯化技术及 2 m³ 级中试验证，目标聚合级纯度 ≥99.5%、收率 ≥85%。',
  detailZh: '（保密）发酵液组成：丁二酸 70 g/L、乙酸 6 g/L、菌体 15 g/L；现有工艺吨产品固废 1.2 吨，成本约 1.1 万元/吨，目标降至 0.8 万元/吨。',
  deadlineInDays: 120, domain: 'biochem', districtCode: '500102', trlNeeded: 5,
};
const SCP: DemoDemand = {
  titleZh: '甲醇制菌体蛋白 20 m³ 连续发酵中试', targetProductZh: '菌体蛋白（饲料级）', processes: ['发酵', '分离纯化'], organism: 'bacteria', scaleL: 20000, budgetWan: 500,
  problemZh: '以页岩气甲醇为唯一碳源的菌体蛋白发酵，实验室 50 L 罐蛋白含量 72%，需验证 20 m³ 气升式连续发酵的传质、移热和甲醇浓度控制。',
  summaryZh: '寻求 20 m³ 级甲醇好氧连续发酵中试线，验证菌体蛋白连续发酵工艺，蛋白含量 ≥70%，连续运行 30 天以上。',
  detailZh: '（保密）菌株为专有甲基营养菌，甲醇耐受 2%；目标甲醇得率 0.45 g/g；中试成功后配套涪陵白涛化工园区万吨级项目。',
  deadlineInDays: 200, domain: 'bioagrifood', districtCode: '500102', trlNeeded: 6,
};
const ANTIBODY: DemoDemand = {
  titleZh: '双特异性抗体 CHO 细胞 GMP 中试生产', targetProductZh: '双特异性抗体（临床 I 期样品）', processes: ['细胞培养', '分离纯化', '制剂'], organism: 'mammalianCells', scaleL: 500, budgetWan: 1500,
  problemZh: '双抗候选药物已完成细胞株构建，表达量 3 g/L，需在 GMP 条件下以 200–500 L 规模生产临床 I 期样品，并完成工艺表征。',
  summaryZh: '寻求符合 GMP 的 500 L 级 CHO 细胞培养及抗体纯化、制剂平台，生产临床 I 期样品 3 批。',
  detailZh: '（保密）分子为 IgG 样对称双抗，错配副产物约 8%；细胞株为 CHO-K1 GS 体系；计划明年三季度递交 IND。',
  deadlineInDays: 240, domain: 'biopharma', districtCode: '500113', biosafetyLevel: 2, qualityGrade: 'GMP', trlNeeded: 6,
};
const CADAVERINE: DemoDemand = {
  titleZh: '生物基戊二胺聚合级精制', targetProductZh: '戊二胺', processes: ['分离纯化', '精制'], organism: 'none', scaleL: 1000,
  problemZh: '戊二胺粗品色度高，需精制至聚合级。',
  summaryZh: '寻求戊二胺精制技术。',
  deadlineInDays: 90, domain: 'biochem', districtCode: '500102',
};
const PHA: DemoDemand = {
  titleZh: '聚羟基脂肪酸酯（PHA）发酵放大', targetProductZh: 'PHA 生物可降解材料', processes: ['发酵', '分离纯化'], organism: 'bacteria', scaleL: 10000, budgetWan: 400,
  problemZh: '嗜盐菌发酵生产 PHA，拟在 10 m³ 开放式发酵中验证抗染菌能力和胞内产物提取收率。',
  summaryZh: '寻求 10 m³ 级嗜盐菌开放发酵与 PHA 提取中试平台。',
  deadlineInDays: 180, domain: 'biochem', districtCode: '500102', trlNeeded: 5,
};

const INSTITUTE_DISTRICT = '500106';
const ACH_PDO: AchievementInput = {
  titleZh: '1,3-丙二醇高产工程菌株及 5 m³ 发酵工艺', trl: 6, scaleReachedL: 5000, ipZh: '发明专利 2 项（已授权 1 项）', domain: 'biochem',
  processes: ['菌种选育', '发酵'], organisms: ['bacteria'], districtCode: INSTITUTE_DISTRICT,
  resultZh: '构建甘油代谢途径优化的工程菌株，5 m³ 罐批次产量 86 g/L、转化率 0.55 g/g，已完成 3 批次稳定性验证。',
  detailZh: '（保密）菌株敲除 4 个副产物途径基因并强化辅酶再生；补料控制模型与 3 批次完整数据包。',
  partnerWantedZh: '寻求有产业化意向的企业开展万吨级工艺包合作或技术许可。',
};
const ACH_CADAVERINE: AchievementInput = {
  titleZh: '酶催化法生产生物基戊二胺', trl: 5, scaleReachedL: 100, ipZh: '发明专利 1 项', domain: 'biochem', processes: ['酶催化', '生物转化'], organisms: ['bacteria'], districtCode: INSTITUTE_DISTRICT,
  resultZh: '赖氨酸脱羧酶固定化酶催化工艺，100 L 反应器转化率 99%，固定化酶可重复使用 20 批次以上。',
  detailZh: '（保密）酶突变体序列及固定化载体配方。',
  partnerWantedZh: '寻求中试放大平台及尼龙 56 下游企业合作。',
};
const ACH_CHROMATOGRAPHY: AchievementInput = {
  titleZh: '多柱连续层析纯化技术', trl: 6, scaleReachedL: 2000, ipZh: '发明专利 3 项、软件著作权 1 项', domain: 'biochem', processes: ['分离纯化', '精制'], organisms: ['bacteria', 'mammalianCells'],
  districtCode: INSTITUTE_DISTRICT,
  resultZh: '多柱逆流连续层析用于有机酸和抗体纯化，树脂利用率提高 40%，缓冲液消耗降低 30%，已在 2 m³ 发酵液规模验证。',
  detailZh: '（保密）切换策略与在线控制算法。',
  partnerWantedZh: '寻求有机酸、氨基酸、抗体生产企业开展工艺验证合作。',
};
const ACH_CHO: AchievementInput = {
  titleZh: 'CHO 细胞高表达平台', trl: 7, scaleReachedL: 200, ipZh: '发明专利 2 项', domain: 'biopharma', processes: ['细胞培养', '合成生物学构建'], organisms: ['mammalianCells'],
  districtCode: INSTITUTE_DISTRICT,
  resultZh: 'CHO-K1 谷氨酰胺合成酶筛选体系，单抗表达量 5–8 g/L，细胞株构建周期 3 个月，已在 200 L 一次性反应器完成放大。',
  detailZh: '（保密）表达载体元件与无血清培养基配方。',
  partnerWantedZh: '可提供细胞株构建服务或平台技术许可。',
};
const ACH_PICHIA: AchievementInput = {
  titleZh: '毕赤酵母甲醇高密度发酵工艺包', trl: 4, scaleReachedL: 50, domain: 'bioagrifood', processes: ['发酵'], organisms: ['yeast'], districtCode: INSTITUTE_DISTRICT,
  resultZh: '毕赤酵母甲醇诱导高密度发酵，50 L 罐菌体干重 120 g/L，适用于功能蛋白和菌体蛋白生产。',
  partnerWantedZh: '寻求中试放大合作。',
};

const BARNAN_ANTIBODY = '重庆国际生物城示例抗体药业有限公司（示例）';

export async function loadDemoPilot(database: Database): Promise<number> {
  const { db } = database;
  if (await db.selectFrom('pilotBase').select('id').limit(1).executeTakeFirst()) return 0;
  await seedPilot(db, systemCtx('seed')); // the one-stop routes requests go to
  const as = async (username: string): Promise<Ctx> => {
    const u = await db.selectFrom('appUser').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
    return { requestId: 'demo', principal: { userId: u.id, username: u.username, displayName: u.displayName, organisationId: u.organisationId, roles: u.roles as Role[], via: 'session', scopes: null } };
  };
  const who: People = {
    tf: await as('demo.taskforce'), ent: await as('demo.enterprise'), inst: await as('demo.institute'), base: await as('demo.pilotbase'),
    antibodyOrg: await antibodyOrganisation(database, await as('demo.taskforce')),
  };
  // One clock for every service: the real time, or a moment in the past while `at` replays it.
  let clock: Date | null = null;
  const s = pilotServices(database, { plan: planService(database), files: fileService(database), now: () => clock ?? new Date() });
  const at = async <T>(when: Date, f: () => Promise<T>): Promise<T> => { clock = when; try { return await f(); } finally { clock = null; } };
  const today = todayIn(new Date());
  /** `days` from today (negative: before) at hh:mm in Chongqing. */
  const day = (days: number, hh = 9, mm = 0) => new Date(instantOf(addDays(today, days))!.getTime() + (hh * 60 + mm) * 60_000);
  const ctx: DemoCtx = { database, s, who, at, day, today, made: { bases: [], demands: [], achievements: [], projects: [], requests: [] }, n: 0 };

  const bases = await loadBases(ctx);
  await loadBookings(ctx, bases[0]);
  const items = await loadLists(ctx);
  const projectFromResponse = await loadResponses(ctx, items, bases[0]);
  await loadProjects(ctx, items, bases);
  await loadOneStop(ctx, projectFromResponse);
  for (const list of ['atlas', 'demands', 'achievements'] as const) {
    const e = await s.editions.open(who.tf, { list });
    await s.editions.publish(who.tf, e.id);
    ctx.n++;
  }
  await s.match.rematchAll(who.tf); // so the task force's "unserved demands" view has a run to read
  await flagDemo(ctx);
  return ctx.n;
}

interface People { tf: Ctx; ent: Ctx; inst: Ctx; base: Ctx; antibodyOrg: string }
interface LoadedBase { id: string; platformIds: string[]; equipmentIds: string[] }
interface Items { demands: Record<'pdo' | 'succinic' | 'scp' | 'antibody', string>; achievements: Record<'pdo' | 'cadaverine' | 'chromatography' | 'cho', string> }
interface DemoCtx {
  database: Database; s: PilotServices; who: People; today: string; n: number;
  at: <T>(when: Date, f: () => Promise<T>) => Promise<T>;
  day: (days: number, hh?: number, mm?: number) => Date;
  /** Ids of the rows with an is_demo column, flagged at the end. */
  made: { bases: string[]; demands: string[]; achievements: string[]; projects: string[]; requests: string[] };
}

/**
 * 巴南's antibody maker posts the GMP demand: an enterprise organisation (示例) without a demo
 * user, so the task force posts for it; the industry demo's record of that firm is linked to it.
 */
async function antibodyOrganisation(database: Database, tf: Ctx): Promise<string> {
  const { db } = database;
  const existing = await db.selectFrom('organisation').select('id').where('kind', '=', 'enterprise').where('nameZh', '=', BARNAN_ANTIBODY).executeTakeFirst();
  const id = existing?.id ?? (await identityService(database).createOrganisation(systemCtx('demo'), {
    kind: 'enterprise', nameZh: BARNAN_ANTIBODY, nameEn: 'Chongqing Bio-City Demo Antibody Pharma Co., Ltd. (demo)', districtCode: '500113',
  }, { isDemo: true })).id;
  const firm = await db.selectFrom('enterprise').select(['id', 'organisationId']).where('nameZh', '=', BARNAN_ANTIBODY).executeTakeFirst();
  if (firm && !firm.organisationId) await industryServices(database, { plan: planService(database) }).enterprises.update(tf, firm.id, { organisationId: id });
  return id;
}

/** The four bases, registered ten months ago by the task force and furnished by their keepers. */
async function loadBases(c: DemoCtx): Promise<LoadedBase[]> {
  const { s, who } = c;
  const pilotOrg = who.base.principal!.organisationId!;
  return c.at(c.day(-300, 10), async () => {
    const out: LoadedBase[] = [];
    for (const b of BASES) {
      const base = await s.bases.create(who.tf, { ...b.base, organisationId: b.ownBase ? pilotOrg : null });
      const keeper = b.ownBase ? who.base : who.tf;
      const platformIds: string[] = [];
      for (const p of b.platforms) {
        const platform = await s.bases.addPlatform(keeper, base.id, { nameZh: p.nameZh, nameEn: p.nameEn, summaryZh: p.summaryZh });
        platformIds.push(platform.id);
        for (const cap of p.capabilities) await s.bases.addCapability(keeper, platform.id, cap);
        c.n += 1 + p.capabilities.length;
      }
      for (const svc of b.services) await s.bases.addService(keeper, base.id, svc);
      const equipmentIds: string[] = [];
      for (const { platform, ...e } of b.equipment) {
        equipmentIds.push((await s.bases.addEquipment(keeper, base.id, { ...e, platformId: platform === undefined ? null : platformIds[platform] })).id);
      }
      c.n += 1 + b.services.length + b.equipment.length;
      c.made.bases.push(base.id);
      out.push({ id: base.id, platformIds, equipmentIds });
    }
    return out;
  });
}

/** On 璧山's equipment: a batch used last week, one approved for next week, one awaiting the base. */
async function loadBookings(c: DemoCtx, bishan: LoadedBase) {
  const { s, who, day, at } = c;
  const [fer500, fer5000, centrifuge] = bishan.equipmentIds;
  const slot = (days: number, hh: number) => `${addDays(c.today, days)}T${String(hh).padStart(2, '0')}:00:00+08:00`;
  const done = await at(day(-10, 10), () => s.bookings.request(who.inst, centrifuge, { from: slot(-8, 9), to: slot(-8, 17), purposeZh: '1,3-丙二醇发酵液菌体分离试验' }));
  await at(day(-9, 9), () => s.bookings.approve(who.base, done.id));
  await at(day(-8, 9, 5), () => s.bookings.checkIn(who.base, done.id));
  await at(day(-8, 17, 10), () => s.bookings.recordUsage(who.base, done.id, { usageHours: 7.5, noteZh: '处理发酵液 12 m³，运行正常' }));
  const approved = await s.bookings.request(who.ent, fer5000, { from: slot(7, 8), to: slot(10, 8), purposeZh: '1,3-丙二醇 5 m³ 放大发酵第 1 批' });
  await s.bookings.approve(who.base, approved.id);
  await s.bookings.request(who.inst, fer500, { from: slot(14, 9), to: slot(16, 9), purposeZh: '戊二胺产酶菌株 500 L 发酵验证' });
  c.n += 3;
}

/** Both lists: posted, reviewed and published five weeks ago, with one returned, one draft and one awaiting review. */
async function loadLists(c: DemoCtx): Promise<Items> {
  const { s, who, day, at } = c;
  const demand = async (ctx: Ctx, d: DemoDemand, organisationId?: string) => {
    const { deadlineInDays, ...input } = d;
    const row = await s.lists.create(ctx, 'demand', { ...input, deadline: addDays(c.today, deadlineInDays), ...(organisationId ? { organisationId } : {}) });
    c.made.demands.push(row.id as string);
    c.n++;
    return row.id as string;
  };
  const achievement = async (a: AchievementInput) => {
    const row = await s.lists.create(who.inst, 'achievement', a);
    c.made.achievements.push(row.id as string);
    c.n++;
    return row.id as string;
  };
  const posted = await at(day(-38, 10), async () => ({
    pdo: await demand(who.ent, PDO), succinic: await demand(who.ent, SUCCINIC), scp: await demand(who.ent, SCP), antibody: await demand(who.tf, ANTIBODY, who.antibodyOrg),
    achPdo: await achievement(ACH_PDO), cadaverine: await achievement(ACH_CADAVERINE), chromatography: await achievement(ACH_CHROMATOGRAPHY), cho: await achievement(ACH_CHO),
  }));
  await at(day(-37, 15), async () => {
    for (const id of [posted.pdo, posted.succinic, posted.scp]) await s.lists.submit(who.ent, 'demand', id);
    await s.lists.submit(who.tf, 'demand', posted.antibody);
    for (const id of [posted.achPdo, posted.cadaverine, posted.chromatography, posted.cho]) await s.lists.submit(who.inst, 'achievement', id);
  });
  await at(day(-35, 10), async () => {
    for (const id of [posted.pdo, posted.succinic, posted.scp, posted.antibody]) await s.lists.publish(who.tf, 'demand', id, { reviewNoteZh: '信息完整，同意发布' });
    for (const id of [posted.achPdo, posted.cadaverine, posted.chromatography, posted.cho]) await s.lists.publish(who.tf, 'achievement', id);
  });
  const returned = await at(day(-12, 10), async () => { const id = await demand(who.ent, CADAVERINE); await s.lists.submit(who.ent, 'demand', id); return id; });
  await at(day(-10, 16), () => s.lists.returnItem(who.tf, 'demand', returned, { reviewNoteZh: '请补充目标纯度、现有小试数据和预算，并说明是否涉及危险化学品。' }));
  await at(day(-3, 11), () => demand(who.ent, PHA));
  await at(day(-2, 10), async () => { const id = await achievement(ACH_PICHIA); await s.lists.submit(who.inst, 'achievement', id); });
  return {
    demands: { pdo: posted.pdo, succinic: posted.succinic, scp: posted.scp, antibody: posted.antibody },
    achievements: { pdo: posted.achPdo, cadaverine: posted.cadaverine, chromatography: posted.chromatography, cho: posted.cho },
  };
}

/**
 * Responses: the institute offers its strain for the 1,3-丙二醇 demand (negotiating, a short
 * thread) and its chromatography for 丁二酸 (signed); 璧山's base takes the 菌体蛋白 demand to a
 * pilot project; the enterprise asks after the 戊二胺 achievement (awaiting its owner).
 */
async function loadResponses(c: DemoCtx, items: Items, bishan: LoadedBase): Promise<string> {
  const { s, who, day, at } = c;
  const pdo = await at(day(-20, 10), () => s.responses.respond(who.inst, {
    targetKind: 'demand', itemId: items.demands.pdo, achievementId: items.achievements.pdo,
    messageZh: '我院 1,3-丙二醇高产菌株已在 5 m³ 罐完成验证，批次产量 86 g/L，可联合璧山中试基地开展放大工艺验证。',
  }));
  await at(day(-18, 9), () => s.responses.accept(who.ent, pdo.id));
  await at(day(-17, 14), () => s.responses.postMessage(who.ent, pdo.id, '请提供 5 m³ 批次的补料曲线和溶氧控制数据，我方拟下周赴贵院交流。'));
  await at(day(-15, 10), () => s.responses.postMessage(who.inst, pdo.id, '数据已整理，可于下周三上午在璧山中试基地现场交流，并共同查看 5 m³ 发酵罐运行情况。'));

  const succinic = await at(day(-25, 10), () => s.responses.respond(who.inst, {
    targetKind: 'demand', itemId: items.demands.succinic, achievementId: items.achievements.chromatography,
    messageZh: '多柱连续层析已在 2 m³ 有机酸发酵液规模验证，可替代钙盐沉淀，消除硫酸钙固废。',
  }));
  await at(day(-23, 11), () => s.responses.accept(who.ent, succinic.id));
  await at(day(-10, 15), () => s.responses.move(who.ent, succinic.id, { stage: 'signed', contractWan: 120 }));

  const scp = await at(day(-28, 10), () => s.responses.respond(who.base, {
    targetKind: 'demand', itemId: items.demands.scp, platformId: bishan.platformIds[0],
    messageZh: '璧山基地 20 m³ 发酵示范线可承接甲醇连续发酵中试，已配备甲醇防爆储供系统和尾气处理装置。',
  }));
  await at(day(-27, 10), () => s.responses.accept(who.ent, scp.id));
  await at(day(-20, 16), () => s.responses.move(who.ent, scp.id, { stage: 'signed', contractWan: 260 }));
  const finished = await at(day(-14, 10), () => s.responses.move(who.base, scp.id, {
    stage: 'done', outcome: 'pilotProject', projectNameZh: '甲醇制菌体蛋白 20 m³ 连续发酵中试', projectStage: 'pilot',
    outcomeNoteZh: '双方签订中试服务合同，在璧山基地开展 3 批次连续发酵验证。',
  }));

  await at(day(-5, 10), () => s.responses.respond(who.ent, {
    targetKind: 'achievement', itemId: items.achievements.cadaverine,
    messageZh: '我公司拟布局尼龙 56 原料，希望了解酶法戊二胺的放大成本与技术许可方式。',
  }));
  c.n += 4 + 2 + 1; // responses, messages, and the project the last one made
  c.made.projects.push(finished.pilotProjectId!);
  return finished.pilotProjectId!;
}

/**
 * Projects at each early stage, steered by the task force's gate reviews: an antibody process
 * through pilot maturation into incubation (the 1-to-10 indicator), the 戊二胺 enzyme process
 * into proof of concept after a rework, and the 丁二酸 purification just started.
 */
async function loadProjects(c: DemoCtx, items: Items, bases: LoadedBase[]) {
  const { s, who, day, at } = c;
  const [, biocity, changshou, fuling] = bases;
  const reviewOn = (when: Date, id: string, result: 'pass' | 'rework', evidenceZh: string, extra?: { noteZh?: string; evidenceFileId?: string }) =>
    at(when, async () => {
      await s.projects.review(who.tf, id, { result, reviewerNameZh: '中试项目评审专家组（示例）', reviewedOn: todayIn(when), evidenceZh, ...extra });
      c.n++;
    });

  const antibody = await at(day(-240, 10), () => s.projects.create(who.tf, {
    nameZh: '重组人源化单克隆抗体 CHO 工艺开发与 GMP 中试', baseId: biocity.id, leadOrgId: who.antibodyOrg, districtCode: '500113', domain: 'biopharma', stage: 'research',
    summaryZh: '在国际生物城基地完成细胞株构建、工艺开发和 2000 L GMP 中试，支撑企业新建商业化产线。',
  }));
  await reviewOn(day(-200, 15), antibody.id, 'pass', '细胞株表达量 4.2 g/L，稳定性 60 代合格');
  await reviewOn(day(-150, 15), antibody.id, 'pass', '200 L 工艺确认批收率 72%，关键质量属性符合预定标准');
  await reviewOn(day(-60, 15), antibody.id, 'rework', '2000 L 首批宿主蛋白残留偏高', { noteZh: '补充三批次工艺一致性数据后再审' });
  const file = await at(day(-21, 9), () => fileService(c.database).upload(who.tf, {
    name: '中试熟化关口评审意见（示例）.txt', mime: 'text/plain',
    content: Buffer.from('2000 L GMP 连续三批工艺一致性良好，关键质量属性全部符合标准，同意进入企业孵化阶段。（示例）\n', 'utf8'),
  }));
  await reviewOn(day(-20, 15), antibody.id, 'pass', '2000 L 连续三批工艺一致性验证通过，企业已在国际生物城注册产业化公司', { evidenceFileId: file.id });

  const enzyme = await at(day(-30, 10), () => s.projects.create(who.tf, {
    nameZh: '酶法戊二胺中试放大', achievementId: items.achievements.cadaverine, baseId: changshou.id, leadOrgId: who.inst.principal!.organisationId, districtCode: '500115', domain: 'biochem',
    stage: 'research', summaryZh: '在长寿基地将固定化酶工艺由 100 L 放大至 2 m³。',
  }));
  await reviewOn(day(-20, 15), enzyme.id, 'rework', '固定化酶 2 m³ 首批转化率 93%，低于 97% 的关口指标', { noteZh: '优化补料与 pH 控制后再审' });
  await reviewOn(day(-8, 15), enzyme.id, 'pass', '调整后连续两批转化率 98.6%，酶重复使用 15 批次活性保持 85%');

  const succinic = await at(day(-9, 10), () => s.projects.create(who.tf, {
    nameZh: '丁二酸连续层析清洁纯化工艺攻关', demandId: items.demands.succinic, achievementId: items.achievements.chromatography, baseId: fuling.id,
    leadOrgId: who.ent.principal!.organisationId, districtCode: '500102', domain: 'biochem', stage: 'research',
    summaryZh: '依据已签约的响应，在涪陵基地开展连续层析替代钙盐沉淀的攻关。',
  }));
  c.made.projects.push(antibody.id, enzyme.id, succinic.id);
  c.n += 4;
}

/** One-stop requests: an environmental approval done on the green channel, a customs clearance done, a tax consultation accepted, a site selection just filed. */
async function loadOneStop(c: DemoCtx, scpProject: string) {
  const { s, who, day, at } = c;
  const env = await at(day(-13, 10), () => s.oneStop.file(who.base, {
    category: 'environment', greenChannel: true, projectId: scpProject, districtCode: '500120',
    titleZh: '甲醇发酵中试线环境影响评价审批（绿色通道）', detailZh: '璧山基地 20 m³ 甲醇发酵中试线改造，新增尾气处理设施，申请环评审批绿色通道。',
  }));
  await at(day(-12, 9), () => s.oneStop.accept(who.tf, env.id, '材料齐全，予以受理'));
  await at(day(-5, 9, 30), () => s.oneStop.finish(who.tf, env.id, '已出具环评批复（示例），同意建设。'));

  const customs = await at(day(-9, 14), () => s.oneStop.file(who.ent, {
    category: 'customs', greenChannel: true,
    titleZh: '进口工程菌株及特种培养基通关', detailZh: '自欧洲进口 1,3-丙二醇工程菌株冻存管 20 支及特种培养基 200 kg，申请生物材料通关绿色通道。',
  }));
  await at(day(-9, 16), () => s.oneStop.accept(who.tf, customs.id, '已安排优先查验'));
  await at(day(-8, 11), () => s.oneStop.finish(who.tf, customs.id, '已完成查验放行，通关用时 21 小时。'));

  const tax = await at(day(-2, 10), () => s.oneStop.file(who.inst, {
    category: 'businessTax', titleZh: '成果转化公司设立登记及研发费用加计扣除咨询',
    detailZh: '拟以 CHO 细胞高表达平台作价入股设立成果转化公司，咨询设立登记流程及研发费用加计扣除政策。',
  }));
  await at(day(-1, 9), () => s.oneStop.accept(who.tf, tax.id, '已转市场监管和税务窗口联合办理'));

  const site = await s.oneStop.file(who.ent, {
    category: 'siteSelection', titleZh: '1,3-丙二醇万吨级产线规划选址',
    detailZh: '中试验证完成后拟在涪陵白涛化工园区建设万吨级 1,3-丙二醇产线，申请规划选址意见。',
  });
  c.made.requests.push(env.id, customs.id, tax.id, site.id);
  c.n += 4;
}

/** The rows with an is_demo column are marked so, in one audited transaction. */
async function flagDemo(c: DemoCtx) {
  const m = c.made;
  await c.database.db.transaction().execute(async (trx) => {
    await trx.updateTable('pilotBase').set({ isDemo: true }).where('id', 'in', m.bases).execute();
    await trx.updateTable('pilotDemand').set({ isDemo: true }).where('id', 'in', m.demands).execute();
    await trx.updateTable('pilotAchievement').set({ isDemo: true }).where('id', 'in', m.achievements).execute();
    await trx.updateTable('pilotProject').set({ isDemo: true }).where('id', 'in', m.projects).execute();
    await trx.updateTable('serviceRequest').set({ isDemo: true }).where('id', 'in', m.requests).execute();
    await audit(trx, systemCtx('demo'), {
      action: 'pilot.demo.flag', entityType: 'pilotBase', entityId: 'demo',
      summary: `标记示例数据：基地 ${m.bases.length}、需求 ${m.demands.length}、成果 ${m.achievements.length}、项目 ${m.projects.length}、服务申请 ${m.requests.length}（Flagged demo records）`,
    });
  });
}
