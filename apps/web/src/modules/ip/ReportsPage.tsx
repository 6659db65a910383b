import { useState } from 'react';
import { Alert, Button, Card, Empty, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { LabelTag } from '../pilot/BaseTags';
import { bi, dateTime, one } from '../supervision/shared';
import { useListParams } from '../supervision/WorkShared';
import { useIpRoles } from './access';
import type { Page, Report } from './api';
import { IP_KINDS, REPORT_STATUSES } from './labels';
import { ReportMoveModal } from './ReportMoveModal';

const FILTERS = ['status', 'ipRightId'] as const;

/**
 * 侵权举报: the IP operations centre's handling queue (its unit users and the task force see
 * every report and move them on); a reporter sees its own reports, a holder the reports about its rights.
 */
export default function ReportsPage() {
  const lang = useLang();
  const navigate = useNavigate();
  const { handler } = useIpRoles();
  const { filters, page, size, set, paging } = useListParams(FILTERS);
  const list = useApi<Page<Report>>(`/api/ip/reports${qs({ ...filters, ...paging })}`);
  const [moving, setMoving] = useState<{ id: string; to: string } | null>(null);
  const statuses = filters.status ? filters.status.split(',') : [];
  const canMove = (list.data?.items ?? []).some((r) => r.may.moves.length);

  const columns: ColumnsType<Report> = [
    { title: <Bi zh="编号" en="Code" />, dataIndex: 'code', width: 130, render: (c: string, r) => <Link to={`/ip/reports/${r.id}`} className="mono" onClick={(e) => e.stopPropagation()}>{c}</Link> },
    { title: <Bi zh="被侵权的知识产权" en="Right" />, key: 'right', width: 280,
      render: (_, r) => <div><LabelTag label={IP_KINDS[r.rightKind]} /> <Link to={`/ip/${r.ipRightId}`} onClick={(e) => e.stopPropagation()}>{r.rightTitleZh}</Link><div className="cell-sub mono">{r.rightNumber}</div></div> },
    { title: <Bi zh="涉嫌侵权方" en="Alleged infringer" />, dataIndex: 'infringerZh', width: 180 },
    { title: <Bi zh="举报人" en="Reporter" />, key: 'reporter', width: 160, render: (_, r) => (r.reporterName ? <div>{r.reporterName}<div className="cell-sub">{r.reporterOrgNameZh}</div></div> : <span className="cell-sub">{bi(lang, { zh: '（不向权利人公开）', en: '(not shown to holders)' })}</span>) },
    { title: <Bi zh="状态" en="Status" />, dataIndex: 'status', width: 100, render: (s: string) => <LabelTag label={REPORT_STATUSES[s]} /> },
    { title: <Bi zh="举报时间" en="Reported" />, dataIndex: 'createdAt', width: 150, render: (d: string) => dateTime(d) },
    ...(canMove ? [{ title: <Bi zh="处理" en="Handle" />, key: 'act', width: 200, render: (_: unknown, r: Report) => (
      <Space size={4} wrap onClick={(e) => e.stopPropagation()}>
        {r.may.moves.map((to) => <Button key={to} size="small" danger={to === 'dismissed'} onClick={() => setMoving({ id: r.id, to })} data-testid={`ip-report-move-${to}`}>{one(lang, REPORT_STATUSES[to])}</Button>)}
      </Space>
    ) }] : []),
  ];

  return (
    <>
      <PageHeader title={{ zh: '侵权举报', en: 'Infringement reports' }}
        description={handler
          ? bi(lang, { zh: '知识产权运营中心受理队列：已受理 → 调查中 → 已处理，或不予受理（须说明理由）。每次处理都记入举报的处理记录，并通知举报人。', en: 'The IP operations centre\'s queue: received → investigating → resolved, or dismissed with the reason. Each move is kept in the report\'s history and the reporter is told.' })
          : bi(lang, { zh: '本人提交的举报，以及涉及本机构知识产权的举报。在知识产权详情页点击“举报侵权”提交新的举报。', en: 'Your own reports, and reports about your organisation\'s rights. Report an infringement from a right\'s page.' })} />
      {filters.ipRightId && <Alert type="info" showIcon className="panel-alert" title={bi(lang, { zh: '只显示涉及该知识产权的举报', en: 'Reports about one right' })}
        action={<Button size="small" onClick={() => set({ ipRightId: undefined })}><Bi zh="查看全部" en="Show all" /></Button>} />}
      <Card className="panel">
        <div className="table-toolbar">
          <Select mode="multiple" allowClear placeholder={bi(lang, { zh: '状态', en: 'Status' })} style={{ minWidth: 200 }} value={statuses}
            onChange={(v: string[]) => set({ status: v.length ? v.join(',') : undefined })} options={Object.entries(REPORT_STATUSES).map(([value, n]) => ({ value, label: one(lang, n) }))} data-testid="ip-reports-status" />
          <Typography.Text type="secondary" className="table-count">{lang === 'zh' ? `共 ${list.data?.total ?? 0} 件` : `${list.data?.total ?? 0} reports`}</Typography.Text>
        </div>
        <Table<Report> rowKey="id" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} scroll={{ x: 1100 }} data-testid="ip-reports-table"
          onRow={(r) => ({ onClick: () => navigate(`/ip/reports/${r.id}`), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: size, total: list.data?.total ?? 0, onChange: (p, s) => set({ page: p === 1 ? undefined : p, size: s === 20 ? undefined : s }) }}
          locale={{ emptyText: list.error ? <Empty description={list.error.message} /> : <Empty description={handler
            ? bi(lang, { zh: '暂无侵权举报', en: 'No infringement reports' })
            : bi(lang, { zh: '暂无举报；在知识产权详情页点击“举报侵权”可提交', en: 'No reports; report an infringement from a right\'s page' })}>
              <Button onClick={() => navigate('/ip')}><Bi zh="浏览知识产权" en="Browse IP" /></Button>
            </Empty> }} />
      </Card>
      {moving && <ReportMoveModal reportId={moving.id} to={moving.to} onClose={() => setMoving(null)} onDone={() => { setMoving(null); list.reload(); }} />}
    </>
  );
}
