import { templateWorkbook, writeWorkbook, type Column, enumOf } from '../../platform/excel/index.js';
import { DOMAIN_NAMES } from '../industry/model/labels.js';
import type { NeedIndicator } from './schema.catalog.js';
import { MODES, NEED_FIELDS, NEED_STATUSES } from './model/labels.js';
import { CATALOG_NAME, NEED_FIELD_NAMES } from './model/needs.js';

/**
 * The catalog's spreadsheets: the import template and the import's columns, the export of needs
 * (for their raisers and organisers, with the contact) and the export of an edition (public
 * fields only). Export and import share the columns, so an export can be filled in and imported.
 */

const col = (key: string, type: Column['type'], extra: Partial<Column> = {}): Column =>
  ({ key, headerZh: NEED_FIELD_NAMES[key]?.zh ?? key, headerEn: NEED_FIELD_NAMES[key]?.en ?? key, type, ...extra });

/** One cell of indicators: 「名称：目标值 单位」, separated by 「；」 or line breaks. */
export const INDICATORS_NOTE = '每项写作「指标名称：目标值 单位」，多项用「；」或换行分隔，如「产物得率：95 %；发酵周期：48 h」';

export const formatIndicators = (xs: readonly NeedIndicator[] | null | undefined) =>
  (xs ?? []).map((i) => `${i.nameZh}：${i.targetValue}${i.unit ? ` ${i.unit}` : ''}`).join('；');

/** The indicators of a cell, or the parts that do not read as one. */
export function parseIndicators(cell: unknown): { ok: true; value: NeedIndicator[] } | { ok: false; bad: string[] } {
  const parts = String(cell ?? '').split(/[；;\n]+/).map((s) => s.trim()).filter(Boolean);
  const value: NeedIndicator[] = [];
  const bad: string[] = [];
  for (const p of parts) {
    const m = /^(.+?)\s*[:：]\s*(-?\d+(?:\.\d+)?)\s*(.*)$/.exec(p);
    if (m) value.push({ nameZh: m[1].trim(), targetValue: Number(m[2]), unit: m[3].trim() });
    else bad.push(p);
  }
  return bad.length ? { ok: false, bad } : { ok: true, value };
}

/** The columns people fill in; the import reads them by header. */
export const NEED_IMPORT_COLUMNS: Column[] = [
  col('titleZh', 'string', { required: true, maxLength: 200, width: 30, example: '高通量微流控液滴分选系统' }),
  col('field', 'enum', { required: true, values: enumOf(NEED_FIELDS), example: NEED_FIELDS.screening.zh }),
  col('fieldOtherZh', 'string', { maxLength: 100, noteZh: '技术领域为「其他」时必填' }),
  col('domain', 'enum', { required: true, values: enumOf(DOMAIN_NAMES), example: DOMAIN_NAMES.biochem.zh }),
  col('problemZh', 'string', { required: true, maxLength: 4000, width: 40, example: '核心芯片与分选控制系统依赖进口，通量不足每秒千滴' }),
  col('currentLevelZh', 'string', { required: true, maxLength: 4000, width: 40, example: '国外产品通量达每秒数千滴；国内处于样机阶段' }),
  col('indicators', 'string', { required: true, maxLength: 2000, width: 36, noteZh: INDICATORS_NOTE, example: '分选通量：3000 滴/秒；分选准确率：99 %' }),
  col('expectedOutcomeZh', 'string', { required: true, maxLength: 4000, width: 40, example: '形成国产化超高通量筛选装备并在 3 家企业应用' }),
  { key: 'organisation', headerZh: '提出单位', headerEn: 'Raised by', type: 'string', maxLength: 200, width: 26, noteZh: '工作专班导入时必填（平台已登记的机构名称）；其他单位留空或填本单位名称' },
  col('contactNameZh', 'string', { required: true, maxLength: 50, example: '张工' }),
  col('contactPhone', 'string', { maxLength: 30, example: '023-6000-0000' }),
  col('contactEmail', 'string', { maxLength: 200 }),
  col('suggestedMode', 'enum', { values: enumOf(MODES), example: MODES.single.zh }),
  col('fundingWan', 'number', { min: 0, example: 800 }),
];

const CODE: Column = col('code', 'string', { width: 14 });
const STATUS: Column = { key: 'status', headerZh: '状态', headerEn: 'Status', type: 'enum', values: enumOf(NEED_STATUSES) };
const REVIEW_NOTE: Column = { key: 'reviewNoteZh', headerZh: '审核意见', headerEn: 'Review note', type: 'string', width: 30 };
const PUBLIC_COLUMNS = NEED_IMPORT_COLUMNS.filter((c) => !['organisation', 'contactNameZh', 'contactPhone', 'contactEmail'].includes(c.key));

/** Needs as their raisers and the organisers read them: with the contact and the review. */
export function needsWorkbook(rows: readonly Record<string, unknown>[]): Promise<Buffer> {
  const columns = [CODE, ...NEED_IMPORT_COLUMNS, STATUS, REVIEW_NOTE];
  return writeWorkbook([{ name: '技术需求', titleZh: '技术需求', columns, rows: rows.map((r) => ({ ...r, organisation: r.organisationNameZh, indicators: formatIndicators(r.indicators as NeedIndicator[]) })) }]);
}

/** An edition's needs as published: public fields only, so no row can carry a contact out. */
export function editionWorkbook(titleZh: string, rows: readonly Record<string, unknown>[]): Promise<Buffer> {
  const columns = [CODE, ...PUBLIC_COLUMNS, { key: 'organisationNameZh', headerZh: '提出单位', headerEn: 'Raised by', type: 'string', width: 26 } as Column];
  return writeWorkbook([{ name: '需求目录', titleZh, columns, rows: rows.map((r) => ({ ...r, indicators: formatIndicators(r.indicators as NeedIndicator[]) })) }]);
}

export const needTemplate = () => templateWorkbook('技术需求', NEED_IMPORT_COLUMNS, {
  instructionsZh: [
    `每行一项技术需求，导入后进入「待审核」，由工作专班或主管部门审核后纳入《${CATALOG_NAME}》。`,
    `目标指标：${INDICATORS_NOTE}。`,
    '工作专班代为导入时须填写「提出单位」（平台已登记的机构名称）；其他单位导入的需求均属本单位。',
    '导入时先校验全部行，任何一行有误则整份文件不写入，并列出每处问题所在的行和列。',
  ],
});
