import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Badge, Button, Card, Empty, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { qs } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { LoadState } from '../../../app/components/LoadState';
import { useLang } from '../../../app/i18n';
import { PageHeader } from '../../../app/PageHeader';
import { useApi } from '../../../app/useApi';
import { useDistricts } from '../../plan/api';
import { bi, dateTime, one } from '../../supervision/shared';
import { useListParams, useSearchBox } from '../../supervision/WorkShared';
import { useFactoryRoles } from './access';
import type { Factory, Page } from './api';
import { FactoryModal } from './FactoryModal';
import { FACTORY_KINDS } from './labels';

const FILTERS = ['q', 'kind', 'districtCode'] as const;

/**
 * 智能工厂与数字化车间: every registered factory with its organisation, kind, district, whether it is
 * connected (events or batches arrived), its event and batch counts and the last capture. Operators
 * register their own factories; overseers any.
 */
export default function FactoriesPage() {
  const lang = useLang();
  const roles = useFactoryRoles();
  const navigate = useNavigate();
  const districts = useDistricts();
  const { filters, page, size, set, paging } = useListParams(FILTERS);
  const search = useSearchBox(filters.q, (q) => set({ q }));
  const list = useApi<Page<Factory>>(`/api/factory/factories${qs({ ...filters, ...paging })}`);
  const [creating, setCreating] = useState(false);
  const mayRegister = roles.operator || roles.overseer;

  const columns: ColumnsType<Factory> = [
    { title: <Bi zh="编号" en="Code" />, dataIndex: 'code', width: 100, render: (c: string) => <span className="mono">{c}</span> },
    { title: <Bi zh="工厂 / 企业" en="Factory / organisation" />, key: 'name', render: (_, f) => <div className="cell-main"><Link to={`/factory/factories/${f.id}`} data-testid={`factory-link-${f.code}`}>{f.nameZh}</Link><div className="cell-sub">{f.organisationNameZh}</div></div> },
    { title: <Bi zh="类型" en="Kind" />, dataIndex: 'kind', width: 130, render: (k: string) => <Tag color={FACTORY_KINDS[k]?.color}>{FACTORY_KINDS[k] ? one(lang, FACTORY_KINDS[k]) : k}</Tag> },
    { title: <Bi zh="区县" en="District" />, dataIndex: 'districtNameZh', width: 110, render: (d: string | null) => d ?? '—' },
    { title: <Bi zh="接入" en="Connected" />, dataIndex: 'connected', width: 110, render: (c: boolean, f) => <span data-testid={`factory-connected-${f.code}`}><Badge status={c ? 'success' : 'default'} text={bi(lang, c ? { zh: '已接入', en: 'Connected' } : { zh: '未接入', en: 'Not yet' })} /></span> },
    { title: <Bi zh="事件" en="Events" />, dataIndex: 'eventCount', width: 90, align: 'right', render: (n: number, f) => <span data-testid={`factory-events-${f.code}`}>{n.toLocaleString()}</span> },
    { title: <Bi zh="批次" en="Batches" />, dataIndex: 'batchCount', width: 90, align: 'right' },
    { title: <Bi zh="最近采集" en="Last capture" />, dataIndex: 'lastEventAt', width: 160, render: (t: string | null) => (t ? dateTime(t) : <Typography.Text type="secondary">—</Typography.Text>) },
  ];

  return (
    <>
      <PageHeader title={{ zh: '智能工厂与数字化车间', en: 'Smart factories and digital workshops' }}
        description={bi(lang, { zh: '接入平台的工厂通过 GS1 EPCIS 2.0 上报追溯事件、通过 HTTP 或 MQTT 上报发酵批次数据。点击工厂查看接入方式。', en: 'Connected factories post GS1 EPCIS 2.0 traceability events, and fermentation batch data by HTTP or MQTT. Open a factory to see how to connect.' })}
        extra={mayRegister && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="factory-new"><Bi zh="登记工厂" en="Register a factory" /></Button>} />
      <section className="section">
        <Card className="panel">
          <div className="table-toolbar">
            <Input.Search allowClear style={{ width: 240 }} placeholder={bi(lang, { zh: '工厂、企业、编号', en: 'Factory, organisation, code' })} value={search.typed} onChange={(e) => search.setTyped(e.target.value)} />
            <Select allowClear style={{ width: 150 }} placeholder={bi(lang, { zh: '类型', en: 'Kind' })} value={filters.kind} onChange={(v) => set({ kind: v })} options={Object.entries(FACTORY_KINDS).map(([value, n]) => ({ value, label: bi(lang, n) }))} />
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 160 }} placeholder={bi(lang, { zh: '区县', en: 'District' })} value={filters.districtCode} onChange={(v) => set({ districtCode: v })}
              options={(districts.data ?? []).map((d) => ({ value: d.code, label: lang === 'zh' ? d.nameZh : d.nameEn }))} />
            <Typography.Text type="secondary" className="table-count">{lang === 'zh' ? `共 ${list.data?.total ?? 0} 个` : `${list.data?.total ?? 0} factories`}</Typography.Text>
          </div>
          <LoadState loading={list.loading && !list.data} error={list.error} reload={list.reload}>
            <Table<Factory> rowKey="id" size="middle" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} scroll={{ x: 1000 }} data-testid="factories-table"
              locale={{ emptyText: <Empty description={bi(lang, mayRegister ? { zh: '尚无工厂 — 点击“登记工厂”，再用 API 令牌接入', en: 'No factories yet: choose “Register a factory”, then connect with an API token' } : { zh: '尚无登记的工厂', en: 'No factories registered yet' })} /> }}
              pagination={{ current: page, pageSize: size, total: list.data?.total ?? 0, onChange: (p, s) => set({ page: p, size: s }) }} />
          </LoadState>
        </Card>
      </section>
      {creating && <FactoryModal onClose={() => setCreating(false)} onSaved={(f) => { setCreating(false); navigate(`/factory/factories/${f.id}`); }} />}
    </>
  );
}
