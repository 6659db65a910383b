import { useState } from 'react';
import { Button, Card, Col, Empty, Input, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ClearOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { DomainTags } from '../plan/DomainTags';
import { DOMAIN_NAMES } from '../plan/format';
import { LabelTag } from '../pilot/BaseTags';
import { bi, ExportButton, one } from '../supervision/shared';
import { useListParams, useSearchBox } from '../supervision/WorkShared';
import { useInnovationRoles } from './access';
import type { Page, Platform, Summary } from './api';
import { COUNTED, PLATFORM_KINDS, PLATFORM_LEVELS, PLATFORM_STATUSES } from './labels';
import { PlatformChart } from './PlatformChart';
import { PlatformFormModal } from './PlatformFormModal';

const FILTERS = ['q', 'kind', 'level', 'status', 'field', 'domain', 'hostId'] as const;
const options = (lang: 'zh' | 'en', o: Record<string, { zh: string; en: string }>) => Object.entries(o).map(([value, n]) => ({ value, label: one(lang, n) }));

/**
 * 科技创新平台: labs, engineering and technology centres, proof-of-concept centres and new R&D
 * institutions, filtered by kind, level, status, field and domain; a chart by kind and level
 * against the plan's target of 3 high-level platforms; the task force records platforms.
 */
export default function PlatformsPage() {
  const lang = useLang();
  const navigate = useNavigate();
  const { taskForce } = useInnovationRoles();
  const { filters, page, size, set, paging } = useListParams(FILTERS);
  const search = useSearchBox(filters.q, (q) => set({ q }));
  const [adding, setAdding] = useState(false);
  const list = useApi<Page<Platform>>(`/api/innovation/platforms${qs({ ...filters, ...paging })}`);
  const summary = useApi<Summary>('/api/innovation/platforms/summary');
  const filtered = FILTERS.some((k) => filters[k]);
  const multi = (k: 'level' | 'status' | 'kind') => (filters[k] ? filters[k]!.split(',') : []);
  const clear = () => { search.setTyped(''); set(Object.fromEntries(FILTERS.map((k) => [k, undefined]))); };
  const exportPath = `/api/innovation/platforms/export.xlsx${qs(Object.fromEntries(FILTERS.map((k) => [k, filters[k]])))}`;

  const columns: ColumnsType<Platform> = [
    { title: <Bi zh="平台名称" en="Platform" />, key: 'name', width: 300, fixed: 'left',
      render: (_, p) => (
        <div>
          <Link to={`/innovation/platforms/${p.id}`} className="cell-main" onClick={(e) => e.stopPropagation()} data-testid="innovation-platform-link">{p.nameZh}</Link>
          <div className="cell-sub"><span className="mono">{p.code}</span>{p.nameEn ? ` · ${p.nameEn}` : ''}</div>
        </div>
      ) },
    { title: <Bi zh="类型" en="Kind" />, dataIndex: 'kind', width: 140, render: (k: string) => <LabelTag label={PLATFORM_KINDS[k] ?? { zh: k, en: k }} /> },
    { title: <Bi zh="级别 / 状态" en="Level / status" />, key: 'level', width: 160,
      render: (_, p) => (
        <Space size={4} wrap>
          <LabelTag label={PLATFORM_LEVELS[p.level]} />
          <LabelTag label={PLATFORM_STATUSES[p.status]} />
        </Space>
      ) },
    { title: <Bi zh="依托单位" en="Hosts" />, dataIndex: 'hostNamesZh', width: 240, render: (s: string) => s || <span className="cell-sub">{bi(lang, { zh: '待补录', en: 'Not yet recorded' })}</span> },
    { title: <Bi zh="技术方向" en="Fields" />, dataIndex: 'fields', width: 180, render: (f: string[]) => f.join('、') || '—' },
    { title: <Bi zh="领域" en="Domains" />, dataIndex: 'domains', width: 180, render: (d: string[]) => (d.length ? <DomainTags domains={d} compact /> : '—') },
    { title: <Bi zh="认定" en="Recognised" />, key: 'recognised', width: 170,
      render: (_, p) => (p.recognisedOn ? <div>{p.recognisedOn}<div className="cell-sub">{p.recognisedByZh}</div></div> : '—') },
    { title: <Bi zh="“从0到1”成果" en="Results 0→1" />, key: 'results', width: 110, align: 'right', render: (_, p) => <span className="mono">{p.zeroToOne.total}</span> },
    { title: <Bi zh="共享仪器" en="Instruments" />, dataIndex: 'instrumentCount', width: 100, align: 'right', render: (n: number) => <span className="mono">{n}</span> },
  ];

  return (
    <>
      <PageHeader title={{ zh: '科技创新平台', en: 'Innovation platforms' }}
        description={bi(lang, {
          zh: '重点实验室、工程研究中心、技术创新中心、概念验证中心和新型研发机构：依托单位、级别、认定、共享仪器与“从0到1”成果。行动计划目标：打造 3 家以上高能级科技创新平台（计入已认定并运行的国家级、市级平台）。',
          en: 'Labs, engineering and technology centres, proof-of-concept centres and new R&D institutions: hosts, level, recognition, shared instruments and results from 0 to 1. The plan\'s target: at least 3 high-level platforms (recognised, operating national and municipal ones count).',
        })}
        extra={
          <Space wrap>
            <ExportButton path={exportPath} fallbackName="科技创新平台.xlsx" testId="innovation-platforms-export" />
            {taskForce && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="innovation-platform-add"><Bi zh="登记平台" en="Record a platform" /></Button>}
          </Space>
        } />
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card className="panel" title={<Bi zh="按类型与级别" en="By kind and level" />}>
            <LoadState loading={summary.loading && !summary.data} error={summary.error} reload={summary.reload} rows={4}>
              {summary.data && <PlatformChart summary={summary.data} lang={lang} onPick={(kind, level) => set(kind ? { kind, level: level ?? undefined, status: undefined } : { kind: undefined, ...COUNTED })} />}
            </LoadState>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card className="panel" title={<Bi zh="高能级平台目标" en="High-level platform target" />}>
            <Statistic value={summary.data?.counted ?? 0} suffix={summary.data?.target != null ? `/ ${summary.data.target}` : undefined} data-testid="innovation-platforms-counted"
              valueStyle={{ color: summary.data && summary.data.target != null && summary.data.counted >= summary.data.target ? '#237804' : undefined }} />
            <Typography.Paragraph type="secondary">
              {bi(lang, { zh: '已认定并运行的国家级、市级平台；培育、筹建中、已撤销的不计入。', en: 'Recognised, operating national and municipal platforms; incubating, being built and revoked ones do not count.' })}
            </Typography.Paragraph>
            <Button onClick={() => set({ kind: undefined, ...COUNTED })} data-testid="innovation-platforms-counted-filter"><Bi zh="查看计入目标的平台" en="Show the counted platforms" /></Button>
          </Card>
        </Col>
      </Row>
      <Card className="panel">
        <div className="table-toolbar">
          <Input.Search allowClear placeholder={bi(lang, { zh: '检索平台名称、简介，如 合成生物学', en: 'Search names and descriptions' })} value={search.typed}
            onChange={(e) => search.setTyped(e.target.value)} onSearch={(v) => set({ q: v.trim() || undefined })} style={{ width: 260 }} data-testid="innovation-platforms-search" />
          <Select mode="multiple" allowClear placeholder={bi(lang, { zh: '类型', en: 'Kind' })} style={{ minWidth: 150 }} value={multi('kind')}
            onChange={(v: string[]) => set({ kind: v.length ? v.join(',') : undefined })} options={options(lang, PLATFORM_KINDS)} data-testid="innovation-platforms-kind" />
          <Select mode="multiple" allowClear placeholder={bi(lang, { zh: '级别', en: 'Level' })} style={{ minWidth: 130 }} value={multi('level')}
            onChange={(v: string[]) => set({ level: v.length ? v.join(',') : undefined })} options={options(lang, PLATFORM_LEVELS)} data-testid="innovation-platforms-level" />
          <Select mode="multiple" allowClear placeholder={bi(lang, { zh: '状态', en: 'Status' })} style={{ minWidth: 130 }} value={multi('status')}
            onChange={(v: string[]) => set({ status: v.length ? v.join(',') : undefined })} options={options(lang, PLATFORM_STATUSES)} data-testid="innovation-platforms-status" />
          <Select allowClear showSearch placeholder={bi(lang, { zh: '技术方向', en: 'Field' })} style={{ width: 150 }} value={filters.field}
            onChange={(v?: string) => set({ field: v })} options={(summary.data?.fields ?? []).map((f) => ({ value: f.field, label: `${f.field} (${f.n})` }))} data-testid="innovation-platforms-field" />
          <Select allowClear placeholder={bi(lang, { zh: '领域', en: 'Domain' })} style={{ width: 160 }} value={filters.domain}
            onChange={(v?: string) => set({ domain: v })} options={options(lang, DOMAIN_NAMES)} popupMatchSelectWidth={240} />
          {filtered && <Button icon={<ClearOutlined />} onClick={clear}><Bi zh="清除" en="Clear" /></Button>}
          <Typography.Text type="secondary" className="table-count">{lang === 'zh' ? `共 ${list.data?.total ?? 0} 个平台` : `${list.data?.total ?? 0} platforms`}</Typography.Text>
        </div>
        <Table<Platform>
          rowKey="id" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} scroll={{ x: 1400 }}
          onRow={(p) => ({ onClick: () => navigate(`/innovation/platforms/${p.id}`), style: { cursor: 'pointer' }, 'data-testid': `innovation-platform-row-${p.code}` }) as React.HTMLAttributes<HTMLElement>}
          pagination={{
            current: page, pageSize: size, total: list.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100],
            onChange: (p, s) => set({ page: p === 1 ? undefined : p, size: s === 20 ? undefined : s }),
          }}
          locale={{ emptyText: list.error ? <Empty description={list.error.message} /> : filtered
            ? <Empty description={bi(lang, { zh: '没有符合条件的平台，请调整筛选条件', en: 'No platforms match; change the filters' })}><Button onClick={clear}><Bi zh="清除筛选" en="Clear filters" /></Button></Empty>
            : <Empty description={taskForce
                ? bi(lang, { zh: '尚未登记科技创新平台 — 点击“登记平台”添加', en: 'No platforms yet: record the first one' })
                : bi(lang, { zh: '尚未登记科技创新平台，工作专班登记后将显示在这里', en: 'No platforms yet; they appear once the task force records them' })} /> }}
          data-testid="innovation-platforms-table"
        />
      </Card>
      {adding && <PlatformFormModal onClose={() => setAdding(false)} onSaved={(p) => { setAdding(false); navigate(`/innovation/platforms/${p.id}`); }} />}
    </>
  );
}
