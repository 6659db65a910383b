import { writeWorkbook, type Column, enumOf } from '../../platform/excel/index.js';
import { APPLICATION_STATUSES, CHALLENGE_STATUSES, MODES } from './model/labels.js';

/**
 * The Excel exports of the core part: open challenges (public fields only) and a challenge's
 * applications for its organisers. Columns name what a row carries, so nothing else leaves.
 */


export const OPEN_CHALLENGE_COLUMNS: Column[] = [
  { key: 'code', headerZh: '榜单编号', headerEn: 'Code', type: 'string', width: 14 },
  { key: 'titleZh', headerZh: '榜单名称', headerEn: 'Title', type: 'string', width: 34 },
  { key: 'organiserNameZh', headerZh: '发榜单位', headerEn: 'Organiser', type: 'string', width: 24 },
  { key: 'mode', headerZh: '方式', headerEn: 'Mode', type: 'enum', values: enumOf(MODES) },
  { key: 'fields', headerZh: '领域关键词', headerEn: 'Fields', type: 'string', width: 24 },
  { key: 'fundingWan', headerZh: '支持经费（万元）', headerEn: 'Funding (10k yuan)', type: 'number' },
  { key: 'maxTeams', headerZh: '资助团队数', headerEn: 'Teams funded', type: 'integer' },
  { key: 'durationMonths', headerZh: '实施期（月）', headerEn: 'Duration (months)', type: 'integer' },
  { key: 'maxMembers', headerZh: '联合体成员上限', headerEn: 'Most members', type: 'integer' },
  { key: 'requiresUserEnterprise', headerZh: '须有应用企业', headerEn: 'User enterprise required', type: 'boolean' },
  { key: 'deadline', headerZh: '申报截止', headerEn: 'Deadline', type: 'date' },
  { key: 'status', headerZh: '状态', headerEn: 'Status', type: 'enum', values: enumOf(CHALLENGE_STATUSES) },
  { key: 'applicationCount', headerZh: '已申报数', headerEn: 'Applications', type: 'integer' },
  { key: 'summaryZh', headerZh: '揭榜目标', headerEn: 'Goals', type: 'string', width: 40 },
  { key: 'eligibilityZh', headerZh: '申报条件', headerEn: 'Eligibility', type: 'string', width: 30 },
];

export const APPLICATION_COLUMNS: Column[] = [
  { key: 'code', headerZh: '申请编号', headerEn: 'Code', type: 'string', width: 16 },
  { key: 'titleZh', headerZh: '申请名称', headerEn: 'Title', type: 'string', width: 30 },
  { key: 'leadNameZh', headerZh: '牵头单位', headerEn: 'Lead', type: 'string', width: 26 },
  { key: 'memberNamesZh', headerZh: '成员单位', headerEn: 'Members', type: 'string', width: 36 },
  { key: 'budgetWan', headerZh: '申请经费（万元）', headerEn: 'Budget (10k yuan)', type: 'number' },
  { key: 'currentTrl', headerZh: '当前 TRL', headerEn: 'Current TRL', type: 'integer' },
  { key: 'targetTrl', headerZh: '目标 TRL', headerEn: 'Target TRL', type: 'integer' },
  { key: 'milestoneCount', headerZh: '里程碑数', headerEn: 'Milestones', type: 'integer' },
  { key: 'status', headerZh: '状态', headerEn: 'Status', type: 'enum', values: enumOf(APPLICATION_STATUSES) },
  { key: 'submittedAt', headerZh: '提交时间', headerEn: 'Submitted at', type: 'date' },
  { key: 'formalNoteZh', headerZh: '形式审查意见', headerEn: 'Formal check note', type: 'string', width: 30 },
];

export function challengesWorkbook(rows: readonly object[]): Promise<Buffer> {
  return writeWorkbook([{ name: '揭榜中的榜单', titleZh: '揭榜中的榜单 Open challenges', columns: OPEN_CHALLENGE_COLUMNS, rows: rows.map((r) => ({ ...r, fields: ((r as { fields?: string[] }).fields ?? []).join('、') })) }]);
}

export function applicationsWorkbook(challenge: { code: string; titleZh: string }, rows: readonly object[]): Promise<Buffer> {
  const name = `${challenge.code} 申请`;
  return writeWorkbook([{ name, titleZh: `${challenge.code} ${challenge.titleZh} · 揭榜申请`, columns: APPLICATION_COLUMNS, rows }]);
}
