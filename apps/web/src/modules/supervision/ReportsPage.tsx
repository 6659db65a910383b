import { Button, Card, Empty, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { AuditOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import type { ReportListItem, ReportState } from './api';
import { ImportButton } from './WorkImportButton';
import { fmtPct, LateTag, REPORT_STATE_NAMES, ReportStateTag, useListParams, useSearchBox, useTaskOptions } from './WorkShared';
import { bi, dateTime, ExportButton, useRoles } from './shared';

const FILTERS = ['state', 'taskNo', 'late', 'period', 'q'] as const;
const PERIOD = /^\d{4}-(Q[1-4]|\d{2})$/;

/** 进展报送: owners' reports by period; the task force reviews what has been submitted. */
export default function ReportsPage() {
  const lang = useLang();
  const navigate = useNavigate();
  const { taskForce, owner } = useRoles();
  const { filters, page, size, set, paging } = useListParams(FILTERS);
  const search = useSearchBox(filters.q, (q) => set({ q }));
  const periodBox = useSearchBox(filters.period, (p) => set({ period: p && PERIOD.test(p.toUpperCase()) ? p.toUpperCase() : undefined }));
  const tasks = useTaskOptions();
  const list = useApi<{ total: number; items: ReportListItem[] }>(`/api/reports${qs({ ...filters, ...paging })}`);
  const filtered = FILTERS.some((k) => filters[k]);
  const toReview = filters.state === 'submitted';

  const columns: ColumnsType<ReportListItem> = [
    { title: <Bi zh="工作要点" en="Work point" />, key: 'wp', width: 280, fixed: 'left',
      render: (_, r) => (
        <div>
          <span className="mono">{r.workPointCode}</span>
          <Tooltip title={tasks.title(r.taskNo)?.titleZh}><Tag className="task-no" style={{ marginLeft: 6 }}>{r.taskNo}</Tag></Tooltip>
          <div><Link to={`/supervision/reports/${r.id}`} className="cell-main" onClick={(e) => e.stopPropagation()}>{r.workPointTitleZh}</Link></div>
        </div>
      ) },
    { title: <Bi zh="责任单位" en="Owner" />, dataIndex: 'ownerNameZh', width: 150 },
    { title: <Bi zh="报送期" en="Period" />, dataIndex: 'periodLabel', width: 90, render: (l: string) => <span className="mono">{l}</span> },
    { title: <Bi zh="报送截止" en="Deadline" />, dataIndex: 'deadline', width: 105 },
    { title: <Bi zh="状态" en="State" />, dataIndex: 'state', width: 125,
      render: (s: ReportState, r) => (
        <Space size={4}>
          <ReportStateTag state={s} />
          {r.returnedCount > 0 && s !== 'returned' && <Tooltip title={bi(lang, { zh: `曾退回 ${r.returnedCount} 次`, en: `Returned ${r.returnedCount}×` })}><Tag>↺{r.returnedCount}</Tag></Tooltip>}
        </Space>
      ) },
    { title: <Bi zh="逾期" en="Late" />, dataIndex: 'late', width: 70, render: (l: boolean) => <LateTag late={l} /> },
    { title: <Bi zh="进度" en="Progress" />, dataIndex: 'progressPct', width: 90, align: 'right',
      render: (n: number, r) => <span>{fmtPct(n)}%{r.complete && <Tag color="green" style={{ marginLeft: 6 }}>{lang === 'zh' ? '申请销号' : 'Complete'}</Tag>}</span> },
    { title: <Bi zh="更新时间" en="Updated" />, dataIndex: 'updatedAt', width: 135, render: (v: string) => dateTime(v) },
  ];

  const exportPath = `/api/reports/export.xlsx${qs(filters)}`;
  const clear = () => {
    search.setTyped('');
    periodBox.setTyped('');
    set({ state: undefined, taskNo: undefined, late: undefined, period: undefined, q: undefined });
  };

  return (
    <>
      <PageHeader title={{ zh: '进展报送', en: 'Progress reports' }}
        description={taskForce
          ? bi(lang, { zh: '各责任单位按期报送的工作要点进展；已报送的报告待工作专班审核。', en: 'Owners report each work point by period; submitted reports await the task force\'s review.' })
          : bi(lang, { zh: '本单位各期进展报告。在工作要点页面选择报送期起草，或下载模板批量导入为草稿。', en: 'Your organisation\'s reports. Draft one from a work point\'s page, or import drafts from the template.' })}
        extra={
          <Space wrap>
            <ExportButton path={exportPath} fallbackName="进展报告.xlsx" icon={<FileExcelOutlined />} testId="reports-export" />
            {owner && <ImportButton templatePath="/api/reports/template.xlsx" importPath="/api/reports/import" templateName="进展报告-导入模板.xlsx" onDone={list.reload} />}
          </Space>
        } />
      <Card className="panel">
        <div className="table-toolbar">
          {taskForce && (
            <Button type={toReview ? 'primary' : 'default'} icon={<AuditOutlined />} onClick={() => set({ state: toReview ? undefined : 'submitted' })} data-testid="reports-to-review">
              <Bi zh="待审核" en="To review" />
            </Button>
          )}
          <Input.Search allowClear placeholder={bi(lang, { zh: '搜索编号、要点、单位、内容', en: 'Search code, title, unit, text' })} value={search.typed}
            onChange={(e) => search.setTyped(e.target.value)} onSearch={(v) => set({ q: v.trim() || undefined })} style={{ width: 240 }} data-testid="reports-search" />
          <Select allowClear placeholder={bi(lang, { zh: '状态', en: 'State' })} style={{ width: 150 }} value={filters.state} onChange={(v?: string) => set({ state: v })}
            options={(Object.keys(REPORT_STATE_NAMES) as ReportState[]).map((s) => ({ value: s, label: bi(lang, REPORT_STATE_NAMES[s]) }))} data-testid="reports-state" />
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={bi(lang, { zh: '重点任务', en: 'Task' })} style={{ width: 220 }}
            value={filters.taskNo ? Number(filters.taskNo) : undefined} onChange={(v?: number) => set({ taskNo: v })} options={tasks.options} popupMatchSelectWidth={420} />
          <Select allowClear placeholder={bi(lang, { zh: '逾期', en: 'Late' })} style={{ width: 120 }} value={filters.late} onChange={(v?: string) => set({ late: v })}
            options={[{ value: 'true', label: bi(lang, { zh: '是', en: 'Late' }) }, { value: 'false', label: bi(lang, { zh: '否', en: 'On time' }) }]} />
          <Input allowClear placeholder={lang === 'zh' ? '报送期 如 2026-Q1' : 'Period e.g. 2026-03'} style={{ width: 150 }} value={periodBox.typed}
            onChange={(e) => periodBox.setTyped(e.target.value)} status={periodBox.typed && !PERIOD.test(periodBox.typed.trim().toUpperCase()) ? 'warning' : undefined} />
          <Typography.Text type="secondary" className="table-count">{lang === 'zh' ? `共 ${list.data?.total ?? 0} 份` : `${list.data?.total ?? 0} reports`}</Typography.Text>
        </div>
        <Table<ReportListItem>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          scroll={{ x: 1050 }}
          onRow={(r) => ({ onClick: () => navigate(`/supervision/reports/${r.id}`), style: { cursor: 'pointer' }, 'data-testid': `report-row-${r.workPointCode}-${r.periodLabel}` }) as React.HTMLAttributes<HTMLElement>}
          pagination={{
            current: page, pageSize: size, total: list.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100],
            onChange: (p, s) => set({ page: p === 1 ? undefined : p, size: s === 20 ? undefined : s }),
            showTotal: (total) => (lang === 'zh' ? `共 ${total} 份` : `${total} in all`),
          }}
          locale={{ emptyText: list.error ? <Empty description={list.error.message} /> : toReview && !filters.q
            ? <Empty description={bi(lang, { zh: '没有待审核的报告。', en: 'Nothing awaits review.' })} />
            : filtered
              ? <Empty description={bi(lang, { zh: '没有符合条件的报告，请调整筛选条件', en: 'No reports match; change the filters' })}><Button onClick={clear}><Bi zh="清除筛选" en="Clear filters" /></Button></Empty>
              : <Empty description={owner
                  ? bi(lang, { zh: '尚无进展报告。请打开本单位的工作要点，在报送期一栏点击“填报”。', en: 'No reports yet. Open one of your work points and click Report beside a period.' })
                  : bi(lang, { zh: '尚无进展报告，责任单位报送后将显示在这里。', en: 'No reports yet; they appear here once owners report.' })}>
                  {owner && <Button type="primary" onClick={() => navigate('/supervision/work-points')}><Bi zh="前往工作要点" en="Go to work points" /></Button>}
                </Empty> }}
          data-testid="reports-table"
        />
      </Card>
    </>
  );
}
