import { writeWorkbook, type Column, enumOf } from '../../platform/excel/index.js';
import { AWARD_STATUSES, MODES } from './model/labels.js';

/** Excel exports of delivery: the tranche ledger (with its totals) and the award and milestone board. */

const AWARD_STATUS_VALUES = enumOf(AWARD_STATUSES);

const LEDGER_COLUMNS: Column[] = [
  { key: 'paidOn', headerZh: '拨付日期', headerEn: 'Paid on', type: 'date' },
  { key: 'challengeCode', headerZh: '榜单编号', headerEn: 'Challenge', type: 'string', width: 14 },
  { key: 'challengeTitleZh', headerZh: '榜单名称', headerEn: 'Challenge title', type: 'string', width: 30 },
  { key: 'awardCode', headerZh: '立项编号', headerEn: 'Award', type: 'string', width: 14 },
  { key: 'leadNameZh', headerZh: '承担单位', headerEn: 'Lead organisation', type: 'string', width: 28 },
  { key: 'amountWan', headerZh: '金额（万元）', headerEn: 'Amount (10k yuan)', type: 'number' },
  { key: 'milestoneTitleZh', headerZh: '对应节点', headerEn: 'Milestone', type: 'string', width: 20 },
  { key: 'voucherNo', headerZh: '凭证号', headerEn: 'Voucher no.', type: 'string', width: 16 },
  { key: 'noteZh', headerZh: '备注', headerEn: 'Note', type: 'string', width: 24 },
];

const BY_AWARD_COLUMNS: Column[] = [
  { key: 'challengeCode', headerZh: '榜单编号', headerEn: 'Challenge', type: 'string', width: 14 },
  { key: 'awardCode', headerZh: '立项编号', headerEn: 'Award', type: 'string', width: 14 },
  { key: 'leadNameZh', headerZh: '承担单位', headerEn: 'Lead organisation', type: 'string', width: 28 },
  { key: 'awardStatus', headerZh: '状态', headerEn: 'Status', type: 'enum', values: AWARD_STATUS_VALUES },
  { key: 'shareWan', headerZh: '资助额度（万元）', headerEn: 'Share (10k yuan)', type: 'number' },
  { key: 'payableWan', headerZh: '可拨付（万元）', headerEn: 'Payable (10k yuan)', type: 'number' },
  { key: 'amountWan', headerZh: '已拨付（万元）', headerEn: 'Paid (10k yuan)', type: 'number' },
  { key: 'count', headerZh: '笔数', headerEn: 'Payments', type: 'integer' },
];

const BY_CHALLENGE_COLUMNS: Column[] = [
  { key: 'challengeCode', headerZh: '榜单编号', headerEn: 'Challenge', type: 'string', width: 14 },
  { key: 'amountWan', headerZh: '已拨付（万元）', headerEn: 'Paid (10k yuan)', type: 'number' },
  { key: 'count', headerZh: '笔数', headerEn: 'Payments', type: 'integer' },
];

const BY_YEAR_COLUMNS: Column[] = [
  { key: 'key', headerZh: '年度', headerEn: 'Year', type: 'string' },
  { key: 'amountWan', headerZh: '已拨付（万元）', headerEn: 'Paid (10k yuan)', type: 'number' },
  { key: 'count', headerZh: '笔数', headerEn: 'Payments', type: 'integer' },
];

export const BOARD_COLUMNS: Column[] = [
  { key: 'challengeCode', headerZh: '榜单编号', headerEn: 'Challenge', type: 'string', width: 14 },
  { key: 'challengeTitleZh', headerZh: '榜单名称', headerEn: 'Challenge title', type: 'string', width: 30 },
  { key: 'mode', headerZh: '方式', headerEn: 'Mode', type: 'enum', values: enumOf(MODES) },
  { key: 'code', headerZh: '立项编号', headerEn: 'Award', type: 'string', width: 14 },
  { key: 'leadNameZh', headerZh: '承担单位', headerEn: 'Lead organisation', type: 'string', width: 28 },
  { key: 'status', headerZh: '状态', headerEn: 'Status', type: 'enum', values: AWARD_STATUS_VALUES },
  { key: 'contractNo', headerZh: '合同编号', headerEn: 'Contract no.', type: 'string', width: 16 },
  { key: 'contractSignedOn', headerZh: '合同签订日期', headerEn: 'Contract signed on', type: 'date' },
  { key: 'shareWan', headerZh: '资助额度（万元）', headerEn: 'Share (10k yuan)', type: 'number' },
  { key: 'payableWan', headerZh: '可拨付（万元）', headerEn: 'Payable (10k yuan)', type: 'number' },
  { key: 'paidWan', headerZh: '已拨付（万元）', headerEn: 'Paid (10k yuan)', type: 'number' },
  { key: 'milestonesPassed', headerZh: '已通过节点', headerEn: 'Milestones passed', type: 'integer' },
  { key: 'milestonesTotal', headerZh: '节点总数', headerEn: 'Milestones', type: 'integer' },
  { key: 'nextMilestoneTitleZh', headerZh: '下一节点', headerEn: 'Next milestone', type: 'string', width: 24 },
  { key: 'nextMilestoneDueOn', headerZh: '下一节点到期日', headerEn: 'Next milestone due', type: 'date' },
  { key: 'overdueCount', headerZh: '逾期节点数', headerEn: 'Overdue milestones', type: 'integer' },
];

interface Ledger { items: readonly object[]; totals: { byAward: readonly object[]; byChallenge: readonly object[]; byYear: readonly object[] } }

export const ledgerWorkbook = (l: Ledger) => writeWorkbook([
  { name: '拨付台账', titleZh: '揭榜挂帅项目拨付台账', columns: LEDGER_COLUMNS, rows: l.items },
  { name: '按立项汇总', titleZh: '按立项汇总', columns: BY_AWARD_COLUMNS, rows: l.totals.byAward },
  { name: '按榜单汇总', titleZh: '按榜单汇总', columns: BY_CHALLENGE_COLUMNS, rows: l.totals.byChallenge },
  { name: '按年度汇总', titleZh: '按年度汇总', columns: BY_YEAR_COLUMNS, rows: l.totals.byYear },
]);

export const boardWorkbook = (items: readonly { nextMilestone: { titleZh: string; dueOn: string } | null }[]) => writeWorkbook([{
  name: '立项与节点看板', titleZh: '揭榜挂帅立项与节点看板', columns: BOARD_COLUMNS,
  rows: items.map((i) => ({ ...i, nextMilestoneTitleZh: i.nextMilestone?.titleZh ?? null, nextMilestoneDueOn: i.nextMilestone?.dueOn ?? null })),
}]);

export const LEDGER_FILE = '拨付台账.xlsx';
export const BOARD_FILE = '立项与节点看板.xlsx';
