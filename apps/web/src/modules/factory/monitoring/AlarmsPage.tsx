import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, Empty, Input, Segmented, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { qs } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { LoadState } from '../../../app/components/LoadState';
import { useLang } from '../../../app/i18n';
import { PageHeader } from '../../../app/PageHeader';
import { useApi } from '../../../app/useApi';
import { bi, dateTime, ExportButton, one } from '../../supervision/shared';
import { useListParams, useSearchBox } from '../../supervision/WorkShared';
import type { Factory, Page } from '../epcis/api';
import type { Alarm, AlarmPage } from './api';
import { AlarmActions } from './AlarmActions';
import { AlarmDrawer } from './AlarmDrawer';
import { ALARM_STATES, fmt, pct, STATISTICS } from './labels';

const FILTERS = ['state', 'factoryId', 'statistic', 'q'] as const;

/**
 * 过程监控报警: every alarm the monitoring raised on batches the caller sees, open first; filters by
 * state, factory and statistic; one alarm in a drawer with its contributions and notes; the
 * factory's operators acknowledge with a note and close.
 */
export default function AlarmsPage() {
  const lang = useLang();
  const { filters, page, size, set, paging } = useListParams(FILTERS);
  const search = useSearchBox(filters.q, (q) => set({ q }));
  const list = useApi<AlarmPage>(`/api/factory/alarms${qs({ ...filters, ...paging })}`);
  const factories = useApi<Page<Factory>>('/api/factory/factories?limit=500', { cached: true });
  const [shown, setShown] = useState<string | null>(null);
  const byState = list.data?.byState;

  const columns: ColumnsType<Alarm> = [
    { title: <Bi zh="编号" en="Alarm" />, dataIndex: 'code', width: 130, render: (c: string, a) => <Typography.Link className="mono" onClick={() => setShown(a.id)} data-testid={`alarm-link-${c}`}>{c}</Typography.Link> },
    { title: <Bi zh="批次 / 工厂" en="Batch / factory" />, key: 'batch', render: (_, a) => <div className="cell-main"><Link to={`/factory/batches/${a.batchId}`}>{a.batchCode}</Link> <span className="cell-sub">{a.batchExternalId}</span><div className="cell-sub">{a.factoryNameZh} · {a.recipe}</div></div> },
    { title: <Bi zh="统计量" en="Statistic" />, dataIndex: 'statistic', width: 130, render: (s: string) => <Tag color={STATISTICS[s].color}>{s === 't2' ? 'T²' : 'SPE'}</Tag> },
    { title: <Bi zh="时刻" en="At" />, dataIndex: 'at', width: 150, render: (t: string) => dateTime(t) },
    { title: <Bi zh="值 / 控制限" en="Value / limit" />, key: 'value', width: 130, align: 'right', render: (_, a) => <span><b style={{ color: '#cf1322' }}>{fmt(a.value)}</b> / {fmt(a.limitValue)}</span> },
    { title: <Bi zh="主要贡献变量" en="Top contributors" />, key: 'top', render: (_, a) => a.contributions.slice(0, 3).map((c, i) => <Tag key={c.variable} color={i === 0 ? 'red' : undefined}>{lang === 'zh' ? c.zh : c.en} {pct(c.share)}</Tag>) },
    { title: <Bi zh="状态" en="State" />, dataIndex: 'state', width: 110, render: (s: string, a) => <span data-testid={`alarm-state-${a.code}`}><Tag color={ALARM_STATES[s].color}>{one(lang, ALARM_STATES[s])}</Tag></span> },
    { title: <Bi zh="操作" en="Actions" />, key: 'act', width: 200, render: (_, a) => <AlarmActions alarm={a} onDone={() => list.reload()} /> },
  ];

  return (
    <>
      <PageHeader title={{ zh: '过程监控报警', en: 'Process alarms' }}
        description={bi(lang, { zh: '运行中批次按其配方的监控模型实时评分；T² 或 SPE 连续超出控制限即报警，并通知工厂所属单位。', en: 'Running batches are scored live against their recipe’s monitoring model; T² or SPE above its limit on consecutive points raises an alarm and tells the factory’s organisation.' })}
        extra={<ExportButton path={`/api/factory/alarms/export.xlsx${qs({ state: filters.state, factoryId: filters.factoryId, statistic: filters.statistic, q: filters.q })}`} fallbackName="factory-alarms.xlsx" testId="alarms-export" />} />
      <section className="section">
        <Card className="panel">
          <div className="table-toolbar">
            <Segmented value={filters.state ?? ''} onChange={(v) => set({ state: (v as string) || undefined })} data-testid="alarm-state-filter"
              options={[{ value: '', label: bi(lang, { zh: '全部', en: 'All' }) }, ...Object.entries(ALARM_STATES).map(([value, n]) => ({ value, label: `${one(lang, n)}${byState ? ` ${byState[value as keyof typeof byState] ?? 0}` : ''}` }))]} />
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 220 }} placeholder={bi(lang, { zh: '工厂', en: 'Factory' })} value={filters.factoryId} onChange={(v) => set({ factoryId: v })}
              options={(factories.data?.items ?? []).map((f) => ({ value: f.id, label: f.nameZh }))} />
            <Select allowClear style={{ width: 170 }} placeholder={bi(lang, { zh: '统计量', en: 'Statistic' })} value={filters.statistic} onChange={(v) => set({ statistic: v })}
              options={Object.entries(STATISTICS).map(([value, n]) => ({ value, label: one(lang, n) }))} />
            <Input.Search allowClear style={{ width: 220 }} placeholder={bi(lang, { zh: '报警、批次、配方', en: 'Alarm, batch, recipe' })} value={search.typed} onChange={(e) => search.setTyped(e.target.value)} />
            <Typography.Text type="secondary" className="table-count">{lang === 'zh' ? `共 ${list.data?.total ?? 0} 条` : `${list.data?.total ?? 0} alarms`}</Typography.Text>
          </div>
          <LoadState loading={list.loading && !list.data} error={list.error} reload={list.reload}>
            <Table<Alarm> rowKey="id" size="middle" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} scroll={{ x: 1200 }} data-testid="alarms-table"
              locale={{ emptyText: <Empty description={bi(lang, filters.state || filters.factoryId || filters.statistic || filters.q
                ? { zh: '没有符合条件的报警，可清除筛选条件', en: 'No alarm matches; clear the filters' }
                : { zh: '尚无报警：为配方建立监控模型后，运行中批次超出控制限时会在此出现', en: 'No alarms yet: once a recipe has a monitoring model, running batches that leave its limits show here' })} /> }}
              pagination={{ current: page, pageSize: size, total: list.data?.total ?? 0, onChange: (p, s) => set({ page: p, size: s }) }} />
          </LoadState>
        </Card>
      </section>
      {shown && <AlarmDrawer id={shown} onClose={() => setShown(null)} onChanged={() => list.reload()} />}
    </>
  );
}
