import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Empty, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CopyOutlined, DeleteOutlined, EditOutlined, PlusOutlined, SendOutlined, SwapOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../app/api';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { PageHeader } from '../../app/PageHeader';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { useLang } from '../../app/i18n';
import { useDistricts } from '../plan/api';
import type { Edition, EditionDetail, ListItem, ListKind, ListOverview } from './api';
import { useAction } from './PubShared';
import { PubListItemModal } from './PubListItemModal';
import { PubListDiff } from './PubListDiff';
import { dateOnly, ExportButton, useTaskForce } from './shared';

const KINDS: ListKind[] = ['project', 'policy', 'reform', 'platform'];

/** 四张重大清单: each list in editions; everyone reads the published ones, the task force drafts the next. */
export default function MajorListsPage() {
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const overview = useApi<ListOverview[]>('/api/major-lists');
  const kind = (KINDS as string[]).includes(params.get('kind') ?? '') ? (params.get('kind') as ListKind) : 'project';

  return (
    <>
      <PageHeader title={{ zh: '四张重大清单', en: 'The four major lists' }}
        description="重大项目、重大政策、重大改革、重大平台四张清单按版本滚动管理：已发布的版本不再改动，新版本沿用上一版后调整，可随时对比两版差异。（Each list is kept in editions: published editions never change; a new edition starts from the last one, and any two can be compared.）" />
      <LoadState loading={overview.loading && !overview.data} error={overview.error} reload={overview.reload}>
        <Card className="panel">
          <Tabs activeKey={kind} onChange={(k) => setParams({ kind: k }, { replace: true })} destroyOnHidden
            items={(overview.data ?? []).map((o) => ({
              key: o.kind,
              label: <span data-testid={`list-tab-${o.kind}`}>{lang === 'zh' ? o.zh : o.en}<span className="bi-aside">{lang === 'zh' ? o.en : o.zh}</span></span>,
              children: <KindPanel overview={o} reloadOverview={overview.reload} />,
            }))} />
        </Card>
      </LoadState>
    </>
  );
}

function editionLabel(e: Edition) {
  return (
    <Space size={6}>
      <span>第 {e.editionNo} 版</span>
      {e.status === 'draft' ? <Tag color="orange">草稿 Draft</Tag> : <Tag color="green">已发布 {dateOnly(e.publishedAt)}</Tag>}
      <Typography.Text type="secondary">{e.titleZh}</Typography.Text>
    </Space>
  );
}

