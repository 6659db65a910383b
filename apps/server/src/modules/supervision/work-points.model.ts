import type { Column } from '../../platform/excel/index.js';
import type { ErrorDetail } from '../../platform/http/errors.js';
import { isIsoDate } from './model/dates.js';
import { curveProblems, type PaceCurve } from './model/pace.js';
import type { Frequency } from './model/periods.js';

/** A work point as a person (or a spreadsheet row) states it, and the rules it must keep. */
export interface WorkPointInput {
  taskNo: number;
  year: number;
  kind?: 'work' | 'project';
  titleZh: string;
  deliverableZh: string;
  ownerOrganisationId: string;
  districtCode?: string | null;
  investmentYiYuan?: number | null;
  startsOn?: string | null;
  dueOn: string;
  frequency: Frequency;
  indicatorCode?: string | null;
  weight?: number;
  paceCurve?: PaceCurve | null;
}

export interface Known {
  taskNos: Set<number>;
  organisationIds: Set<string>;
  districtCodes: Set<string>;
  indicatorCodes: Set<string>;
}

export function workPointProblems(w: WorkPointInput, known: Known): ErrorDetail[] {
  const p: ErrorDetail[] = [];
  if (!known.taskNos.has(w.taskNo)) p.push({ path: '/taskNo', message: `任务 ${w.taskNo} 不在行动计划中 (task ${w.taskNo} is not in the plan)` });
  if (!(w.year >= 2024 && w.year <= 2027)) p.push({ path: '/year', message: '年度须在 2024–2027 之间 (year must be 2024–2027)' });
  if (!w.titleZh?.trim()) p.push({ path: '/titleZh', message: '必填 (required)' });
  if (!w.deliverableZh?.trim()) p.push({ path: '/deliverableZh', message: '必填 (required)' });
  if (!known.organisationIds.has(w.ownerOrganisationId)) p.push({ path: '/ownerOrganisationId', message: '责任单位不存在 (no such organisation)' });
  if (w.districtCode && !known.districtCodes.has(w.districtCode)) p.push({ path: '/districtCode', message: `区县代码 ${w.districtCode} 不存在 (no such district)` });
  if (w.indicatorCode && !known.indicatorCodes.has(w.indicatorCode)) p.push({ path: '/indicatorCode', message: `指标 ${w.indicatorCode} 不存在 (no such indicator)` });
  if (!isIsoDate(w.dueOn)) p.push({ path: '/dueOn', message: '日期格式应为 YYYY-MM-DD (date as YYYY-MM-DD)' });
  else if (Number(w.dueOn.slice(0, 4)) !== w.year) p.push({ path: '/dueOn', message: `完成时限须在 ${w.year} 年内 (due date must fall in ${w.year})` });
  if (w.startsOn) {
    if (!isIsoDate(w.startsOn)) p.push({ path: '/startsOn', message: '日期格式应为 YYYY-MM-DD (date as YYYY-MM-DD)' });
    else if (isIsoDate(w.dueOn) && w.startsOn > w.dueOn) p.push({ path: '/startsOn', message: '开始日期不能晚于完成时限 (start must not be after the due date)' });
  }
  if (w.weight !== undefined && !(w.weight > 0)) p.push({ path: '/weight', message: '权重须大于 0 (weight must be above 0)' });
  if (w.paceCurve) for (const m of curveProblems(w.paceCurve)) p.push({ path: '/paceCurve', message: m });
  return p;
}

export const KINDS = [{ value: 'work', zh: '工作事项', en: 'Work item' }, { value: 'project', zh: '项目', en: 'Project' }] as const;
export const FREQUENCIES = [{ value: 'monthly', zh: '按月', en: 'Monthly' }, { value: 'quarterly', zh: '按季度', en: 'Quarterly' }] as const;

/** The spreadsheet of work points: template, import and export share it. */
export const WORK_POINT_COLUMNS: Column[] = [
  { key: 'taskNo', headerZh: '任务序号', headerEn: 'Task no.', type: 'integer', required: true, min: 1, max: 26, example: 22, width: 10 },
  { key: 'year', headerZh: '年度', headerEn: 'Year', type: 'integer', required: true, min: 2024, max: 2027, example: 2025, width: 8 },
  { key: 'kind', headerZh: '类别', headerEn: 'Kind', type: 'enum', values: KINDS, example: 'work', width: 10 },
  { key: 'titleZh', headerZh: '工作要点', headerEn: 'Work point', type: 'string', required: true, maxLength: 200, example: '建成菌种资源库一期并投入运行', width: 40 },
  { key: 'deliverableZh', headerZh: '预期成果', headerEn: 'Deliverable', type: 'string', required: true, maxLength: 500, example: '入库菌种不少于 5000 株', width: 30 },
  { key: 'ownerName', headerZh: '责任单位', headerEn: 'Owner unit', type: 'string', required: true, maxLength: 200, example: '重庆市科学技术局', width: 24, noteZh: '须与平台机构名称一致' },
  { key: 'districtCode', headerZh: '区县代码', headerEn: 'District code', type: 'string', maxLength: 6, example: '500112', width: 10, noteZh: 'GB/T 2260 六位代码，可空' },
  { key: 'investmentYiYuan', headerZh: '投资额（亿元）', headerEn: 'Investment (100M yuan)', type: 'number', min: 0, example: 1.5, width: 12 },
  { key: 'startsOn', headerZh: '开始日期', headerEn: 'Starts on', type: 'date', example: '2025-01-01', width: 12, noteZh: '可空，默认为当年 1 月 1 日' },
  { key: 'dueOn', headerZh: '完成时限', headerEn: 'Due on', type: 'date', required: true, example: '2025-12-31', width: 12 },
  { key: 'frequency', headerZh: '报送频次', headerEn: 'Reporting', type: 'enum', required: true, values: FREQUENCIES, example: 'quarterly', width: 10 },
  { key: 'indicatorCode', headerZh: '关联指标', headerEn: 'Indicator', type: 'string', maxLength: 60, width: 16, noteZh: '可空，指标代码' },
  { key: 'weight', headerZh: '权重', headerEn: 'Weight', type: 'number', min: 0.01, max: 1000, example: 1, width: 8 },
];
