import { Card, Empty, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { LabelTag } from '../pilot/BaseTags';
import { useApi } from '../../app/useApi';
import { bi, dateTime } from '../supervision/shared';
import { useListParams } from '../supervision/WorkShared';
import type { MyReview, Page } from './api';
import { label, REVIEW_STATUSES } from './labels';
import { ClockBar, StateTag, SubjectTag } from './SafetyTags';

/** 我的评审: the evaluations the expert is on, those awaiting its findings first; each opens with the findings form. */
export function MyReviewsTable() {
  const lang = useLang();
  const navigate = useNavigate();
  const { page, size, set, paging } = useListParams(['view']);
  const list = useApi<Page<MyReview>>(`/api/safety/reviews/mine${qs(paging)}`);
  const columns: ColumnsType<MyReview> = [
    { title: <Bi zh="评价申请" en="Evaluation" />, key: 'title', render: (_, r) => <div><SubjectTag kind={r.subjectKind} /><Link to={`/safety/evaluations/${r.evaluationId}`} onClick={(e) => e.stopPropagation()}>{r.titleZh}</Link><div className="cell-sub mono">{r.code}</div></div> },
    { title: <Bi zh="申请单位" en="Applicant" />, dataIndex: 'applicantNameZh', width: 220 },
    { title: <Bi zh="我的评审" en="My review" />, key: 'status', width: 160, render: (_, r) => <div><LabelTag label={label(REVIEW_STATUSES, r.status)} /><StateTag state={r.state} /></div> },
    { title: <Bi zh="评价时限" en="Clock" />, key: 'clock', width: 230, render: (_, r) => <ClockBar clock={r.clock} /> },
    { title: <Bi zh="分配时间" en="Assigned" />, dataIndex: 'assignedAt', width: 150, render: (d: string) => dateTime(d) },
  ];
  return (
    <Card className="panel">
      <div className="table-toolbar">
        <Typography.Text type="secondary" className="table-count">{lang === 'zh' ? `共 ${list.data?.total ?? 0} 项` : `${list.data?.total ?? 0} reviews`}</Typography.Text>
      </div>
      <Table<MyReview> rowKey="id" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} scroll={{ x: 900 }} data-testid="safety-reviews-table"
        onRow={(r) => ({ onClick: () => navigate(`/safety/evaluations/${r.evaluationId}`), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: size, total: list.data?.total ?? 0, onChange: (p, s) => set({ page: p === 1 ? undefined : p, size: s === 20 ? undefined : s }) }}
        locale={{ emptyText: <Empty description={list.error?.message ?? bi(lang, { zh: '暂无分配给您的安全评价；评价机构分配后会在消息中通知您', en: 'Nothing assigned to you; you are told in your inbox when the body assigns one' })} /> }} />
    </Card>
  );
}
