import { enumOf } from '../../platform/excel/index.js';
import type { Column } from '../../platform/excel/index.js';
import { LEAD_STAGE_NAMES, LEAD_STAGES } from './model/leads.js';
import { FIGURE_SOURCES, ORIGINS } from './model/labels.js';

/** The columns of the industry lists: one set for template, import and export. */

export const ENTERPRISE_COLUMNS: Column[] = [
  { key: 'creditCode', headerZh: '统一社会信用代码', headerEn: 'Credit code', type: 'string', required: true, maxLength: 18, example: '91500000MA5U7AQ05Y', width: 22, noteZh: 'GB 32100，18 位，末位为校验码' },
  { key: 'nameZh', headerZh: '企业名称', headerEn: 'Name', type: 'string', required: true, maxLength: 200, example: '重庆示例生物科技有限公司', width: 30 },
  { key: 'nameEn', headerZh: '英文名称', headerEn: 'English name', type: 'string', maxLength: 200, width: 24 },
  { key: 'formerNames', headerZh: '曾用名', headerEn: 'Former names', type: 'string', maxLength: 1000, width: 20, noteZh: '多个用“、”分隔' },
  { key: 'district', headerZh: '所在区县', headerEn: 'District', type: 'string', required: true, maxLength: 20, example: '璧山区', width: 12, noteZh: '区县名称或六位代码（GB/T 2260）' },
  { key: 'park', headerZh: '所在园区', headerEn: 'Park', type: 'string', maxLength: 200, width: 20, noteZh: '平台上的园区名称，可空' },
  { key: 'domains', headerZh: '所属领域', headerEn: 'Domains', type: 'string', maxLength: 200, example: '生物化工与生物基材料', width: 20, noteZh: '生物化工与生物基材料、生物药、生物农业与食品、生物能源与环境，多个用“、”分隔' },
  { key: 'products', headerZh: '主要产品', headerEn: 'Products', type: 'string', maxLength: 2000, example: '1,3-丙二醇、生物基聚酯', width: 28, noteZh: '多个用“、”分隔' },
  { key: 'chainNodes', headerZh: '产业链环节', headerEn: 'Chain nodes', type: 'string', maxLength: 2000, example: '1,3-丙二醇', width: 24, noteZh: '产业链环节名称或编码，多个用“、”分隔' },
  { key: 'designations', headerZh: '认定', headerEn: 'Designations', type: 'string', maxLength: 1000, example: '专精特新:市级:2023', width: 24, noteZh: '认定类型:级别:年份，多个用“、”分隔；类型为专精特新、小巨人、单项冠军、高新技术企业、链主' },
  { key: 'origin', headerZh: '企业来源', headerEn: 'Origin', type: 'enum', values: enumOf(ORIGINS), example: 'local', width: 10 },
  { key: 'landedOn', headerZh: '落地日期', headerEn: 'Landed on', type: 'date', width: 12, noteZh: '引进企业填写' },
  { key: 'summaryZh', headerZh: '企业简介', headerEn: 'Summary', type: 'string', maxLength: 2000, width: 30 },
];

export const FIGURE_COLUMNS: Column[] = [
  { key: 'creditCode', headerZh: '统一社会信用代码', headerEn: 'Credit code', type: 'string', required: true, maxLength: 18, example: '91500000MA5U7AQ05Y', width: 22 },
  { key: 'nameZh', headerZh: '企业名称', headerEn: 'Name', type: 'string', maxLength: 200, width: 28, noteZh: '仅供核对，以信用代码为准' },
  { key: 'year', headerZh: '年度', headerEn: 'Year', type: 'integer', required: true, min: 2015, max: 2100, example: 2025, width: 8 },
  { key: 'revenueWan', headerZh: '生物制造营业收入（万元）', headerEn: 'Biomanufacturing revenue (万元)', type: 'string', maxLength: 40, example: 12000, width: 18, noteZh: '数字，单位万元；也可写“1.2亿元”' },
  { key: 'outputValueWan', headerZh: '生物制造产值（万元）', headerEn: 'Biomanufacturing output value (万元)', type: 'string', maxLength: 40, width: 18, noteZh: '营业收入与产值至少填一项' },
  { key: 'rdSpendWan', headerZh: '研发投入（万元）', headerEn: 'R&D spend (万元)', type: 'string', maxLength: 40, width: 14 },
  { key: 'employees', headerZh: '从业人数', headerEn: 'Employees', type: 'integer', min: 0, width: 10 },
  { key: 'source', headerZh: '数据来源', headerEn: 'Source', type: 'enum', values: enumOf(FIGURE_SOURCES), width: 12, noteZh: '工作专班导入可选“统计部门”；区县导入为“区县核实”' },
];

export const LEAD_COLUMNS: Column[] = [
  { key: 'code', headerZh: '线索编号', headerEn: 'Lead code', type: 'string', maxLength: 30, width: 20, noteZh: '更新已有线索时填写；新线索留空' },
  { key: 'targetNameZh', headerZh: '目标企业', headerEn: 'Target company', type: 'string', required: true, maxLength: 200, example: '某生物基材料股份有限公司', width: 28 },
  { key: 'targetCreditCode', headerZh: '目标企业信用代码', headerEn: 'Target credit code', type: 'string', maxLength: 18, width: 22 },
  { key: 'chainNode', headerZh: '产业链环节', headerEn: 'Chain node', type: 'string', maxLength: 100, example: '生物基聚酯', width: 18 },
  { key: 'district', headerZh: '负责区县', headerEn: 'Owner district', type: 'string', required: true, maxLength: 20, example: '长寿区', width: 12 },
  { key: 'stage', headerZh: '阶段', headerEn: 'Stage', type: 'enum', required: true, values: LEAD_STAGES.map((s) => ({ value: s, ...LEAD_STAGE_NAMES[s] })), example: 'clue', width: 10 },
  { key: 'contractedWan', headerZh: '签约金额（万元）', headerEn: 'Contracted (万元)', type: 'string', maxLength: 40, width: 14 },
  { key: 'arrivedWan', headerZh: '到位资金（万元）', headerEn: 'Arrived (万元)', type: 'string', maxLength: 40, width: 14 },
  { key: 'expectedRevenueWan', headerZh: '预计营收（万元）', headerEn: 'Expected revenue (万元)', type: 'string', maxLength: 40, width: 14 },
  { key: 'nextActionZh', headerZh: '下一步工作', headerEn: 'Next action', type: 'string', maxLength: 500, width: 24 },
  { key: 'nextActionOn', headerZh: '下一步时间', headerEn: 'Next action on', type: 'date', width: 12 },
  { key: 'event', headerZh: '来源活动', headerEn: 'Event', type: 'string', maxLength: 200, width: 20 },
];
