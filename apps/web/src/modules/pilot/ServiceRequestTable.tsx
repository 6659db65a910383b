import { useState, type ReactNode } from 'react';
import { Alert, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi, dateTime, one } from '../supervision/shared';
import type { Page, ServiceRequestRow, ServiceRoute } from './api.deals';
import { allowedRequestActions, REQUEST_CLOCK_CODES, REQUEST_CLOCKS, REQUEST_MOVES, REQUEST_STATE_CODES, REQUEST_STATES, type RequestAction } from './labels.deals';
import { ServiceActionModal } from './ServiceActionModal';
import { GreenChannelTag, RequestClockTag, RequestStateTag } from './ServiceTags';

export type RequestSide = 'requester' | 'handler';

/**
 * 我的申请 / 我的待办: a party's requests or a handling body's queue (the task force's is every
 * request), filtered by state, clock and category, soonest due first, each with the steps this
 * side may take on it.
 */
export function ServiceRequestTable({ side, routes, filters, set, page, size, empty }: {
  side: RequestSide; routes: ServiceRoute[]; filters: Record<string, string | undefined>;
  set: (changes: Record<string, string | number | undefined | null>) => void; page: number; size: number; empty: ReactNode;
}) {
  const lang = useLang();
  const list = useApi<Page<ServiceRequestRow>>(`/api/pilot/services/requests${qs({ as: side, state: filters.state, clock: filters.clock, category: filters.category, limit: size, offset: (page - 1) * size })}`);
  const [acting, setActing] = useState<{ request: ServiceRequestRow; action: RequestAction } | null>(null);
  const filtered = !!(filters.state || filters.clock || filters.category);
  const now = new Date();

  return (
    <div data-testid={`pilot-service-${side}`}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear style={{ width: 170 }} value={filters.state} onChange={(v) => set({ state: v })} placeholder={bi(lang, { zh: '状态', en: 'State' })}
          data-testid={`pilot-service-${side}-state`} options={REQUEST_STATE_CODES.map((s) => ({ value: s, label: bi(lang, REQUEST_STATES[s]) }))} />
        <Select allowClear style={{ width: 170 }} value={filters.clock} onChange={(v) => set({ clock: v })} placeholder={bi(lang, { zh: '时限', en: 'Clock' })}
          data-testid={`pilot-service-${side}-clock`} options={REQUEST_CLOCK_CODES.map((c) => ({ value: c, label: <Tag color={REQUEST_CLOCKS[c].color}>{bi(lang, REQUEST_CLOCKS[c])}</Tag> }))} />
        <Select allowClear style={{ width: 220 }} value={filters.category} onChange={(v) => set({ category: v })} placeholder={bi(lang, { zh: '服务类别', en: 'Category' })}
          data-testid={`pilot-service-${side}-category`} options={routes.map((r) => ({ value: r.category, label: one(lang, { zh: r.nameZh, en: r.nameEn }) }))} />
        {typeof list.data?.total === 'number' && <Typography.Text type="secondary">{lang === 'zh' ? `共 ${list.data.total} 件` : `${list.data.total} in all`}</Typography.Text>}
      </Space>
      {list.error ? (
        <Alert type="error" showIcon title={list.error.message} action={<Button size="small" onClick={list.reload}><Bi zh="重试" en="Retry" /></Button>} />
      ) : (
        <Table<ServiceRequestRow> rowKey="id" size="middle" loading={list.loading} dataSource={list.data?.items ?? []} data-testid={`pilot-service-${side}-table`}
          onRow={(r) => ({ 'data-code': r.code, 'data-state': r.state } as never)}
          locale={{ emptyText: <div style={{ padding: '16px 8px' }} data-testid={`pilot-service-${side}-empty`}>{filtered ? bi(lang, { zh: '没有符合筛选条件的申请', en: 'No request matches the filters' }) : empty}</div> }}
          pagination={{ current: page, pageSize: size, total: list.data?.total ?? 0, showSizeChanger: true, onChange: (p, s) => set({ page: p, size: s }) }}
          scroll={{ x: 1000 }}
          columns={[
            { title: <Bi zh="编号" en="No." />, dataIndex: 'code', width: 140, render: (c: string, r) => <Link to={`/pilot/services/requests/${r.id}`} className="mono" data-testid={`pilot-service-request-${c}`}>{c}</Link> },
            {
              title: <Bi zh="申请" en="Request" />,
              render: (_: unknown, r) => (
                <div>
                  <Link to={`/pilot/services/requests/${r.id}`}>{r.titleZh}</Link>
                  <div className="cell-sub">{one(lang, { zh: r.categoryZh, en: r.categoryEn })}{r.projectCode && <> · <span className="mono">{r.projectCode}</span></>}</div>
                </div>
              ),
            },
            { title: side === 'requester' ? <Bi zh="承办机构" en="Handled by" /> : <Bi zh="申请机构" en="Requester" />, width: 200, render: (_: unknown, r) => (side === 'requester' ? r.handlerOrgNameZh : r.requesterOrgNameZh) },
            { title: <Bi zh="状态" en="State" />, width: 170, render: (_: unknown, r) => <Space size={4} wrap><RequestStateTag state={r.state} />{r.greenChannel && <GreenChannelTag />}</Space> },
            { title: <Bi zh="时限" en="Clock" />, width: 170, render: (_: unknown, r) => <RequestClockTag clock={r.clock} dueAt={r.dueAt} now={now} /> },
            { title: <Bi zh="提交时间" en="Filed" />, dataIndex: 'createdAt', width: 140, render: (v: string) => dateTime(v) },
            {
              title: <Bi zh="操作" en="Actions" />, width: 210, fixed: 'right',
              render: (_: unknown, r) => {
                const actions = allowedRequestActions(r.may);
                return actions.length ? (
                  <Space size={4} wrap>
                    {actions.map((a) => (
                      <Button key={a} size="small" type={a === 'accept' || a === 'finish' ? 'primary' : 'default'} danger={a === 'reject' || a === 'withdraw'}
                        onClick={() => setActing({ request: r, action: a })} data-testid={`pilot-service-${a}-${r.code}`}>
                        {one(lang, REQUEST_MOVES[a])}
                      </Button>
                    ))}
                  </Space>
                ) : <Typography.Text type="secondary">—</Typography.Text>;
              },
            },
          ]} />
      )}
      {acting && <ServiceActionModal request={acting.request} action={acting.action} onClose={() => setActing(null)} onDone={() => { setActing(null); list.reload(); }} />}
    </div>
  );
}
