import { useState } from 'react';
import { Alert, Button, Card, Empty, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { AlertOutlined, ClearOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { LabelTag } from '../pilot/BaseTags';
import { bi, ExportButton, one } from '../supervision/shared';
import { useListParams, useSearchBox } from '../supervision/WorkShared';
import { useIpRoles } from './access';
import type { IpRight, Page } from './api';
import { IpFormModal } from './IpFormModal';
import { ALL_STATUSES, IP_KINDS, IP_SUBTYPES, statusLabel } from './labels';

const FILTERS = ['q', 'kind', 'status', 'holder', 'enterpriseId', 'platformId', 'achievementId', 'challengeId'] as const;
/** Filters set by following a link (an organisation's, a platform's, a challenge's rights), shown as a banner rather than a control. */
const SCOPES = ['holder', 'enterpriseId', 'platformId', 'achievementId', 'challengeId'] as const;
const SCOPE_NAMES: Record<string, { zh: string; en: string }> = {
  holder: { zh: '机构', en: 'organisation' }, enterpriseId: { zh: '企业', en: 'enterprise' }, platformId: { zh: '创新平台', en: 'platform' },
  achievementId: { zh: '科技成果', en: 'achievement' }, challengeId: { zh: '揭榜挂帅项目', en: 'challenge' },
};

/**
 * 知识产权: patents, standards, software copyrights and plant varieties. Visitors see rights in
 * force; holders and the task force every status. `?holder=` is an organisation's (an
 * enterprise's) own list; links from platforms and challenges filter the same way.
 */
export default function IpListPage() {
  const lang = useLang();
  const navigate = useNavigate();
  const { user, signedIn, keeper } = useIpRoles();
  const { filters, page, size, set, paging } = useListParams(FILTERS);
  const search = useSearchBox(filters.q, (q) => set({ q }));
  const [adding, setAdding] = useState(false);
  const list = useApi<Page<IpRight>>(`/api/ip${qs({ ...filters, ...paging })}`);
  const multi = (k: 'kind' | 'status') => (filters[k] ? filters[k]!.split(',') : []);
  const filtered = FILTERS.some((k) => filters[k]);
  const clear = () => { search.setTyped(''); set(Object.fromEntries(FILTERS.map((k) => [k, undefined]))); };
  const scope = SCOPES.find((k) => filters[k]);
  const holderName = filters.holder ? list.data?.items.flatMap((r) => r.holders).find((h) => h.id === filters.holder)?.nameZh ?? (filters.holder === user?.organisationId ? user?.organisationNameZh : null) : null;
  const exportPath = `/api/ip/export.xlsx${qs(Object.fromEntries(FILTERS.map((k) => [k, filters[k]])))}`;

  const columns: ColumnsType<IpRight> = [
    { title: <Bi zh="类型" en="Kind" />, key: 'kind', width: 150,
      render: (_, r) => <div><LabelTag label={IP_KINDS[r.kind]} />{r.subtype && <div className="cell-sub">{one(lang, IP_SUBTYPES[r.kind]?.[r.subtype] ?? { zh: r.subtype, en: r.subtype })}</div>}</div> },
    { title: <Bi zh="编号 / 名称" en="Number / title" />, key: 'title', width: 340,
      render: (_, r) => (
        <div>
          <Link to={`/ip/${r.id}`} className="cell-main" onClick={(e) => e.stopPropagation()} data-testid="ip-right-link">{r.titleZh}</Link>
          <div className="cell-sub mono">{r.number}</div>
        </div>
      ) },
    { title: <Bi zh="状态" en="Status" />, key: 'status', width: 100, render: (_, r) => <LabelTag label={statusLabel(r.kind, r.status)} /> },
    { title: <Bi zh="权利人" en="Holders" />, key: 'holders', width: 260,
      render: (_, r) => <Space size={[8, 0]} wrap>{r.holders.map((h) => <Link key={h.id} to={`/ip?holder=${h.id}`} onClick={(e) => e.stopPropagation()}>{h.nameZh}</Link>)}</Space> },
    { title: <Bi zh="发明人/作者" en="Inventors" />, dataIndex: 'inventors', width: 160, render: (x: string[]) => x.join('、') || '—' },
    { title: <Bi zh="申请日" en="Filed" />, dataIndex: 'filedOn', width: 110, render: (d) => d ?? '—' },
    { title: <Bi zh="授权/发布/登记日" en="In force since" />, dataIndex: 'grantedOn', width: 130, render: (d) => d ?? '—' },
  ];

  return (
    <>
      <PageHeader title={{ zh: '知识产权', en: 'Intellectual property' }}
        description={bi(lang, {
          zh: '专利、标准、软件著作权和植物新品种：权利人、状态，以及关联的企业、科技成果、创新平台和揭榜挂帅项目。公开清单只列已授权、已发布、已登记的权利；权利人和工作专班可见全部状态。',
          en: 'Patents, standards, software copyrights and plant varieties: holders, status, and the enterprises, achievements, platforms and challenges they are linked to. The public list shows rights in force; holders and the task force see every status.',
        })}
        extra={
          <Space wrap>
            {user?.organisationId && <Button icon={<TeamOutlined />} onClick={() => set({ holder: user.organisationId! })} data-testid="ip-mine"><Bi zh="本机构的知识产权" en="My organisation's" /></Button>}
            {signedIn && <Button icon={<AlertOutlined />} onClick={() => navigate('/ip/reports')} data-testid="ip-reports"><Bi zh="侵权举报" en="Infringement reports" /></Button>}
            <ExportButton path={exportPath} fallbackName="知识产权清单.xlsx" testId="ip-export" />
            {keeper && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="ip-add"><Bi zh="登记知识产权" en="Record a right" /></Button>}
          </Space>
        } />
      {scope && (
        <Alert type="info" showIcon className="panel-alert" data-testid="ip-scope"
          title={scope === 'holder'
            ? bi(lang, { zh: `${holderName ?? '该机构'}的知识产权（持有或关联）`, en: `Rights of ${holderName ?? 'this organisation'} (held or linked)` })
            : bi(lang, { zh: `关联该${SCOPE_NAMES[scope].zh}的知识产权`, en: `Rights linked to this ${SCOPE_NAMES[scope].en}` })}
          action={<Button size="small" onClick={() => set({ [scope]: undefined })}><Bi zh="查看全部" en="Show all" /></Button>} />
      )}
      <Card className="panel">
        <div className="table-toolbar">
          <Input.Search allowClear placeholder={bi(lang, { zh: '检索名称、编号、发明人', en: 'Search titles, numbers, inventors' })} value={search.typed}
            onChange={(e) => search.setTyped(e.target.value)} onSearch={(v) => set({ q: v.trim() || undefined })} style={{ width: 260 }} data-testid="ip-search" />
          <Select mode="multiple" allowClear placeholder={bi(lang, { zh: '类型', en: 'Kind' })} style={{ minWidth: 150 }} value={multi('kind')}
            onChange={(v: string[]) => set({ kind: v.length ? v.join(',') : undefined })} options={Object.entries(IP_KINDS).map(([value, n]) => ({ value, label: one(lang, n) }))} data-testid="ip-kind" />
          <Select mode="multiple" allowClear placeholder={bi(lang, { zh: '状态', en: 'Status' })} style={{ minWidth: 150 }} value={multi('status')}
            onChange={(v: string[]) => set({ status: v.length ? v.join(',') : undefined })} options={Object.entries(ALL_STATUSES).map(([value, n]) => ({ value, label: one(lang, n) }))} data-testid="ip-status" />
          {filtered && <Button icon={<ClearOutlined />} onClick={clear}><Bi zh="清除" en="Clear" /></Button>}
          <Typography.Text type="secondary" className="table-count">{lang === 'zh' ? `共 ${list.data?.total ?? 0} 项` : `${list.data?.total ?? 0} rights`}</Typography.Text>
        </div>
        <Table<IpRight>
          rowKey="id" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} scroll={{ x: 1250 }}
          onRow={(r) => ({ onClick: () => navigate(`/ip/${r.id}`), style: { cursor: 'pointer' } })}
          pagination={{
            current: page, pageSize: size, total: list.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100],
            onChange: (p, s) => set({ page: p === 1 ? undefined : p, size: s === 20 ? undefined : s }),
          }}
          locale={{ emptyText: list.error ? <Empty description={list.error.message} /> : filtered
            ? <Empty description={bi(lang, { zh: '没有符合条件的知识产权，请调整筛选条件', en: 'No rights match; change the filters' })}><Button onClick={clear}><Bi zh="清除筛选" en="Clear filters" /></Button></Empty>
            : <Empty description={keeper
                ? bi(lang, { zh: '尚无知识产权记录 — 点击“登记知识产权”添加本机构的专利、标准等', en: 'No rights yet: record your organisation\'s patents, standards …' })
                : bi(lang, { zh: '尚无已授权、已发布或已登记的知识产权', en: 'No rights in force recorded yet' })} /> }}
          data-testid="ip-table"
        />
      </Card>
      {adding && <IpFormModal onClose={() => setAdding(false)} onSaved={(r) => { setAdding(false); navigate(`/ip/${r.id}`); }} />}
    </>
  );
}
