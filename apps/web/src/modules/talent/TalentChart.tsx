import { Card } from 'antd';
import { Bi } from '../../app/components/Bi';
import { EChart } from '../../app/components/EChart';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { one } from '../supervision/shared';
import type { TalentSummary } from './api';
import { TALENT_KINDS, TALENT_PROGRAMMES } from './labels';

/**
 * Talent in post by kind, stacked by programme, and beside each kind with a target the count the
 * indicator takes (arrived since the plan began) against the 2027 target (5 national-level talents, 1 academician).
 */
export function TalentChart() {
  const lang = useLang();
  const s = useApi<TalentSummary>('/api/talent/people/summary');
  if (!s.data) return null;
  const kinds = s.data.byKind.map((k) => k.kind);
  const target = (kind: string) => s.data!.targets.find((t) => t.kind === kind);
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 56, bottom: 28 },
    xAxis: { type: 'category', data: kinds.map((k) => one(lang, TALENT_KINDS[k])) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      ...s.data.byProgramme.map((p) => ({ name: one(lang, TALENT_PROGRAMMES[p.programme]), type: 'bar', stack: 'arrived', data: kinds.map((k) => p.arrived[k] ?? 0) })),
      { name: one(lang, { zh: `计入指标（${s.data.planStart.slice(0, 4)} 年以来到岗）`, en: `Counted (arrived since ${s.data.planStart.slice(0, 4)})` }), type: 'bar', data: kinds.map((k) => target(k)?.value ?? null) },
      { name: one(lang, { zh: '2027 年目标', en: '2027 target' }), type: 'bar', itemStyle: { color: 'transparent', borderColor: '#cf1322', borderType: 'dashed', borderWidth: 2 }, data: kinds.map((k) => target(k)?.target ?? null) },
    ],
  };
  return (
    <Card className="panel" title={<Bi zh="在岗人才：按类别与引才计划，对照目标" en="In post by kind and programme, against the targets" />}>
      <EChart option={option} height={300} testId="talent-chart" ariaLabel={one(lang, { zh: '人才按类别与计划统计', en: 'Talent by kind and programme' })} />
    </Card>
  );
}
