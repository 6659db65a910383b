import { Card, Empty } from 'antd';
import { qs } from '../../../app/api';
import { EChart } from '../../../app/components/EChart';
import { LoadState } from '../../../app/components/LoadState';
import { Bi } from '../../../app/components/Bi';
import { useLang } from '../../../app/i18n';
import { useApi } from '../../../app/useApi';
import { one } from '../../supervision/shared';
import type { StatsCell } from './api';
import { HAZARD_CLASSES, ORGANISM_KINDS } from './labels';

const CLASS_COLOURS: Record<string, string> = { none: '#8fb8de', 4: '#9ccc65', 3: '#ffb74d', 2: '#e57373', 1: '#b71c1c' };

/** Accessioned strains by organism kind, stacked by hazard class, for the catalogue's filters. */
export function CatalogueChart({ filters }: { filters: Record<string, string | undefined> }) {
  const lang = useLang();
  const stats = useApi<{ cells: StatsCell[]; total: number }>(`/api/strains/stats${qs(filters)}`);
  const cells = stats.data?.cells ?? [];
  const kinds = Object.keys(ORGANISM_KINDS).filter((k) => cells.some((c) => c.organismKind === k));
  const classes = ['none', '4', '3', '2', '1'].filter((h) => cells.some((c) => String(c.hazardClass ?? 'none') === h));
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: kinds.map((k) => one(lang, ORGANISM_KINDS[k])) },
    yAxis: { type: 'value', minInterval: 1 },
    series: classes.map((h) => ({
      name: one(lang, HAZARD_CLASSES[h]), type: 'bar', stack: 'all', barMaxWidth: 56, itemStyle: { color: CLASS_COLOURS[h] },
      data: kinds.map((k) => cells.find((c) => c.organismKind === k && String(c.hazardClass ?? 'none') === h)?.count ?? 0),
    })),
  };
  return (
    <Card className="panel" size="small" title={<Bi zh="按生物类别与危害程度" en="By organism kind and hazard class" />}>
      <LoadState loading={stats.loading && !stats.data} error={stats.error} reload={stats.reload} rows={3}>
        {cells.length ? <EChart option={option} height={220} testId="records-catalogue-chart" ariaLabel="strains by kind and hazard class" /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      </LoadState>
    </Card>
  );
}
