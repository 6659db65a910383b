import { Card, Empty, Select, Space, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi, dateTime } from '../supervision/shared';
import { useListParams } from '../supervision/WorkShared';
import type { ApplicationRow, BoardItem, Page } from './api';
import { FeedbackPanel } from './FeedbackPanel';
import { APPLICATION_STATUSES } from './labels';
import { paidProgress } from './BoardModel';
import { ApplicationStatusTag, AwardStatusTag, wan } from './Tags';

const KEYS = ['status'] as const;
const DECIDED = ['awarded', 'unsuccessful'];

/**
 * 我的申请: the applications the caller's organisation leads or is a member of, in every status;
 * a decided one opens to its feedback (scores per criterion, the trimmed mean, the rank and the
 * reviewers' comments, without names). Below, the organisation's awards, each to its delivery page.
 */
export default function MyApplicationsPage() {
  const lang = useLang();
  const { filters, page, size, set, paging } = useListParams(KEYS);
  const list = useApi<Page<ApplicationRow>>(`/api/challenges/applications/mine${qs({ status: filters.status, ...paging })}`);
  const awards = useApi<{ items: BoardItem[] }>('/api/challenges/awards/mine');
  return (
    <>
      <PageHeader titleKey="nav.myApplications"
        description={bi(lang, { zh: '本单位牵头或参与的揭榜申请。立项确定后，未入选的申请可查看各评分项得分、截尾均值、排名和专家意见。', en: 'Applications your organisation leads or takes part in. Once the awards are decided, each shows its scores per criterion, trimmed mean, rank and the reviewers\' comments.' })} />
      <Card className="panel">
        <Space className="cq-filters">
          <Select allowClear style={{ width: 200 }} value={filters.status} onChange={(status) => set({ status })} placeholder={bi(lang, { zh: '状态', en: 'Status' })}
            options={Object.entries(APPLICATION_STATUSES).map(([value, n]) => ({ value, label: bi(lang, n) }))} />
        </Space>
        <Table<ApplicationRow> rowKey="id" size="middle" loading={list.loading} dataSource={list.data?.items ?? []} data-testid="my-applications"
          locale={{ emptyText: <Empty description={<span>{bi(lang, { zh: '还没有申请。在揭榜中的榜单页点“我要揭榜”。', en: 'No application yet. Open an open challenge and choose Apply.' })} <Link to="/challenges"><Bi zh="去看榜单" en="See the challenges" /></Link></span>} /> }}
          pagination={{ current: page, pageSize: size, total: list.data?.total ?? 0, onChange: (p, s) => set({ page: p, size: s }) }}
          expandable={{ rowExpandable: (a) => DECIDED.includes(a.status), expandedRowRender: (a) => <FeedbackPanel applicationId={a.id} /> }}
          columns={[
            { title: <Bi zh="申请" en="Application" />, key: 'title', render: (_, a) => <div><Link to={`/challenges/applications/${a.id}`} className="cell-main">{a.titleZh}</Link><div className="cell-sub mono">{a.code}</div></div> },
            { title: <Bi zh="榜单" en="Challenge" />, key: 'challenge', render: (_, a) => <div><Link to={`/challenges/${a.challengeId}`}>{a.challengeTitleZh}</Link><div className="cell-sub mono">{a.challengeCode}</div></div> },
            { title: <Bi zh="身份" en="Part" />, dataIndex: 'party', width: 100, render: (p) => <Tag>{p === 'lead' ? bi(lang, { zh: '牵头', en: 'Lead' }) : bi(lang, { zh: '成员', en: 'Member' })}</Tag> },
            { title: <Bi zh="申请经费" en="Budget" />, dataIndex: 'budgetWan', width: 120, render: wan },
            { title: <Bi zh="更新时间" en="Updated" />, dataIndex: 'updatedAt', width: 150, render: dateTime },
            { title: <Bi zh="状态" en="Status" />, dataIndex: 'status', width: 160, render: (s, a) => <span data-testid={`my-status-${a.code}`}><ApplicationStatusTag status={s} /></span> },
          ]} />
      </Card>
      {!!awards.data?.items.length && (
        <Card className="panel section" title={<Bi zh="本单位的立项" en="Our awards" />}>
          <Table<BoardItem> rowKey="id" size="small" pagination={false} dataSource={awards.data.items} columns={[
            { title: <Bi zh="立项" en="Award" />, key: 'code', render: (_, a) => <div><Link to={`/challenges/awards/${a.id}`} className="mono">{a.code}</Link><div className="cell-sub">{a.challengeTitleZh}</div></div> },
            { title: <Bi zh="状态" en="Status" />, dataIndex: 'status', render: (s) => <AwardStatusTag status={s} /> },
            { title: <Bi zh="下一节点" en="Next milestone" />, key: 'next', render: (_, a) => (a.nextMilestone ? `${a.nextMilestone.titleZh}（${a.nextMilestone.dueOn}）` : '—') },
            { title: <Bi zh="已拨付" en="Paid" />, key: 'paid', render: (_, a) => `${wan(a.paidWan)} / ${wan(a.payableWan)}（${paidProgress(a.paidWan, a.payableWan).percent}%）` },
          ]} />
        </Card>
      )}
    </>
  );
}
