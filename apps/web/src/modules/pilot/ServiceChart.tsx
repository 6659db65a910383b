import { useMemo } from 'react';
import { Empty } from 'antd';
import { EChart } from '../../app/components/EChart';
import { useLang } from '../../app/i18n';
import { bi, one } from '../supervision/shared';
import type { ServiceRoute, ServiceStats } from './api.deals';
import { daysText, sharePct, timingRows } from './labels.deals';

const AXIS_LABEL = { color: '#5b6b82', fontSize: 12 };

/**
 * Median handling days per category against the days its route promises: a grey bar for the
 * promise, a green one for a median within it, red beyond it; categories with nothing done yet
 * show only their promise.
 */
export function ServiceChart({ stats, routes }: { stats: ServiceStats; routes: ServiceRoute[] }) {
  const lang = useLang();
  const rows = useMemo(() => timingRows(stats.categories, routes), [stats, routes]);
  const option = useMemo(() => {
    const names = rows.map((r) => one(lang, r));
    const shares = new Map(stats.categories.map((c) => [c.category, c]));
    return {
      grid: { left: 8, right: 40, top: 30, bottom: 8, containLabel: true },
      legend: { top: 0, data: [bi(lang, { zh: '承诺时限', en: 'Days promised' }), bi(lang, { zh: '办理用时中位数', en: 'Median days' })] },
      tooltip: {
        trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: (ps: { dataIndex: number }[]) => {
          const r = rows[ps[0]?.dataIndex ?? 0];
          if (!r) return '';
          const c = shares.get(r.category);
          return [
            `<b>${r.zh}</b> ${r.en}`,
            `${bi(lang, { zh: '承诺时限', en: 'Promised' })}: ${daysText(lang, r.slaDays)}`,
            `${bi(lang, { zh: '用时中位数', en: 'Median' })}: ${daysText(lang, r.medianDays)}`,
            `${bi(lang, { zh: '办结', en: 'Done' })}: ${r.done} · ${bi(lang, { zh: '按时办结率', en: 'Within the days' })}: ${sharePct(c?.withinSlaShare)}`,
          ].join('<br/>');
        },
      },
      xAxis: { type: 'value', name: lang === 'zh' ? '天' : 'days', axisLabel: AXIS_LABEL, splitLine: { lineStyle: { color: '#eef1f6' } } },
      yAxis: { type: 'category', inverse: true, data: names, axisLabel: AXIS_LABEL },
      series: [
        {
          name: bi(lang, { zh: '承诺时限', en: 'Days promised' }), type: 'bar', barMaxWidth: 12, barGap: '10%',
          data: rows.map((r) => r.slaDays), itemStyle: { color: '#d9dee8', borderRadius: [0, 3, 3, 0] },
        },
        {
          name: bi(lang, { zh: '办理用时中位数', en: 'Median days' }), type: 'bar', barMaxWidth: 12,
          data: rows.map((r) => ({ value: r.medianDays, itemStyle: { color: r.within === false ? '#cf1322' : '#389e0d', borderRadius: [0, 3, 3, 0] } })),
          label: { show: true, position: 'right', color: '#5b6b82', formatter: (p: { value: number | null }) => (p.value === null || p.value === undefined ? '' : String(Math.round(p.value * 10) / 10)) },
        },
      ],
    };
  }, [rows, stats, lang]);
  if (!rows.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '暂无服务类别', en: 'No service categories' })} />;
  return <EChart option={option} height={Math.max(240, rows.length * 34 + 48)} testId="pilot-services-chart"
    ariaLabel={bi(lang, { zh: '各类服务办理用时中位数与承诺时限', en: 'Median handling days per category against the days promised' })} />;
}
