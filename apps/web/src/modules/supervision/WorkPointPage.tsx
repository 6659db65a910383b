import { useState } from 'react';
import { Alert, App as AntApp, Breadcrumb, Button, Card, Descriptions, Empty, Result, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, FormOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, errorMessage } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import type { Colour, Period, WorkPointDetail } from './api';
import { ColourTag } from './ColourTag';
import { WorkPointFormModal } from './WorkPointForm';
import { fmtNum, fmtPct, FREQUENCY_NAMES, KIND_NAMES, LateTag, ownerName, ReportStateTag, useDistrictNames, useIndicators, useTaskOptions, WorkProgress } from './WorkShared';
import { bi, useRoles } from './shared';

const ALERT: Record<Colour, 'error' | 'warning' | 'info' | 'success'> = { red: 'error', yellow: 'warning', blue: 'info', green: 'success', closed: 'success' };

/** One work point: what it is, why it has its colour, and each reporting period with its report. */
export default function WorkPointPage() {
  const { id } = useParams();
  const lang = useLang();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const { user, taskForce, owner } = useRoles();
  const wp = useApi<WorkPointDetail>(id ? `/api/work-points/${id}` : null);
  const tasks = useTaskOptions();
  const districts = useDistrictNames();
  const indicators = useIndicators();
  const [editing, setEditing] = useState(false);
  const [starting, setStarting] = useState<string | null>(null);

  if (wp.error instanceof ApiError && wp.error.status === 404) {
    return <Result status="404" title={bi(lang, { zh: '工作要点不存在或无权查看', en: 'No such work point, or not yours to see' })}
      extra={<Button type="primary" onClick={() => navigate('/supervision/work-points')}><Bi zh="返回工作要点" en="Back to work points" /></Button>} />;
  }

  const w = wp.data;
  const isOwner = !!w && !!user && user.organisationId === w.ownerOrganisationId && owner;

  const startReport = async (p: Period) => {
    if (!w) return;
    setStarting(p.label);
    try {
      const r = await api.post<{ id: string }>('/api/reports', { workPointId: w.id, periodLabel: p.label });
      navigate(`/supervision/reports/${r.id}`);
    } catch (e) {
      message.error(errorMessage(e));
      setStarting(null);
    }
  };

  const columns: ColumnsType<Period> = [
    { title: <Bi zh="报送期" en="Period" />, dataIndex: 'label', width: 100, render: (l: string) => <span className="mono">{l}</span> },
    { title: <Bi zh="期间" en="Dates" />, key: 'dates', width: 210, render: (_, p) => `${p.start} — ${p.end}` },
    { title: <Bi zh="报送截止" en="Deadline" />, dataIndex: 'deadline', width: 120 },
    { title: <Bi zh="报告状态" en="Report" />, key: 'state', width: 130, render: (_, p) => <ReportStateTag state={p.state} /> },
    { title: <Bi zh="是否逾期" en="Late" />, dataIndex: 'late', width: 90, render: (l: boolean) => <LateTag late={l} /> },
    { title: <Bi zh="填报进度" en="Reported progress" />, dataIndex: 'progressPct', width: 130, render: (n: number | null) => (n === null ? '—' : `${fmtPct(n)}%`) },
    { title: <Bi zh="操作" en="Action" />, key: 'action', width: 150,
      render: (_, p) => p.reportId ? (
        <Link to={`/supervision/reports/${p.reportId}`} onClick={(e) => e.stopPropagation()} data-testid={`period-view-${p.label}`}><Bi zh="查看报告" en="Open report" /></Link>
      ) : isOwner && !w?.closedAt ? (
        <Button size="small" type={p.late ? 'primary' : 'default'} danger={p.late} icon={<FormOutlined />} loading={starting === p.label} disabled={!!starting && starting !== p.label}
          onClick={(e) => { e.stopPropagation(); void startReport(p); }} data-testid={`period-report-${p.label}`}>
          <Bi zh="填报" en="Report" />
        </Button>
      ) : <Typography.Text type="secondary">—</Typography.Text> },
  ];

  const task = w ? tasks.title(w.taskNo) : undefined;
  const indicator = w?.indicatorCode ? indicators.data?.find((i) => i.code === w.indicatorCode) : undefined;

  return (
    <>
      <Breadcrumb className="page-breadcrumb" items={[
        { title: <Link to="/supervision"><Bi zh="督办" en="Supervision" /></Link> },
        { title: <Link to="/supervision/work-points"><Bi zh="年度工作要点" en="Work points" /></Link> },
        { title: w?.code ?? '…' },
      ]} />
      <LoadState loading={wp.loading && !w} error={wp.error} reload={wp.reload}>
        {w && (
          <>
            <PageHeader title={{ zh: `${w.code} ${w.titleZh}`, en: `${w.code} ${w.titleZh}` }}
              tags={
                <Space size={[6, 6]} wrap>
                  <ColourTag colour={w.colour} reasons={w.reasons} />
                  <Tag>{bi(lang, KIND_NAMES[w.kind] ?? { zh: w.kind, en: w.kind })}</Tag>
                  <Tag>{w.year}</Tag>
                </Space>
              }
              extra={taskForce && <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="work-point-edit"><Bi zh="编辑" en="Edit" /></Button>} />
            <Alert className="panel-alert" showIcon type={ALERT[w.colour]} data-testid="work-point-reasons"
              title={<Bi zh={w.colour === 'closed' ? '已销号' : w.reasons.length ? '状态说明' : '按计划推进'} en={w.colour === 'closed' ? 'Closed out' : w.reasons.length ? 'Why this status' : 'On track'} />}
              description={w.reasons.length ? (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {w.reasons.map((r, i) => <li key={i}>{lang === 'zh' ? r.zh : r.en}<span className="bi-aside">{lang === 'zh' ? r.en : r.zh}</span></li>)}
                </ul>
              ) : w.closedAt ? bi(lang, { zh: `已于 ${w.closedAt.slice(0, 10)} 销号`, en: `Closed out on ${w.closedAt.slice(0, 10)}` })
                : bi(lang, { zh: `完成 ${fmtPct(w.progressPct)}%，按进度此时应达 ${fmtPct(w.expectedPct)}%。`, en: `${fmtPct(w.progressPct)}% done; ${fmtPct(w.expectedPct)}% expected by now.` })} />
            <Card className="panel" title={<Bi zh="基本信息" en="Details" />}>
              <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered items={[
                { key: 'task', label: <Bi zh="重点任务" en="Task" />,
                  children: <Link to={`/plan/tasks/${w.taskNo}`}>{w.taskNo}. {task ? (lang === 'zh' ? task.titleZh : task.titleEn) : ''}</Link> },
                { key: 'owner', label: <Bi zh="责任单位" en="Owner" />, children: ownerName(lang, w) },
                { key: 'deliverable', label: <Bi zh="预期成果" en="Deliverable" />, span: 2, children: w.deliverableZh },
                { key: 'district', label: <Bi zh="区县" en="District" />, children: districts.name(w.districtCode) ?? bi(lang, { zh: '全市', en: 'Citywide' }) },
                { key: 'starts', label: <Bi zh="开始日期" en="Starts" />, children: w.startsOn },
                { key: 'due', label: <Bi zh="完成时限" en="Due" />, children: w.dueOn },
                { key: 'frequency', label: <Bi zh="报送频次" en="Reporting" />, children: FREQUENCY_NAMES[w.frequency] ? bi(lang, FREQUENCY_NAMES[w.frequency]) : w.frequency },
                { key: 'next', label: <Bi zh="下次报送截止" en="Next report due" />, children: w.nextReportDeadline ?? '—' },
                { key: 'investment', label: <Bi zh="投资额（亿元）" en="Investment (100M yuan)" />, children: fmtNum(w.investmentYiYuan, lang) },
                { key: 'indicator', label: <Bi zh="关联指标" en="Indicator" />,
                  children: w.indicatorCode ? <Link to={`/supervision/indicators/${encodeURIComponent(w.indicatorCode)}`}>{indicator ? (lang === 'zh' ? indicator.indicatorZh : indicator.indicatorEn) : w.indicatorCode}</Link> : '—' },
                { key: 'weight', label: <Bi zh="权重" en="Weight" />, children: fmtNum(w.weight, lang) },
                { key: 'progress', label: <Bi zh="进度" en="Progress" />,
                  children: (
                    <Space orientation="vertical" size={2}>
                      <WorkProgress pct={w.progressPct} expected={w.closedAt ? null : w.expectedPct} width={220} behind={w.colour === 'yellow' ? true : undefined} />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {bi(lang, { zh: `实际 ${fmtPct(w.progressPct)}% / 应达 ${fmtPct(w.expectedPct)}%`, en: `${fmtPct(w.progressPct)}% done / ${fmtPct(w.expectedPct)}% expected` })}
                      </Typography.Text>
                    </Space>
                  ) },
              ]} />
            </Card>
            <Card className="panel section" title={<span><Bi zh="报送期" en="Reporting periods" /><Tag className="count-tag">{w.periods.length}</Tag></span>}
              extra={isOwner && <Typography.Text type="secondary">{bi(lang, { zh: '点击“填报”起草该期进展报告', en: 'Click Report to draft that period\'s report' })}</Typography.Text>}>
              <Table<Period> rowKey="label" size="middle" columns={columns} dataSource={w.periods} pagination={false} scroll={{ x: 930 }}
                onRow={(p) => ({
                  onClick: p.reportId ? () => navigate(`/supervision/reports/${p.reportId}`) : undefined,
                  style: p.reportId ? { cursor: 'pointer' } : undefined,
                  'data-testid': `period-row-${p.label}`,
                }) as React.HTMLAttributes<HTMLElement>}
                locale={{ emptyText: <Empty description={bi(lang, { zh: '没有报送期', en: 'No reporting periods' })} /> }} />
            </Card>
          </>
        )}
      </LoadState>
      {editing && w && <WorkPointFormModal workPoint={w} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); wp.reload(); }} />}
    </>
  );
}
