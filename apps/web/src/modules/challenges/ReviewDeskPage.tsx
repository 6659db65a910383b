import { Card, Empty, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { Bi } from '../../app/components/Bi';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi, dateTime } from '../supervision/shared';
import type { DeskItem, Page } from './api';
import { ASSIGNMENT_STATUSES } from './labels';
import { NameTag } from './Tags';

/**
 * 评审工作台 (experts): the applications assigned to the caller, blind where the challenge is
 * (the server sends their titles with the names scrubbed), to score, submit, decline or declare a
 * conflict on; submitted ones show the caller's total.
 */
export default function ReviewDeskPage() {
  const lang = useLang();
  const list = useApi<Page<DeskItem>>('/api/challenges/reviews');
  const waiting = (list.data?.items ?? []).filter((x) => x.status === 'assigned').length;
  return (
    <>
      <PageHeader titleKey="nav.reviewDesk"
        description={bi(lang, { zh: '分配给您的揭榜申报。双盲评审的申报隐去申报单位与人员名称（申报单位 A、成员 1 …）。提交前看不到其他专家的评分；提交后锁定，可见评分分布。', en: 'Applications assigned to you. Blind ones name no applicant (Applicant A, Member 1 …). You do not see other reviewers\' scores before you submit; after, your scores are locked and you see the spread.' })}
        tags={waiting > 0 && <Tag color="processing">{bi(lang, { zh: `待评 ${waiting} 份`, en: `${waiting} to score` })}</Tag>} />
      <Card className="panel">
        <Table<DeskItem> rowKey="id" size="middle" loading={list.loading} dataSource={list.data?.items ?? []} pagination={false} data-testid="review-desk"
          locale={{ emptyText: <Empty description={bi(lang, { zh: '暂无评审任务。组织单位分配后会通知您。', en: 'Nothing assigned. You are told when organisers assign you.' })} /> }}
          columns={[
            { title: <Bi zh="申报" en="Application" />, key: 'app', render: (_, r) => (
              <div><Link to={`/challenges/review/${r.id}`} className="cell-main" data-testid={`review-open-${r.applicationCode}`}>{r.applicationTitleZh ?? r.applicationCode}</Link>
                <div className="cell-sub"><span className="mono">{r.applicationCode}</span>{r.blind && <Tag color="purple" style={{ marginLeft: 6 }}>{bi(lang, { zh: '双盲', en: 'Blind' })}</Tag>}</div></div>
            ) },
            { title: <Bi zh="榜单" en="Challenge" />, key: 'challenge', render: (_, r) => <div>{r.challengeTitleZh}<div className="cell-sub mono">{r.challengeCode}</div></div> },
            { title: <Bi zh="分配时间" en="Assigned" />, dataIndex: 'assignedAt', width: 150, render: dateTime },
            { title: <Bi zh="我的总分" en="My total" />, dataIndex: 'total', width: 110, render: (x) => x ?? '—' },
            { title: <Bi zh="状态" en="Status" />, dataIndex: 'status', width: 120, render: (s) => <NameTag names={ASSIGNMENT_STATUSES} code={s} /> },
          ]} />
      </Card>
    </>
  );
}
