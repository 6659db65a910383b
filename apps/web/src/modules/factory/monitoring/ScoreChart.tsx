import { useMemo } from 'react';
import * as echarts from 'echarts/core';
import { MarkPointComponent } from 'echarts/components';
import { EChart } from '../../../app/components/EChart';
import { useLang } from '../../../app/i18n';
import { dateTime } from '../../supervision/shared';
import type { Alarm, ScorePoint, Statistic } from './api';
import { fmt } from './labels';

// Alarms are marked on the line: the mark-point component joins the platform's ECharts core with this chunk.
echarts.use([MarkPointComponent]);

const TITLE: Record<Statistic, { zh: string; en: string; color: string }> = {
  t2: { zh: 'Hotelling T²', en: 'Hotelling T²', color: '#722ed1' },
  spe: { zh: 'SPE（Q）', en: 'SPE (Q)', color: '#1d39c4' },
};

/**
 * One statistic of a batch over time against its control limit (a dashed red line), on a log
 * scale so that both the normal run under the limit and a fault far above it stay readable;
 * alarms are pinned where the rule fired. Clicking a point asks for its contributions.
 */
export function ScoreChart({ statistic, points, limit, alarms, selected, onSelect, testId }: {
  statistic: Statistic; points: ScorePoint[]; limit: number; alarms: Alarm[]; selected?: number | null;
  onSelect?: (p: ScorePoint) => void; testId?: string;
}) {
  const lang = useLang();
  const t = TITLE[statistic];
  const option = useMemo(() => {
    const floor = Math.max(1e-3, Math.min(limit / 100, ...points.map((p) => p[statistic]).filter((v) => v > 0)));
    return {
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      legend: { top: 0, right: 0, data: [lang === 'zh' ? t.zh : t.en, lang === 'zh' ? '控制限' : 'Limit'] },
      tooltip: {
        trigger: 'axis',
        formatter: (ps: { dataIndex: number }[]) => {
          const p = points[ps[0]?.dataIndex ?? 0];
          if (!p) return '';
          return `${dateTime(p.at)}<br/><b>${lang === 'zh' ? t.zh : t.en}</b> ${fmt(p[statistic])}<br/>${lang === 'zh' ? '控制限' : 'Limit'} ${fmt(limit)}${p[statistic] > limit ? ` <span style="color:#cf1322">${lang === 'zh' ? '超限' : 'above'}</span>` : ''}`;
        },
      },
      xAxis: { type: 'time', axisLabel: { fontSize: 11, hideOverlap: true } },
      yAxis: { type: 'log', min: floor, axisLabel: { fontSize: 11, formatter: (v: number) => fmt(v) }, splitLine: { lineStyle: { type: 'dashed', opacity: 0.4 } } },
      series: [
        {
          name: lang === 'zh' ? t.zh : t.en, type: 'line', showSymbol: false, symbolSize: 4, lineStyle: { width: 1.5, color: t.color }, itemStyle: { color: t.color },
          data: points.map((p) => [p.at, Math.max(p[statistic], floor)]),
          markPoint: {
            symbol: 'pin', symbolSize: 34, itemStyle: { color: '#cf1322' }, label: { fontSize: 9, formatter: '!' },
            data: [
              ...alarms.filter((a) => a.statistic === statistic).map((a) => ({ name: a.code, coord: [a.at, Math.max(a.value, floor)] })),
              ...(selected != null && points.find((p) => p.point === selected) ? [{ name: 'selected', symbol: 'circle', symbolSize: 10, itemStyle: { color: '#fa8c16' }, label: { show: false }, coord: [points.find((p) => p.point === selected)!.at, Math.max(points.find((p) => p.point === selected)![statistic], floor)] }] : []),
            ],
          },
        },
        {
          name: lang === 'zh' ? '控制限' : 'Limit', type: 'line', showSymbol: false, lineStyle: { color: '#cf1322', type: 'dashed', width: 1.5 }, itemStyle: { color: '#cf1322' },
          data: points.length ? [[points[0].at, limit], [points[points.length - 1].at, limit]] : [],
          tooltip: { show: false },
        },
      ],
    };
  }, [points, limit, alarms, selected, statistic, lang, t]);
  const above = points.filter((p) => p[statistic] > limit).length;
  return <EChart option={option} height={240} testId={testId} onClick={(e) => { const p = points[e.dataIndex as number]; if (p && e.seriesIndex === 0 && onSelect) onSelect(p); }}
    ariaLabel={`${t.zh}：${points.length} 个点，${above} 个超出控制限 ${fmt(limit)}`} />;
}
