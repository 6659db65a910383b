import { writeWorkbook, type Column, enumOf } from '../../platform/excel/index.js';
import { DOMAIN_NAMES } from '../industry/model/labels.js';
import { LISTS, ORGANISMS, QUALITY_GRADES } from './model/labels.js';
import type { ItemKind } from './model/lists.js';

/**
 * The Excel export of the public demand and achievement lists. Its columns are public fields only:
 * the confidential detail and the budget have no column, so no row can carry them out.
 */

const DOMAIN_VALUES = enumOf(DOMAIN_NAMES);

const HEAD: Column[] = [
  { key: 'code', headerZh: '编号', headerEn: 'Code', type: 'string', width: 16 },
  { key: 'titleZh', headerZh: '标题', headerEn: 'Title', type: 'string', width: 30 },
  { key: 'organisationNameZh', headerZh: '发布机构', headerEn: 'Posted by', type: 'string', width: 26 },
  { key: 'domain', headerZh: '领域', headerEn: 'Domain', type: 'enum', values: DOMAIN_VALUES },
  { key: 'districtNameZh', headerZh: '区县', headerEn: 'District', type: 'string' },
];
const TAIL: Column[] = [
  { key: 'publishedAt', headerZh: '发布日期', headerEn: 'Published on', type: 'date' },
  { key: 'expiresOn', headerZh: '有效期至', headerEn: 'Valid until', type: 'date' },
];

export const DEMAND_EXPORT_COLUMNS: Column[] = [
  ...HEAD,
  { key: 'processes', headerZh: '工艺环节', headerEn: 'Processes', type: 'string', width: 24 },
  { key: 'organism', headerZh: '生物体类型', headerEn: 'Organism', type: 'enum', values: enumOf(ORGANISMS) },
  { key: 'scaleL', headerZh: '规模（升）', headerEn: 'Scale (L)', type: 'number' },
  { key: 'deadline', headerZh: '截止日期', headerEn: 'Deadline', type: 'date' },
  { key: 'trlNeeded', headerZh: '所需技术成熟度', headerEn: 'TRL needed', type: 'integer' },
  { key: 'biosafetyLevel', headerZh: '生物安全等级', headerEn: 'Biosafety level', type: 'integer' },
  { key: 'qualityGrade', headerZh: '质量体系', headerEn: 'Quality grade', type: 'enum', values: enumOf(QUALITY_GRADES) },
  { key: 'targetProductZh', headerZh: '目标产品', headerEn: 'Target product', type: 'string', width: 20 },
  { key: 'problemZh', headerZh: '需解决的问题', headerEn: 'Problem', type: 'string', width: 40 },
  { key: 'summaryZh', headerZh: '公开摘要', headerEn: 'Summary', type: 'string', width: 40 },
  ...TAIL,
];

export const ACHIEVEMENT_EXPORT_COLUMNS: Column[] = [
  ...HEAD,
  { key: 'trl', headerZh: '技术成熟度', headerEn: 'TRL', type: 'integer' },
  { key: 'scaleReachedL', headerZh: '已达规模（升）', headerEn: 'Scale reached (L)', type: 'number' },
  { key: 'ipZh', headerZh: '知识产权', headerEn: 'IP held', type: 'string', width: 24 },
  { key: 'processes', headerZh: '工艺环节', headerEn: 'Processes', type: 'string', width: 24 },
  { key: 'organisms', headerZh: '生物体类型', headerEn: 'Organisms', type: 'enum', values: enumOf(ORGANISMS) },
  { key: 'partnerWantedZh', headerZh: '合作需求', headerEn: 'Partner wanted', type: 'string', width: 30 },
  { key: 'resultZh', headerZh: '成果内容', headerEn: 'Result', type: 'string', width: 40 },
  ...TAIL,
];

export const EXPORT_COLUMNS: Record<ItemKind, Column[]> = { demand: DEMAND_EXPORT_COLUMNS, achievement: ACHIEVEMENT_EXPORT_COLUMNS };

/** One sheet of the list as filtered; the writer neutralises text that would start a formula. */
export function listWorkbook(kind: ItemKind, rows: readonly object[]): Promise<Buffer> {
  const name = LISTS[kind === 'demand' ? 'demands' : 'achievements'].zh;
  return writeWorkbook([{ name, titleZh: name, columns: EXPORT_COLUMNS[kind], rows }]);
}

export const exportFileName = (kind: ItemKind) => `${LISTS[kind === 'demand' ? 'demands' : 'achievements'].zh}.xlsx`;
