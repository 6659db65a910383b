import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Result, Row, Space, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi, dateTime, one } from '../supervision/shared';
import { useDistrictNames } from '../supervision/WorkShared';
import type { ServiceRequestDetail } from './api.deals';
import { REQUEST_MOVES, REQUEST_STATES, type RequestAction } from './labels.deals';
import { ServiceActionModal } from './ServiceActionModal';
import { GreenChannelTag, RequestClockTag, RequestStateTag, ServiceKindTag } from './ServiceTags';

const EVENT_COLOURS: Record<string, string> = { submitted: 'blue', accepted: 'blue', done: 'green', rejected: 'red', withdrawn: 'gray' };
const ACTIONS: RequestAction[] = ['accept', 'finish', 'reject', 'withdraw'];

/**
 * 服务申请详情: what was asked, of which body, by when; the clock; each step as an event on a
 * timeline; and the steps the caller may take (the handling body accepts, finishes or rejects,
 * the requester withdraws).
 */
export default function ServiceRequestPage() {
  const { id } = useParams<{ id: string }>();
  const lang = useLang();
  const request = useApi<ServiceRequestDetail>(`/api/pilot/services/requests/${id}`);
  const districts = useDistrictNames();
  const [acting, setActing] = useState<RequestAction | null>(null);
  const r = request.data;

  if (request.error instanceof ApiError && (request.error.status === 404 || request.error.status === 400)) {
    return <Result status="404" title={bi(lang, { zh: '服务申请不存在或无权查看', en: 'Service request not found' })} subTitle={request.error.message}
      extra={<Link to="/pilot/services"><Button type="primary"><Bi zh="返回一站式服务" en="Back to one-stop services" /></Button></Link>} />;
  }

  const open = ACTIONS.filter((a) => r?.may[a]);

  return (
    <>
      <Breadcrumb className="page-breadcrumb" items={[
        { title: <Link to="/pilot"><Bi zh="中试" en="Pilots" /></Link> },
        { title: <Link to="/pilot/services"><Bi zh="一站式服务" en="One-stop services" /></Link> },
        { title: r?.code ?? '…' },
      ]} />
      <LoadState loading={request.loading && !r} error={request.error} reload={request.reload} rows={10}>
        {r && (
          <>
            <PageHeader title={{ zh: r.titleZh, en: r.titleZh }}
              tags={<Space size={[6, 6]} wrap>
                <span className="mono">{r.code}</span><RequestStateTag state={r.state} /><RequestClockTag clock={r.clock} dueAt={r.dueAt} />
                {r.greenChannel && <GreenChannelTag />}
              </Space>}
              extra={open.length > 0 && (
                <Space wrap>
                  {open.map((a) => (
                    <Button key={a} type={a === 'accept' || a === 'finish' ? 'primary' : 'default'} danger={a === 'reject' || a === 'withdraw'}
                      onClick={() => setActing(a)} data-testid={`pilot-service-${a}`}>
                      <Bi zh={REQUEST_MOVES[a].zh} en={REQUEST_MOVES[a].en} />
                    </Button>
                  ))}
                </Space>
              )} />

            {r.state === 'done' && r.outcomeZh && <Alert type="success" showIcon className="panel-alert" title={<Bi zh="办理结果" en="Outcome" />} description={r.outcomeZh} data-testid="pilot-service-outcome" />}
            {r.state === 'rejected' && r.outcomeZh && <Alert type="error" showIcon className="panel-alert" title={<Bi zh="不予受理" en="Rejected" />} description={r.outcomeZh} data-testid="pilot-service-outcome" />}

            <Row gutter={[16, 16]}>
              <Col xs={24} xl={15}>
                <Card className="panel" title={<Bi zh="申请内容" en="The request" />}>
                  <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
                    { key: 'category', label: <Bi zh="服务类别" en="Category" />, children: <Space size={6}>{one(lang, { zh: r.categoryZh, en: r.categoryEn })}<ServiceKindTag kind={r.kind} /></Space> },
                    { key: 'handler', label: <Bi zh="承办机构" en="Handled by" />, children: r.handlerOrgNameZh },
                    { key: 'requester', label: <Bi zh="申请机构" en="Requester" />, children: r.requesterOrgNameZh },
                    { key: 'district', label: <Bi zh="所在区县" en="District" />, children: districts.name(r.districtCode) ?? '—' },
                    { key: 'project', label: <Bi zh="关联中试项目" en="Pilot project" />, children: r.projectId ? <Link to={`/pilot/projects/${r.projectId}`} className="mono">{r.projectCode}</Link> : '—' },
                    { key: 'days', label: <Bi zh="办理时限" en="Days" />, children: lang === 'zh' ? `${r.slaDays} 天${r.greenChannel ? '（绿色通道）' : ''}` : `${r.slaDays} days${r.greenChannel ? ' (green channel)' : ''}` },
                    { key: 'filed', label: <Bi zh="提交时间" en="Filed" />, children: dateTime(r.createdAt) },
                    { key: 'due', label: <Bi zh="办结期限" en="Due" />, children: dateTime(r.dueAt) },
                    { key: 'accepted', label: <Bi zh="受理时间" en="Accepted" />, children: dateTime(r.acceptedAt) },
                    { key: 'done', label: <Bi zh="办结时间" en="Done" />, children: dateTime(r.doneAt) },
                  ]} />
                  <Typography.Title level={5} style={{ marginTop: 12 }}><Bi zh="申请说明" en="Detail" /></Typography.Title>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="pilot-service-detail">{r.detailZh}</Typography.Paragraph>
                </Card>
              </Col>
              <Col xs={24} xl={9}>
                <Card className="panel" title={<Bi zh="办理记录" en="What happened" />}>
                  <Timeline data-testid="pilot-service-events" items={r.events.map((e) => ({
                    key: e.id, color: EVENT_COLOURS[e.state] ?? 'gray',
                    content: (
                      <div data-state={e.state} data-testid="pilot-service-event">
                        <Typography.Text strong>{one(lang, REQUEST_STATES[e.state] ?? { zh: e.state, en: e.state })}</Typography.Text>
                        {e.byName && <span className="cell-sub"> · {e.byName}</span>}
                        <div className="audit-when">{dateTime(e.at)}</div>
                        {e.noteZh && <div style={{ whiteSpace: 'pre-wrap' }}>{e.noteZh}</div>}
                      </div>
                    ),
                  }))} />
                </Card>
              </Col>
            </Row>
            {acting && <ServiceActionModal request={r} action={acting} onClose={() => setActing(null)} onDone={() => { setActing(null); request.reload(); }} />}
          </>
        )}
      </LoadState>
    </>
  );
}
