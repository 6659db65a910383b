import { Card, Empty } from 'antd';
import * as echarts from 'echarts/core';
import { ScatterChart } from 'echarts/charts';
import { EChart } from '../../../app/components/EChart';
import { Bi } from '../../../app/components/Bi';
import { LoadState } from '../../../app/components/LoadState';
import { useLang } from '../../../app/i18n';
import type { ApiState } from '../../../app/useApi';
import { bi, one } from '../../supervision/shared';
import type { Site } from './api';
import { GERMPLASM_KINDS } from './labels';

// Only this page draws a scatter: registered in its own chunk.
echarts.use([ScatterChart]);

/**
 * Collection sites as points by longitude and latitude (no map tiles leave the platform), sized
 * by how many records each holds. A site with only restricted records has no point; it is named
 * below the chart with its count.
 */
export function GermplasmSites({ sites }: { sites: ApiState<{ items: Site[] }> }) {
  const lang = useLang();
  const items = sites.data?.items ?? [];
  const placed = items.filter((s) => s.lat !== null && s.lon !== null);
  const unplaced = items.filter((s) => s.lat === null || s.lon === null);
  const kinds = (s: Site) => Object.entries(s.kinds).map(([k, n]) => `${GERMPLASM_KINDS[k] ? one(lang, GERMPLASM_KINDS[k]) : k} ${n}`).join('，');
  const option = {
    tooltip: { formatter: (p: { data: [number, number, number, string, string] }) => `${p.data[3]}<br/>${p.data[4]}` },
    grid: { left: 56, right: 24, top: 16, bottom: 40 },
    xAxis: { type: 'value', name: bi(lang, { zh: '经度', en: 'Longitude' }), nameLocation: 'middle', nameGap: 26, scale: true },
    yAxis: { type: 'value', name: bi(lang, { zh: '纬度', en: 'Latitude' }), nameLocation: 'middle', nameGap: 40, scale: true },
    series: [{
      type: 'scatter', symbolSize: (d: number[]) => 12 + Math.sqrt(d[2]) * 8, itemStyle: { color: '#2f7d5b', opacity: 0.8 },
      label: { show: true, position: 'right', formatter: (p: { data: unknown[] }) => String(p.data[3]) },
      data: placed.map((s) => [s.lon, s.lat, s.count, s.siteZh, kinds(s)]),
    }],
  };
  return (
    <Card className="panel" size="small" title={<Bi zh="采集地分布" en="Collection sites" />}>
      <LoadState loading={sites.loading && !sites.data} error={sites.error} reload={sites.reload} rows={4}>
        {placed.length ? <EChart option={option} height={320} testId="records-germplasm-sites" ariaLabel="germplasm collection sites" /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '尚无带坐标的采集地', en: 'No sites with coordinates yet' })} />}
        {unplaced.length > 0 && (
          <div className="cell-sub">{bi(lang, { zh: '未标注坐标（受限或未记录）：', en: 'Without coordinates (restricted or not recorded): ' })}{unplaced.map((s) => `${s.siteZh}（${s.count}）`).join('、')}</div>
        )}
      </LoadState>
    </Card>
  );
}
