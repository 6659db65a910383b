import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Badge, Button, Card, Col, Descriptions, Empty, InputNumber, Popconfirm, Row, Space, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ClockCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, errorMessage, qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi, type ApiState } from '../../app/useApi';
import { DomainTags } from '../plan/DomainTags';
import { bi, dateTime } from '../supervision/shared';
import { useDistrictNames } from '../supervision/WorkShared';
import { API_PATH, PAGE_PATH, type ExpireResult, type ItemKind, type ListItem, type Page, type RematchResult, type Unserved } from './api.lists';
import { ItemTitleCell } from './ListTable';
import { ReviewActions } from './ReviewActions';

const QUEUE_LIMIT = 50;

/** The submitted items of one list, latest first (as the server orders them), each with publish / return. */
function ReviewQueue({ kind, queue, onDecided }: { kind: ItemKind; queue: ApiState<Page<ListItem>>; onDecided: () => void }) {
  const lang = useLang();
  const navigate = useNavigate();
  const districts = useDistrictNames();
  const columns: ColumnsType<ListItem> = [
    { title: kind === 'demand' ? <Bi zh="生产需求" en="Demand" /> : <Bi zh="成果" en="Achievement" />, key: 'title', width: 320, render: (_, i) => <ItemTitleCell kind={kind} item={i} /> },
    { title: <Bi zh="领域" en="Domain" />, key: 'domain', width: 150, render: (_, i) => <DomainTags domains={[i.domain]} /> },
    { title: <Bi zh="区县" en="District" />, key: 'district', width: 100, render: (_, i) => districts.name(i.districtCode) ?? i.districtNameZh },
    {
      title: <Bi zh="公开内容" en="Public text" />, key: 'text',
      render: (_, i) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: true }} style={{ margin: 0 }}>
          {'summaryZh' in i ? i.summaryZh : i.resultZh}
        </Typography.Paragraph>
      ),
    },
    { title: <Bi zh="提交时间" en="Submitted" />, dataIndex: 'updatedAt', width: 140, render: (v?: string) => dateTime(v) },
    { title: <Bi zh="审核" en="Decision" />, key: 'decide', width: 190, render: (_, i) => <ReviewActions kind={kind} item={i} size="small" onDone={onDecided} /> },
  ];
  return (
    <Table<ListItem> rowKey="id" size="middle" columns={columns} dataSource={queue.data?.items ?? []} loading={queue.loading} scroll={{ x: 1100 }}
      pagination={false} data-testid={`pilot-review-${kind}`}
      onRow={(i) => ({ onClick: () => navigate(`${PAGE_PATH[kind]}/${i.id}`), style: { cursor: 'pointer' }, 'data-testid': `pilot-review-row-${i.code}` }) as React.HTMLAttributes<HTMLElement>}
      footer={queue.data && queue.data.total > queue.data.items.length
        ? () => (lang === 'zh' ? `共 ${queue.data!.total} 项待审核，显示最近提交的 ${queue.data!.items.length} 项` : `${queue.data!.total} awaiting; the latest ${queue.data!.items.length} shown`)
        : undefined}
      locale={{ emptyText: queue.error ? <Empty description={queue.error.message} /> : (
        <Empty description={bi(lang, { zh: '暂无待审核的条目 — 发布方提交后将出现在这里', en: 'Nothing awaits review: items appear here once their posters submit them' })} />
      ) }} />
  );
}

/** A task-force action with no input: posts, keeps the answer to show, says it went well or why not. */
function useAction<T>(path: string, said: (r: T) => { zh: string; en: string }, onDone: () => void) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<T | null>(null);
  const run = async () => {
    setBusy(true);
    try {
      const r = await api.post<T>(path, {});
      setResult(r);
      message.success(bi(lang, said(r)));
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, result, run };
}

