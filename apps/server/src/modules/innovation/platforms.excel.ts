import { writeWorkbook, type Column, enumOf } from '../../platform/excel/index.js';
import { DOMAIN_NAMES } from '../industry/model/labels.js';
import { PLATFORM_KINDS, PLATFORM_LEVELS, PLATFORM_STATUSES } from './model/labels.js';


/** The export of the platform list as filtered: one row per platform, hosts and domains joined. */
export const PLATFORM_EXPORT_COLUMNS: Column[] = [
  { key: 'code', headerZh: '编号', headerEn: 'Code', type: 'string', width: 10 },
  { key: 'nameZh', headerZh: '平台名称', headerEn: 'Name', type: 'string', width: 36 },
  { key: 'kind', headerZh: '类型', headerEn: 'Kind', type: 'enum', values: enumOf(PLATFORM_KINDS) },
  { key: 'level', headerZh: '级别', headerEn: 'Level', type: 'enum', values: enumOf(PLATFORM_LEVELS) },
  { key: 'status', headerZh: '状态', headerEn: 'Status', type: 'enum', values: enumOf(PLATFORM_STATUSES) },
  { key: 'hostNamesZh', headerZh: '依托单位', headerEn: 'Hosts', type: 'string', width: 36 },
  { key: 'fieldsText', headerZh: '技术方向', headerEn: 'Fields', type: 'string', width: 24 },
  { key: 'domainsText', headerZh: '产业领域', headerEn: 'Domains', type: 'string', width: 24 },
  { key: 'recognisedOn', headerZh: '认定日期', headerEn: 'Recognised on', type: 'date' },
  { key: 'recognisedByZh', headerZh: '认定部门', headerEn: 'Recognised by', type: 'string', width: 20 },
  { key: 'districtNameZh', headerZh: '区县', headerEn: 'District', type: 'string' },
  { key: 'instrumentCount', headerZh: '共享仪器（台套）', headerEn: 'Shared instruments', type: 'integer' },
  { key: 'results', headerZh: '“从0到1”成果', headerEn: 'Results from 0 to 1', type: 'integer' },
  { key: 'countsText', headerZh: '计入高能级平台目标', headerEn: 'Counts toward the target', type: 'string' },
];

interface Row { fields: string[]; domains: string[]; zeroToOne: { total: number }; countsTowardTarget: boolean }

export const PLATFORMS_FILE_NAME = '科技创新平台.xlsx';

export function platformWorkbook(rows: readonly Row[]): Promise<Buffer> {
  const out = rows.map((r) => ({
    ...r, fieldsText: r.fields.join('、'), domainsText: r.domains.map((d) => DOMAIN_NAMES[d as keyof typeof DOMAIN_NAMES]?.zh ?? d).join('、'),
    results: r.zeroToOne.total, countsText: r.countsTowardTarget ? '是' : '否',
  }));
  return writeWorkbook([{ name: '科技创新平台', titleZh: '科技创新平台', columns: PLATFORM_EXPORT_COLUMNS, rows: out }]);
}
