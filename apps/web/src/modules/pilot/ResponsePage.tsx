import { useState } from 'react';
import { Alert, App as AntApp, Breadcrumb, Button, Card, Col, Descriptions, Popconfirm, Result, Row, Space, Steps, Typography } from 'antd';
import { CheckCircleOutlined, CheckOutlined, CloseOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, errorMessage } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { money } from '../industry/format';
import { bi, dateOnly, dateTime } from '../supervision/shared';
import { usePilotRoles } from './access';
import type { ResponseDetail } from './api.deals';
import { RESPONSE_FLOW, RESPONSE_STAGES, responseProgress, TARGET_KINDS } from './labels.deals';
import { ResponseCompleteModal, ResponseReasonModal, ResponseSignModal } from './ResponseModals';
import { ResponseOutcomeTag, ResponseSideTag, ResponseStageTag, TargetKindTag } from './ResponseTags';
import { ResponseThread } from './ResponseThread';
import './ResponseThread.css';

type Dialog = 'decline' | 'close' | 'sign' | 'complete' | null;

/**
 * 响应详情: the steps 响应 → 洽谈 → 签约 → 完成, the item it answers and what the responder offers;
 * the owner accepts or declines, either party signs, completes with an outcome (a pilot project
 * outcome links to the new project) or closes with a reason; and the conversation thread.
 */
