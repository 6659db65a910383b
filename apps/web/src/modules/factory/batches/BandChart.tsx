import { useMemo } from 'react';
import * as echarts from 'echarts/core';
import { ScatterChart } from 'echarts/charts';
import { TitleComponent } from 'echarts/components';
import { EChart } from '../../../app/components/EChart';
import { useLang } from '../../../app/i18n';
import { dateTime } from '../../supervision/shared';
import { fmt } from './labels';

// Points outside the band are drawn as dots, each chart titled: the scatter chart and titles join the platform's ECharts core in this chunk.
echarts.use([ScatterChart, TitleComponent]);

export interface BandChartProps {
  title: { zh: string; en: string }; unit: string;
  /** Where each point sits: instants (ms, a time axis) or hours since the start (a value axis). */
  x: (number | null)[]; axis: 'time' | 'hours';
  mean: (number | null)[]; lower: (number | null)[]; upper: (number | null)[];
  /** The batch's own values on the same points, and which lie outside the band. */
  value?: (number | null)[]; outside?: boolean[];
  /** Raw series (downsampled) when there is no band: [t, mean, min, max]. */
  raw?: [number, number, number, number][];
  phases?: { x: number; name: string }[];
  height?: number; testId?: string;
}

const BAND = '#91caff';

/**
 * One variable against its golden band: the band (mean ± k·σ) shaded, the mean dashed, the
 * batch's values as a line with the points outside the band in red. Without a band it draws the
 * raw series with its min–max envelope. Phase starts are vertical lines.
 */
export function BandChart(p: BandChartProps) {
  const lang = useLang();
  const name = lang === 'zh' ? p.title.zh : p.title.en;
  const option = useMemo(() => {
    const pairs = (ys: (number | null)[]) => p.x.map((x, i) => [x, ys[i]] as const).filter(([x]) => x !== null);
    const width = p.upper.map((u, i) => (u === null || p.lower[i] === null ? null : u - (p.lower[i] as number)));
    const label = (zh: string, en: string) => (lang === 'zh' ? zh : en);
    const fmtX = (x: number) => (p.axis === 'time' ? dateTime(new Date(x).toISOString()) : `${x.toFixed(1)} h`);
    const series: object[] = [];
    if (p.raw) {
      series.push(
        { name: label('最小', 'Min'), type: 'line', stack: 'env', showSymbol: false, lineStyle: { opacity: 0 }, data: p.raw.map((r) => [r[0], r[2]]), tooltip: { show: false } },
        { name: label('范围', 'Range'), type: 'line', stack: 'env', showSymbol: false, lineStyle: { opacity: 0 }, areaStyle: { color: BAND, opacity: 0.35 }, data: p.raw.map((r) => [r[0], r[3] - r[2]]), tooltip: { show: false } },
        { name, type: 'line', showSymbol: false, lineStyle: { width: 1.5, color: '#1677ff' }, itemStyle: { color: '#1677ff' }, data: p.raw.map((r) => [r[0], r[1]]) },
      );
    } else {
      series.push(
        { name: label('下限', 'Lower'), type: 'line', stack: 'band', showSymbol: false, connectNulls: false, lineStyle: { opacity: 0 }, data: pairs(p.lower), tooltip: { show: false } },
        { name: label('黄金带', 'Golden band'), type: 'line', stack: 'band', showSymbol: false, connectNulls: false, lineStyle: { opacity: 0 }, areaStyle: { color: BAND, opacity: 0.45 }, itemStyle: { color: BAND }, data: pairs(width), tooltip: { show: false } },
        { name: label('均值', 'Mean'), type: 'line', showSymbol: false, lineStyle: { width: 1.2, type: 'dashed', color: '#0958d9' }, itemStyle: { color: '#0958d9' }, data: pairs(p.mean) },
      );
      if (p.value) {
        series.push({ name: label('本批次', 'This batch'), type: 'line', showSymbol: false, lineStyle: { width: 2, color: '#389e0d' }, itemStyle: { color: '#389e0d' }, data: pairs(p.value) });
        const out = p.x.map((x, i) => (x !== null && p.outside?.[i] ? [x, p.value![i]] : null)).filter(Boolean);
        series.push({ name: label('超出带宽', 'Outside the band'), type: 'scatter', symbolSize: 6, itemStyle: { color: '#cf1322' }, data: out });
      }
    }
    // The first phase begins where the chart begins: only the later phases get a line.
    if ((p.phases?.length ?? 0) > 1) {
      (series[series.length - 1] as Record<string, unknown>).markLine = {
        symbol: 'none', silent: true, lineStyle: { color: '#8c8c8c', type: 'dotted' }, label: { formatter: '{b}', fontSize: 10, position: 'insideEndTop' },
        data: p.phases!.slice(1).map((ph) => ({ name: ph.name, xAxis: ph.x })),
      };
    }
    return {
      grid: { left: 52, right: 16, top: 40, bottom: 28 },
      legend: { top: 0, right: 0, itemWidth: 14, textStyle: { fontSize: 11 }, data: series.map((s) => (s as { name: string }).name).filter((n) => n !== label('下限', 'Lower') && n !== label('最小', 'Min')) },
      title: { text: `${name}${p.unit ? ` (${p.unit})` : ''}`, left: 0, top: 0, textStyle: { fontSize: 13 } },
      tooltip: {
        trigger: 'axis',
        formatter: (ps: { axisValue: number; seriesName: string; value: [number, number | null] }[]) => {
          if (!ps.length) return '';
          const x = ps[0].axisValue;
          const i = p.x.findIndex((v) => v === x);
          const lines = [fmtX(x)];
          if (p.raw) lines.push(`${name} ${fmt(ps.find((s) => s.seriesName === name)?.value[1])}`);
          else if (i >= 0) {
            lines.push(`${label('均值', 'Mean')} ${fmt(p.mean[i])}　${label('带宽', 'Band')} ${fmt(p.lower[i])} – ${fmt(p.upper[i])}`);
            if (p.value) lines.push(`${label('本批次', 'This batch')} ${fmt(p.value[i])}${p.outside?.[i] ? ` <span style="color:#cf1322">${label('超出', 'outside')}</span>` : ''}`);
          }
          return lines.join('<br/>');
        },
      },
      xAxis: p.axis === 'time' ? { type: 'time', axisLabel: { fontSize: 11, hideOverlap: true } } : { type: 'value', name: 'h', axisLabel: { fontSize: 11 } },
      yAxis: { type: 'value', scale: true, axisLabel: { fontSize: 11, formatter: (v: number) => fmt(v) }, splitLine: { lineStyle: { type: 'dashed', opacity: 0.4 } } },
      series,
    };
  }, [p, lang, name]);
  const outside = p.outside?.filter(Boolean).length ?? 0;
  return <EChart option={option} height={p.height ?? 240} testId={p.testId} ariaLabel={`${p.title.zh}：${p.value ? `${outside} 个点超出黄金带` : '黄金带'}`} />;
}
