import { writeWorkbook, type Column, enumOf } from '../../platform/excel/index.js';
import { CONCLUSIONS, SUBJECT_KINDS, TRACKS } from './model/labels.js';

/**
 * The Excel export of the public list of conclusions. Its columns are the public line only
 * (subject, applicant, conclusion, certificate, date): the dossier and the findings have no column.
 */

export const CONCLUSION_COLUMNS: Column[] = [
  { key: 'code', headerZh: '申请编号', headerEn: 'Code', type: 'string', width: 16 },
  { key: 'subjectKind', headerZh: '评价对象', headerEn: 'Subject', type: 'enum', values: enumOf(SUBJECT_KINDS) },
  { key: 'titleZh', headerZh: '名称', headerEn: 'Title', type: 'string', width: 36 },
  { key: 'applicantNameZh', headerZh: '申请单位', headerEn: 'Applicant', type: 'string', width: 30 },
  { key: 'track', headerZh: '评价通道', headerEn: 'Track', type: 'enum', values: enumOf(TRACKS) },
  { key: 'conclusion', headerZh: '评价结论', headerEn: 'Conclusion', type: 'enum', values: enumOf(CONCLUSIONS) },
  { key: 'certificateNo', headerZh: '证书编号', headerEn: 'Certificate', type: 'string', width: 18 },
  { key: 'concludedOn', headerZh: '结论日期', headerEn: 'Concluded on', type: 'date' },
];

export const CONCLUSIONS_FILE = '安全评价结论.xlsx';

export const conclusionsWorkbook = (rows: readonly object[]) =>
  writeWorkbook([{ name: '安全评价结论', titleZh: '生物制造安全评价结论（公开）', columns: CONCLUSION_COLUMNS, rows }]);
