import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../app/i18n';
import { EChart } from '../../app/components/EChart';
import type { Named, TaskListItem } from './api';
import { DOMAIN_HEX } from './format';

/** Tasks per domain: how much of the plan's work each of the four domains carries. */
export default function DomainChart({ domains, tasks }: { domains: Named[]; tasks: TaskListItem[] }) {
  const lang = useLang();
  const { t } = useTranslation();
  const option = useMemo(() => {
    const rows = domains.map((d) => ({
      name: lang === 'zh' ? d.nameZh : d.nameEn,
      value: tasks.filter((task) => task.domains.includes(d.code)).length,
      itemStyle: { color: DOMAIN_HEX[d.code] ?? '#0b3b8c', borderRadius: [0, 4, 4, 0] },
    })).reverse();
    return {
      grid: { left: 8, right: 36, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => `${p.name}<br/>${t('plan.tasksCount', { count: p.value })}` },
      xAxis: { type: 'value', max: tasks.length, splitLine: { lineStyle: { color: '#eef1f6' } }, axisLabel: { color: '#8a94a6' } },
      yAxis: { type: 'category', data: rows.map((r) => r.name), axisTick: { show: false }, axisLine: { lineStyle: { color: '#d9dee8' } }, axisLabel: { color: '#33415c', fontSize: 13 } },
      series: [{ type: 'bar', data: rows, barWidth: 18, label: { show: true, position: 'right', color: '#33415c', fontWeight: 600 } }],
    };
  }, [domains, tasks, lang, t]);
  return <EChart option={option} height={220} ariaLabel={t('plan.domainChartLabel')} />;
}
