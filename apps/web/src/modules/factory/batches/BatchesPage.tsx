import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Empty, Input, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { qs } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { LoadState } from '../../../app/components/LoadState';
import { useLang } from '../../../app/i18n';
import { PageHeader } from '../../../app/PageHeader';
import { useApi } from '../../../app/useApi';
import { bi, dateTime, ExportButton, one } from '../../supervision/shared';
import { useListParams, useSearchBox } from '../../supervision/WorkShared';
import { useFactoryRoles } from '../epcis/access';
import type { Batch, Page, Rejections } from './api';
import { BatchModal } from './BatchModal';
import { BATCH_STATES, OUTCOMES, PHASES, SOURCES } from './labels';

const FILTERS = ['q', 'factoryId', 'state', 'recipe', 'equipment', 'strain', 'outcome'] as const;

/**
 * 发酵批次: every batch the caller may see, filtered by factory, state, recipe, equipment and
 * strain, with its phase and outcome; above it, the readings each factory's systems sent that
 * were rejected (by source and reason), so that a misconfigured sender is seen.
 */
export default function BatchesPage() {
  const lang = useLang();
  const roles = useFactoryRoles();
  const navigate = useNavigate();
  const { filters, page, size, set, paging } = useListParams(FILTERS);
  const search = useSearchBox(filters.q, (q) => set({ q }));
  const list = useApi<Page<Batch>>(`/api/factory/batches${qs({ ...filters, ...paging })}`);
  const rejections = useApi<Rejections>('/api/factory/rejections');
  const factories = useApi<Page<{ id: string; code: string; nameZh: string }>>('/api/factory/factories?limit=200');
  const [creating, setCreating] = useState(false);
  const L = (zh: string, en: string) => bi(lang, { zh, en });

  const columns: ColumnsType<Batch> = [
    { title: <Bi zh="批次" en="Batch" />, key: 'code', width: 170, render: (_, b) => <div className="cell-main"><Link to={`/factory/batches/${b.id}`} data-testid={`batch-link-${b.externalId}`} className="mono">{b.code}</Link><div className="cell-sub mono">{b.externalId}</div></div> },
    { title: <Bi zh="工厂 / 设备" en="Factory / equipment" />, key: 'factory', render: (_, b) => <div className="cell-main">{b.factoryNameZh}<div className="cell-sub">{b.equipment}</div></div> },
    { title: <Bi zh="工艺配方 / 菌种" en="Recipe / strain" />, key: 'recipe', render: (_, b) => <div className="cell-main">{b.recipe}<div className="cell-sub">{b.strainAccession ? <Link to={`/strains?q=${encodeURIComponent(b.strainAccession)}`}>{b.strainAccession}</Link> : '—'}{b.strainNameZh ? ` · ${b.strainNameZh}` : ''}</div></div> },
    { title: <Bi zh="状态 / 阶段" en="State / phase" />, key: 'state', width: 170, render: (_, b) => <Space size={4} wrap><Tag color={BATCH_STATES[b.state]?.color} data-testid={`batch-state-${b.externalId}`}>{one(lang, BATCH_STATES[b.state])}</Tag>{b.currentPhase && <Tag>{PHASES[b.currentPhase] ? one(lang, PHASES[b.currentPhase]) : b.currentPhase}</Tag>}</Space> },
    { title: <Bi zh="开始" en="Started" />, dataIndex: 'startedAt', width: 150, render: (t: string | null) => (t ? dateTime(t) : '—') },
    { title: <Bi zh="结束" en="Ended" />, dataIndex: 'endedAt', width: 150, render: (t: string | null) => (t ? dateTime(t) : '—') },
    { title: <Bi zh="结论" en="Outcome" />, dataIndex: 'outcome', width: 100, render: (o: string | null, b) => (o ? <Tooltip title={b.outcomeNoteZh}><Tag color={OUTCOMES[o].color}>{one(lang, OUTCOMES[o])}</Tag></Tooltip> : <Typography.Text type="secondary">—</Typography.Text>) },
  ];

  const rejected = rejections.data?.factories ?? [];
  return (
    <>
      <PageHeader title={{ zh: '发酵批次', en: 'Fermentation batches' }}
        description={L('各工厂的批次、阶段与传感器数据。系统可用带 factory:ingest 权限的 API 令牌通过 HTTP 批量或 MQTT 上报读数。', 'Batches of each factory, their phases and sensor data. Systems post readings by HTTP in bulk or by MQTT with an API token holding factory:ingest.')}
        extra={<Space>
          <Link to="/factory/golden"><Button><Bi zh="黄金批次" en="Golden batches" /></Button></Link>
          {roles.operator && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="batch-new"><Bi zh="登记批次" en="Register a batch" /></Button>}
        </Space>} />
      <section className="section">
        <Card className="panel" title={<Bi zh="被拒读数" en="Rejected readings" />} size="small" data-testid="rejections-card">
          <LoadState loading={rejections.loading && !rejections.data} error={rejections.error} reload={rejections.reload} rows={2}>
            {rejected.length === 0
              ? <Alert type="success" showIcon title={L('没有被拒的读数：各工厂上报的数据均已接收', 'No rejected readings: everything the factories sent was stored')} />
              : <Space size={32} wrap>
                {rejected.map((f) => (
                  <Tooltip key={f.factoryId} title={(rejections.data?.items ?? []).filter((r) => r.factoryId === f.factoryId).map((r) => `${one(lang, SOURCES[r.source])} · ${lang === 'zh' ? r.reasonZh : r.reasonEn}: ${r.count}${r.lastBatch ? `（${r.lastBatch}）` : ''}`).join('\n')}>
                    <Statistic title={f.factoryNameZh} value={f.total} suffix={L('条', 'readings')} valueStyle={{ color: '#cf1322' }} data-testid={`rejections-${f.factoryCode}`} />
                  </Tooltip>
                ))}
                <Typography.Text type="secondary">{L('悬停查看来源与原因；原因修正后重新上报即可。', 'Hover for source and reason; fix the sender and post again.')}</Typography.Text>
              </Space>}
          </LoadState>
        </Card>
      </section>
      <section className="section">
        <Card className="panel">
          <div className="table-toolbar">
            <Input.Search allowClear style={{ width: 220 }} placeholder={L('批次号、产品、配方', 'Batch no., product, recipe')} value={search.typed} onChange={(e) => search.setTyped(e.target.value)} />
            <Select allowClear style={{ width: 200 }} placeholder={L('工厂', 'Factory')} value={filters.factoryId} onChange={(v) => set({ factoryId: v })} options={(factories.data?.items ?? []).map((f) => ({ value: f.id, label: f.nameZh }))} />
            <Select allowClear style={{ width: 130 }} placeholder={L('状态', 'State')} value={filters.state} onChange={(v) => set({ state: v })} options={Object.entries(BATCH_STATES).map(([value, n]) => ({ value, label: bi(lang, n) }))} data-testid="batch-filter-state" />
            <Select allowClear style={{ width: 120 }} placeholder={L('结论', 'Outcome')} value={filters.outcome} onChange={(v) => set({ outcome: v })} options={Object.entries(OUTCOMES).map(([value, n]) => ({ value, label: bi(lang, n) }))} />
            <Input allowClear style={{ width: 150 }} placeholder={L('配方', 'Recipe')} defaultValue={filters.recipe} onPressEnter={(e) => set({ recipe: (e.target as HTMLInputElement).value || undefined })} />
            <Input allowClear style={{ width: 140 }} placeholder={L('设备', 'Equipment')} defaultValue={filters.equipment} onPressEnter={(e) => set({ equipment: (e.target as HTMLInputElement).value || undefined })} />
            <Input allowClear style={{ width: 140 }} placeholder={L('菌种保藏号', 'Strain accession')} defaultValue={filters.strain} onPressEnter={(e) => set({ strain: (e.target as HTMLInputElement).value || undefined })} />
            <Typography.Text type="secondary" className="table-count">{lang === 'zh' ? `共 ${list.data?.total ?? 0} 个` : `${list.data?.total ?? 0} batches`}</Typography.Text>
            <ExportButton path={`/api/factory/batches/export.xlsx${qs(filters)}`} fallbackName="批次.xlsx" testId="batches-export" />
          </div>
          <LoadState loading={list.loading && !list.data} error={list.error} reload={list.reload}>
            <Table<Batch> rowKey="id" size="middle" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} scroll={{ x: 1100 }} data-testid="batches-table"
              locale={{ emptyText: <Empty description={L(roles.operator ? '尚无批次 — 点击“登记批次”，或让生产系统用 API 令牌上报' : '尚无批次：工厂登记批次并上报数据后显示在这里', roles.operator ? 'No batches yet: choose “Register a batch”, or let your MES post them with an API token' : 'No batches yet: they appear here once factories register them and send data')} /> }}
              pagination={{ current: page, pageSize: size, total: list.data?.total ?? 0, onChange: (p, s) => set({ page: p, size: s }) }} />
          </LoadState>
        </Card>
      </section>
      {creating && <BatchModal onClose={() => setCreating(false)} onSaved={(b) => { setCreating(false); navigate(`/factory/batches/${b.id}`); }} />}
    </>
  );
}
