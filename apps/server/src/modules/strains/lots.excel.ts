import { writeWorkbook, type Column, enumOf } from '../../platform/excel/index.js';
import { LOT_METHODS, LOT_STATUSES } from './model/stock.js';

/** The curators' Excel export of the lots as filtered: one row per lot, where it is and what it holds. */


export const LOT_EXPORT_COLUMNS: Column[] = [
  { key: 'code', headerZh: '批次编号', headerEn: 'Lot', type: 'string', width: 16 },
  { key: 'subjectZh', headerZh: '菌种/种质', headerEn: 'Strain or germplasm', type: 'string', width: 36 },
  { key: 'method', headerZh: '保藏方式', headerEn: 'Method', type: 'enum', values: enumOf(LOT_METHODS) },
  { key: 'passage', headerZh: '传代', headerEn: 'Passage', type: 'integer' },
  { key: 'preparedOn', headerZh: '制备日期', headerEn: 'Prepared on', type: 'date' },
  { key: 'vialsPrepared', headerZh: '制备数量', headerEn: 'Vials prepared', type: 'integer' },
  { key: 'vialsOnHand', headerZh: '现存数量', headerEn: 'Vials on hand', type: 'integer' },
  { key: 'alertLevel', headerZh: '预警数量', headerEn: 'Alert level', type: 'integer' },
  { key: 'place', headerZh: '位置（设备/架/盒/位）', headerEn: 'Place (freezer/rack/box/position)', type: 'string', width: 28 },
  { key: 'nextTestDue', headerZh: '下次活力检测', headerEn: 'Next viability test', type: 'date' },
  { key: 'viabilityFailed', headerZh: '活力检测不合格', headerEn: 'Viability failed', type: 'boolean' },
  { key: 'status', headerZh: '状态', headerEn: 'Status', type: 'enum', values: enumOf(LOT_STATUSES) },
];

export function lotWorkbook(rows: readonly object[]): Promise<Buffer> {
  return writeWorkbook([{ name: '保藏批次', titleZh: '保藏批次', columns: LOT_EXPORT_COLUMNS, rows }]);
}