function KindPanel({ overview, reloadOverview }: { overview: ListOverview; reloadOverview: () => void }) {
  const taskForce = useTaskForce();
  const { confirm } = useAction();
  const kind = overview.kind;
  const editions = overview.editions; // newest first, as the server sorts them
  // The chosen edition, or the newest when the choice is not (yet) in the overview: a new
  // edition is chosen before the overview that lists it has reloaded.
  const [chosen, setNo] = useState<number | undefined>(editions[0]?.editionNo);
  const no = editions.some((e) => e.editionNo === chosen) ? chosen : editions[0]?.editionNo;
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<ListItem | 'new' | null>(null);
  const [creating, setCreating] = useState(false);
  const [comparing, setComparing] = useState(false);

  const current = editions.find((e) => e.editionNo === no);
  const detail = useApi<EditionDetail>(current ? `/api/major-lists/${kind}/editions/${current.editionNo}` : null);
  const districts = useDistricts();
  const districtName = useMemo(() => new Map((districts.data ?? []).map((d) => [d.code, d.nameZh])), [districts.data]);
  const isDraft = current?.status === 'draft';
  const mayEdit = taskForce && isDraft;
  const draftExists = editions.some((e) => e.status === 'draft');

  const items = useMemo(() => {
    const all = detail.data?.items ?? [];
    const s = q.trim().toLowerCase();
    if (!s) return all;
    return all.filter((i) => [i.itemKey, i.nameZh, i.ownerNameZh, i.progressZh, i.noteZh, i.districtCode && districtName.get(i.districtCode), i.taskNo && `任务${i.taskNo}`]
      .some((v) => typeof v === 'string' && v.toLowerCase().includes(s)));
  }, [detail.data, q, districtName]);
  const total = useMemo(() => items.reduce((n, i) => n + (i.amountYiYuan ?? 0), 0), [items]);

  const reloadAll = () => {
    detail.reload();
    reloadOverview();
  };

  const remove = (i: ListItem) => confirm({
    title: `从本版移出「${i.nameZh}」？`, content: '移出后下一版对比中会显示为「移出」。（Remove the item from this draft edition.）',
    okText: '移出 Remove', danger: true, ok: '已移出（Removed）', testId: 'list-item-remove-ok',
    action: () => api.del(`/api/major-list-items/${i.id}`), after: reloadAll,
  });
  const publish = () => current && confirm({
    title: `发布${overview.zh}第 ${current.editionNo} 版？`,
    content: '发布后本版不可再修改，所有登录用户均可查阅；如需调整请新建版本。（Once published the edition never changes and everyone signed in can read it.）',
    okText: '发布 Publish', ok: '已发布（Published）', testId: 'list-publish-ok',
    action: () => api.post(`/api/major-lists/${kind}/editions/${current.editionNo}/publish`), after: reloadAll,
  });

  const columns: ColumnsType<ListItem> = [
    { title: <Bi zh="编号" en="Key" />, dataIndex: 'itemKey', width: 90, fixed: 'left', sorter: (a, b) => a.itemKey.localeCompare(b.itemKey), render: (v: string) => <span className="mono">{v}</span> },
    { title: <Bi zh="名称" en="Name" />, dataIndex: 'nameZh', width: 260, fixed: 'left', render: (v: string) => <span className="cell-main">{v}</span> },
    { title: <Bi zh="责任单位" en="Owner" />, dataIndex: 'ownerNameZh', width: 180, render: (v: string | null) => v ?? '—',
      filters: [...new Set((detail.data?.items ?? []).map((i) => i.ownerNameZh).filter((v): v is string => !!v))].map((v) => ({ text: v, value: v })),
      onFilter: (v, i) => i.ownerNameZh === v, filterSearch: true },
    { title: <Bi zh="任务" en="Task" />, dataIndex: 'taskNo', width: 80, align: 'center', sorter: (a, b) => (a.taskNo ?? 99) - (b.taskNo ?? 99),
      render: (v: number | null) => (v ? <Link to={`/plan/tasks/${v}`}>{v}</Link> : '—') },
    { title: <Bi zh="区县" en="District" />, dataIndex: 'districtCode', width: 110, render: (v: string | null) => (v ? districtName.get(v) ?? v : '—'),
      filters: [...new Set((detail.data?.items ?? []).map((i) => i.districtCode).filter((v): v is string => !!v))].map((v) => ({ text: districtName.get(v) ?? v, value: v })),
      onFilter: (v, i) => i.districtCode === v },
    { title: <Bi zh="金额（亿元）" en="Amount" />, dataIndex: 'amountYiYuan', width: 110, align: 'right', sorter: (a, b) => (a.amountYiYuan ?? 0) - (b.amountYiYuan ?? 0),
      render: (v: number | null) => (v === null ? '—' : v.toLocaleString('zh-CN')) },
    { title: <Bi zh="实施年限" en="Years" />, key: 'years', width: 110, render: (_, i) => (i.startYear || i.endYear ? `${i.startYear ?? '?'}–${i.endYear ?? '?'}` : '—') },
    { title: <Bi zh="进展" en="Progress" />, dataIndex: 'progressZh', width: 260,
      render: (v: string | null) => (v ? <Typography.Paragraph ellipsis={{ rows: 2, expandable: 'collapsible' }} style={{ margin: 0 }}>{v}</Typography.Paragraph> : '—') },
    { title: <Bi zh="备注" en="Note" />, dataIndex: 'noteZh', width: 160, render: (v: string | null) => v ?? '—' },
    ...(mayEdit ? [{
      title: <Bi zh="操作" en="Actions" />, key: 'actions', width: 150, fixed: 'right' as const,
      render: (_: unknown, i: ListItem) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(i)} data-testid={`list-item-edit-${i.itemKey}`}>编辑</Button>
          <Button type="link" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(i)} data-testid={`list-item-remove-${i.itemKey}`}>移出</Button>
        </Space>
      ),
    }] : []),
  ];

  if (!editions.length) {
    return (
      <>
        <Empty style={{ padding: 40 }}
          description={taskForce ? `${overview.zh}尚无版本：新建第一版后逐项录入。（No edition yet: start the first one and add items.）` : `${overview.zh}尚未发布。（Not published yet.）`}>
          {taskForce && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="list-new-edition">新建版本 New edition</Button>}
        </Empty>
        {creating && <NewEditionModal overview={overview} onClose={() => setCreating(false)} onCreated={(n) => { setCreating(false); setNo(n); reloadOverview(); }} />}
      </>
    );
  }

  return (
    <>
      <div className="table-toolbar">
        <Select<number> value={no} onChange={setNo} style={{ minWidth: 360 }} data-testid="list-edition-select" aria-label="版本 Edition"
          options={editions.map((e) => ({ value: e.editionNo, label: editionLabel(e) }))} />
        <Input.Search allowClear placeholder="搜索名称、单位、进展 Search" value={q} onChange={(e) => setQ(e.target.value)} style={{ width: 260 }} data-testid="list-search" />
        <Space wrap className="table-count">
          <Button icon={<SwapOutlined />} onClick={() => setComparing(true)} disabled={editions.length < 2} data-testid="list-compare">
            <Bi zh="版本对比" en="Compare" />
          </Button>
          {current && <ExportButton path={`/api/major-lists/${kind}/editions/${current.editionNo}/export.xlsx`} fallbackName={`${overview.zh}-第${current.editionNo}版.xlsx`} testId="list-export" />}
          {taskForce && (
            <Tooltip title={draftExists ? '已有草稿版本，发布后才能新建（A draft exists: publish it first）' : '新版本沿用上一版全部事项（Copies every item of the last edition）'}>
              <Button icon={<CopyOutlined />} onClick={() => setCreating(true)} data-testid="list-new-edition"><Bi zh="新建版本" en="New edition" /></Button>
            </Tooltip>
          )}
          {mayEdit && <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="list-item-add"><Bi zh="新增事项" en="Add item" /></Button>}
          {mayEdit && <Button type="primary" icon={<SendOutlined />} onClick={publish} data-testid="list-publish"><Bi zh="发布本版" en="Publish" /></Button>}
        </Space>
      </div>
      {isDraft && (
        <Alert className="panel-alert" type="warning" showIcon
          title={`第 ${current?.editionNo} 版为草稿，仅工作专班可见；发布后方对所有用户公开且不可再改。（A draft, seen only by the task force until published.）`} />
      )}
      {current?.noteZh && <Typography.Paragraph type="secondary">{current.noteZh}</Typography.Paragraph>}
      <Table<ListItem>
        rowKey="id" size="middle" columns={columns} dataSource={items} loading={detail.loading} scroll={{ x: 1500 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false, showTotal: (n) => `共 ${n} 项 (${n} items)` }}
        onRow={(i) => ({ 'data-testid': `list-row-${i.itemKey}` }) as React.HTMLAttributes<HTMLElement>}
        summary={() => (total > 0 ? (
          <Table.Summary fixed>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={5}><strong>合计 Total</strong>（{items.length} 项）</Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right"><strong>{Math.round(total * 100) / 100}</strong></Table.Summary.Cell>
              <Table.Summary.Cell index={6} colSpan={mayEdit ? 4 : 3} />
            </Table.Summary.Row>
          </Table.Summary>
        ) : null)}
        locale={{ emptyText: detail.error ? <Empty description={detail.error.message} /> : q
          ? <Empty description="没有符合搜索条件的事项（No items match）" />
          : (
            <Empty description={mayEdit ? '本版尚无事项，请新增。（No items yet: add the first.）' : '本版没有事项。（This edition has no items.）'}>
              {mayEdit && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>新增事项 Add item</Button>}
            </Empty>
          ) }}
      />
      {editing && current && (
        <PubListItemModal kind={kind} editionNo={current.editionNo} item={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)} onSaved={() => { setEditing(null); reloadAll(); }} />
      )}
      {creating && <NewEditionModal overview={overview} onClose={() => setCreating(false)} onCreated={(n) => { setCreating(false); setNo(n); reloadOverview(); }} />}
      {comparing && <PubListDiff kind={kind} kindZh={overview.zh} editions={editions} defaultTo={current?.editionNo} onClose={() => setComparing(false)} />}
    </>
  );
}