/** 全量重新匹配 and its last result. */
function Rematch({ onDone }: { onDone: () => void }) {
  const lang = useLang();
  const { busy, result, run } = useAction<RematchResult>('/api/pilot/matches/refresh', (r) => ({ zh: `已重新匹配 ${r.demands} 项需求`, en: `Re-matched ${r.demands} demands` }), onDone);
  return (
    <Card className="panel" size="small" title={<Bi zh="全量重新匹配" en="Re-match all" />} style={{ height: '100%' }}>
      <Typography.Paragraph type="secondary">
        {bi(lang, { zh: '将全部已发布的需求与成果、中试能力重新匹配，保存每项需求的前 10 名，用于找出尚无良好匹配的需求。', en: 'Matches every published demand against the achievements and pilot capabilities again and keeps each one\'s best ten, to find the demands nothing serves well.' })}
      </Typography.Paragraph>
      <Popconfirm title={bi(lang, { zh: '开始全量重新匹配？', en: 'Re-match everything now?' })} onConfirm={run} okText={bi(lang, { zh: '开始', en: 'Start' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}>
        <Button type="primary" icon={<SyncOutlined spin={busy} />} loading={busy} data-testid="pilot-rematch"><Bi zh="全量重新匹配" en="Re-match all" /></Button>
      </Popconfirm>
      {result && (
        <Descriptions size="small" column={2} style={{ marginTop: 12 }} data-testid="pilot-rematch-result" items={[
          { key: 'd', label: <Bi zh="需求" en="Demands" />, children: result.demands },
          { key: 'r', label: <Bi zh="匹配结果" en="Results" />, children: result.results },
          { key: 'a', label: <Bi zh="成果池" en="Achievements" />, children: result.achievements },
          { key: 'c', label: <Bi zh="中试能力池" en="Capabilities" />, children: result.capabilities },
          { key: 't', label: <Bi zh="完成于" en="At" />, children: dateTime(result.computedAt), span: 2 },
        ]} />
      )}
    </Card>
  );
}

/** 到期处理: marks lapsed items expired now and tells their owners (the hourly pass does it too). */
function Expiry({ onDone }: { onDone: () => void }) {
  const lang = useLang();
  const { busy, result, run } = useAction<ExpireResult>('/api/pilot/lists/expire', (r) => ({ zh: `到期处理完成：需求 ${r.demands} 项，成果 ${r.achievements} 项`, en: `Expired ${r.demands} demands and ${r.achievements} achievements` }), onDone);
  return (
    <Card className="panel" size="small" title={<Bi zh="到期处理" en="Expiry" />} style={{ height: '100%' }}>
      <Typography.Paragraph type="secondary">
        {bi(lang, { zh: '发布满 180 天（需求到截止日期）的条目标记为已过期，并通知发布方可续期。', en: 'Marks items published 180 days ago (a demand at its deadline) expired and tells their posters they may renew.' })}
      </Typography.Paragraph>
      <Button icon={<ClockCircleOutlined />} loading={busy} onClick={run} data-testid="pilot-expire"><Bi zh="立即执行到期处理" en="Run expiry now" /></Button>
      {result && (
        <Typography.Paragraph style={{ marginTop: 12 }} data-testid="pilot-expire-result">
          {lang === 'zh' ? `本次标记过期：需求 ${result.demands} 项，成果 ${result.achievements} 项` : `Marked expired: ${result.demands} demands, ${result.achievements} achievements`}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/** The demands whose best achievement and best capability both score below the line, from the last re-matching. */
function UnservedList({ tick }: { tick: number }) {
  const lang = useLang();
  const districts = useDistrictNames();
  const [below, setBelow] = useState(60);
  const [page, setPage] = useState(1);
  const size = 20;
  const unserved = useApi<Unserved>(`/api/pilot/matches/unserved${qs({ below, limit: size, offset: (page - 1) * size })}`);
  const { reload } = unserved;
  // A new re-matching changes the answer: read it again.
  useEffect(() => { if (tick) reload(); }, [tick, reload]);
  const u = unserved.data;
  const score = (v: number | null) => (v == null ? <Typography.Text type="secondary">{bi(lang, { zh: '无', en: 'none' })}</Typography.Text> : v.toFixed(1));
  return (
    <Card className="panel" data-testid="pilot-unserved"
      title={<Bi zh="尚无良好匹配的需求" en="Demands nothing serves well" />}
      extra={(
        <Space>
          <span className="cell-sub"><Bi zh="最高得分低于" en="Best score below" /></span>
          <InputNumber min={0} max={100} step={5} value={below} onChange={(v) => { setBelow(v ?? 60); setPage(1); }} style={{ width: 80 }} data-testid="pilot-unserved-below" />
        </Space>
      )}>
      <LoadState loading={unserved.loading && !u} error={unserved.error} reload={unserved.reload}>
        {u && (
          <>
            {!u.computedAt && <Alert type="info" showIcon className="panel-alert" title={bi(lang, { zh: '尚未进行全量匹配 — 点击“全量重新匹配”后即可查看', en: 'No re-matching has run yet: run “Re-match all” to see this list' })} />}
            {u.computedAt && (
              <Typography.Paragraph type="secondary">
                {lang === 'zh' ? `据 ${dateTime(u.computedAt)} 的全量匹配：成果和中试能力的最高得分都低于 ${u.below} 分的已发布需求，共 ${u.total} 项。` : `From the re-matching of ${dateTime(u.computedAt)}: published demands whose best achievement and best capability both score below ${u.below}; ${u.total} in all.`}
              </Typography.Paragraph>
            )}
            <Table rowKey="id" size="small" dataSource={u.items} loading={unserved.loading} data-testid="pilot-unserved-table"
              pagination={{ current: page, pageSize: size, total: u.total, onChange: setPage, showSizeChanger: false }}
              columns={[
                { title: <Bi zh="生产需求" en="Demand" />, key: 'title', render: (_, d) => <div><Link to={`/pilot/demands/${d.id}`} className="cell-main">{d.titleZh}</Link><div className="cell-sub mono">{d.code}</div></div> },
                { title: <Bi zh="区县" en="District" />, key: 'district', width: 120, render: (_, d) => districts.name(d.districtCode) },
                { title: <Bi zh="最佳成果得分" en="Best achievement" />, dataIndex: 'bestAchievement', width: 150, align: 'right', render: score },
                { title: <Bi zh="最佳中试能力得分" en="Best capability" />, dataIndex: 'bestCapability', width: 160, align: 'right', render: score },
              ]}
              locale={{ emptyText: <Empty description={u.computedAt
                ? bi(lang, { zh: '每项需求都有得分达标的匹配', en: 'Every demand has a match above the line' })
                : bi(lang, { zh: '请先全量重新匹配', en: 'Re-match first' })} /> }} />
          </>
        )}
      </LoadState>
    </Card>
  );
}

/**
 * 审核与匹配 (task force): the queue of submitted demands and achievements with publish / return,
 * expiry on demand, the full re-matching and the demands nothing serves well.
 */
export default function ReviewPage() {
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const tab: ItemKind = params.get('kind') === 'achievement' ? 'achievement' : 'demand';
  const demands = useApi<Page<ListItem>>(`${API_PATH.demand}/all${qs({ state: 'submitted', limit: QUEUE_LIMIT })}`);
  const achievements = useApi<Page<ListItem>>(`${API_PATH.achievement}/all${qs({ state: 'submitted', limit: QUEUE_LIMIT })}`);
  const [tick, setTick] = useState(0);
  const reloadQueues = () => { demands.reload(); achievements.reload(); };
  const count = (q: ApiState<Page<ListItem>>) => <Badge count={q.data?.total ?? 0} showZero color={q.data?.total ? '#fa8c16' : '#d9d9d9'} style={{ marginLeft: 6 }} />;

  return (
    <>
      <PageHeader title={{ zh: '清单审核与匹配', en: 'Review and matching' }}
        description={bi(lang, { zh: '工作专班审核企业和高校院所提交的生产需求与成果：核对公开内容后发布，或说明理由退回；并维护到期处理和全量匹配。', en: 'The task force reviews the demands and achievements submitted: publish after checking the public part, or return with the reason; and keeps expiry and the full re-matching.' })} />
      <Card className="panel">
        <Tabs activeKey={tab} onChange={(k) => setParams(k === 'achievement' ? { kind: k } : {}, { replace: true })} items={[
          { key: 'demand', label: <span data-testid="pilot-review-tab-demand"><Bi zh="生产需求" en="Demands" />{count(demands)}</span>, children: <ReviewQueue kind="demand" queue={demands} onDecided={reloadQueues} /> },
          { key: 'achievement', label: <span data-testid="pilot-review-tab-achievement"><Bi zh="成果" en="Achievements" />{count(achievements)}</span>, children: <ReviewQueue kind="achievement" queue={achievements} onDecided={reloadQueues} /> },
        ]} />
      </Card>
      <Row gutter={[16, 16]} className="section">
        <Col xs={24} lg={12}><Rematch onDone={() => setTick((t) => t + 1)} /></Col>
        <Col xs={24} lg={12}><Expiry onDone={reloadQueues} /></Col>
      </Row>
      <section className="section"><UnservedList tick={tick} /></section>
    </>
  );
}
