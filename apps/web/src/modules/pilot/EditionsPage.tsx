import { useMemo } from 'react';
import { Card, Empty, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { EChart } from '../../app/components/EChart';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi, dateOnly, ExportButton, one } from '../supervision/shared';
import { usePilotRoles } from './access';
import type { Edition, ListCode, Page } from './api.lists';
import { EditionDraftActions, EditionOpenButton } from './EditionActions';
import { EDITION_STATES, LIST_CODES, LISTS } from './labels.lists';

const LIMIT = 100;

/** Items per published edition, oldest first, so the list's growth reads at a glance. */
function EditionTrend({ editions }: { editions: Edition[] }) {
  const lang = useLang();
  const published = useMemo(() => editions.filter((e) => e.state === 'published').sort((a, b) => a.number - b.number), [editions]);
  const option = useMemo(() => ({
    grid: { left: 40, right: 16, top: 16, bottom: 28 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: published.map((e) => (lang === 'zh' ? `第${e.number}版` : `Ed. ${e.number}`)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: bi(lang, { zh: '条目数', en: 'Items' }), data: published.map((e) => e.itemCount), itemStyle: { color: '#3a7bd5' }, barMaxWidth: 36, label: { show: true, position: 'top' } }],
  }), [published, lang]);
  if (published.length < 2) return null;
  return <EChart option={option} height={180} testId="pilot-editions-trend" ariaLabel={published.map((e) => `第${e.number}版 ${e.itemCount} 条`).join('，')} />;
}

function EditionTable({ list }: { list: ListCode }) {
  const lang = useLang();
  const navigate = useNavigate();
  const { taskForce } = usePilotRoles();
  const editions = useApi<Page<Edition>>(`/api/pilot/editions${qs({ list, limit: LIMIT })}`);
  const items = editions.data?.items ?? [];
  const hasDraft = items.some((e) => e.state === 'draft');

  const columns: ColumnsType<Edition> = [
    { title: <Bi zh="版次" en="Edition" />, dataIndex: 'number', width: 90, render: (n: number) => (lang === 'zh' ? `第 ${n} 版` : `No. ${n}`) },
    { title: <Bi zh="标题" en="Title" />, key: 'title', render: (_, e) => <Link to={`/pilot/editions/${e.id}`} className="cell-main" data-testid="pilot-edition-link">{e.titleZh}</Link> },
    { title: <Bi zh="状态" en="State" />, dataIndex: 'state', width: 100, render: (s: Edition['state']) => <Tag color={EDITION_STATES[s].color} data-state={s}>{one(lang, EDITION_STATES[s])}</Tag> },
    { title: <Bi zh="日期" en="Date" />, key: 'date', width: 120, render: (_, e) => (e.publishedAt ? dateOnly(e.publishedAt) : <Typography.Text type="secondary">{bi(lang, { zh: '起草', en: 'drafted' })} {dateOnly(e.createdAt)}</Typography.Text>) },
    { title: <Bi zh="条目数" en="Items" />, dataIndex: 'itemCount', width: 90, align: 'right' },
    {
      title: <Bi zh="操作" en="Actions" />, key: 'actions', width: taskForce ? 420 : 150,
      render: (_, e) => (
        <Space wrap>
          <ExportButton path={`/api/pilot/editions/${e.id}/document.docx`} fallbackName={`${e.titleZh}.docx`} zh="下载 Word" en="Word" size="small" testId={`pilot-edition-word-${e.number}`} />
          {taskForce && <EditionDraftActions edition={e} onChanged={editions.reload} onDiscarded={editions.reload} />}
        </Space>
      ),
    },
  ];

  return (
    <>
      <div className="table-toolbar">
        <Typography.Text type="secondary">
          {list === 'atlas'
            ? bi(lang, { zh: '每版收录全部中试基地及其平台与能力', en: 'Each edition holds every pilot base with its platforms and capabilities' })
            : bi(lang, { zh: '每版收录起草时已发布且在有效期内的条目（仅公开内容）', en: 'Each edition holds the items published and valid when it was drafted (public fields only)' })}
        </Typography.Text>
        <span style={{ flex: 1 }} />
        {taskForce && <EditionOpenButton list={list} disabled={hasDraft} onOpened={(e) => navigate(`/pilot/editions/${e.id}`)} />}
      </div>
      {taskForce && hasDraft && (
        <Typography.Paragraph type="secondary" className="small-note">{bi(lang, { zh: '已有未发布的草稿：发布或删除后才能起草下一版', en: 'A draft is open: publish or discard it before opening the next' })}</Typography.Paragraph>
      )}
      <EditionTrend editions={items} />
      <Table<Edition> rowKey="id" columns={columns} dataSource={items} loading={editions.loading} pagination={false} scroll={{ x: 900 }} data-testid={`pilot-editions-${list}`}
        locale={{ emptyText: editions.error ? <Empty description={editions.error.message} /> : (
          <Empty description={taskForce
            ? bi(lang, { zh: '尚无版本 — 点击“起草新版本”按当前清单生成第 1 版草稿，核对后发布', en: 'No editions yet: “Open a draft” takes the list as it is now into edition 1; check it, then publish' })
            : bi(lang, { zh: '尚未发布版本，工作专班发布后可在此查阅和下载', en: 'No edition published yet; once the task force publishes one it can be read and downloaded here' })} />
        ) }} />
    </>
  );
}

/** 清单版本: per list (中试图谱 · 生产需求清单 · 成果供给清单) its editions; the task force drafts, refreshes, publishes and discards. */
export default function EditionsPage() {
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const list = (LIST_CODES as string[]).includes(params.get('list') ?? '') ? (params.get('list') as ListCode) : 'atlas';
  return (
    <>
      <PageHeader title={{ zh: '清单版本', en: 'List editions' }}
        description={bi(lang, { zh: '中试图谱、生产需求清单和成果供给清单按版本滚动发布：已发布的版本不再变动，可查阅条目、与上一版对比并下载 Word 文件。', en: 'The pilot capability map, the demand list and the achievement list are issued in editions: a published edition never changes; read its items, compare it with the previous one and download it as Word.' })} />
      <Card className="panel">
        <Tabs activeKey={list} onChange={(k) => setParams({ list: k }, { replace: true })} destroyOnHidden
          items={LIST_CODES.map((l) => ({ key: l, label: <span data-testid={`pilot-editions-tab-${l}`}><Bi zh={LISTS[l].zh} en={LISTS[l].en} /></span>, children: <EditionTable list={l} /> }))} />
      </Card>
    </>
  );
}