function NewEditionModal({ overview, onClose, onCreated }: { overview: ListOverview; onClose: () => void; onCreated: (editionNo: number) => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ titleZh?: string; noteZh?: string }>();
  const last = overview.editions[0];
  const next = (last?.editionNo ?? 0) + 1;
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const e = await api.post<Edition>(`/api/major-lists/${overview.kind}/editions`, { ...(v.titleZh?.trim() ? { titleZh: v.titleZh.trim() } : {}), noteZh: v.noteZh?.trim() || null });
    message.success(`已新建第 ${e.editionNo} 版，沿用 ${e.items} 项（Edition ${e.editionNo} started with ${e.items} items）`);
    onCreated(e.editionNo);
  });
  return (
    <Modal open title={<Bi zh={`新建${overview.zh}第 ${next} 版`} en="New edition" />} onOk={submit} confirmLoading={saving} onCancel={onClose}
      okText="新建 Create" cancelText="取消 Cancel" destroyOnHidden okButtonProps={{ 'data-testid': 'list-new-edition-ok' } as never}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }}
        title={last?.status === 'draft' ? `新版本将沿用第 ${last.editionNo} 版的事项。（The new edition copies the last one.）` : last
          ? `新版本将沿用第 ${last.editionNo} 版的全部 ${Number(last.items)} 项事项，作为草稿修改后再发布。（The new edition starts as a draft copy of edition ${last.editionNo}.）`
          : '这是第一版，创建后逐项录入事项。（The first edition starts empty.）'} />
      {last?.status === 'draft' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`第 ${last.editionNo} 版仍是草稿，请先发布。（Edition ${last.editionNo} is still a draft: publish it first.）`} />}
      <Form form={form} layout="vertical" name="new-edition">
        <Form.Item name="titleZh" label={<Bi zh="版本标题" en="Title" />} rules={[{ max: 200 }]}>
          <Input placeholder={`${overview.zh}（第 ${next} 版）`} />
        </Form.Item>
        <Form.Item name="noteZh" label={<Bi zh="说明" en="Note" />} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={3} placeholder="如：根据 2026 年第三季度调度情况更新（e.g. what this edition updates）" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
