import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Empty, Popconfirm, Space, Table, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, MessageOutlined } from '@ant-design/icons';
import { Link, useLocation } from 'react-router-dom';
import { api, errorMessage } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi, dateOnly } from '../supervision/shared';
import { usePilotRoles } from './access';
import type { ResponseRow } from './api.deals';
import type { TargetKind } from './labels.deals';
import { ResponseFormModal } from './ResponseFormModal';
import { ResponseReasonModal } from './ResponseModals';
import { ResponseOutcomeTag, ResponseStageTag } from './ResponseTags';

/** What the responder brings along: an achievement offered with a demand, a base's platform. */
function Offered({ r }: { r: ResponseRow }) {
  const lang = useLang();
  const parts = [
    r.offeredAchievementCode && r.achievementId && (
      <Link key="a" to={`/pilot/achievements/${r.achievementId}`}>{bi(lang, { zh: '成果', en: 'Achievement' })} {r.offeredAchievementCode}</Link>
    ),
    r.platformCode && <span key="p">{bi(lang, { zh: '平台', en: 'Platform' })} {r.platformCode} {r.platformNameZh}</span>,
  ].filter(Boolean);
  return parts.length ? <div className="cell-sub">{parts.map((p, i) => <span key={i}>{i > 0 && ' · '}{p}</span>)}</div> : null;
}

/**
 * The responses to one demand or achievement, for embedding on its page. The owner sees every
 * response with accept / decline; another party sees its own and a "响应 Respond" button while
 * the item is published and it has none open; visitors are asked to sign in. The server still
 * decides each step and shows a responder only its own responses.
 */
