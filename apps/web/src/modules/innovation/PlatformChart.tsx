import { EChart } from '../../app/components/EChart';
import type { Lang } from '../../app/i18n';
import { one } from '../supervision/shared';
import type { Summary } from './api';
import { LEVEL_HEX, PLATFORM_KINDS, PLATFORM_LEVELS } from './labels';

/**
 * Platforms by kind, stacked by level, and a last bar with what the plan's target counts
 * (national and municipal, operating) against the target line of 3.
 */
export function PlatformChart({ summary, lang, onPick }: { summary: Summary; lang: Lang; onPick: (kind: string | null, level: string | null) => void }) {
  const kinds = summary.byKind.map((k) => k.kind);
  const countedLabel = lang === 'zh' ? '计入目标' : 'Counted';
  const categories = [...kinds.map((k) => one(lang, PLATFORM_KINDS[k] ?? { zh: k, en: k })), countedLabel];
  const levels = Object.keys(PLATFORM_LEVELS) as ('national' | 'municipal' | 'incubating')[];
  const series = [
    ...levels.map((level) => ({
      name: one(lang, PLATFORM_LEVELS[level]), type: 'bar', stack: 'kinds', itemStyle: { color: LEVEL_HEX[level] },
      data: [...summary.byKind.map((k) => k[level]), null],
    })),
    {
      name: countedLabel, type: 'bar', stack: 'kinds', itemStyle: { color: '#237804' },
      data: [...kinds.map(() => null), summary.counted],
      markLine: summary.target === null ? undefined : {
        symbol: 'none', lineStyle: { type: 'dashed', color: '#cf1322' },
        label: { formatter: lang === 'zh' ? `目标 ≥ ${summary.target}` : `Target ≥ ${summary.target}` },
        data: [{ yAxis: summary.target }],
      },
    },
  ];
  return (
    <EChart height={280} testId="innovation-platform-chart" ariaLabel={lang === 'zh' ? '按类型和级别统计的科技创新平台' : 'Platforms by kind and level'}
      onClick={(p) => {
        if (p.dataIndex === kinds.length) onPick(null, null);
        else onPick(kinds[p.dataIndex] ?? null, levels[p.seriesIndex ?? -1] ?? null);
      }}
      option={{
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { bottom: 0 },
        grid: { left: 40, right: 20, top: 30, bottom: 50 },
        xAxis: { type: 'category', data: categories, axisLabel: { interval: 0 } },
        yAxis: { type: 'value', minInterval: 1 },
        series,
      }} />
  );
}
