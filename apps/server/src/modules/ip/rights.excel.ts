import { writeWorkbook, type Column, enumOf } from '../../platform/excel/index.js';
import { IP_KINDS, IP_STATUSES, IP_SUBTYPES, type IpKind } from './model/labels.js';

/** Status and subtype names depend on the kind, so they are written as text per row. */
export const RIGHT_EXPORT_COLUMNS: Column[] = [
  { key: 'kind', headerZh: '类型', headerEn: 'Kind', type: 'enum', values: enumOf(IP_KINDS) },
  { key: 'subtypeZh', headerZh: '类别', headerEn: 'Subtype', type: 'string' },
  { key: 'number', headerZh: '编号', headerEn: 'Number', type: 'string', width: 22 },
  { key: 'titleZh', headerZh: '名称', headerEn: 'Title', type: 'string', width: 36 },
  { key: 'statusZh', headerZh: '状态', headerEn: 'Status', type: 'string' },
  { key: 'holderNamesZh', headerZh: '权利人', headerEn: 'Holders', type: 'string', width: 36 },
  { key: 'inventorsText', headerZh: '发明人/作者', headerEn: 'Inventors / authors', type: 'string', width: 24 },
  { key: 'filedOn', headerZh: '申请日', headerEn: 'Filed on', type: 'date' },
  { key: 'grantedOn', headerZh: '授权/发布/登记日', headerEn: 'Granted / published / registered on', type: 'date' },
];

interface Row { kind: IpKind; subtype: string | null; status: string; inventors: string[] }

export const RIGHTS_FILE_NAME = '知识产权清单.xlsx';

export function rightsWorkbook(rows: readonly Row[]): Promise<Buffer> {
  const out = rows.map((r) => ({
    ...r, subtypeZh: r.subtype ? IP_SUBTYPES[r.kind][r.subtype]?.zh ?? r.subtype : '', statusZh: IP_STATUSES[r.kind][r.status]?.zh ?? r.status, inventorsText: r.inventors.join('、'),
  }));
  return writeWorkbook([{ name: '知识产权', titleZh: '知识产权清单', columns: RIGHT_EXPORT_COLUMNS, rows: out }]);
}
