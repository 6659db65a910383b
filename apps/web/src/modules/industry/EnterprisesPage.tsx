import { useMemo, useState } from 'react';
import { Button, Card, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { DomainTags } from '../plan/DomainTags';
import { DOMAIN_NAMES } from '../plan/format';
import { bi, ExportButton, one } from '../supervision/shared';
import { useDistrictNames, useListParams, useSearchBox } from '../supervision/WorkShared';
import { useIndustryRoles } from './access';
import { useParks, type Enterprise, type Page } from './api';
import { EnterpriseFormModal } from './EnterpriseFormModal';
import { money } from './format';
import { ImportButton } from './ImportButton';
import { DESIGNATION_KINDS, DESIGNATIONS, ORIGINS, TIERS } from './labels';
import { DesignationTags, TierTag } from './tags';

const FILTERS = ['q', 'districtCode', 'domain', 'designation', 'origin', 'tier', 'parkId', 'nodeCode'] as const;

/** 企业名录: every biomanufacturing enterprise on record, filtered by district, domain, designation, chain node…; managers add and import. */
export default function EnterprisesPage() {
  const lang = useLang();
  const navigate = useNavigate();
  const { manager, reader } = useIndustryRoles();
  const { filters, page, size, set, paging } = useListParams(FILTERS);
  const search = useSearchBox(filters.q, (q) => set({ q }));
  const districts = useDistrictNames();
  const parks = useParks();
  const [adding, setAdding] = useState(false);
  const list = useApi<Page<Enterprise>>(`/api/industry/enterprises${qs({ ...filters, ...paging })}`);
  const items = list.data?.items ?? [];
  const filtered = FILTERS.some((k) => filters[k]);
  const showsFigures = items.some((e) => 'latestFigure' in e);
  const nodeName = useMemo(() => {
    const n = filters.nodeCode ? items.flatMap((e) => e.chainNodes).find((c) => c.code === filters.nodeCode) : undefined;
    return n ? (lang === 'zh' ? n.nameZh : n.nameEn) : filters.nodeCode;
  }, [items, filters.nodeCode, lang]);
  const clear = () => { search.setTyped(''); set(Object.fromEntries(FILTERS.map((k) => [k, undefined]))); };

  const columns: ColumnsType<Enterprise> = [
    { title: <Bi zh="企业名称" en="Name" />, key: 'name', width: 280, fixed: 'left',
      render: (_, e) => (
        <div>
          <Link to={`/industry/enterprises/${e.id}`} className="cell-main" onClick={(ev) => ev.stopPropagation()} data-testid="enterprise-link">{e.nameZh}</Link>
          {e.origin === 'attracted' && <Tag color="geekblue" style={{ marginLeft: 6 }}>{one(lang, ORIGINS.attracted)}</Tag>}
          {(e.nameEn || e.formerNames.length > 0) && <div className="cell-sub">{e.nameEn ?? `${lang === 'zh' ? '曾用名' : 'Formerly'}：${e.formerNames.join('、')}`}</div>}
        </div>
      ) },
    { title: <Bi zh="统一社会信用代码" en="Credit code" />, dataIndex: 'creditCode', width: 190, render: (c: string) => <span className="mono">{c}</span> },
    { title: <Bi zh="区县" en="District" />, key: 'district', width: 150,
      render: (_, e) => <div>{districts.name(e.districtCode) ?? e.districtNameZh}{e.parkNameZh && <div className="cell-sub">{e.parkNameZh}</div>}</div> },
    { title: <Bi zh="领域" en="Domains" />, dataIndex: 'domains', width: 170, render: (d: string[]) => <DomainTags domains={d} compact /> },
    { title: <Bi zh="认定" en="Designations" />, dataIndex: 'designations', width: 190, render: (d: Enterprise['designations']) => <DesignationTags list={d} /> },
    { title: <Bi zh="主要产品" en="Products" />, dataIndex: 'products', width: 220,
      render: (p: string[]) => <Typography.Paragraph ellipsis={{ rows: 2, tooltip: p.join('、') }} style={{ margin: 0 }}>{p.join('、') || '—'}</Typography.Paragraph> },
    ...(showsFigures ? [{
      title: <Bi zh="最近营收" en="Latest revenue" />, key: 'figure', width: 160,
      render: (_: unknown, e: Enterprise) => (e.latestFigure
        ? <div><b>{money(lang, e.latestFigure.revenueWan ?? e.latestFigure.outputValueWan)}</b><div className="cell-sub">{e.latestFigure.year} <TierTag tier={e.latestFigure.tier} /></div></div>
        : <Typography.Text type="secondary">{bi(lang, { zh: '未报送', en: 'None' })}</Typography.Text>),
    }] : []),
  ];

  return (
    <>
      <PageHeader title={{ zh: '企业名录', en: 'Enterprises' }}
        description={bi(lang, { zh: '全市生物制造企业：所在区县与园区、领域、认定、产品与产业链环节。经营数据仅对有权限的用户显示。', en: 'Chongqing\'s biomanufacturing enterprises: district and park, domains, designations, products and chain nodes. Figures are shown only to those who may see them.' })}
        extra={
          <Space wrap>
            <ExportButton path={`/api/industry/enterprises/export.xlsx${qs({ districtCode: filters.districtCode, domain: filters.domain })}`} fallbackName="生物制造企业名录.xlsx" icon={<FileExcelOutlined />} testId="enterprises-export" />
            {manager && <ImportButton kind="enterprises" onDone={list.reload} testId="enterprise-import" />}
            {manager && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="enterprise-add"><Bi zh="新增企业" en="Add" /></Button>}
          </Space>
        } />
      <Card className="panel">
        <div className="table-toolbar">
          <Input.Search allowClear placeholder={bi(lang, { zh: '搜索名称、曾用名、产品', en: 'Search name, products' })} value={search.typed}
            onChange={(e) => search.setTyped(e.target.value)} onSearch={(v) => set({ q: v.trim() || undefined })} style={{ width: 260 }} data-testid="enterprises-search" />
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={bi(lang, { zh: '区县', en: 'District' })} style={{ width: 170 }}
            value={filters.districtCode} onChange={(v?: string) => set({ districtCode: v })} options={districts.options} popupMatchSelectWidth={240} data-testid="enterprises-district" />
          <Select allowClear placeholder={bi(lang, { zh: '领域', en: 'Domain' })} style={{ width: 170 }} value={filters.domain} onChange={(v?: string) => set({ domain: v })}
            options={Object.entries(DOMAIN_NAMES).map(([value, n]) => ({ value, label: one(lang, n) }))} popupMatchSelectWidth={260} />
          <Select allowClear placeholder={bi(lang, { zh: '认定', en: 'Designation' })} style={{ width: 150 }} value={filters.designation} onChange={(v?: string) => set({ designation: v })}
            options={DESIGNATION_KINDS.map((k) => ({ value: k, label: lang === 'zh' ? DESIGNATIONS[k].short : DESIGNATIONS[k].en }))} />
          <Select allowClear placeholder={bi(lang, { zh: '来源', en: 'Origin' })} style={{ width: 120 }} value={filters.origin} onChange={(v?: string) => set({ origin: v })}
            options={Object.entries(ORIGINS).map(([value, n]) => ({ value, label: one(lang, n) }))} />
          {reader && (
            <Select allowClear placeholder={bi(lang, { zh: '营收分档', en: 'Revenue tier' })} style={{ width: 140 }} value={filters.tier} onChange={(v?: string) => set({ tier: v })}
              options={(['100', '50'] as const).map((t) => ({ value: t, label: one(lang, TIERS[t]) }))} />
          )}
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={bi(lang, { zh: '园区', en: 'Park' })} style={{ width: 200 }} value={filters.parkId}
            onChange={(v?: string) => set({ parkId: v })} options={(parks.data ?? []).map((p) => ({ value: p.id, label: p.nameZh }))} popupMatchSelectWidth={300} />
          {filters.nodeCode && (
            <Tag closable color="processing" onClose={() => set({ nodeCode: undefined })} data-testid="enterprises-node-filter">
              {lang === 'zh' ? '产业链环节：' : 'Chain node: '}{nodeName}
            </Tag>
          )}
          <Typography.Text type="secondary" className="table-count">
            {lang === 'zh' ? `共 ${list.data?.total ?? 0} 家` : `${list.data?.total ?? 0} enterprises`}
          </Typography.Text>
        </div>
        <Table<Enterprise>
          rowKey="id"
          columns={columns}
          dataSource={items}
          loading={list.loading}
          scroll={{ x: 1200 }}
          onRow={(e) => ({ onClick: () => navigate(`/industry/enterprises/${e.id}`), style: { cursor: 'pointer' }, 'data-testid': `enterprise-row-${e.creditCode}` }) as React.HTMLAttributes<HTMLElement>}
          pagination={{
            current: page, pageSize: size, total: list.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100],
            onChange: (p, s) => set({ page: p === 1 ? undefined : p, size: s === 20 ? undefined : s }),
            showTotal: (total) => (lang === 'zh' ? `共 ${total} 家` : `${total} in all`),
          }}
          locale={{ emptyText: list.error ? <Empty description={list.error.message} /> : filtered
            ? <Empty description={bi(lang, { zh: '没有符合条件的企业，请调整筛选条件', en: 'No enterprises match; change the filters' })}>
                <Button onClick={clear}><Bi zh="清除筛选" en="Clear filters" /></Button>
              </Empty>
            : <Empty description={manager
                ? bi(lang, { zh: '尚未登记企业。可逐一新增，或下载模板后批量导入。', en: 'No enterprises yet. Add them one by one, or import the template.' })
                : bi(lang, { zh: '尚未登记企业，区县和工作专班登记后将显示在这里。', en: 'No enterprises yet; they appear here once districts and the task force register them.' })}>
                {manager && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}><Bi zh="新增企业" en="Add" /></Button>}
              </Empty> }}
          data-testid="enterprises-table"
        />
      </Card>
      {adding && <EnterpriseFormModal onClose={() => setAdding(false)} onSaved={(e) => { setAdding(false); navigate(`/industry/enterprises/${e.id}`); }} />}
    </>
  );
}
