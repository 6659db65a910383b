import { useMemo } from 'react';
import { EChart } from '../../../app/components/EChart';
import { useLang } from '../../../app/i18n';

/** Explained variance per principal component (bars; the kept ones dark) and its cumulative share (line). */
export function VarianceChart({ explained, cumulative, components, height = 240, testId }: { explained: number[]; cumulative: number[]; components: number; height?: number; testId?: string }) {
  const lang = useLang();
  const option = useMemo(() => ({
    grid: { left: 48, right: 48, top: 36, bottom: 28 },
    legend: { top: 0, data: [lang === 'zh' ? '解释方差' : 'Explained', lang === 'zh' ? '累计' : 'Cumulative'] },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${(v * 100).toFixed(1)}%` },
    xAxis: { type: 'category', data: explained.map((_, i) => `PC${i + 1}`) },
    yAxis: [
      { type: 'value', max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
      { type: 'value', max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` }, splitLine: { show: false } },
    ],
    series: [
      { name: lang === 'zh' ? '解释方差' : 'Explained', type: 'bar', barMaxWidth: 28, data: explained.map((v, i) => ({ value: v, itemStyle: { color: i < components ? '#1d4f91' : '#bfd0e6' } })) },
      {
        name: lang === 'zh' ? '累计' : 'Cumulative', type: 'line', yAxisIndex: 1, data: cumulative, symbolSize: 6, itemStyle: { color: '#fa8c16' },
        markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#999' }, data: [{ xAxis: components - 0.5, label: { formatter: lang === 'zh' ? `保留 ${components} 个` : `${components} kept`, fontSize: 11 } }] },
      },
    ],
  }), [explained, cumulative, components, lang]);
  return <EChart option={option} height={height} testId={testId} ariaLabel={`前 ${components} 个主成分解释 ${((cumulative[components - 1] ?? 0) * 100).toFixed(1)}% 的方差`} />;
}
