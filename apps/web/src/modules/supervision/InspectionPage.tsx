import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Breadcrumb, Button, Card, Col, Descriptions, Empty, Row, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CheckOutlined, EditOutlined, PaperClipOutlined, PlusOutlined, RollbackOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, errorMessage } from '../../app/api';
import { useApi } from '../../app/useApi';
import { PageHeader } from '../../app/PageHeader';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { useSession } from '../../app/session';
import { useDistricts, useTasks } from '../plan/api';
import { download, type InspectionDetail, type Rectification } from './api';
import { INSPECTION_KIND, INSPECTION_STATUS, RECTIFICATION_STATUS } from './PubLabels';
import { MissingResult, NamedTag } from './PubShared';
import { EvidenceModal, FindingsModal, RectificationModal, ReviewModal } from './PubInspectionModals';
import { dateOnly, todayIso, useOrganisations, useTaskForce } from './shared';

/** One inspection: its scope and findings, and the rectifications it assigned, each from open to closed out. */
export default function InspectionPage() {
  const { id } = useParams();
  const { user } = useSession();
  const { message, modal } = AntApp.useApp();
  const taskForce = useTaskForce();
  const detail = useApi<InspectionDetail>(id ? `/api/inspections/${id}` : null);
  const tasks = useTasks();
  const districts = useDistricts();
  const orgs = useOrganisations(taskForce);
  const [dialog, setDialog] = useState<
    | { kind: 'findings' } | { kind: 'add' } | { kind: 'evidence'; r: Rectification } | { kind: 'close' | 'reopen'; r: Rectification } | null
  >(null);
  const [closing, setClosing] = useState(false);

  const d = detail.data;
  const manage = !!d?.mayManage && d.status !== 'closed';
  const today = todayIso();

  /** Organisation names: the task force reads them all; others know their own and the owners listed. */
  const orgName = useMemo(() => {
    const m = new Map<string, string>((orgs.data ?? []).map((o) => [o.id, o.nameZh]));
    for (const r of d?.rectifications ?? []) m.set(r.ownerOrganisationId, r.ownerNameZh);
    if (user?.organisationId && user.organisationNameZh) m.set(user.organisationId, user.organisationNameZh);
    return m;
  }, [orgs.data, d, user]);

  const closeInspection = () => modal.confirm({
    title: `结束督查 ${d?.code}？`, content: '结束后不能再交办整改事项或修改发现问题。须所有整改事项均已销号。（Close the inspection: every rectification must be closed out.）',
    okText: '结束 Close', cancelText: '取消 Cancel', okButtonProps: { 'data-testid': 'inspection-close-ok' } as never,
    onOk: async () => {
      setClosing(true);
      try {
        await api.post(`/api/inspections/${id}/close`, {});
        message.success('督查已结束（Inspection closed）');
        detail.reload();
      } catch (e) {
        // Open items are the usual reason: say so plainly, where it stays until read.
        if (e instanceof ApiError && e.status === 409) modal.warning({ title: '暂不能结束督查（Cannot close yet）', content: e.message });
        else message.error(errorMessage(e));
      } finally {
        setClosing(false);
      }
    },
  });

  if (detail.error instanceof ApiError && detail.error.status === 404) {
    return <MissingResult error={detail.error} backTo="/supervision/inspections" backZh="返回督查列表" backEn="All inspections" />;
  }

  const counts = (d?.rectifications ?? []).reduce((c, r) => ({ ...c, [r.status]: (c[r.status] ?? 0) + 1 }), {} as Record<string, number>);

  const columns: ColumnsType<Rectification> = [
    { title: '#', key: 'no', width: 50, render: (_, __, i) => i + 1 },
    { title: <Bi zh="整改事项" en="Rectification" />, dataIndex: 'descriptionZh', width: 260, render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
    { title: <Bi zh="责任单位" en="Owner" />, dataIndex: 'ownerNameZh', width: 170 },
    { title: <Bi zh="整改时限" en="Due" />, dataIndex: 'dueOn', width: 140,
      render: (v: string, r) => (
        <Space size={4} wrap>
          <span>{v}</span>
          {r.status !== 'closed' && v < today && <Tag color="red" data-testid="rectification-overdue">逾期 Overdue</Tag>}
        </Space>
      ) },
    { title: <Bi zh="状态" en="Status" />, dataIndex: 'status', width: 110, render: (v: string) => <NamedTag n={RECTIFICATION_STATUS[v]} testId="rectification-status" /> },
    { title: <Bi zh="整改情况" en="Evidence" />, key: 'evidence', width: 300,
      render: (_, r) => (
        <Space orientation="vertical" size={4} className="full-width">
          {r.evidenceZh
            ? <Typography.Paragraph ellipsis={{ rows: 3, expandable: 'collapsible' }} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{r.evidenceZh}</Typography.Paragraph>
            : <Typography.Text type="secondary">尚未报送 Not reported</Typography.Text>}
          {r.evidenceFile && (
            <Typography.Link onClick={() => download(`/api/files/${r.evidenceFile!.id}`, r.evidenceFile!.name).catch((e: unknown) => message.error(errorMessage(e)))}>
              <PaperClipOutlined /> {r.evidenceFile.name}
            </Typography.Link>
          )}
          {r.reviewComment && (
            <Typography.Text type={r.status === 'open' ? 'danger' : 'secondary'}>
              {r.status === 'open' ? '退回意见' : '验收意见'}：{r.reviewComment}
            </Typography.Text>
          )}
        </Space>
      ) },
  ];
  // Only those who may act on some item see the actions column.
  if (d?.rectifications.some((r) => r.mayRespond || (d.mayManage && r.status === 'submitted'))) columns.push(
    { title: <Bi zh="操作" en="Actions" />, key: 'actions', width: 200, fixed: 'right',
      render: (_, r) => (
        <Space size={0} wrap>
          {r.mayRespond && (
            <Button type="link" size="small" icon={<SendOutlined />} onClick={() => setDialog({ kind: 'evidence', r })} data-testid="rectification-respond">
              报送整改情况
            </Button>
          )}
          {d?.mayManage && r.status === 'submitted' && (
            <>
              <Button type="link" size="small" icon={<CheckOutlined />} onClick={() => setDialog({ kind: 'close', r })} data-testid="rectification-close">验收销号</Button>
              <Button type="link" size="small" danger icon={<RollbackOutlined />} onClick={() => setDialog({ kind: 'reopen', r })} data-testid="rectification-reopen">退回</Button>
            </>
          )}
        </Space>
      ) });

  return (
    <>
      <Breadcrumb className="page-breadcrumb" items={[{ title: <Link to="/supervision/inspections">督促检查 Inspections</Link> }, { title: d?.code ?? '…' }]} />
      <LoadState loading={detail.loading && !d} error={detail.error} reload={detail.reload}>
        {d && (
          <>
            <PageHeader title={{ zh: d.titleZh, en: 'Inspection' }}
              tags={<Space size={4}><Tag className="mono">{d.code}</Tag><NamedTag n={INSPECTION_KIND[d.kind]} /><NamedTag n={INSPECTION_STATUS[d.status]} testId="inspection-status" /></Space>}
              extra={manage && (
                <>
                  <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })} data-testid="rectification-add"><Bi zh="交办整改事项" en="Add rectification" /></Button>
                  <Tooltip title={counts.open || counts.submitted ? `尚有 ${(counts.open ?? 0) + (counts.submitted ?? 0)} 项整改未销号（Open items remain）` : undefined}>
                    <Button danger icon={<StopOutlined />} loading={closing} onClick={closeInspection} data-testid="inspection-close"><Bi zh="结束督查" en="Close" /></Button>
                  </Tooltip>
                </>
              )} />
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={10}>
                <Card className="panel" size="small" title={<Bi zh="基本情况" en="Overview" />} style={{ height: '100%' }}>
                  <Descriptions column={1} size="small" items={[
                    { key: 'planned', label: '计划日期 Planned', children: d.plannedOn },
                    ...(d.closedAt ? [{ key: 'closed', label: '结束时间 Closed', children: dateOnly(d.closedAt) }] : []),
                    { key: 'tasks', label: '涉及任务 Tasks', children: d.scope.taskNos.length ? (
                      <span className="tag-list">{d.scope.taskNos.map((n) => (
                        <Tooltip key={n} title={tasks.data?.find((t) => t.no === n)?.titleZh}><Link to={`/plan/tasks/${n}`}><Tag>任务 {n}</Tag></Link></Tooltip>
                      ))}</span>
                    ) : '—' },
                    { key: 'orgs', label: '涉及单位 Units', children: d.scope.organisationIds.length
                      ? <span className="tag-list">{d.scope.organisationIds.map((o) => <Tag key={o}>{orgName.get(o) ?? '其他单位'}</Tag>)}</span> : '—' },
                    { key: 'districts', label: '涉及区县 Districts', children: d.scope.districtCodes.length
                      ? <span className="tag-list">{d.scope.districtCodes.map((c) => <Tag key={c}>{districts.data?.find((x) => x.code === c)?.nameZh ?? c}</Tag>)}</span> : '—' },
                    { key: 'rect', label: '整改事项 Items', children: (
                      <Space size={4} wrap>
                        <span>共 {d.rectifications.length} 项</span>
                        {(['open', 'submitted', 'closed'] as const).map((s) => counts[s] ? <Tag key={s} color={RECTIFICATION_STATUS[s].color}>{RECTIFICATION_STATUS[s].zh} {counts[s]}</Tag> : null)}
                      </Space>
                    ) },
                  ]} />
                </Card>
              </Col>
              <Col xs={24} lg={14}>
                <Card className="panel" size="small" style={{ height: '100%' }} title={<Bi zh="发现问题" en="Findings" />}
                  extra={manage && <Button size="small" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'findings' })} data-testid="inspection-findings-edit">编辑 Edit</Button>}>
                  {d.findingsZh
                    ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0, lineHeight: 1.8 }} data-testid="inspection-findings">{d.findingsZh}</Typography.Paragraph>
                    : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={manage ? '尚未填写发现问题，督查后请补充。（No findings yet: record them after the inspection.）' : '尚未填写发现问题。（No findings yet.）'} />}
                </Card>
              </Col>
            </Row>
            <Card className="panel section" title={<Bi zh="整改事项" en="Rectifications" />}>
              {d.rectifications.some((r) => r.mayRespond) && (
                <Alert type="warning" showIcon className="panel-alert" title="本单位有待报送的整改事项：请说明整改情况并附佐证材料后报送。（Your organisation has rectifications to report on.）" />
              )}
              <Table<Rectification>
                rowKey="id" columns={columns} dataSource={d.rectifications} pagination={false} scroll={{ x: 1100 }}
                onRow={(r) => ({ 'data-testid': `rectification-row-${r.id}`, 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
                locale={{ emptyText: (
                  <Empty description={manage ? '尚未交办整改事项。根据发现问题逐项交办，明确责任单位和时限。（None assigned yet.）' : '暂无整改事项。（No rectifications.）'}>
                    {manage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })}>交办整改事项 Add</Button>}
                  </Empty>
                ) }} />
            </Card>
          </>
        )}
      </LoadState>
      {d && dialog?.kind === 'findings' && <FindingsModal inspection={d} onClose={() => setDialog(null)} onSaved={() => { setDialog(null); detail.reload(); }} />}
      {d && dialog?.kind === 'add' && <RectificationModal inspectionId={d.id} scopeOrgs={d.scope.organisationIds} onClose={() => setDialog(null)} onSaved={() => { setDialog(null); detail.reload(); }} />}
      {dialog?.kind === 'evidence' && <EvidenceModal rectification={dialog.r} onClose={() => setDialog(null)} onSaved={() => { setDialog(null); detail.reload(); }} />}
      {(dialog?.kind === 'close' || dialog?.kind === 'reopen') && (
        <ReviewModal rectification={dialog.r} decision={dialog.kind} onClose={() => setDialog(null)} onSaved={() => { setDialog(null); detail.reload(); }} />
      )}
    </>
  );
}
