import { writeWorkbook, type Column, enumOf } from '../../platform/excel/index.js';
import { ALARM_STATES, STATISTICS } from './model/monitoring-labels.js';

/** The alarm list as filtered, one row per alarm, for Excel. */

const COLUMNS: Column[] = [
  { key: 'code', headerZh: '报警编号', headerEn: 'Alarm', type: 'string', width: 16 },
  { key: 'factoryNameZh', headerZh: '工厂', headerEn: 'Factory', type: 'string', width: 28 },
  { key: 'batchCode', headerZh: '批次', headerEn: 'Batch', type: 'string', width: 16 },
  { key: 'recipe', headerZh: '工艺配方', headerEn: 'Recipe', type: 'string', width: 18 },
  { key: 'statistic', headerZh: '统计量', headerEn: 'Statistic', type: 'enum', values: enumOf(STATISTICS) },
  { key: 'atText', headerZh: '报警时刻', headerEn: 'At', type: 'string', width: 20 },
  { key: 'value', headerZh: '统计量值', headerEn: 'Value', type: 'number' },
  { key: 'limitValue', headerZh: '控制限', headerEn: 'Limit', type: 'number' },
  { key: 'topText', headerZh: '主要贡献变量', headerEn: 'Top contributors', type: 'string', width: 36 },
  { key: 'state', headerZh: '状态', headerEn: 'State', type: 'enum', values: enumOf(ALARM_STATES) },
  { key: 'acknowledgedByName', headerZh: '确认人', headerEn: 'Acknowledged by', type: 'string', width: 14 },
  { key: 'ackNoteZh', headerZh: '确认说明', headerEn: 'Acknowledgement note', type: 'string', width: 36 },
];

const stamp = (d: Date | string | null) => (d ? new Date(d).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : null);

export function alarmWorkbook(rows: ReadonlyArray<{ at: Date | string; contributions: { variable: string; share: number }[] }>): Promise<Buffer> {
  return writeWorkbook([{
    name: '报警', titleZh: '过程监控报警', columns: COLUMNS,
    rows: rows.map((r) => ({ ...r, atText: stamp(r.at), topText: r.contributions.slice(0, 3).map((c) => `${c.variable} ${Math.round(c.share * 100)}%`).join('; ') })),
  }]);
}
