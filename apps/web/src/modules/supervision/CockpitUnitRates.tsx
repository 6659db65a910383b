import { lazy, Suspense, useMemo } from 'react';
import { Card, Col, Empty, Progress, Row, Select, Skeleton, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import type { UnitRate, Units } from './api';
import { COLOURS } from './ColourTag';
import { quarterLabel, quartersUpTo } from './CockpitShared';
import { bi } from './shared';

// ECharts arrives after the figures, in its own chunk.
const EChart = lazy(() => import('../../app/components/EChart').then((m) => ({ default: m.EChart })));

/** Below this on-time rate a unit or action is shown in red. */
// The alert threshold is the server's (ON_TIME_ALERT_PCT in the supervision model).
const rateColour = (r: number | null, alertBelow: number) => (r === null ? undefined : r < alertBelow ? COLOURS.red.hex : COLOURS.green.hex);

function Rate({ rate, alertBelow }: { rate: number | null; alertBelow: number }) {
  const lang = useLang();
  if (rate === null) {
    return <Tooltip title={bi(lang, { zh: '本季度无应报事项', en: 'Nothing was due this quarter' })}><Typography.Text type="secondary">—</Typography.Text></Tooltip>;
  }
  return <Progress percent={rate} size="small" strokeColor={rateColour(rate, alertBelow)} status="normal" format={(p) => `${p}%`} style={{ minWidth: 120, margin: 0 }} />;
}

/**
 * 按时报送率: a quarter's reports made by their deadline, by action (chart) and by unit (table).
 * The quarter lives in the URL with the rest of the cockpit's choices.
 */
export function CockpitUnitRates({ quarter, onQuarter, asOf, taskForce }: { quarter?: string; onQuarter: (q: string | undefined) => void; asOf?: string; taskForce: boolean }) {
  const lang = useLang();
  const units = useApi<Units>(`/api/supervision/units${qs({ quarter })}`);
  const d = units.data;
  const alertBelow = d?.alertBelowPct ?? 0; // nothing is drawn before the answer arrives
  const shown = quarter ?? d?.quarter;
  const quarters = useMemo(() => quartersUpTo(d?.asOf ?? asOf ?? new Date().toISOString().slice(0, 10)), [d?.asOf, asOf]);

  const option = useMemo(() => {
    const actions = d?.actions ?? [];
    return {
      grid: { left: 48, right: 16, top: 24, bottom: 32 },
      tooltip: {
        trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: (ps: { dataIndex: number }[]) => {
          const a = actions[ps[0]?.dataIndex ?? 0];
          if (!a) return '';
          const rate = a.onTimeRate === null ? '—' : `${a.onTimeRate}%`;
          return `<b>${lang === 'zh' ? '行动' : 'Action '}${a.no}</b> ${lang === 'zh' ? a.titleZh : a.titleEn}<br/>`
            + (lang === 'zh' ? `按时报送率 ${rate}（应报 ${a.due}，按时 ${a.onTime}）` : `On time ${rate} (${a.onTime} of ${a.due} due)`);
        },
      },
      xAxis: { type: 'category', data: actions.map((a) => (lang === 'zh' ? `行动${a.no}` : `A${a.no}`)), axisTick: { show: false } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [{
        type: 'bar', barMaxWidth: 36,
        data: actions.map((a) => ({ value: a.onTimeRate ?? '-', itemStyle: { color: rateColour(a.onTimeRate, alertBelow), borderRadius: [4, 4, 0, 0] } })),
        label: { show: true, position: 'top', formatter: (p: { value: number | string }) => (typeof p.value === 'number' ? `${p.value}%` : '') },
      }],
    };
  }, [d, lang]);

  const columns: ColumnsType<UnitRate> = [
    { title: <Bi zh="单位" en="Unit" />, key: 'name', width: 260, sorter: (a, b) => a.nameZh.localeCompare(b.nameZh, 'zh'),
      render: (_, u) => {
        const name = lang === 'en' && u.nameEn ? u.nameEn : u.nameZh;
        return taskForce ? <Link to={`/supervision/work-points${qs({ ownerId: u.organisationId })}`}>{name}</Link> : name;
      } },
    { title: <Bi zh="应报" en="Due" />, dataIndex: 'due', width: 90, align: 'right', sorter: (a, b) => a.due - b.due },
    { title: <Bi zh="按时" en="On time" />, dataIndex: 'onTime', width: 90, align: 'right', sorter: (a, b) => a.onTime - b.onTime },
    { title: <Bi zh="按时报送率" en="On-time rate" />, dataIndex: 'onTimeRate', width: 190, defaultSortOrder: 'ascend',
      sorter: (a, b) => (a.onTimeRate ?? 101) - (b.onTimeRate ?? 101), render: (r: number | null) => <Rate alertBelow={alertBelow} rate={r} /> },
    { title: <Tooltip title={bi(lang, { zh: '当前为红色（逾期）的工作要点', en: 'Work points now red (overdue)' })}><span><Bi zh="逾期" en="Late" /></span></Tooltip>, dataIndex: 'red', width: 90, align: 'right',
      sorter: (a, b) => a.red - b.red, render: (n: number) => (n ? <Typography.Text type="danger" strong>{n}</Typography.Text> : 0) },
    { title: <Tooltip title={bi(lang, { zh: '当前为黄色（滞后）的工作要点', en: 'Work points now yellow (behind)' })}><span><Bi zh="滞后" en="Behind" /></span></Tooltip>, dataIndex: 'yellow', width: 90, align: 'right',
      sorter: (a, b) => a.yellow - b.yellow, render: (n: number) => (n ? <Typography.Text type="warning" strong>{n}</Typography.Text> : 0) },
    { title: <Bi zh="30 天内到期" en="Due in 30 days" />, dataIndex: 'dueIn30', width: 130, align: 'right', sorter: (a, b) => a.dueIn30 - b.dueIn30 },
  ];

  return (
    <Card className="panel" title={<Bi zh="按时报送率" en="On-time reporting" />}
      extra={
        <Select value={shown} style={{ width: 250 }} onChange={(q: string) => onQuarter(q === quarters[0] ? undefined : q)} data-testid="rates-quarter"
          options={quarters.map((q) => ({ value: q, label: `${quarterLabel(lang, q)} · ${q}` }))} aria-label={bi(lang, { zh: '季度', en: 'Quarter' })} />
      }>
      <LoadState loading={units.loading && !d} error={units.error} reload={units.reload} rows={5}>
        {d && (
          <Row gutter={[24, 16]}>
            <Col span={24}>
              <Typography.Text type="secondary" className="small-note" style={{ display: 'block' }}>
                {lang === 'zh'
                  ? `${d.from} 至 ${d.to}${d.to > d.asOf ? `（统计至 ${d.asOf}）` : ''}，按截止日前首次报送计；低于 ${d.alertBelowPct}% 标红。`
                  : `${d.from} to ${d.to}${d.to > d.asOf ? ` (up to ${d.asOf})` : ''}; on time = first submitted by the deadline; red below ${d.alertBelowPct}%.`}
              </Typography.Text>
              {d.actions.some((a) => a.due) ? (
                <Suspense fallback={<Skeleton active paragraph={{ rows: 5 }} />}>
                  <EChart option={option} height={240} ariaLabel={bi(lang, { zh: '各行动按时报送率', en: 'On-time rate by action' })} />
                </Suspense>
              ) : <Empty description={bi(lang, { zh: '本季度尚无应报送的进展报告', en: 'No reports were due this quarter' })} />}
            </Col>
            <Col span={24}>
              <Table<UnitRate>
                rowKey="organisationId"
                size="small"
                columns={columns}
                dataSource={d.units}
                loading={units.loading}
                scroll={{ x: 940 }}
                pagination={d.units.length > 10 ? { pageSize: 10, showSizeChanger: false, size: 'small' } : false}
                onRow={(u) => ({ 'data-testid': `rate-unit-${u.organisationId}` }) as React.HTMLAttributes<HTMLElement>}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '暂无单位承担工作要点；部署工作要点后将按单位统计。', en: 'No unit owns work points yet; rates appear once work points are set.' })} /> }}
                data-testid="rates-units"
              />
            </Col>
          </Row>
        )}
      </LoadState>
    </Card>
  );
}
