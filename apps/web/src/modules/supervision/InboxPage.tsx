import type { ReactNode } from 'react';
import { Button, Card, Col, Empty, List, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import type { Inbox } from './api';
import { bi, dateTime, useRoles } from './shared';

/** One kind of work waiting: its count in the title, and when there is none, a line that says so. */
function Section<T>({ zh, en, items, emptyZh, emptyEn, render, testId, danger }: {
  zh: string; en: string; items: T[]; emptyZh: string; emptyEn: string; render: (item: T) => ReactNode; testId: string; danger?: number;
}) {
  const lang = useLang();
  return (
    <Card className="panel" size="small" style={{ height: '100%' }} data-testid={testId}
      title={<span><Bi zh={zh} en={en} /><Tag className="count-tag" color={danger ? 'red' : items.length ? 'blue' : undefined}>{items.length}</Tag>
        {!!danger && <Tag color="red">{lang === 'zh' ? `逾期 ${danger}` : `${danger} overdue`}</Tag>}</span>}>
      <List<T>
        size="small"
        dataSource={items}
        pagination={items.length > 8 ? { pageSize: 8, size: 'small', showSizeChanger: false } : false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: emptyZh, en: emptyEn })} /> }}
        renderItem={(item) => <List.Item>{render(item)}</List.Item>}
      />
    </Card>
  );
}

function Due({ date, today, label }: { date: string | null; today: string; label: { zh: string; en: string } }) {
  const lang = useLang();
  if (!date) return null;
  const late = date < today;
  return (
    <Tooltip title={bi(lang, label)}>
      <Tag color={late ? 'red' : date === today ? 'orange' : 'default'}>{late ? (lang === 'zh' ? '已逾期 ' : 'Overdue ') : ''}{date}</Tag>
    </Tooltip>
  );
}

const Row2 = ({ main, sub, side }: { main: ReactNode; sub?: ReactNode; side?: ReactNode }) => (
  <div style={{ display: 'flex', width: '100%', gap: 12, alignItems: 'flex-start' }}>
    <div style={{ flex: 1, minWidth: 0 }}>
      <div>{main}</div>
      {sub && <div className="cell-sub" style={{ fontSize: 12, color: 'var(--ink-3)', marginTop: 2 }}>{sub}</div>}
    </div>
    {side && <div style={{ flex: 'none' }}>{side}</div>}
  </div>
);

