import { templateWorkbook, writeWorkbook, type Column, enumOf } from '../../platform/excel/index.js';
import { DOMAIN_NAMES } from '../industry/model/labels.js';
import { COMMITTEE_ROLES, EDUCATION_KINDS, SUPPORT_ITEMS, TALENT_KINDS, TALENT_PROGRAMMES, TALENT_STATUSES } from './model/labels.js';
import { MAX_LOAD } from './model/rules.js';

/**
 * The talent module's sheets. The expert columns are the import's and the export's alike, so an
 * exported directory can be edited and imported again (extra columns such as the committee role
 * are ignored on import). Contact, conflicts and joint work have no column: no file carries them.
 */


export const EXPERT_COLUMNS: Column[] = [
  { key: 'code', headerZh: '专家编号', headerEn: 'Expert code', type: 'string', required: true, maxLength: 40, example: 'ZJ-00001', noteZh: '同一编号再次导入即更新该专家' },
  { key: 'nameZh', headerZh: '姓名', headerEn: 'Name', type: 'string', required: true, maxLength: 60, example: '张三' },
  { key: 'nameEn', headerZh: '英文名', headerEn: 'Name (English)', type: 'string', maxLength: 120 },
  { key: 'titleZh', headerZh: '职称/职务', headerEn: 'Title', type: 'string', maxLength: 100, example: '教授' },
  { key: 'organisationZh', headerZh: '所在机构', headerEn: 'Organisation', type: 'string', required: true, maxLength: 200, width: 28, example: '重庆大学', noteZh: '与平台机构名称一致时自动关联' },
  { key: 'fields', headerZh: '领域关键词', headerEn: 'Field keywords', type: 'string', required: true, maxLength: 1000, width: 30, example: '发酵工程、合成生物学', noteZh: '多个关键词用“、”或“；”分隔' },
  { key: 'domains', headerZh: '重点领域', headerEn: 'Domains', type: 'string', maxLength: 200, width: 24, example: '生物化工', noteZh: '行动计划四大领域，多个用“、”分隔' },
  { key: 'available', headerZh: '可参加评审', headerEn: 'Available', type: 'boolean', example: '是' },
  { key: 'maxLoad', headerZh: '最大评审量', headerEn: 'Max load', type: 'integer', min: 1, max: MAX_LOAD, example: 5 },
];

export const EXPERT_EXPORT_COLUMNS: Column[] = [
  ...EXPERT_COLUMNS,
  { key: 'committeeRole', headerZh: '专家委员会职务（现任）', headerEn: 'Committee role (current)', type: 'enum', values: enumOf(COMMITTEE_ROLES) },
];

const TALENT_COLUMNS: Column[] = [
  { key: 'code', headerZh: '编号', headerEn: 'Code', type: 'string' },
  { key: 'nameZh', headerZh: '姓名/团队', headerEn: 'Name or team', type: 'string', width: 20 },
  { key: 'kind', headerZh: '类别', headerEn: 'Kind', type: 'enum', values: enumOf(TALENT_KINDS) },
  { key: 'programme', headerZh: '引才计划', headerEn: 'Programme', type: 'enum', values: enumOf(TALENT_PROGRAMMES) },
  { key: 'programmeOtherZh', headerZh: '其他计划名称', headerEn: 'Other programme', type: 'string' },
  { key: 'organisationZh', headerZh: '引进单位', headerEn: 'Organisation', type: 'string', width: 28 },
  { key: 'fieldZh', headerZh: '研究领域', headerEn: 'Field', type: 'string', width: 20 },
  { key: 'titleZh', headerZh: '职称/荣誉', headerEn: 'Title', type: 'string', width: 20 },
  { key: 'teamSize', headerZh: '团队人数', headerEn: 'Team size', type: 'integer' },
  { key: 'arrivalOn', headerZh: '到岗日期', headerEn: 'Arrived on', type: 'date' },
  { key: 'status', headerZh: '状态', headerEn: 'Status', type: 'enum', values: enumOf(TALENT_STATUSES) },
  { key: 'leftOn', headerZh: '离开日期', headerEn: 'Left on', type: 'date' },
  { key: 'supportText', headerZh: '一人一策支持', headerEn: 'Support package', type: 'string', width: 40 },
  { key: 'supportTotalWan', headerZh: '支持金额合计（万元）', headerEn: 'Support total (10k yuan)', type: 'number' },
];

const EDUCATION_COLUMNS: Column[] = [
  { key: 'code', headerZh: '编号', headerEn: 'Code', type: 'string' },
  { key: 'organisationNameZh', headerZh: '高校', headerEn: 'University', type: 'string', width: 20 },
  { key: 'kind', headerZh: '类型', headerEn: 'Kind', type: 'enum', values: enumOf(EDUCATION_KINDS) },
  { key: 'nameZh', headerZh: '名称', headerEn: 'Name', type: 'string', width: 30 },
  { key: 'partnerZh', headerZh: '合作单位', headerEn: 'Partners', type: 'string', width: 28 },
  { key: 'startYear', headerZh: '开设年份', headerEn: 'Start year', type: 'integer' },
  { key: 'enrolment', headerZh: '招生/培养人数', headerEn: 'Enrolment', type: 'integer' },
];

const domainNames = (codes: string[]) => codes.map((c) => DOMAIN_NAMES[c as keyof typeof DOMAIN_NAMES]?.short ?? c);

export const expertsWorkbook = (rows: readonly { domains: string[] }[]) =>
  writeWorkbook([{ name: '专家库', titleZh: '重庆市生物制造专家库', columns: EXPERT_EXPORT_COLUMNS, rows: rows.map((r) => ({ ...r, domains: domainNames(r.domains) })) }]);

export const expertsTemplate = () => templateWorkbook('专家库', EXPERT_COLUMNS, {
  instructionsZh: ['每行一位专家；专家编号相同即更新已有专家，其余字段以文件为准。', '所在机构与平台中的机构名称完全一致时自动关联，否则按文字记录。', '利益冲突与合作成果不在此导入，请在专家详情页登记。'],
});

export const talentWorkbook = (rows: readonly { support: { item: string; descriptionZh: string | null; amountWan: number | null }[] }[]) =>
  writeWorkbook([{
    name: '高端人才', titleZh: '生物制造高端人才与团队', columns: TALENT_COLUMNS,
    rows: rows.map((r) => ({ ...r, supportText: r.support.map((s) => `${SUPPORT_ITEMS[s.item as keyof typeof SUPPORT_ITEMS]?.zh ?? s.item}${s.descriptionZh ? `（${s.descriptionZh}）` : ''}${s.amountWan != null ? ` ${s.amountWan} 万元` : ''}`).join('；') })),
  }]);

export const educationWorkbook = (rows: readonly object[]) =>
  writeWorkbook([{ name: '教育培训', titleZh: '合成生物学及生物制造教育培训体系', columns: EDUCATION_COLUMNS, rows }]);