export function ResponsePanel({ kind, itemId, ownerOrgId, published }: { kind: TargetKind; itemId: string; ownerOrgId?: string; published: boolean }) {
  const lang = useLang();
  const location = useLocation();
  const { message } = AntApp.useApp();
  const { user, party, taskForce } = usePilotRoles();
  const myOrg = user?.organisationId ?? null;
  const list = useApi<ResponseRow[]>(party ? `/api/pilot/responses/items/${kind}/${itemId}` : null);
  const [responding, setResponding] = useState(false);
  const [declining, setDeclining] = useState<ResponseRow | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  if (user === undefined) return null;
  if (!user) {
    return (
      <Card className="panel" size="small" data-testid="pilot-response-panel">
        <Typography.Text type="secondary">
          {bi(lang, { zh: '登录后可代表本机构响应此条目', en: 'Sign in to respond for your organisation' })}
        </Typography.Text>{' '}
        <Link to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}><Bi zh="登录" en="Sign in" /></Link>
      </Card>
    );
  }
  if (!party) return null;

  const rows = list.data ?? [];
  // An item's owner is told by the page; failing that, by the responses it can see (a responder sees only its own).
  const owner = !!myOrg && (ownerOrgId ? myOrg === ownerOrgId : rows.some((r) => r.ownerOrgId === myOrg));
  const overseeing = taskForce && !owner;
  const openOfMine = rows.find((r) => r.responderOrgId === myOrg && r.stage !== 'closed');
  const mayRespond = published && !owner && !taskForce && !!myOrg && !openOfMine;

  const accept = async (r: ResponseRow) => {
    setBusy(r.id);
    try {
      await api.post(`/api/pilot/responses/${r.id}/accept`);
      message.success(bi(lang, { zh: `已接受 ${r.code}，进入洽谈`, en: `Accepted ${r.code}; negotiating` }));
      list.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const title = owner || overseeing
    ? <Bi zh={`收到的响应（${rows.length}）`} en={`Responses (${rows.length})`} />
    : <Bi zh="我方的响应" en="Our response" />;

  const respondButton = mayRespond && (
    <Button type="primary" icon={<MessageOutlined />} onClick={() => setResponding(true)} data-testid="pilot-respond">
      <Bi zh="响应" en="Respond" />
    </Button>
  );

  return (
    <Card className="panel" title={title} extra={respondButton} data-testid="pilot-response-panel">
      <LoadState loading={list.loading && !list.data} error={list.error} reload={list.reload} rows={3}>
        {!myOrg && !taskForce && (
          <Alert type="warning" showIcon className="panel-alert" title={bi(lang, { zh: '账号未关联机构，不能代表机构响应。请联系管理员。', en: 'Your account belongs to no organisation, so it cannot respond for one. Ask an administrator.' })} />
        )}
        {!published && !owner && !rows.length && (
          <Typography.Paragraph type="secondary">{bi(lang, { zh: '该条目未在发布期内，不接受新的响应。', en: 'The item is not published now and takes no new responses.' })}</Typography.Paragraph>
        )}
        {rows.length ? (
          <Table<ResponseRow> rowKey="id" size="small" dataSource={rows} pagination={rows.length > 10 ? { pageSize: 10 } : false} data-testid="pilot-item-responses"
            onRow={(r) => ({ 'data-code': r.code } as never)}
            columns={[
              { title: <Bi zh="编号" en="No." />, dataIndex: 'code', width: 130, render: (c: string, r) => <Link to={`/pilot/responses/${r.id}`} className="mono" data-testid={`pilot-item-response-${c}`}>{c}</Link> },
              {
                title: owner || overseeing ? <Bi zh="响应机构" en="Responder" /> : <Bi zh="说明" en="Message" />,
                render: (_: unknown, r) => (
                  <div>
                    {(owner || overseeing) && <Typography.Text strong>{r.responderOrgNameZh}</Typography.Text>}
                    <Typography.Paragraph ellipsis={{ rows: 2, tooltip: r.messageZh }} style={{ marginBottom: 0 }}>{r.messageZh}</Typography.Paragraph>
                    <Offered r={r} />
                  </div>
                ),
              },
              { title: <Bi zh="阶段" en="Stage" />, width: 150, render: (_: unknown, r) => <Space size={4} wrap><ResponseStageTag stage={r.stage} /><ResponseOutcomeTag outcome={r.outcome} /></Space> },
              { title: <Bi zh="响应日期" en="Responded" />, dataIndex: 'createdAt', width: 110, render: (v: string) => dateOnly(v) },
              ...(owner ? [{
                title: <Bi zh="操作" en="Actions" />, width: 190,
                render: (_: unknown, r: ResponseRow) => r.stage === 'responded' ? (
                  <Space size={4}>
                    <Popconfirm title={bi(lang, { zh: '接受后进入洽谈，并向对方开放保密详情', en: 'Accepting opens negotiation and the confidential detail to them' })}
                      okText={bi(lang, { zh: '接受', en: 'Accept' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })} onConfirm={() => accept(r)}
                      okButtonProps={{ 'data-testid': 'pilot-response-accept-ok' } as never}>
                      <Button size="small" type="primary" icon={<CheckOutlined />} loading={busy === r.id} data-testid={`pilot-response-accept-${r.code}`}><Bi zh="接受" en="Accept" /></Button>
                    </Popconfirm>
                    <Button size="small" danger icon={<CloseOutlined />} onClick={() => setDeclining(r)} data-testid={`pilot-response-decline-${r.code}`}><Bi zh="谢绝" en="Decline" /></Button>
                  </Space>
                ) : <Link to={`/pilot/responses/${r.id}`}><Bi zh="查看洽谈" en="Open" /></Link>,
              }] : []),
            ]} />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} data-testid="pilot-item-responses-empty"
            description={owner || overseeing
              ? bi(lang, published
                ? { zh: '暂无响应 — 其他机构看到清单后可在此响应', en: 'No responses yet: other organisations respond here once they see the list' }
                : { zh: '暂无响应 — 条目发布后，其他机构方可响应', en: 'No responses yet: others respond once the item is published' })
              : bi(lang, mayRespond
                ? { zh: '尚未响应 — 点击“响应”说明可提供的技术或能力', en: 'Not responded yet: press Respond and say what you offer' }
                : { zh: '尚未响应', en: 'Not responded yet' })} />
        )}
      </LoadState>
      {responding && <ResponseFormModal kind={kind} itemId={itemId} onClose={() => setResponding(false)} onDone={() => { setResponding(false); list.reload(); }} />}
      {declining && <ResponseReasonModal response={declining} action="decline" onClose={() => setDeclining(null)} onDone={() => { setDeclining(null); list.reload(); }} />}
    </Card>
  );
}