/** 我的待办: what the caller's organisation owes and, for the task force, what awaits its review. */
export default function InboxPage() {
  const lang = useLang();
  const navigate = useNavigate();
  const { taskForce, owner } = useRoles();
  const inbox = useApi<Inbox>('/api/supervision/inbox');
  const d = inbox.data;
  const today = d?.asOf ?? '';
  // An admin may also belong to an owning organisation: show an owner's sections whenever they hold something.
  const showOwner = owner || (!!d && (d.reportsOwed.length + d.returned.length + d.drafts.length + d.rectifications.length > 0));

  return (
    <>
      <PageHeader title={{ zh: '我的待办', en: 'My inbox' }}
        description={bi(lang, taskForce
          ? { zh: '待审核的进展报告和待验收的整改事项；如本单位承担任务，亦列出应报事项。', en: 'Reports awaiting review and rectifications awaiting acceptance, plus anything your own organisation owes.' }
          : { zh: '本单位 30 天内应报送的进展报告、被退回的报告、未提交的草稿和未完成的整改事项。', en: 'Reports your organisation owes in the next 30 days, returned reports, unsent drafts and open rectifications.' })}
        extra={<Space>
          {d && <Typography.Text type="secondary">{lang === 'zh' ? `截至 ${d.asOf}` : `As of ${d.asOf}`}</Typography.Text>}
          <Button icon={<ReloadOutlined />} onClick={inbox.reload} loading={inbox.loading} data-testid="inbox-reload"><Bi zh="刷新" en="Refresh" /></Button>
        </Space>} />
      <LoadState loading={inbox.loading && !d} error={inbox.error} reload={inbox.reload}>
        {d && (
          <Row gutter={[16, 16]}>
            {taskForce && (
              <>
                <Col xs={24} xl={12}>
                  <Section zh="待审核的进展报告" en="Reports to review" items={d.toReview} testId="inbox-to-review"
                    emptyZh="暂无待审核的进展报告" emptyEn="No reports await review"
                    render={(x) => <Row2 main={<Link to={`/supervision/reports/${x.id}`} data-testid={`inbox-review-${x.id}`}><span className="mono">{x.code}</span> {x.titleZh}</Link>}
                      sub={<>{x.ownerNameZh} · {x.periodLabel} · {lang === 'zh' ? '报送于' : 'sent'} {dateTime(x.submittedAt)}</>}
                      side={<Button size="small" type="primary" ghost onClick={() => navigate(`/supervision/reports/${x.id}`)}><Bi zh="审核" en="Review" /></Button>} />} />
                </Col>
                <Col xs={24} xl={12}>
                  <Section zh="待验收的整改事项" en="Rectifications to accept" items={d.toClose} testId="inbox-to-close"
                    emptyZh="暂无待验收的整改事项" emptyEn="No rectifications await acceptance"
                    render={(x) => <Row2 main={<Link to={`/supervision/inspections/${x.inspectionId}`}>{x.descriptionZh}</Link>} sub={x.ownerNameZh}
                      side={<Due date={x.dueOn} today={today} label={{ zh: '整改时限', en: 'Due' }} />} />} />
                </Col>
              </>
            )}
            {showOwner && (
              <>
                <Col xs={24} xl={12}>
                  <Section zh="应报送的进展报告" en="Reports owed" items={d.reportsOwed} testId="inbox-owed" danger={d.reportsOwed.filter((x) => x.overdue).length}
                    emptyZh="暂无 30 天内应报送的进展报告" emptyEn="No reports due in the next 30 days"
                    render={(x) => <Row2
                      main={<Link to={`/supervision/work-points/${x.id}`} data-testid={`inbox-owed-${x.code}`} style={x.overdue ? { color: '#cf1322' } : undefined}><span className="mono">{x.code}</span> {x.titleZh}</Link>}
                      sub={<>{lang === 'zh' ? `任务 ${x.taskNo} · 完成时限 ${x.dueOn}` : `Task ${x.taskNo} · due ${x.dueOn}`}</>}
                      side={<Space size={4}><Due date={x.nextReportDeadline} today={today} label={{ zh: '报告截止日', en: 'Report deadline' }} />
                        <Button size="small" type={x.overdue ? 'primary' : 'default'} danger={x.overdue} onClick={() => navigate(`/supervision/work-points/${x.id}`)}><Bi zh="填报" en="Report" /></Button></Space>} />} />
                </Col>
                <Col xs={24} xl={12}>
                  <Section zh="被退回的报告" en="Returned reports" items={d.returned} testId="inbox-returned" danger={d.returned.length}
                    emptyZh="暂无被退回的报告" emptyEn="No reports were returned"
                    render={(x) => <Row2 main={<Link to={`/supervision/reports/${x.id}`}><span className="mono">{x.code}</span> {x.titleZh} · {x.periodLabel}</Link>}
                      sub={x.reviewComment ? <Typography.Text type="danger" style={{ fontSize: 12 }}>{lang === 'zh' ? '退回意见：' : 'Comment: '}{x.reviewComment}</Typography.Text> : undefined}
                      side={<Due date={x.deadline} today={today} label={{ zh: '报告截止日', en: 'Report deadline' }} />} />} />
                </Col>
                <Col xs={24} xl={12}>
                  <Section zh="未提交的草稿" en="Drafts not submitted" items={d.drafts} testId="inbox-drafts"
                    emptyZh="暂无未提交的草稿" emptyEn="No unsent drafts"
                    render={(x) => <Row2 main={<Link to={`/supervision/reports/${x.id}`}><span className="mono">{x.code}</span> {x.titleZh}</Link>} sub={x.periodLabel}
                      side={<Due date={x.deadline} today={today} label={{ zh: '报告截止日', en: 'Report deadline' }} />} />} />
                </Col>
                <Col xs={24} xl={12}>
                  <Section zh="未完成的整改事项" en="Open rectifications" items={d.rectifications} testId="inbox-rectifications" danger={d.rectifications.filter((x) => x.dueOn < today).length}
                    emptyZh="暂无未完成的整改事项" emptyEn="No open rectifications"
                    render={(x) => <Row2 main={<Link to={`/supervision/inspections/${x.inspectionId}`}>{x.descriptionZh}</Link>}
                      sub={x.reviewComment ? <Typography.Text type="danger" style={{ fontSize: 12 }}>{lang === 'zh' ? '退回意见：' : 'Comment: '}{x.reviewComment}</Typography.Text> : undefined}
                      side={<Due date={x.dueOn} today={today} label={{ zh: '整改时限', en: 'Due' }} />} />} />
                </Col>
              </>
            )}
          </Row>
        )}
      </LoadState>
    </>
  );
}
