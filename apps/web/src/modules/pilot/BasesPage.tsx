import { useState } from 'react';
import { Button, Card, Empty, Input, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ClearOutlined, EnvironmentOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { DomainTags } from '../plan/DomainTags';
import { DOMAIN_NAMES } from '../plan/format';
import { bi, one } from '../supervision/shared';
import { useDistrictNames, useListParams, useSearchBox } from '../supervision/WorkShared';
import { usePilotRoles } from './access';
import type { Page, PilotBase } from './api.bases';
import { BaseFormModal } from './BaseFormModal';
import { AllianceTag, TierTag } from './BaseTags';
import { AllianceSwitch, BaseTierModal } from './BaseTierModal';
import { BASE_TIER_ORDER, BASE_TIERS } from './labels.bases';

const FILTERS = ['q', 'districtCode', 'domain', 'tier', 'alliance'] as const;

/** 中试基地: every pilot base, searched in Chinese and filtered by district, domain, tier and alliance; the task force registers bases and decides tier and membership. */
export default function BasesPage() {
  const lang = useLang();
  const navigate = useNavigate();
  const { taskForce } = usePilotRoles();
  const { filters, page, size, set, paging } = useListParams(FILTERS);
  const search = useSearchBox(filters.q, (q) => set({ q }));
  const districts = useDistrictNames();
  const [params, setParams] = useSearchParams();
  const [adding, setAdding] = useState(params.get('add') === '1');
  const [tiering, setTiering] = useState<PilotBase | null>(null);
  const list = useApi<Page<PilotBase>>(`/api/pilot/bases${qs({ ...filters, ...paging })}`);
  const items = list.data?.items ?? [];
  const filtered = FILTERS.some((k) => filters[k]);
  const tiers = filters.tier ? filters.tier.split(',') : [];
  const clear = () => { search.setTyped(''); set(Object.fromEntries(FILTERS.map((k) => [k, undefined]))); };
  const closeAdd = () => {
    setAdding(false);
    if (params.has('add')) setParams((prev) => { const next = new URLSearchParams(prev); next.delete('add'); return next; }, { replace: true });
  };

  const columns: ColumnsType<PilotBase> = [
    { title: <Bi zh="基地名称" en="Base" />, key: 'name', width: 280, fixed: 'left',
      render: (_, b) => (
        <div>
          <Link to={`/pilot/bases/${b.id}`} className="cell-main" onClick={(e) => e.stopPropagation()} data-testid="pilot-base-link">{b.nameZh}</Link>
          <div className="cell-sub"><span className="mono">{b.code}</span>{b.nameEn ? ` · ${b.nameEn}` : ''}</div>
        </div>
      ) },
    { title: <Bi zh="等级" en="Tier" />, key: 'tier', width: 170,
      render: (_, b) => (
        <div>
          <Space size={4}>
            <TierTag tier={b.tier} />
            {taskForce && (
              <Button size="small" type="link" icon={<SafetyCertificateOutlined />} onClick={(e) => { e.stopPropagation(); setTiering(b); }} data-testid="pilot-base-set-tier">
                {lang === 'zh' ? '认定' : 'Set'}
              </Button>
            )}
          </Space>
          {b.recognisedOn && <div className="cell-sub">{b.recognisedOn} · {b.recognisedByZh}</div>}
        </div>
      ) },
    { title: <Bi zh="中试联盟" en="Alliance" />, key: 'alliance', width: 110,
      render: (_, b) => (taskForce ? <AllianceSwitch base={b} onDone={list.reload} size="small" /> : b.allianceMember ? <AllianceTag member /> : <span className="cell-sub">—</span>) },
    { title: <Bi zh="区县" en="District" />, key: 'district', width: 110, render: (_, b) => districts.name(b.districtCode) ?? b.districtNameZh },
    { title: <Bi zh="领域" en="Domains" />, dataIndex: 'domains', width: 180, render: (d: string[]) => (d.length ? <DomainTags domains={d} compact /> : '—') },
    { title: <Bi zh="运营单位" en="Operator" />, dataIndex: 'operatorZh', width: 180 },
    { title: <Bi zh="平台/能力/设备" en="Offer" />, key: 'counts', width: 130, align: 'right',
      render: (_, b) => (
        <Tooltip title={lang === 'zh' ? `平台 ${b.platformCount} 个 · 能力 ${b.capabilityCount} 项 · 设备 ${b.equipmentCount} 台` : `${b.platformCount} platforms · ${b.capabilityCount} capabilities · ${b.equipmentCount} items`}>
          <span className="mono" data-testid="pilot-base-counts">{b.platformCount} / {b.capabilityCount} / {b.equipmentCount}</span>
        </Tooltip>
      ) },
  ];

  return (
    <>
      <PageHeader title={{ zh: '中试基地', en: 'Pilot bases' }}
        description={bi(lang, {
          zh: '全市中试基地名录：储备、重点、国家级三级培育，中试联盟成员，以及各基地的平台、能力与共享设备。可用中文检索基地、平台和能力。',
          en: 'Every pilot base in Chongqing: reserve, key and national tiers, pilot-alliance members, and each base\'s platforms, capabilities and shared equipment. Search in Chinese across bases, platforms and capabilities.',
        })}
        extra={
          <Space wrap>
            <Button icon={<EnvironmentOutlined />} onClick={() => navigate('/pilot')}><Bi zh="中试图谱" en="Map" /></Button>
            {taskForce && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="pilot-base-add"><Bi zh="登记中试基地" en="Register a base" /></Button>}
          </Space>
        } />
      <Card className="panel">
        <div className="table-toolbar">
          <Input.Search allowClear placeholder={bi(lang, { zh: '检索基地、平台、能力，如 发酵', en: 'Search bases, platforms, capabilities' })} value={search.typed}
            onChange={(e) => search.setTyped(e.target.value)} onSearch={(v) => set({ q: v.trim() || undefined })} style={{ width: 300 }} data-testid="pilot-bases-search" />
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={bi(lang, { zh: '区县', en: 'District' })} style={{ width: 160 }}
            value={filters.districtCode} onChange={(v?: string) => set({ districtCode: v })} options={districts.options} popupMatchSelectWidth={240} data-testid="pilot-bases-district" />
          <Select allowClear placeholder={bi(lang, { zh: '领域', en: 'Domain' })} style={{ width: 170 }} value={filters.domain} onChange={(v?: string) => set({ domain: v })}
            options={Object.entries(DOMAIN_NAMES).map(([value, n]) => ({ value, label: one(lang, n) }))} popupMatchSelectWidth={260} data-testid="pilot-bases-domain" />
          <Select mode="multiple" allowClear placeholder={bi(lang, { zh: '等级', en: 'Tier' })} style={{ minWidth: 150 }} value={tiers}
            onChange={(v: string[]) => set({ tier: v.length ? v.join(',') : undefined })} data-testid="pilot-bases-tier"
            options={BASE_TIER_ORDER.map((t) => ({ value: t, label: one(lang, BASE_TIERS[t]) }))} />
          <Select allowClear placeholder={bi(lang, { zh: '中试联盟', en: 'Alliance' })} style={{ width: 150 }} value={filters.alliance} onChange={(v?: string) => set({ alliance: v })}
            data-testid="pilot-bases-alliance"
            options={[{ value: 'true', label: bi(lang, { zh: '联盟成员', en: 'Members' }) }, { value: 'false', label: bi(lang, { zh: '非联盟成员', en: 'Not members' }) }]} />
          {filtered && <Button icon={<ClearOutlined />} onClick={clear}><Bi zh="清除" en="Clear" /></Button>}
          <Typography.Text type="secondary" className="table-count">
            {lang === 'zh' ? `共 ${list.data?.total ?? 0} 个基地` : `${list.data?.total ?? 0} bases`}
          </Typography.Text>
        </div>
        <Table<PilotBase>
          rowKey="id" columns={columns} dataSource={items} loading={list.loading} scroll={{ x: 1200 }}
          onRow={(b) => ({ onClick: () => navigate(`/pilot/bases/${b.id}`), style: { cursor: 'pointer' }, 'data-testid': `pilot-base-row-${b.code}` }) as React.HTMLAttributes<HTMLElement>}
          pagination={{
            current: page, pageSize: size, total: list.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100],
            onChange: (p, s) => set({ page: p === 1 ? undefined : p, size: s === 20 ? undefined : s }),
            showTotal: (total) => (lang === 'zh' ? `共 ${total} 个` : `${total} in all`),
          }}
          locale={{ emptyText: list.error ? <Empty description={list.error.message} /> : filtered
            ? <Empty description={bi(lang, { zh: '没有符合条件的中试基地，请调整筛选条件', en: 'No bases match; change the filters' })}>
                <Button onClick={clear}><Bi zh="清除筛选" en="Clear filters" /></Button>
              </Empty>
            : <Empty description={taskForce
                ? bi(lang, { zh: '尚未登记中试基地 — 点击“登记中试基地”添加第一个', en: 'No pilot bases yet: register the first one' })
                : bi(lang, { zh: '尚未登记中试基地，工作专班登记后将显示在这里', en: 'No pilot bases yet; they appear here once the task force registers them' })}>
                {taskForce && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}><Bi zh="登记中试基地" en="Register a base" /></Button>}
              </Empty> }}
          data-testid="pilot-bases-table"
        />
      </Card>
      {adding && taskForce && <BaseFormModal onClose={closeAdd} onSaved={(b) => { closeAdd(); navigate(`/pilot/bases/${b.id}`); }} />}
      {tiering && <BaseTierModal base={tiering} onClose={() => setTiering(null)} onDone={() => { setTiering(null); list.reload(); }} />}
    </>
  );
}
