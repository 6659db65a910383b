import { useMemo } from 'react';
import { EChart } from '../../../app/components/EChart';
import { useLang } from '../../../app/i18n';
import type { Contribution } from './api';
import { pct } from './labels';

/**
 * Which variables drive a statistic at one point: a horizontal bar per variable, largest on top,
 * with its share. A T² contribution below zero pulls the other way and shows as a grey bar.
 */
export function ContributionChart({ contributions, testId, height }: { contributions: Contribution[]; testId?: string; height?: number }) {
  const lang = useLang();
  const rows = useMemo(() => [...contributions].sort((a, b) => a.value - b.value), [contributions]);
  const option = useMemo(() => ({
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', formatter: (p: { dataIndex: number }) => { const c = rows[p.dataIndex]; return `<b>${c.zh} ${c.en}</b><br/>${c.value.toFixed(2)}（${pct(c.share)}）`; } },
    xAxis: { type: 'value', axisLabel: { fontSize: 11 } },
    yAxis: { type: 'category', data: rows.map((c) => (lang === 'zh' ? c.zh : c.en)), axisLabel: { fontSize: 12 } },
    series: [{
      type: 'bar', barMaxWidth: 18,
      data: rows.map((c, i) => ({ value: c.value, itemStyle: { color: c.value < 0 ? '#bfbfbf' : i >= rows.length - 3 ? '#cf1322' : '#5b8ff9' } })),
      label: { show: true, position: 'right', fontSize: 11, formatter: (p: { dataIndex: number }) => (rows[p.dataIndex].share > 0 ? pct(rows[p.dataIndex].share) : '') },
    }],
  }), [rows, lang]);
  return <EChart option={option} height={height ?? Math.max(160, rows.length * 24 + 24)} testId={testId}
    ariaLabel={rows.slice().reverse().slice(0, 3).map((c) => `${c.zh} ${pct(c.share)}`).join('，')} />;
}
