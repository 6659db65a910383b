import { Alert, Button, Card, Select, Space, Table, Tabs, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { money } from '../industry/format';
import { bi, dateOnly, one } from '../supervision/shared';
import { useListParams } from '../supervision/WorkShared';
import { usePilotRoles } from './access';
import type { Page, ResponseRow } from './api.deals';
import { RESPONSE_STAGE_CODES, RESPONSE_STAGES, TARGET_KINDS, type TargetKind } from './labels.deals';
import { ResponseFlowLegend, ResponseOutcomeTag, ResponseStageTag, TargetKindTag } from './ResponseTags';
import './ResponseThread.css';

type Tab = 'owner' | 'responder' | 'all';
const KEYS = ['tab', 'stage', 'targetKind'] as const;

/** The item a response answers, linked to its list page. */
export function ResponseItemCell({ r }: { r: Pick<ResponseRow, 'targetKind' | 'itemId' | 'itemCode' | 'itemTitleZh'> }) {
  return (
    <div>
      <Space size={4}><TargetKindTag kind={r.targetKind} /><span className="mono">{r.itemCode}</span></Space>
      <div><Link to={`${TARGET_KINDS[r.targetKind].path}/${r.itemId}`}>{r.itemTitleZh}</Link></div>
    </div>
  );
}

/**
 * 对接洽谈: the responses the caller's organisation takes part in, as the owner of the item and
 * as responder, in tabs; the task force also sees every response. Each row opens the response
 * page with its stages, decisions and thread.
 */
export default function ResponsesPage() {
  const lang = useLang();
  const navigate = useNavigate();
  const { user, taskForce } = usePilotRoles();
  const hasOrg = !!user?.organisationId;
  const { filters, page, size, set, paging } = useListParams(KEYS);
  const tabs: Tab[] = [...(hasOrg ? (['owner', 'responder'] as Tab[]) : []), ...(taskForce ? (['all'] as Tab[]) : [])];
  const tab: Tab = tabs.includes(filters.tab as Tab) ? (filters.tab as Tab) : tabs[0] ?? 'owner';
  const query = { stage: filters.stage, targetKind: filters.targetKind, ...paging };
  const path = !tabs.length ? null : tab === 'all' ? `/api/pilot/responses${qs(query)}` : `/api/pilot/responses/mine${qs({ as: tab, ...query })}`;
  const list = useApi<Page<ResponseRow>>(path);
  const filtered = !!(filters.stage || filters.targetKind);

  const counterpart = (r: ResponseRow) => (tab === 'owner' ? r.responderOrgNameZh : tab === 'responder' ? r.ownerOrgNameZh : `${r.ownerOrgNameZh} ← ${r.responderOrgNameZh}`);

  const empty = filtered
    ? bi(lang, { zh: '没有符合筛选条件的响应', en: 'No response matches the filters' })
    : tab === 'owner'
      ? bi(lang, { zh: '暂无收到的响应 — 在生产需求或成果清单发布条目后，其他机构的响应会出现在这里', en: 'No responses to your items yet: publish a demand or an achievement and responses arrive here' })
      : tab === 'responder'
        ? bi(lang, { zh: '暂无响应 — 在生产需求清单或成果供给清单中打开条目，点击“响应”即可', en: 'No responses yet: open an item on the demand or achievement list and press Respond' })
        : bi(lang, { zh: '平台上尚无响应', en: 'No responses on the platform yet' });

  return (
    <>
      <PageHeader titleKey="nav.pilotResponses"
        description={<>{bi(lang, { zh: '本机构发布的条目收到的响应，以及本机构对他方条目的响应。发布方接受后进入洽谈，双方可留言、签约并写明结果。', en: 'Responses to your organisation\'s items and your responses to others\'. Once the owner accepts, both parties talk, sign and record the outcome.' })} <ResponseFlowLegend /></>}
        extra={<Space wrap>
          <Button onClick={() => navigate('/pilot/demands')} data-testid="pilot-responses-demands"><Bi zh="生产需求清单" en="Demand list" /></Button>
          <Button onClick={() => navigate('/pilot/achievements')} data-testid="pilot-responses-achievements"><Bi zh="成果供给清单" en="Achievement list" /></Button>
        </Space>} />

      {!tabs.length ? (
        <Alert type="warning" showIcon title={bi(lang, { zh: '账号未关联机构，没有可查看的响应。请联系管理员关联机构。', en: 'Your account belongs to no organisation, so it has no responses. Ask an administrator to link one.' })} />
      ) : (
        <Card className="panel">
          <Tabs activeKey={tab} onChange={(k) => set({ tab: k })} data-testid="pilot-responses-tabs" items={tabs.map((t) => ({
            key: t,
            label: <span data-testid={`pilot-responses-tab-${t}`}>{t === 'owner' ? <Bi zh="作为发布方" en="As owner" /> : t === 'responder' ? <Bi zh="作为响应方" en="As responder" /> : <Bi zh="全部响应" en="All responses" />}</span>,
          }))} />
          <Space wrap className="table-toolbar" style={{ marginBottom: 12 }}>
            <Select allowClear style={{ width: 200 }} value={filters.stage} onChange={(v) => set({ stage: v })} data-testid="pilot-responses-stage"
              placeholder={bi(lang, { zh: '阶段', en: 'Stage' })} options={RESPONSE_STAGE_CODES.map((s) => ({ value: s, label: bi(lang, RESPONSE_STAGES[s]) }))} />
            <Select allowClear style={{ width: 200 }} value={filters.targetKind} onChange={(v) => set({ targetKind: v })} data-testid="pilot-responses-kind"
              placeholder={bi(lang, { zh: '条目类型', en: 'Item kind' })} options={(Object.keys(TARGET_KINDS) as TargetKind[]).map((k) => ({ value: k, label: bi(lang, TARGET_KINDS[k]) }))} />
            {typeof list.data?.total === 'number' && <Typography.Text type="secondary">{lang === 'zh' ? `共 ${list.data.total} 条` : `${list.data.total} in all`}</Typography.Text>}
          </Space>
          {list.error ? (
            <Alert type="error" showIcon title={list.error.message} action={<Button size="small" onClick={list.reload}><Bi zh="重试" en="Retry" /></Button>} />
          ) : (
            <Table<ResponseRow> rowKey="id" size="middle" loading={list.loading} dataSource={list.data?.items ?? []} data-testid="pilot-responses-table"
              onRow={(r) => ({ 'data-code': r.code, 'data-stage': r.stage } as never)}
              locale={{ emptyText: <div style={{ padding: '16px 8px' }} data-testid="pilot-responses-empty">{empty}</div> }}
              pagination={{ current: page, pageSize: size, total: list.data?.total ?? 0, showSizeChanger: true, onChange: (p, s) => set({ page: p, size: s }) }}
              scroll={{ x: 900 }}
              columns={[
                { title: <Bi zh="编号" en="No." />, dataIndex: 'code', width: 140, render: (c: string, r) => <Link to={`/pilot/responses/${r.id}`} className="mono" data-testid={`pilot-response-row-${c}`}>{c}</Link> },
                { title: <Bi zh="所响应的条目" en="Item" />, render: (_: unknown, r) => <ResponseItemCell r={r} /> },
                { title: tab === 'owner' ? <Bi zh="响应机构" en="Responder" /> : tab === 'responder' ? <Bi zh="发布机构" en="Owner" /> : <Bi zh="发布方 ← 响应方" en="Owner ← responder" />, width: 220, render: (_: unknown, r) => counterpart(r) },
                { title: <Bi zh="阶段" en="Stage" />, width: 170, render: (_: unknown, r) => <Space size={4} wrap><ResponseStageTag stage={r.stage} /><ResponseOutcomeTag outcome={r.outcome} /></Space> },
                { title: <Bi zh="合同金额" en="Contract" />, dataIndex: 'contractWan', width: 120, align: 'right', render: (v: number | null) => money(lang, v) },
                { title: <Bi zh="更新" en="Updated" />, dataIndex: 'updatedAt', width: 110, render: (v: string) => dateOnly(v) },
              ]} />
          )}
          {!list.loading && !filtered && !list.data?.total && tab !== 'all' && (
            <Space style={{ marginTop: 8 }}>
              <Button type="primary" size="small" onClick={() => navigate('/pilot/demands')}><Bi zh="浏览生产需求" en="Browse demands" /></Button>
              <Button size="small" onClick={() => navigate('/pilot/achievements')}><Bi zh="浏览成果" en="Browse achievements" /></Button>
            </Space>
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {one(lang, { zh: '提示：响应只对发布方、响应方和工作专班可见。', en: 'Responses are seen by the two organisations and the task force only.' })}
          </Typography.Paragraph>
        </Card>
      )}
    </>
  );
}
