import { useState } from 'react';
import { Button, Card, Col, Empty, Input, Row, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { qs } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { useLang } from '../../../app/i18n';
import { PageHeader } from '../../../app/PageHeader';
import { useApi } from '../../../app/useApi';
import { bi, ExportButton, one } from '../../supervision/shared';
import { useListParams, useSearchBox } from '../../supervision/WorkShared';
import type { Alerts, Lot, Page, StorageLocation, UnstockedStrain } from './api';
import { FreezerView } from './FreezerView';
import { optionsOf } from './forms';
import { ALERTS, LOCATION_KINDS, LOT_METHODS, LOT_STATUSES } from './labels';
import { LocationFormModal } from './LocationFormModal';
import { LotDrawer } from './LotDrawer';
import { LotFormModal } from './LotFormModal';
import { FlagTags, LotStatusTag, MethodTag } from './StockTags';

const FILTERS = ['tab', 'method', 'locationId', 'alert', 'status', 'q', 'lot', 'freezer'] as const;
type AlertKey = 'low' | 'due' | 'overdue' | 'failed';

/** The alerts panel: counts that filter the lots below, and the strains with nothing in stock. */
function AlertTiles({ alerts, active, onPick }: { alerts: Alerts | undefined; active?: string; onPick: (k: AlertKey | 'unstocked') => void }) {
  const lang = useLang();
  const tiles: [AlertKey | 'unstocked', { zh: string; en: string }, string][] = [
    ['low', ALERTS.low, '#d46b08'], ['due', { zh: `${alerts?.days ?? 30} 天内待检测`, en: `Tests due in ${alerts?.days ?? 30} days` }, '#d48806'],
    ['overdue', ALERTS.overdue, '#cf1322'], ['failed', ALERTS.failed, '#cf1322'], ['unstocked', { zh: '无在库批次的菌种', en: 'Strains with no active lot' }, '#595959'],
  ];
  return (
    <Row gutter={12} className="strains-alert-tiles" data-testid="strains-alerts">
      {tiles.map(([k, n, color]) => (
        <Col key={k} xs={12} md={8} lg={4}>
          <Card size="small" hoverable className={active === k ? 'panel strains-tile-active' : 'panel'} onClick={() => onPick(k)} data-testid={`strains-alert-${k}`}>
            <Statistic title={bi(lang, n)} value={alerts?.counts[k] ?? '—'} valueStyle={{ color: (alerts?.counts[k] ?? 0) > 0 ? color : undefined }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/**
 * 保藏库存 (curators): the alerts panel on top; the lots with filters by method, freezer, alert and
 * state, their Excel export and a drawer per lot (ledger, tests, moves); the location register with
 * each freezer's racks, boxes and positions; the strains that have no active lot.
 */
export default function StockPage() {
  const lang = useLang();
  const { filters, page, size, set, paging } = useListParams(FILTERS);
  const tab = filters.tab ?? 'lots';
  const search = useSearchBox(filters.q, (q) => set({ q }));
  const lotFilter = { method: filters.method, locationId: filters.locationId, alert: filters.alert, status: filters.status ?? (filters.alert ? undefined : 'active'), q: filters.q };
  const lots = useApi<Page<Lot>>(`/api/strain-lots${qs({ ...lotFilter, ...paging })}`);
  const alerts = useApi<Alerts>('/api/strains/stock/alerts');
  const locations = useApi<Page<StorageLocation>>('/api/storage-locations');
  const [dialog, setDialog] = useState<{ kind: 'lot'; strainId?: string } | { kind: 'location'; location?: StorageLocation } | null>(null);
  const reload = () => { lots.reload(); alerts.reload(); locations.reload(); };

  const lotColumns: ColumnsType<Lot> = [
    { title: <Bi zh="批次" en="Lot" />, key: 'code', width: 150, fixed: 'left', render: (_, l) => <Typography.Link className="mono" onClick={() => set({ lot: l.id })} data-testid={`strains-lot-link-${l.code}`}>{l.code}</Typography.Link> },
    { title: <Bi zh="菌种/种质" en="Holds" />, key: 'subject', width: 260, render: (_, l) => <div className="cell-main">{l.subjectZh}{l.restricted && <Tag color="red" style={{ marginLeft: 6 }}>{bi(lang, { zh: '受限', en: 'Restricted' })}</Tag>}</div> },
    { title: <Bi zh="方式" en="Method" />, dataIndex: 'method', width: 130, render: (m: string) => <MethodTag method={m} /> },
    { title: <Bi zh="现存" en="On hand" />, key: 'vials', width: 100, align: 'right', render: (_, l) => <span><b>{l.vialsOnHand}</b><span className="cell-sub"> / {l.alertLevel}</span></span> },
    { title: <Bi zh="位置" en="Place" />, dataIndex: 'place', width: 200, render: (p: string | null) => <span className="mono">{p ?? '—'}</span> },
    { title: <Bi zh="下次检测" en="Next test" />, dataIndex: 'nextTestDue', width: 120, render: (d: string | null) => d ?? '—' },
    { title: <Bi zh="状态" en="Status" />, key: 'status', width: 200, render: (_, l) => <Space size={2} wrap><LotStatusTag status={l.status} /><FlagTags flags={l.flags} /></Space> },
  ];

  const locationColumns: ColumnsType<StorageLocation> = [
    { title: <Bi zh="编号" en="Code" />, dataIndex: 'code', width: 120, render: (c: string, l) => <Typography.Link className="mono" onClick={() => set({ freezer: l.id })} data-testid={`strains-freezer-${c}`}>{c}</Typography.Link> },
    { title: <Bi zh="名称" en="Name" />, dataIndex: 'nameZh', width: 220 },
    { title: <Bi zh="类型" en="Kind" />, dataIndex: 'kind', width: 160, render: (k: string) => (LOCATION_KINDS[k] ? one(lang, LOCATION_KINDS[k]) : k) },
    { title: <Bi zh="温度" en="Temp." />, dataIndex: 'temperatureC', width: 90, render: (t: number | null) => (t == null ? '—' : `${t} °C`) },
    { title: <Bi zh="房间" en="Room" />, dataIndex: 'roomZh', width: 140 },
    { title: <Bi zh="在库批次 / 支" en="Lots / vials" />, key: 'held', width: 130, render: (_, l) => `${l.activeLots} / ${l.vialsOnHand}` },
    { title: <Bi zh="状态" en="Status" />, dataIndex: 'status', width: 90, render: (s: string) => <Tag color={s === 'inUse' ? 'green' : 'default'}>{bi(lang, s === 'inUse' ? { zh: '在用', en: 'In use' } : { zh: '停用', en: 'Retired' })}</Tag> },
    { title: '', key: 'edit', width: 60, render: (_, l) => <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'location', location: l })} /> },
  ];

  const unstockedColumns: ColumnsType<UnstockedStrain> = [
    { title: <Bi zh="保藏编号" en="Accession" />, dataIndex: 'accession', width: 140, render: (a: string, s) => <Link to={`/strains/${s.id}`} className="mono">{a}</Link> },
    { title: <Bi zh="菌名" en="Name" />, key: 'name', render: (_, s) => <span><i>{[s.genus, s.species].filter(Boolean).join(' ')}</i> {s.strainDesignation} <span className="cell-sub">{s.nameZh}</span></span> },
    { title: '', key: 'act', width: 160, render: (_, s) => <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'lot', strainId: s.id })}><Bi zh="制备批次" en="Prepare a lot" /></Button> },
  ];

  const filtered = !!(filters.method || filters.locationId || filters.alert || filters.q || filters.status);
  const lotsEmpty = filtered
    ? <Empty description={bi(lang, { zh: '没有符合条件的批次', en: 'No lots match' })}><Button onClick={() => set({ method: undefined, locationId: undefined, alert: undefined, q: undefined, status: undefined })}><Bi zh="清除筛选" en="Clear filters" /></Button></Empty>
    : <Empty description={bi(lang, { zh: '尚无保藏批次 — 先登记保藏设备，再为已入库菌种制备批次', en: 'No lots yet: register a freezer, then prepare a lot of an accessioned strain' })}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'lot' })}><Bi zh="制备批次" en="Prepare a lot" /></Button>
      </Empty>;

  return (
    <>
      <PageHeader title={{ zh: '保藏库存', en: 'Preservation stock' }}
        description={bi(lang, {
          zh: '保藏批次的位置、数量与活力：每次使用都登记出入库；低于预警数量时通知管理员；活力检测按周期到期提醒。',
          en: 'Where each lot is, how many vials it holds and whether it still revives: every use is a stock move; the curators are told when a lot falls to its alert level; viability tests fall due by their interval.',
        })}
        extra={<Space>
          <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'location' })} data-testid="strains-location-new"><Bi zh="登记设备" en="Register a freezer" /></Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'lot' })} data-testid="strains-lot-new"><Bi zh="制备批次" en="Prepare a lot" /></Button>
        </Space>} />
      <AlertTiles alerts={alerts.data} active={tab === 'unstocked' ? 'unstocked' : filters.alert}
        onPick={(k) => (k === 'unstocked' ? set({ tab: 'unstocked' }) : set({ tab: undefined, alert: filters.alert === k ? undefined : k }))} />
      <Card className="panel" style={{ marginTop: 16 }}>
        <Tabs activeKey={tab} onChange={(k) => set({ tab: k === 'lots' ? undefined : k })} items={[
          {
            key: 'lots', label: <Bi zh="保藏批次" en="Lots" />,
            children: (
              <>
                <div className="table-toolbar">
                  <Input.Search allowClear placeholder={bi(lang, { zh: '批次号、保藏编号或菌名', en: 'Lot, accession or name' })} style={{ width: 240 }} value={search.typed} onChange={(e) => search.setTyped(e.target.value)} data-testid="strains-lots-search" />
                  <Select allowClear placeholder={bi(lang, { zh: '保藏方式', en: 'Method' })} style={{ width: 170 }} value={filters.method} onChange={(v?: string) => set({ method: v })} options={optionsOf(lang, LOT_METHODS)} data-testid="strains-lots-method" />
                  <Select allowClear placeholder={bi(lang, { zh: '保藏设备', en: 'Freezer' })} style={{ width: 200 }} value={filters.locationId} onChange={(v?: string) => set({ locationId: v })}
                    options={(locations.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.code} ${l.nameZh}` }))} data-testid="strains-lots-location" />
                  <Select allowClear placeholder={bi(lang, { zh: '预警', en: 'Alert' })} style={{ width: 150 }} value={filters.alert} onChange={(v?: string) => set({ alert: v })}
                    options={[{ value: 'any', label: bi(lang, { zh: '任一预警', en: 'Any alert' }) }, ...optionsOf(lang, ALERTS)]} data-testid="strains-lots-alert" />
                  <Select allowClear placeholder={bi(lang, { zh: '在库', en: 'Active' })} style={{ width: 130 }} value={filters.status} onChange={(v?: string) => set({ status: v })} options={optionsOf(lang, LOT_STATUSES)} />
                  <ExportButton path={`/api/strain-lots/export.xlsx${qs(lotFilter)}`} fallbackName="保藏批次.xlsx" testId="strains-lots-export" />
                  <Typography.Text type="secondary" className="table-count">{lang === 'zh' ? `共 ${lots.data?.total ?? 0} 个批次` : `${lots.data?.total ?? 0} lots`}</Typography.Text>
                </div>
                <Table<Lot> rowKey="id" columns={lotColumns} dataSource={lots.data?.items ?? []} loading={lots.loading} scroll={{ x: 1200 }} locale={{ emptyText: lotsEmpty }} data-testid="strains-lots-table"
                  onRow={(l) => ({ 'data-testid': `strains-lot-row-${l.code}` }) as React.HTMLAttributes<HTMLElement>}
                  pagination={{ current: page, pageSize: size, total: lots.data?.total ?? 0, showSizeChanger: true, onChange: (p, s) => set({ page: p === 1 ? undefined : p, size: s === 20 ? undefined : s }) }} />
              </>
            ),
          },
          {
            key: 'freezers', label: <Bi zh="保藏设备" en="Freezers" />,
            children: (
              <>
                <Table<StorageLocation> rowKey="id" size="small" columns={locationColumns} dataSource={locations.data?.items ?? []} loading={locations.loading} pagination={false} data-testid="strains-locations-table"
                  locale={{ emptyText: <Empty description={bi(lang, { zh: '尚未登记保藏设备 — 登记冰箱、液氮罐或冷库后即可放置批次', en: 'No freezers yet: register one to place lots in it' })} /> }} />
                {filters.freezer && <FreezerView key={filters.freezer} locationId={filters.freezer} onOpen={(id) => set({ lot: id })} />}
              </>
            ),
          },
          {
            key: 'unstocked', label: <Bi zh={`无库存菌种（${alerts.data?.counts.unstocked ?? 0}）`} en={`Unstocked (${alerts.data?.counts.unstocked ?? 0})`} />,
            children: <Table<UnstockedStrain> rowKey="id" size="small" columns={unstockedColumns} dataSource={alerts.data?.unstocked ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }}
              locale={{ emptyText: <Empty description={bi(lang, { zh: '每个已入库菌种都有在库批次', en: 'Every accessioned strain has an active lot' })} /> }} data-testid="strains-unstocked-table" />,
          },
        ]} />
      </Card>
      {filters.lot && <LotDrawer lotId={filters.lot} onClose={() => set({ lot: undefined })} onChanged={reload} />}
      {dialog?.kind === 'lot' && <LotFormModal strainId={dialog.strainId} onClose={() => setDialog(null)} onDone={(l) => { setDialog(null); reload(); set({ lot: l.id }); }} />}
      {dialog?.kind === 'location' && <LocationFormModal location={dialog.location} onClose={() => setDialog(null)} onDone={() => { setDialog(null); reload(); }} />}
    </>
  );
}
