import { useMemo } from 'react';
import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import * as echarts from 'echarts/core';
import { FunnelChart } from 'echarts/charts';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { EChart } from '../../app/components/EChart';
import { LoadState } from '../../app/components/LoadState';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi } from '../supervision/shared';
import type { Funnel } from './api.lists';
import { funnelSteps, percent } from './ListModel';

// The funnel chart type registers with the platform's one ECharts core when a list page loads.
echarts.use([FunnelChart]);

const COLOURS = ['#143a84', '#1d4f91', '#3a7bd5', '#5fa8d3', '#97c5e0'];

/**
 * 对接漏斗: how far the list's posted items got (发布 → 响应 → 洽谈 → 签约 → 完成, each item once at
 * its furthest step) and the matching rate, the share that reached negotiation. Public, counts only;
 * with `editionId`, the items of that edition.
 */
export function FunnelPanel({ list, editionId }: { list: 'demands' | 'achievements'; editionId?: string }) {
  const lang = useLang();
  const funnel = useApi<Funnel>(`/api/pilot/funnel${qs({ list, editionId })}`);
  const f = funnel.data;
  const steps = useMemo(() => (f ? funnelSteps(f) : []), [f]);

  const option = useMemo(() => ({
    tooltip: {
      trigger: 'item',
      formatter: (x: { dataIndex: number }) => {
        const s = steps[x.dataIndex];
        return `<b>${s.zh} ${s.en}</b><br/>${lang === 'zh' ? `${s.value} 项，占已发布的 ${percent(s.share)}` : `${s.value} items, ${percent(s.share)} of those posted`}`;
      },
    },
    series: [{
      type: 'funnel', sort: 'none', min: 0, max: Math.max(1, steps[0]?.value ?? 1), left: 12, right: 12, top: 6, bottom: 6, minSize: '18%', gap: 3,
      label: { show: true, position: 'inside', color: '#fff', formatter: (x: { dataIndex: number }) => `${lang === 'zh' ? steps[x.dataIndex].zh : steps[x.dataIndex].en}  ${steps[x.dataIndex].value}` },
      itemStyle: { borderColor: '#fff', borderWidth: 1 },
      data: steps.map((s, i) => ({ name: lang === 'zh' ? s.zh : s.en, value: s.value, itemStyle: { color: COLOURS[i] } })),
    }],
  }), [steps, lang]);

  return (
    <LoadState loading={funnel.loading && !f} error={funnel.error} reload={funnel.reload} rows={4}>
      {f && (
        <Row gutter={[16, 16]} data-testid="pilot-funnel">
          <Col xs={24} lg={15}>
            <Card className="panel" size="small" title={<Bi zh="对接漏斗" en="Matchmaking funnel" />}
              extra={<span className="cell-sub">{bi(lang, { zh: '每项按最远到达的阶段计一次', en: 'Each item once, at its furthest step' })}</span>}>
              {f.posted ? (
                <EChart option={option} height={220} testId="pilot-funnel-chart"
                  ariaLabel={steps.map((s) => `${s.zh} ${s.value}`).join('，')} />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '尚无已发布的条目，发布并获得响应后将在此显示对接进展', en: 'Nothing published yet; progress shows here once items are posted and answered' })} />
              )}
            </Card>
          </Col>
          <Col xs={24} lg={9}>
            <div className="pilot-figures">
              <Card size="small" className="panel" style={{ borderTop: '3px solid #1d4f91' }} data-testid="pilot-matching-rate">
                <Statistic title={<Bi zh="匹配率" en="Matching rate" />} value={f.matchingRate == null ? '—' : Math.round(f.matchingRate * 1000) / 10}
                  suffix={f.matchingRate == null ? undefined : '%'} styles={{ content: { fontWeight: 600, color: '#1d4f91' } }} />
                <Typography.Text type="secondary" className="cell-sub">
                  {bi(lang, { zh: '已进入洽谈（双方互认）的条目占已发布条目的比例', en: 'Share of posted items that reached negotiation (mutual acceptance)' })}
                </Typography.Text>
              </Card>
              <Card size="small" className="panel" style={{ borderTop: '3px solid #389e0d' }}>
                <Statistic title={<Bi zh="签约 / 完成" en="Signed / done" />} value={`${f.signed} / ${f.done}`} styles={{ content: { fontWeight: 600 } }} />
                <Typography.Text type="secondary" className="cell-sub">
                  {lang === 'zh' ? `已发布 ${f.posted} 项，获得响应 ${f.responded} 项` : `${f.posted} posted, ${f.responded} answered`}
                </Typography.Text>
              </Card>
            </div>
          </Col>
        </Row>
      )}
    </LoadState>
  );
}
