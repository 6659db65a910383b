import { useState } from 'react';
import { Button, Card, Empty, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import type { WorkPoint } from './api';
import { ColourTag, COLOURS } from './ColourTag';
import { ImportButton } from './WorkImportButton';
import { WorkPointFormModal } from './WorkPointForm';
import { FREQUENCY_NAMES, KIND_NAMES, ownerName, useDistrictNames, useListParams, useOrganisationOptions, useSearchBox, useTaskOptions, WorkProgress } from './WorkShared';
import { bi, ExportButton, one, todayIso, useRoles } from './shared';

const FILTERS = ['taskNo', 'year', 'colour', 'ownerId', 'q'] as const;
const YEARS = [2024, 2025, 2026, 2027];
const STATUS_COLOURS = ['red', 'yellow', 'blue', 'green', 'closed'] as const;

/** 年度工作要点: every work point with its status; the task force adds and imports them. */
export default function WorkPointsPage() {
  const lang = useLang();
  const navigate = useNavigate();
  const { taskForce } = useRoles();
  const { filters, page, size, set, paging } = useListParams(FILTERS);
  const search = useSearchBox(filters.q, (q) => set({ q }));
  const tasks = useTaskOptions();
  const orgs = useOrganisationOptions(taskForce);
  const districts = useDistrictNames();
  const [adding, setAdding] = useState(false);
  const list = useApi<{ total: number; items: WorkPoint[] }>(`/api/work-points${qs({ ...filters, ...paging })}`);
  const filtered = FILTERS.some((k) => filters[k]);
  const today = todayIso();

  const columns: ColumnsType<WorkPoint> = [
    { title: <Bi zh="编号" en="Code" />, key: 'code', width: 130, fixed: 'left',
      render: (_, w) => {
        const t = tasks.title(w.taskNo);
        return (
          <div>
            <div className="mono">{w.code}</div>
            <Tooltip title={t ? `${t.titleZh} ${t.titleEn}` : undefined}>
              <Tag className="task-no" style={{ marginTop: 4 }}>{lang === 'zh' ? `任务 ${w.taskNo}` : `Task ${w.taskNo}`}</Tag>
            </Tooltip>
          </div>
        );
      } },
    { title: <Bi zh="工作要点" en="Work point" />, key: 'title', width: 300,
      render: (_, w) => (
        <div>
          <Link to={`/supervision/work-points/${w.id}`} className="cell-main" onClick={(e) => e.stopPropagation()}>{w.titleZh}</Link>
          {w.kind === 'project' && <Tag color="purple" style={{ marginLeft: 6 }}>{one(lang, KIND_NAMES.project)}</Tag>}
          <div className="cell-sub">{w.deliverableZh}</div>
        </div>
      ) },
    { title: <Bi zh="责任单位" en="Owner" />, key: 'owner', width: 160,
      render: (_, w) => (
        <div>
          {ownerName(lang, w)}
          {w.districtCode && <div className="cell-sub">{districts.name(w.districtCode)}</div>}
        </div>
      ) },
    { title: <Bi zh="完成时限" en="Due" />, key: 'due', width: 110,
      render: (_, w) => <div>{w.dueOn}<div className="cell-sub">{FREQUENCY_NAMES[w.frequency] ? one(lang, FREQUENCY_NAMES[w.frequency]) : w.frequency}</div></div> },
    { title: <Bi zh="进度" en="Progress" />, key: 'progress', width: 150,
      render: (_, w) => <WorkProgress pct={w.progressPct} expected={w.closedAt ? null : w.expectedPct} behind={w.colour === 'yellow' ? true : undefined} width={130} /> },
    { title: <Bi zh="状态" en="Status" />, key: 'colour', width: 90, render: (_, w) => <ColourTag colour={w.colour} reasons={w.reasons} /> },
    { title: <Bi zh="下次报送" en="Next report" />, dataIndex: 'nextReportDeadline', width: 110,
      render: (d: string | null) => (d ? <Typography.Text type={d < today ? 'danger' : undefined}>{d}</Typography.Text> : <Typography.Text type="secondary">—</Typography.Text>) },
  ];

  const exportPath = `/api/work-points/export.xlsx${qs(filters)}`;

  return (
    <>
      <PageHeader title={{ zh: '年度工作要点', en: 'Annual work points' }}
        description={bi(lang, { zh: '各重点任务的年度工作要点、责任单位、完成时限和进展状态。', en: 'Each task\'s work points for the year: owner, due date, progress and status.' })}
        extra={
          <Space wrap>
            <ExportButton path={exportPath} fallbackName="年度工作要点.xlsx" icon={<FileExcelOutlined />} testId="work-points-export" />
            {taskForce && <ImportButton templatePath="/api/work-points/template.xlsx" importPath="/api/work-points/import" templateName="年度工作要点-导入模板.xlsx" onDone={list.reload} />}
            {taskForce && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="work-point-add"><Bi zh="新增" en="Add" /></Button>}
          </Space>
        } />
      <Card className="panel">
        <div className="table-toolbar">
          <Input.Search allowClear placeholder={bi(lang, { zh: '搜索编号、要点、成果、单位', en: 'Search code, title, unit' })} value={search.typed}
            onChange={(e) => search.setTyped(e.target.value)} onSearch={(v) => set({ q: v.trim() || undefined })} style={{ width: 280 }} data-testid="work-points-search" />
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={bi(lang, { zh: '重点任务', en: 'Task' })} style={{ width: 240 }}
            value={filters.taskNo ? Number(filters.taskNo) : undefined} onChange={(v?: number) => set({ taskNo: v })} options={tasks.options} popupMatchSelectWidth={420} />
          <Select allowClear placeholder={bi(lang, { zh: '年度', en: 'Year' })} style={{ width: 120 }} value={filters.year ? Number(filters.year) : undefined}
            onChange={(v?: number) => set({ year: v })} options={YEARS.map((y) => ({ value: y, label: String(y) }))} />
          <Select allowClear placeholder={bi(lang, { zh: '状态', en: 'Status' })} style={{ width: 150 }} value={filters.colour} onChange={(v?: string) => set({ colour: v })}
            options={STATUS_COLOURS.map((c) => ({ value: c, label: <Tag color={COLOURS[c].color}>{bi(lang, COLOURS[c])}</Tag> }))} data-testid="work-points-colour" />
          {taskForce && (
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={bi(lang, { zh: '责任单位', en: 'Owner' })} style={{ width: 220 }}
              value={filters.ownerId} onChange={(v?: string) => set({ ownerId: v })} options={orgs} popupMatchSelectWidth={320} />
          )}
          <Typography.Text type="secondary" className="table-count">
            {lang === 'zh' ? `共 ${list.data?.total ?? 0} 项` : `${list.data?.total ?? 0} work points`}
          </Typography.Text>
        </div>
        <Table<WorkPoint>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          scroll={{ x: 1050 }}
          onRow={(w) => ({ onClick: () => navigate(`/supervision/work-points/${w.id}`), style: { cursor: 'pointer' }, 'data-testid': `work-point-row-${w.code}` }) as React.HTMLAttributes<HTMLElement>}
          pagination={{
            current: page, pageSize: size, total: list.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100],
            onChange: (p, s) => set({ page: p === 1 ? undefined : p, size: s === 20 ? undefined : s }),
            showTotal: (total) => (lang === 'zh' ? `共 ${total} 项` : `${total} in all`),
          }}
          locale={{ emptyText: list.error ? <Empty description={list.error.message} /> : filtered
            ? <Empty description={bi(lang, { zh: '没有符合条件的工作要点，请调整筛选条件', en: 'No work points match; change the filters' })}>
                <Button onClick={() => { search.setTyped(''); set({ taskNo: undefined, year: undefined, colour: undefined, ownerId: undefined, q: undefined }); }}>
                  <Bi zh="清除筛选" en="Clear filters" />
                </Button>
              </Empty>
            : <Empty description={taskForce
                ? bi(lang, { zh: '尚无工作要点。可逐项新增，或下载模板后批量导入。', en: 'No work points yet. Add them one by one, or import the template.' })
                : bi(lang, { zh: '本单位暂无工作要点，工作专班部署后将显示在这里。', en: 'Your organisation has no work points yet; they appear here once the task force sets them.' })}>
                {taskForce && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}><Bi zh="新增" en="Add" /></Button>}
              </Empty> }}
          data-testid="work-points-table"
        />
      </Card>
      {adding && <WorkPointFormModal onClose={() => setAdding(false)} onSaved={() => { setAdding(false); list.reload(); }} />}
    </>
  );
}