export default function ResponsePage() {
  const { id } = useParams<{ id: string }>();
  const lang = useLang();
  const { message } = AntApp.useApp();
  const { user } = usePilotRoles();
  const response = useApi<ResponseDetail>(`/api/pilot/responses/${id}`);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [accepting, setAccepting] = useState(false);
  const r = response.data;
  const done = () => { setDialog(null); response.reload(); };

  if (response.error instanceof ApiError && (response.error.status === 404 || response.error.status === 400)) {
    return <Result status="404" title={bi(lang, { zh: '响应不存在或无权查看', en: 'Response not found' })} subTitle={response.error.message}
      extra={<Link to="/pilot/responses"><Button type="primary"><Bi zh="返回对接洽谈" en="Back to responses" /></Button></Link>} />;
  }

  const accept = async () => {
    if (!r) return;
    setAccepting(true);
    try {
      await api.post(`/api/pilot/responses/${r.id}/accept`);
      message.success(bi(lang, { zh: '已接受，进入洽谈', en: 'Accepted; negotiating' }));
      response.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setAccepting(false);
    }
  };

  const progress = r ? responseProgress(r) : { current: 0, status: 'process' as const };
  const moments = r ? [r.createdAt, r.acceptedAt, r.signedAt, r.doneAt] : [];

  return (
    <>
      <Breadcrumb className="page-breadcrumb" items={[
        { title: <Link to="/pilot"><Bi zh="中试" en="Pilots" /></Link> },
        { title: <Link to="/pilot/responses"><Bi zh="对接洽谈" en="Responses" /></Link> },
        { title: r?.code ?? '…' },
      ]} />
      <LoadState loading={response.loading && !r} error={response.error} reload={response.reload} rows={10}>
        {r && (
          <>
            <PageHeader title={{ zh: `响应 ${r.code}`, en: `Response ${r.code}` }}
              tags={<Space size={[6, 6]} wrap><ResponseStageTag stage={r.stage} /><ResponseOutcomeTag outcome={r.outcome} /><TargetKindTag kind={r.targetKind} /><ResponseSideTag side={r.side} /></Space>}
              extra={(
                <Space wrap>
                  {r.may.accept && (
                    <Popconfirm title={bi(lang, { zh: '接受后进入洽谈，并向对方开放保密详情', en: 'Accepting opens negotiation and the confidential detail to them' })}
                      okText={bi(lang, { zh: '接受', en: 'Accept' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })} onConfirm={accept}
                      okButtonProps={{ 'data-testid': 'pilot-response-accept-ok' } as never}>
                      <Button type="primary" icon={<CheckOutlined />} loading={accepting} data-testid="pilot-response-accept"><Bi zh="接受" en="Accept" /></Button>
                    </Popconfirm>
                  )}
                  {r.may.decline && <Button danger icon={<CloseOutlined />} onClick={() => setDialog('decline')} data-testid="pilot-response-decline"><Bi zh="谢绝" en="Decline" /></Button>}
                  {r.may.sign && <Button type="primary" icon={<EditOutlined />} onClick={() => setDialog('sign')} data-testid="pilot-response-sign"><Bi zh="签约" en="Sign" /></Button>}
                  {r.may.complete && <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setDialog('complete')} data-testid="pilot-response-complete"><Bi zh="完成" en="Complete" /></Button>}
                  {r.may.close && !r.may.decline && <Button danger icon={<StopOutlined />} onClick={() => setDialog('close')} data-testid="pilot-response-close"><Bi zh="关闭" en="Close" /></Button>}
                </Space>
              )} />

            {r.stage === 'responded' && r.side === 'responder' && (
              <Alert type="info" showIcon className="panel-alert" title={bi(lang, { zh: '等待发布方接受；接受后可查看条目保密详情并推进洽谈。', en: 'Waiting for the owner to accept; then the item\'s confidential detail opens and negotiation starts.' })} />
            )}
            {r.stage === 'closed' && (
              <Alert type="warning" showIcon className="panel-alert" data-testid="pilot-response-closed"
                title={<Bi zh="已关闭" en="Closed" />} description={r.closedReasonZh ?? '—'} />
            )}
            {r.stage === 'done' && r.outcome === 'pilotProject' && r.pilotProjectId && (
              <Alert type="success" showIcon className="panel-alert" data-testid="pilot-response-project"
                title={<span>{bi(lang, { zh: '已转为中试项目', en: 'Became a pilot project' })}：<Link to={`/pilot/projects/${r.pilotProjectId}`} className="mono">{r.pilotProjectCode}</Link></span>} />
            )}

            <Card className="panel">
              <Steps size="small" current={progress.current} status={progress.status} style={{ marginBottom: 20 }} data-testid="pilot-response-steps"
                items={RESPONSE_FLOW.map((s, i) => ({
                  title: <Bi zh={RESPONSE_STAGES[s].zh} en={RESPONSE_STAGES[s].en} />,
                  content: moments[i] ? dateOnly(moments[i]) : undefined,
                }))} />
              <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
                { key: 'item', span: 2, label: <Bi zh="所响应的条目" en="Item" />, children: <Space size={6} wrap><TargetKindTag kind={r.targetKind} /><span className="mono">{r.itemCode}</span><Link to={`${TARGET_KINDS[r.targetKind].path}/${r.itemId}`} data-testid="pilot-response-item">{r.itemTitleZh}</Link></Space> },
                { key: 'owner', label: <Bi zh="发布机构" en="Owner" />, children: r.ownerOrgNameZh },
                { key: 'responder', label: <Bi zh="响应机构" en="Responder" />, children: r.responderOrgNameZh },
                ...(r.targetKind === 'demand' && r.achievementId ? [{
                  key: 'offered', label: <Bi zh="附带成果" en="Achievement offered" />,
                  children: <Link to={`/pilot/achievements/${r.achievementId}`}><span className="mono">{r.offeredAchievementCode}</span> {r.offeredAchievementTitleZh}</Link>,
                }] : []),
                ...(r.platformId ? [{ key: 'platform', label: <Bi zh="附带中试平台" en="Platform offered" />, children: <span><span className="mono">{r.platformCode}</span> {r.platformNameZh}</span> }] : []),
                { key: 'contract', label: <Bi zh="合同金额" en="Contract amount" />, children: money(lang, r.contractWan) },
                { key: 'outcome', label: <Bi zh="结果" en="Outcome" />, children: r.outcome ? <Space size={6}><ResponseOutcomeTag outcome={r.outcome} />{r.outcomeNoteZh}</Space> : '—' },
                ...(r.pilotProjectId ? [{ key: 'project', label: <Bi zh="中试项目" en="Pilot project" />, children: <Link to={`/pilot/projects/${r.pilotProjectId}`} className="mono">{r.pilotProjectCode}</Link> }] : []),
                { key: 'created', label: <Bi zh="响应时间" en="Responded" />, children: dateTime(r.createdAt) },
                { key: 'updated', label: <Bi zh="最近更新" en="Updated" />, children: dateTime(r.updatedAt) },
              ]} />
              <Typography.Title level={5} style={{ marginTop: 16 }}><Bi zh="响应说明" en="What the responder offers" /></Typography.Title>
              <blockquote className="response-quote" data-testid="pilot-response-message-first">{r.messageZh}</blockquote>
            </Card>

            <Row gutter={[16, 16]} className="section">
              <Col span={24}>
                <Card className="panel" title={<Bi zh="洽谈留言" en="Conversation" />}>
                  <ResponseThread responseId={r.id} myOrgId={user?.organisationId ?? null} canTalk={r.may.talk} />
                </Card>
              </Col>
            </Row>

            {(dialog === 'decline' || dialog === 'close') && <ResponseReasonModal response={r} action={dialog} onClose={() => setDialog(null)} onDone={done} />}
            {dialog === 'sign' && <ResponseSignModal response={r} onClose={() => setDialog(null)} onDone={done} />}
            {dialog === 'complete' && <ResponseCompleteModal response={r} onClose={() => setDialog(null)} onDone={done} />}
          </>
        )}
      </LoadState>
    </>
  );
}
