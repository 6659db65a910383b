import { useMemo } from 'react';
import { Alert, Button, Card, Col, Empty, Input, Row, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DiffOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { qs } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { LoadState } from '../../../app/components/LoadState';
import { PageHeader } from '../../../app/PageHeader';
import { useLang } from '../../../app/i18n';
import { useApi } from '../../../app/useApi';
import { DomainTags } from '../../plan/DomainTags';
import { DOMAIN_NAMES } from '../../plan/format';
import { bi, dateOnly, ExportButton, one } from '../../supervision/shared';
import { useCatalogRoles } from './access';
import { EDITIONS, type Edition, type EditionDetail, type EditionItem, type Need, type Page } from './api';
import { EditionActions } from './EditionActions';
import { ImportNeeds } from './ImportNeeds';
import { EDITION_STATUSES, MODES, NEED_FIELD_CODES, NEED_FIELDS, ORIGINS } from './labels';
import { indicatorText } from './NeedModel';
import { NeedTable } from './NeedTable';
import { NeedFieldTag } from './NeedTags';

const PAGE_SIZE = 20;

/** One edition: its counts, its needs filtered by field and domain with Chinese search, its Word and Excel files. */
function EditionView({ edition }: { edition: Edition }) {
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const f = { field: params.get('field') ?? undefined, domain: params.get('domain') ?? undefined, q: params.get('q') ?? undefined };
  const page = Number(params.get('page') ?? 1);
  const set = (c: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(c)) if (v) next.set(k, v); else next.delete(k);
    next.delete('page');
    setParams(next, { replace: true });
  };
  const detail = useApi<EditionDetail>(`${EDITIONS}/${edition.id}`);
  const items = useApi<Page<EditionItem>>(`${EDITIONS}/${edition.id}/items${qs({ ...f, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`);
  const d = detail.data;
  const columns: ColumnsType<EditionItem> = [
    { title: <Bi zh="序号" en="No." />, dataIndex: 'position', width: 64, align: 'right' },
    {
      title: <Bi zh="技术需求" en="Need" />, key: 'title', width: 320, fixed: 'left',
      render: (_, i) => <div><Link to={`/challenges/needs/${i.needId}`} className="cell-main">{i.titleZh}</Link><div className="cell-sub"><span className="mono">{i.code}</span> · {i.organisationNameZh}</div></div>,
    },
    { title: <Bi zh="技术领域" en="Field" />, key: 'field', width: 170, render: (_, i) => <NeedFieldTag field={i.field} other={i.fieldOtherZh} /> },
    { title: <Bi zh="产业领域" en="Domain" />, key: 'domain', width: 160, render: (_, i) => <DomainTags domains={[i.domain]} /> },
    { title: <Bi zh="目标指标" en="Targets" />, key: 'ind', width: 280, render: (_, i) => <Typography.Text ellipsis={{ tooltip: true }} style={{ maxWidth: 260 }}>{i.indicators.map(indicatorText).join('；')}</Typography.Text> },
    { title: <Bi zh="组织方式" en="Mode" />, key: 'mode', width: 120, render: (_, i) => (i.suggestedMode ? one(lang, MODES[i.suggestedMode]) : '—') },
    { title: <Bi zh="建议经费（万元）" en="Funding (10k yuan)" />, dataIndex: 'fundingWan', width: 130, align: 'right', render: (v: number | null) => v ?? '—' },
    ...(edition.basedOnId ? [{ title: <Bi zh="本版" en="In this edition" />, key: 'origin', width: 90, render: (_: unknown, i: EditionItem) => <Tag color={ORIGINS[i.origin].color}>{one(lang, ORIGINS[i.origin])}</Tag> }] : []),
  ];
  return (
    <>
      {edition.status === 'draft' && (
        <Alert type="warning" showIcon className="panel-alert" title={bi(lang, { zh: '草稿版次仅主管部门可见；发布时按当时已入库的需求定稿，发布后不再变动', en: 'A draft is seen by organisers only; publishing takes the catalog as it is then and freezes it' })} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}><Card size="small" className="panel"><Statistic title={<Bi zh="收录需求" en="Needs" />} value={d?.itemCount ?? edition.itemCount} /></Card></Col>
        <Col xs={12} md={6}><Card size="small" className="panel"><Statistic title={<Bi zh="沿用 / 新增" en="Carried / new" />} value={d ? `${d.carried} / ${d.added}` : '—'} /></Card></Col>
        <Col xs={24} md={12}>
          <Card size="small" className="panel" title={<Bi zh="按技术领域" en="By technology field" />}>
            <Space wrap data-testid="need-edition-fields">{NEED_FIELD_CODES.map((c) => <Tag key={c} color={NEED_FIELDS[c].color}>{one(lang, NEED_FIELDS[c])} {d?.byField[c] ?? 0}</Tag>)}</Space>
          </Card>
        </Col>
      </Row>
      <Card className="panel section">
        <div className="table-toolbar">
          <Space wrap>
            <Select allowClear placeholder={bi(lang, { zh: '技术领域', en: 'Field' })} style={{ width: 200 }} value={f.field} onChange={(v) => set({ field: v })}
              options={NEED_FIELD_CODES.map((value) => ({ value, label: one(lang, NEED_FIELDS[value]) }))} data-testid="catalog-filter-field" />
            <Select allowClear placeholder={bi(lang, { zh: '产业领域', en: 'Domain' })} style={{ width: 200 }} value={f.domain} onChange={(v) => set({ domain: v })}
              options={Object.entries(DOMAIN_NAMES).map(([value, n]) => ({ value, label: one(lang, n) }))} data-testid="catalog-filter-domain" />
            <Input.Search allowClear defaultValue={f.q} onSearch={(q) => set({ q: q.trim() || undefined })} style={{ width: 260 }}
              placeholder={bi(lang, { zh: '检索名称、问题、指标、单位', en: 'Search titles, problems, targets' })} data-testid="catalog-search" />
          </Space>
          <Space wrap>
            <ExportButton path={`${EDITIONS}/${edition.id}/export.xlsx${qs(f)}`} fallbackName={`${edition.titleZh}.xlsx`} testId="catalog-export" />
            <ExportButton path={`${EDITIONS}/${edition.id}/document.docx`} fallbackName={`${edition.titleZh}.docx`} zh="下载 Word" en="Word" icon={<FileWordOutlined />} testId="catalog-word" />
          </Space>
        </div>
        <Table<EditionItem> rowKey="needId" size="middle" columns={columns} dataSource={items.data?.items ?? []} loading={items.loading} scroll={{ x: 1300 }} data-testid="catalog-items"
          pagination={{ current: page, pageSize: PAGE_SIZE, total: items.data?.total ?? 0, showSizeChanger: false, onChange: (n) => { const next = new URLSearchParams(params); next.set('page', String(n)); setParams(next); } }}
          locale={{ emptyText: <Empty description={f.field || f.domain || f.q ? bi(lang, { zh: '没有符合条件的需求，请调整筛选', en: 'Nothing matches; change the filters' }) : bi(lang, { zh: '本版没有需求', en: 'No needs in this edition' })} /> }} />
      </Card>
    </>
  );
}

/**
 * 技术需求目录 /challenges/needs: the catalog by edition (picker, counts, filters, search, Excel and
 * Word), the task force's edition buttons, the caller's own needs and, for organisers, the review queue.
 */
export default function CatalogPage() {
  const lang = useLang();
  const { user, taskForce, organiser, raiser } = useCatalogRoles();
  const [params, setParams] = useSearchParams();
  const editions = useApi<Page<Edition>>(`${EDITIONS}?limit=100`);
  const list = editions.data?.items ?? [];
  const draft = list.find((e) => e.status === 'draft') ?? null;
  const chosen = useMemo(() => list.find((e) => e.id === params.get('edition')) ?? list.find((e) => e.status === 'published') ?? draft, [list, params, draft]);
  const tab = params.get('tab') ?? 'catalog';
  const choose = (id: string | null) => { const next = new URLSearchParams(); if (id) next.set('edition', id); setParams(next); editions.reload(); };
  const raiserOf = (n: Need) => taskForce || (!!user?.organisationId && user.organisationId === n.organisationId);

  const catalog = (
    <LoadState loading={editions.loading && !editions.data} error={editions.error} reload={editions.reload}>
      {!chosen ? (
        <Empty description={taskForce ? bi(lang, { zh: '尚未编制需求目录：需求审核入库后，点击「起草新版次」', en: 'No edition yet: once needs are accepted, open the first edition' })
          : bi(lang, { zh: '需求目录尚未发布', en: 'The catalog has not been published yet' })}>
          {taskForce && <EditionActions draft={null} onChanged={choose} />}
        </Empty>
      ) : (
        <>
          <div className="table-toolbar">
            <Space wrap>
              <Select value={chosen.id} onChange={(id) => setParams({ edition: id })} style={{ minWidth: 420 }} data-testid="catalog-edition-picker"
                options={list.map((e) => ({ value: e.id, label: `${e.titleZh}${e.publishedAt ? ` · ${dateOnly(e.publishedAt)}` : ''}` }))} />
              <Tag color={EDITION_STATUSES[chosen.status].color}>{one(lang, EDITION_STATUSES[chosen.status])}</Tag>
              <Link to={`/challenges/needs/diff?to=${chosen.id}`}><Button icon={<DiffOutlined />} data-testid="catalog-diff-link"><Bi zh="与上一版对比" en="Changes since the previous" /></Button></Link>
            </Space>
            {taskForce && <EditionActions draft={draft} onChanged={choose} />}
          </div>
          <EditionView key={chosen.id} edition={chosen} />
        </>
      )}
    </LoadState>
  );

  return (
    <>
      <PageHeader title={{ zh: '关键核心技术需求目录', en: 'Key core technology need catalog' }}
        description={bi(lang, { zh: '企业、高校院所和主管部门提出的「卡脖子」技术需求，经审核后按年度版次发布、滚动更新，并据此组织揭榜挂帅和并行资助。', en: 'Bottleneck technology needs raised by enterprises, institutes and departments, reviewed, published in yearly editions that roll, and worked through open challenges and parallel funding.' })}
        extra={raiser && (
          <Space wrap>
            <ImportNeeds onDone={() => setParams({ tab: 'mine' })} />
            <Link to="/challenges/needs/new"><Button type="primary" icon={<PlusOutlined />} data-testid="need-new"><Bi zh="提出需求" en="Raise a need" /></Button></Link>
          </Space>
        )} />
      <Tabs activeKey={tab} onChange={(t) => setParams(t === 'catalog' ? {} : { tab: t })} destroyOnHidden items={[
        { key: 'catalog', label: <Bi zh="需求目录" en="Catalog" />, children: catalog },
        ...(raiser ? [{ key: 'mine', label: <span data-testid="catalog-tab-mine"><Bi zh="我的需求" en="My needs" /></span>, children: <NeedTable scope="mine" raiserOf={raiserOf} testId="needs-mine" /> }] : []),
        ...(organiser ? [{ key: 'review', label: <span data-testid="catalog-tab-review"><Bi zh="审核队列" en="Review queue" /></span>, children: <NeedTable scope="all" initialStatus="submitted" raiserOf={raiserOf} testId="needs-review" /> }] : []),
      ]} />
    </>
  );
}
