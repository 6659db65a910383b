import { writeWorkbook, type Column } from '../../platform/excel/index.js';
import type { Rubric } from './model/scoring.js';
import type { RankedApplication } from './reviews.results.js';

/**
 * The ranking as a workbook for the organisers' files: one row per reviewed application with the
 * mean of each criterion, the aggregate under the stated rule, the spread and the rank. Reviewers'
 * names are not in the ranking, so they cannot leave through it.
 */
export function rankingWorkbook(c: { code: string; titleZh: string }, rubric: Rubric, items: readonly RankedApplication[], ruleZh: string): Promise<Buffer> {
  const columns: Column[] = [
    { key: 'rank', headerZh: '排名', headerEn: 'Rank', type: 'integer' },
    { key: 'code', headerZh: '申请编号', headerEn: 'Code', type: 'string', width: 16 },
    { key: 'titleZh', headerZh: '申请名称', headerEn: 'Title', type: 'string', width: 30 },
    { key: 'leadNameZh', headerZh: '牵头单位', headerEn: 'Lead', type: 'string', width: 26 },
    ...rubric.map((r): Column => ({ key: `c_${r.key}`, headerZh: `${r.nameZh}（均分，权重 ${r.weight}）`, headerEn: `${r.nameEn} (mean, weight ${r.weight})`, type: 'number' })),
    { key: 'submitted', headerZh: '已提交评分', headerEn: 'Scores submitted', type: 'integer' },
    { key: 'reviewers', headerZh: '评审专家数', headerEn: 'Reviewers', type: 'integer' },
    { key: 'mean', headerZh: '平均分', headerEn: 'Mean', type: 'number' },
    { key: 'trimmedMean', headerZh: '截尾均值', headerEn: 'Trimmed mean', type: 'number' },
    { key: 'score', headerZh: '排名得分', headerEn: 'Score', type: 'number' },
    { key: 'min', headerZh: '最低分', headerEn: 'Lowest', type: 'number' },
    { key: 'max', headerZh: '最高分', headerEn: 'Highest', type: 'number' },
    { key: 'sd', headerZh: '标准差', headerEn: 'Standard deviation', type: 'number' },
    { key: 'spread', headerZh: '极差', headerEn: 'Spread', type: 'number' },
    { key: 'wideSpread', headerZh: '极差超过 20 分', headerEn: 'Spread above 20', type: 'boolean' },
  ];
  const rows = items.map((x) => ({
    ...x, ...Object.fromEntries(rubric.map((r) => [`c_${r.key}`, x.criterionMeans[r.key] ?? null])),
  }));
  return writeWorkbook([{ name: '评审排名', titleZh: `${c.code} ${c.titleZh} 评审汇总与排名 Ranking — ${ruleZh}`, columns, rows }]);
}
