import { useMemo, useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, Empty, Input, Result, Row, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FileWordOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { EChart } from '../../app/components/EChart';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { DomainTags } from '../plan/DomainTags';
import { DOMAIN_NAMES } from '../plan/format';
import { bi, dateOnly, ExportButton, one } from '../supervision/shared';
import { usePilotRoles } from './access';
import type { EditionDetail, EditionItem, ListCode } from './api.lists';
import { EditionDraftActions } from './EditionActions';
import { EditionDiff, editionItemPath, snapshotName, SNAPSHOT_VOCAB } from './EditionDiff';
import { FunnelPanel } from './FunnelPanel';
import { BASE_TIERS, EDITION_STATES, LISTS } from './labels.lists';
import { litres, snapshotValue } from './ListModel';

const str = (v: unknown) => (v == null ? '' : String(v));
const strs = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);

/** The edition's items, with the columns of its list. */
function EditionItems({ list, items }: { list: ListCode; items: EditionItem[] }) {
  const lang = useLang();
  const [q, setQ] = useState('');
  const shown = useMemo(() => {
    const t = q.trim().toLowerCase();
    if (!t) return items;
    return items.filter((i) => [i.code, i.titleZh, i.nameZh, i.organisationNameZh, i.operatorZh, i.districtNameZh].some((v) => str(v).toLowerCase().includes(t)));
  }, [items, q]);
  const vocab = (field: string, v: unknown) => snapshotValue(field, v, lang, SNAPSHOT_VOCAB);

  const name: ColumnsType<EditionItem>[number] = {
    title: <Bi zh="名称" en="Name" />, key: 'name', width: 300, fixed: 'left',
    render: (_, i) => (
      <div>
        <Link to={editionItemPath(list, i.itemId)} className="cell-main">{snapshotName(i)}</Link>
        <div className="cell-sub"><span className="mono">{str(i.code)}</span>{i.organisationNameZh || i.operatorZh ? ` · ${str(i.organisationNameZh ?? i.operatorZh)}` : ''}</div>
      </div>
    ),
  };
  const position: ColumnsType<EditionItem>[number] = { title: <Bi zh="序号" en="No." />, dataIndex: 'position', width: 70, align: 'right' };
  const district: ColumnsType<EditionItem>[number] = { title: <Bi zh="区县" en="District" />, key: 'district', width: 100, render: (_, i) => str(i.districtNameZh) || '—' };
  const processes: ColumnsType<EditionItem>[number] = { title: <Bi zh="单元操作" en="Unit operations" />, key: 'processes', width: 220, render: (_, i) => vocab('processes', i.processes) };

  const columns: ColumnsType<EditionItem> = list === 'atlas' ? [
    position, name, district,
    { title: <Bi zh="等级" en="Tier" />, key: 'tier', width: 90, render: (_, i) => (BASE_TIERS[str(i.tier)] ? <Tag color={BASE_TIERS[str(i.tier)].color}>{one(lang, BASE_TIERS[str(i.tier)])}</Tag> : '—') },
    { title: <Bi zh="领域" en="Domains" />, key: 'domains', width: 200, render: (_, i) => <DomainTags domains={strs(i.domains)} compact /> },
    { title: <Bi zh="平台" en="Platforms" />, key: 'platforms', width: 80, align: 'right', render: (_, i) => strs(i.platforms).length },
    processes,
    { title: <Bi zh="工作体积" en="Volumes" />, key: 'volume', width: 140, render: (_, i) => (i.volumeMaxL == null ? '—' : `${litres(i.volumeMinL as number)}–${litres(i.volumeMaxL as number)}`) },
    { title: <Bi zh="生物安全" en="BSL" />, key: 'bsl', width: 80, render: (_, i) => (i.biosafetyLevel == null ? '—' : `BSL-${str(i.biosafetyLevel)}`) },
  ] : list === 'demands' ? [
    position, name,
    { title: <Bi zh="领域" en="Domain" />, key: 'domain', width: 150, render: (_, i) => <DomainTags domains={[str(i.domain)]} /> },
    district, processes,
    { title: <Bi zh="生物体" en="Organism" />, key: 'organism', width: 110, render: (_, i) => vocab('organism', i.organism) },
    { title: <Bi zh="规模" en="Scale" />, key: 'scale', width: 90, align: 'right', render: (_, i) => litres(i.scaleL as number | null) },
    { title: <Bi zh="截止日期" en="Deadline" />, key: 'deadline', width: 110, render: (_, i) => dateOnly(str(i.deadline)) },
  ] : [
    position, name,
    { title: <Bi zh="领域" en="Domain" />, key: 'domain', width: 150, render: (_, i) => <DomainTags domains={[str(i.domain)]} /> },
    district,
    { title: <Bi zh="成熟度" en="TRL" />, key: 'trl', width: 80, render: (_, i) => `TRL ${str(i.trl)}` },
    { title: <Bi zh="已达规模" en="Scale reached" />, key: 'scale', width: 100, align: 'right', render: (_, i) => litres(i.scaleReachedL as number | null) },
    processes,
    { title: <Bi zh="生物体" en="Organisms" />, key: 'organisms', width: 140, render: (_, i) => vocab('organisms', i.organisms) },
  ];

  return (
    <>
      <div className="table-toolbar">
        <Input.Search allowClear value={q} onChange={(e) => setQ(e.target.value)} placeholder={bi(lang, { zh: '在本版中查找编号、名称、机构', en: 'Find code, name, organisation' })} style={{ width: 280 }} data-testid="pilot-edition-search" />
        <Typography.Text type="secondary" className="table-count">{lang === 'zh' ? `共 ${shown.length} 条` : `${shown.length} items`}</Typography.Text>
      </div>
      <Table<EditionItem> rowKey="itemId" size="middle" columns={columns} dataSource={shown} scroll={{ x: 1150 }} data-testid="pilot-edition-items"
        pagination={{ pageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (t) => (lang === 'zh' ? `共 ${t} 条` : `${t} in all`) }}
        locale={{ emptyText: <Empty description={q ? bi(lang, { zh: '没有找到', en: 'Nothing found' }) : bi(lang, { zh: '本版没有条目；草稿可按当前清单更新', en: 'No items; a draft can be refreshed from the list' })} /> }} />
    </>
  );
}

