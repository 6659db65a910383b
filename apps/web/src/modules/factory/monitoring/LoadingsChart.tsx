import { useMemo } from 'react';
import { EChart } from '../../../app/components/EChart';
import { useLang } from '../../../app/i18n';
import type { VariableLabel } from './api';

const COLOURS = ['#1d4f91', '#fa8c16', '#389e0d', '#722ed1', '#cf1322', '#13c2c2', '#eb2f96', '#8c8c8c'];

/** Each kept component's loadings, one bar group per variable: which variables move together in each direction of normal variation. */
export function LoadingsChart({ variables, loadings, height = 300, testId }: { variables: VariableLabel[]; loadings: number[][]; height?: number; testId?: string }) {
  const lang = useLang();
  const A = loadings[0]?.length ?? 0;
  const option = useMemo(() => ({
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => v.toFixed(3) },
    xAxis: { type: 'category', data: variables.map((v) => (lang === 'zh' ? v.zh : v.en)), axisLabel: { interval: 0, rotate: 30, fontSize: 11 } },
    yAxis: { type: 'value', min: -1, max: 1 },
    series: Array.from({ length: A }, (_, a) => ({ name: `PC${a + 1}`, type: 'bar', barMaxWidth: 14, itemStyle: { color: COLOURS[a % COLOURS.length] }, data: loadings.map((row) => row[a]) })),
  }), [variables, loadings, A, lang]);
  return <EChart option={option} height={height} testId={testId} ariaLabel={`${A} 个主成分在 ${variables.length} 个变量上的载荷`} />;
}
