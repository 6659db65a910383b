import { Alert, Button, Empty, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi, dateOnly, dateTime, one } from '../supervision/shared';
import { API_PATH, PAGE_PATH, type ItemKind, type ListItem, type Page } from './api.lists';
import { ItemStateTag } from './ItemTags';
import { ITEM_STATE_ORDER, ITEM_STATES, KIND_NAMES } from './labels.lists';
import { ItemTitleCell } from './ListTable';

/**
 * 我的: the caller's organisation's items (and those the caller posted for others) in every
 * state. A returned item shows the task force's reason in full, in red, with the way back:
 * edit it and submit again.
 */
export function ListMine({ kind, filters, set, page, size, search }: {
  kind: ItemKind; filters: Record<string, string | undefined>; set: (c: Record<string, string | number | undefined>) => void;
  page: number; size: number; search: { typed: string; setTyped: (s: string) => void };
}) {
  const lang = useLang();
  const navigate = useNavigate();
  const list = useApi<Page<ListItem>>(`${API_PATH[kind]}/mine${qs({ state: filters.state, q: filters.q, limit: size, offset: (page - 1) * size })}`);
  // The returned ones are asked for apart, so the banner counts them whatever the filter and page.
  const returned = useApi<Page<ListItem>>(`${API_PATH[kind]}/mine${qs({ state: 'returned', limit: 5 })}`);
  const what = KIND_NAMES[kind];
  const open = (i: ListItem) => navigate(`${PAGE_PATH[kind]}/${i.id}`);

  const columns: ColumnsType<ListItem> = [
    { title: kind === 'demand' ? <Bi zh="生产需求" en="Demand" /> : <Bi zh="成果" en="Achievement" />, key: 'title', width: 280, fixed: 'left', render: (_, i) => <ItemTitleCell kind={kind} item={i} /> },
    { title: <Bi zh="状态" en="State" />, dataIndex: 'state', width: 110, render: (_, i) => <ItemStateTag state={i.state} /> },
    {
      title: <Bi zh="审核意见" en="Review note" />, key: 'note', width: 320,
      render: (_, i) => (i.state === 'returned' && i.reviewNoteZh ? (
        <div data-testid="pilot-mine-returned-note">
          <Typography.Text type="danger" strong>{lang === 'zh' ? '未通过审核：' : 'Returned: '}{i.reviewNoteZh}</Typography.Text>
          <div className="cell-sub">{bi(lang, { zh: '修改后可重新提交', en: 'edit and resubmit' })}</div>
        </div>
      ) : i.reviewNoteZh ? <Typography.Text type="secondary">{i.reviewNoteZh}</Typography.Text> : i.state === 'submitted'
        ? <Typography.Text type="secondary">{bi(lang, { zh: '等待工作专班审核', en: 'Awaiting the task force' })}</Typography.Text> : '—'),
    },
    { title: <Bi zh="有效期至" en="Valid until" />, dataIndex: 'expiresOn', width: 110, render: (v: string | null) => dateOnly(v) },
    { title: <Bi zh="更新时间" en="Updated" />, dataIndex: 'updatedAt', width: 140, render: (v?: string) => dateTime(v) },
    {
      title: <Bi zh="操作" en="Action" />, key: 'action', width: 110,
      render: (_, i) => (i.may?.edit ? (
        <Button size="small" icon={<EditOutlined />} onClick={(e) => { e.stopPropagation(); navigate(`${PAGE_PATH[kind]}/${i.id}?edit=1`); }} data-testid={`pilot-mine-edit-${i.code}`}>
          <Bi zh="修改" en="Edit" />
        </Button>
      ) : i.may?.renew ? (
        <Button size="small" icon={<ReloadOutlined />} onClick={(e) => { e.stopPropagation(); navigate(`${PAGE_PATH[kind]}/${i.id}?renew=1`); }}>
          <Bi zh="续期" en="Renew" />
        </Button>
      ) : null),
    },
  ];

  const r = returned.data;
  return (
    <>
      {r && r.total > 0 && (
        <Alert type="error" showIcon className="panel-alert" data-testid="pilot-mine-returned"
          title={lang === 'zh' ? `${r.total} 项${what.zh}未通过审核，修改后可重新提交` : `${r.total} ${what.plural.en.toLowerCase()} returned: edit and resubmit`}
          description={(
            <Space orientation="vertical" size={2}>
              {r.items.map((i) => (
                <span key={i.id}>
                  <Link to={`${PAGE_PATH[kind]}/${i.id}?edit=1`}>{i.titleZh}</Link>
                  <Typography.Text type="danger">{lang === 'zh' ? ' — 未通过审核：' : ' — returned: '}{i.reviewNoteZh}</Typography.Text>
                </span>
              ))}
            </Space>
          )} />
      )}
      <div className="table-toolbar">
        <Input.Search allowClear value={search.typed} onChange={(e) => search.setTyped(e.target.value)} onSearch={(v) => set({ q: v.trim() || undefined })} style={{ width: 240 }}
          placeholder={bi(lang, { zh: '检索标题、内容', en: 'Search title, text' })} data-testid="pilot-mine-search" />
        <Select allowClear placeholder={bi(lang, { zh: '状态', en: 'State' })} style={{ width: 150 }} value={filters.state} onChange={(v?: string) => set({ state: v })}
          options={ITEM_STATE_ORDER.map((s) => ({ value: s, label: one(lang, ITEM_STATES[s]) }))} data-testid="pilot-mine-state" />
        <Typography.Text type="secondary" className="table-count">{lang === 'zh' ? `共 ${list.data?.total ?? 0} 项` : `${list.data?.total ?? 0} items`}</Typography.Text>
      </div>
      <Table<ListItem> rowKey="id" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} scroll={{ x: 1100 }} data-testid="pilot-mine-table"
        onRow={(i) => ({ onClick: () => open(i), style: { cursor: 'pointer' }, 'data-testid': `pilot-mine-row-${i.code}` }) as React.HTMLAttributes<HTMLElement>}
        pagination={{
          current: page, pageSize: size, total: list.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100],
          onChange: (p, s) => set({ page: p === 1 ? undefined : p, size: s === 20 ? undefined : s }),
          showTotal: (total) => (lang === 'zh' ? `共 ${total} 项` : `${total} in all`),
        }}
        locale={{ emptyText: list.error ? <Empty description={list.error.message} /> : (
          <Empty description={filters.state || filters.q
            ? bi(lang, { zh: '没有符合条件的条目', en: 'Nothing matches' })
            : kind === 'demand'
              ? bi(lang, { zh: '本机构尚未发布生产需求 — 填写需求后保存草稿或提交审核', en: 'Your organisation has posted no demands yet: write one, save it as a draft or submit it for review' })
              : bi(lang, { zh: '本机构尚未发布成果 — 填写成果后保存草稿或提交审核', en: 'Your organisation has posted no achievements yet: write one, save it or submit it for review' })}>
            {!filters.state && !filters.q && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`${PAGE_PATH[kind]}/new`)}>
                {kind === 'demand' ? <Bi zh="发布需求" en="Post a demand" /> : <Bi zh="发布成果" en="Post an achievement" />}
              </Button>
            )}
          </Empty>
        ) }} />
    </>
  );
}