/** Items per domain as bars: which domains the edition covers. */
const DOMAIN_KEYS = Object.keys(DOMAIN_NAMES);

function DomainBars({ counts }: { counts: Record<string, number> }) {
  const lang = useLang();
  const keys = DOMAIN_KEYS;
  const option = useMemo(() => ({
    grid: { left: lang === 'zh' ? 130 : 200, right: 32, top: 8, bottom: 8 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, show: false },
    yAxis: { type: 'category', inverse: true, data: keys.map((k) => one(lang, DOMAIN_NAMES[k])), axisTick: { show: false } },
    series: [{ type: 'bar', data: keys.map((k) => counts[k] ?? 0), itemStyle: { color: '#1d4f91' }, barMaxWidth: 18, label: { show: true, position: 'right' } }],
  }), [counts, lang]);
  return <EChart option={option} height={150} testId="pilot-edition-domains" ariaLabel={keys.map((k) => `${DOMAIN_NAMES[k].zh} ${counts[k] ?? 0}`).join('，')} />;
}

/** 版本详情: an edition's items, its difference from the previous edition, its Word document; a draft's life for the task force. */
export default function EditionPage() {
  const { id } = useParams<{ id: string }>();
  const lang = useLang();
  const navigate = useNavigate();
  const { taskForce } = usePilotRoles();
  const edition = useApi<EditionDetail>(`/api/pilot/editions/${id}`);
  const [tab, setTab] = useState('items');
  const e = edition.data;

  if (edition.error instanceof ApiError && (edition.error.status === 404 || edition.error.status === 400)) {
    return <Result status="404" title={bi(lang, { zh: '清单版本不存在', en: 'Edition not found' })} subTitle={edition.error.message}
      extra={<Link to="/pilot/editions"><Button type="primary"><Bi zh="返回清单版本" en="Back to editions" /></Button></Link>} />;
  }

  return (
    <>
      <Breadcrumb className="page-breadcrumb" items={[
        { title: <Link to="/pilot"><Bi zh="中试" en="Pilot" /></Link> },
        { title: <Link to={`/pilot/editions${e ? `?list=${e.list}` : ''}`}><Bi zh="清单版本" en="Editions" /></Link> },
        { title: e ? (lang === 'zh' ? `第 ${e.number} 版` : `Edition ${e.number}`) : '…' },
      ]} />
      <LoadState loading={edition.loading && !e} error={edition.error} reload={edition.reload} rows={10}>
        {e && (
          <>
            <PageHeader title={{ zh: e.titleZh, en: `${LISTS[e.list].en}, edition ${e.number}` }}
              tags={(
                <Space size={[6, 6]} wrap>
                  <Tag>{one(lang, LISTS[e.list])}</Tag>
                  <Tag color={EDITION_STATES[e.state].color} data-testid="pilot-edition-state" data-state={e.state}>{one(lang, EDITION_STATES[e.state])}</Tag>
                  <Typography.Text type="secondary">{e.publishedAt ? `${bi(lang, { zh: '发布于', en: 'Published' })} ${dateOnly(e.publishedAt)}` : `${bi(lang, { zh: '起草于', en: 'Drafted' })} ${dateOnly(e.createdAt)}`}</Typography.Text>
                </Space>
              )}
              extra={(
                <Space wrap>
                  <ExportButton path={`/api/pilot/editions/${e.id}/document.docx`} fallbackName={`${e.titleZh}.docx`} zh="下载 Word" en="Download Word" icon={<FileWordOutlined />} testId="pilot-edition-word" />
                  {taskForce && <EditionDraftActions edition={e} onChanged={edition.reload} onDiscarded={() => navigate(`/pilot/editions?list=${e.list}`, { replace: true })} />}
                </Space>
              )} />
            {e.state === 'draft' && (
              <Alert type="warning" showIcon className="panel-alert"
                title={bi(lang, { zh: '草稿版本仅工作专班可见；清单变化后可“按当前清单更新”，核对无误后发布，发布后不再变动', en: 'A draft is seen only by the task force; refresh it as the list changes, check it and publish it; a published edition never changes' })} />
            )}
            <Row gutter={[16, 16]}>
              <Col xs={24} md={8} xl={6}>
                <Card className="panel" size="small" style={{ height: '100%' }}>
                  <Statistic title={<Bi zh="收录条目" en="Items" />} value={e.itemCount} suffix={lang === 'zh' ? '条' : undefined} styles={{ content: { fontWeight: 600, color: '#1d4f91' } }} />
                </Card>
              </Col>
              <Col xs={24} md={16} xl={18}>
                <Card className="panel" size="small" title={<Bi zh="按领域" en="By domain" />}>
                  <DomainBars counts={e.countsByDomain} />
                </Card>
              </Col>
            </Row>
            {e.list !== 'atlas' && e.state === 'published' && (
              <section className="section"><FunnelPanel list={e.list} editionId={e.id} /></section>
            )}
            <Card className="panel section">
              <Tabs activeKey={tab} onChange={setTab} destroyOnHidden items={[
                { key: 'items', label: <span data-testid="pilot-edition-tab-items"><Bi zh="条目" en="Items" /></span>, children: <EditionItems list={e.list} items={e.items} /> },
                { key: 'diff', label: <span data-testid="pilot-edition-tab-diff"><Bi zh="与上一版对比" en="Changes since the previous edition" /></span>, children: <EditionDiff editionId={e.id} list={e.list} /> },
              ]} />
            </Card>
          </>
        )}
      </LoadState>
    </>
  );
}
