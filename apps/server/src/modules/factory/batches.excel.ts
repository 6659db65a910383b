import { writeWorkbook, type Column, enumOf } from '../../platform/excel/index.js';
import { BATCH_STATES, OUTCOMES } from './model/process-batches.js';

/** The batch list as filtered, one row per batch, for Excel. */

export const BATCH_EXPORT_COLUMNS: Column[] = [
  { key: 'code', headerZh: '批次编码', headerEn: 'Batch', type: 'string', width: 16 },
  { key: 'externalId', headerZh: '工厂批次号', headerEn: 'Factory batch no.', type: 'string', width: 18 },
  { key: 'factoryNameZh', headerZh: '工厂', headerEn: 'Factory', type: 'string', width: 28 },
  { key: 'equipment', headerZh: '设备', headerEn: 'Equipment', type: 'string', width: 18 },
  { key: 'recipe', headerZh: '工艺配方', headerEn: 'Recipe', type: 'string', width: 20 },
  { key: 'productZh', headerZh: '产品', headerEn: 'Product', type: 'string', width: 16 },
  { key: 'strainAccession', headerZh: '菌种保藏号', headerEn: 'Strain accession', type: 'string', width: 16 },
  { key: 'state', headerZh: '状态', headerEn: 'State', type: 'enum', values: enumOf(BATCH_STATES) },
  { key: 'startedText', headerZh: '开始时间', headerEn: 'Started', type: 'string', width: 20 },
  { key: 'endedText', headerZh: '结束时间', headerEn: 'Ended', type: 'string', width: 20 },
  { key: 'outcome', headerZh: '结论', headerEn: 'Outcome', type: 'enum', values: enumOf(OUTCOMES) },
  { key: 'outcomeNoteZh', headerZh: '结论说明', headerEn: 'Outcome note', type: 'string', width: 30 },
];

const stamp = (d: Date | string | null) => (d ? new Date(d).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : null);

export function batchWorkbook(rows: ReadonlyArray<{ startedAt: Date | string | null; endedAt: Date | string | null }>): Promise<Buffer> {
  return writeWorkbook([{ name: '批次', titleZh: '发酵批次', columns: BATCH_EXPORT_COLUMNS, rows: rows.map((r) => ({ ...r, startedText: stamp(r.startedAt), endedText: stamp(r.endedAt) })) }]);
}
