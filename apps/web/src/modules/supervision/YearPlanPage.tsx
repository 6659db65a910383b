import { useMemo, useState } from 'react';
import { Button, Card, Col, Collapse, Empty, Input, Row, Segmented, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FileExcelOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { useActions, useTasks } from '../plan/api';
import type { ColourCounts, WorkPoint } from './api';
import { ColourTag } from './ColourTag';
import { ColourCountTags } from './CockpitShared';
import { fmtNum, FREQUENCY_NAMES, ownerName, useDistrictNames, WorkProgress } from './WorkShared';
import { bi, ExportButton, one, useRoles } from './shared';

interface YearPlan { year: number; tasks: { taskNo: number; actionNo: number; titleZh: string; workPoints: WorkPoint[] }[]; projects: WorkPoint[]; investmentYiYuan: number }

const YEARS = [2024, 2025, 2026, 2027];
const defaultYear = () => {
  const y = new Date().getFullYear();
  return YEARS.includes(y) ? y : 2027;
};

const countsOf = (list: WorkPoint[]) => {
  const c: ColourCounts = { red: 0, yellow: 0, blue: 0, green: 0, closed: 0 };
  for (const w of list) c[w.colour]++;
  return c;
};

const matches = (w: WorkPoint, q: string) =>
  !q || [w.code, w.titleZh, w.deliverableZh, w.ownerNameZh ?? '', w.ownerNameEn ?? ''].some((s) => s.toLowerCase().includes(q));

/** 分年度推进计划和项目安排清单: one year's work points by task, and its projects with their investment. */
export default function YearPlanPage() {
  const lang = useLang();
  const navigate = useNavigate();
  const { taskForce } = useRoles();
  const [params, setParams] = useSearchParams();
  const year = YEARS.includes(Number(params.get('year'))) ? Number(params.get('year')) : defaultYear();
  const tab = params.get('tab') === 'projects' ? 'projects' : 'plan';
  const plan = useApi<YearPlan>(`/api/year-plan?year=${year}`);
  const actions = useActions();
  const tasks = useTasks();
  const districts = useDistrictNames();
  const [typed, setTyped] = useState('');
  const [open, setOpen] = useState<string[] | null>(null);
  const q = typed.trim().toLowerCase();
  const d = plan.data;

  const set = (k: string, v: string | undefined) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    if (v === undefined) next.delete(k); else next.set(k, v);
    return next;
  }, { replace: true });

  const groups = useMemo(() => {
    const shown = (d?.tasks ?? []).map((t) => ({ ...t, workPoints: t.workPoints.filter((w) => matches(w, q)) })).filter((t) => t.workPoints.length);
    return [...new Set(shown.map((t) => t.actionNo))].sort((a, b) => a - b).map((no) => ({ no, tasks: shown.filter((t) => t.actionNo === no) }));
  }, [d, q]);
  const allKeys = groups.flatMap((g) => g.tasks.map((t) => String(t.taskNo)));
  const openKeys = open ?? allKeys;
  const all = useMemo(() => (d?.tasks ?? []).flatMap((t) => t.workPoints), [d]);
  const projectTotal = (d?.projects ?? []).reduce((n, p) => n + (p.investmentYiYuan ?? 0), 0);

  const wpColumns: ColumnsType<WorkPoint> = [
    { title: <Bi zh="编号" en="Code" />, dataIndex: 'code', width: 130, render: (c: string, w) => <Link to={`/supervision/work-points/${w.id}`} className="mono">{c}</Link> },
    { title: <span><Bi zh="工作要点" en="Work point" /> / <Bi zh="预期成果" en="Deliverable" /></span>, dataIndex: 'titleZh',
      render: (t: string, w) => (
        <div>
          <span className="cell-main">{t}</span>{w.kind === 'project' && <Tag color="purple" style={{ marginLeft: 6 }}>{lang === 'zh' ? '项目' : 'Project'}</Tag>}
          <div style={{ fontSize: 12, color: 'var(--ink-3)' }}>{w.deliverableZh}</div>
        </div>
      ) },
    { title: <Bi zh="责任单位" en="Owner" />, key: 'owner', width: 160, render: (_, w) => ownerName(lang, w) },
    { title: <Bi zh="完成时限" en="Due" />, dataIndex: 'dueOn', width: 110 },
    { title: <Bi zh="报送频次" en="Reporting" />, dataIndex: 'frequency', width: 90, render: (f: string) => (FREQUENCY_NAMES[f] ? one(lang, FREQUENCY_NAMES[f]) : f) },
    { title: <Bi zh="状态" en="Status" />, key: 'colour', width: 100, render: (_, w) => <ColourTag colour={w.colour} reasons={w.reasons} /> },
    { title: <Bi zh="进度" en="Progress" />, key: 'progress', width: 170,
      render: (_, w) => <WorkProgress pct={w.progressPct} expected={w.closedAt ? null : w.expectedPct} behind={w.colour === 'yellow' ? true : undefined} /> },
  ];

  const projectColumns: ColumnsType<WorkPoint> = [
    { title: <Bi zh="编号" en="Code" />, dataIndex: 'code', width: 130, render: (c: string, w) => <Link to={`/supervision/work-points/${w.id}`} className="mono">{c}</Link> },
    { title: <Bi zh="项目名称" en="Project" />, dataIndex: 'titleZh', width: 260, render: (t: string, w) => <div><div className="cell-main">{t}</div><div className="cell-sub" style={{ fontSize: 12, color: 'var(--ink-3)' }}>{w.deliverableZh}</div></div> },
    { title: <Bi zh="任务" en="Task" />, dataIndex: 'taskNo', width: 70, align: 'center', render: (n: number) => <Link to={`/plan/tasks/${n}`}><Tag className="task-no">{n}</Tag></Link> },
    { title: <Bi zh="责任单位" en="Owner" />, key: 'owner', width: 160, render: (_, w) => ownerName(lang, w) },
    { title: <Bi zh="区县" en="District" />, dataIndex: 'districtCode', width: 100, render: (c: string | null) => districts.name(c) ?? '—' },
    { title: <Bi zh="建设周期" en="Period" />, key: 'period', width: 200, render: (_, w) => `${w.startsOn} — ${w.dueOn}` },
    { title: <Bi zh="计划投资（亿元）" en="Investment (¥100m)" />, dataIndex: 'investmentYiYuan', width: 150, align: 'right',
      sorter: (a, b) => (a.investmentYiYuan ?? 0) - (b.investmentYiYuan ?? 0), render: (n: number | null) => fmtNum(n, lang) },
    { title: <Bi zh="状态" en="Status" />, key: 'colour', width: 100, render: (_, w) => <ColourTag colour={w.colour} reasons={w.reasons} /> },
    { title: <Bi zh="进度" en="Progress" />, key: 'progress', width: 170, render: (_, w) => <WorkProgress pct={w.progressPct} expected={w.closedAt ? null : w.expectedPct} /> },
  ];

  const emptyYear = (
    <Empty description={taskForce
      ? bi(lang, { zh: `${year} 年尚未部署工作要点。可在“年度工作要点”中新增或批量导入。`, en: `No work points for ${year} yet. Add or import them under Work points.` })
      : bi(lang, { zh: `${year} 年本单位暂无工作要点。`, en: `Your organisation has no work points for ${year}.` })}>
      {taskForce && <Button type="primary" onClick={() => navigate(`/supervision/work-points?year=${year}`)}><Bi zh="前往年度工作要点" en="Go to work points" /></Button>}
    </Empty>
  );

  const planTab = (
    <>
      <div className="table-toolbar">
        <Input.Search allowClear value={typed} onChange={(e) => setTyped(e.target.value)} style={{ width: 340 }} data-testid="year-plan-search"
          placeholder={bi(lang, { zh: '筛选编号、要点、成果、单位', en: 'Filter code, title, unit' })} />
        <Space className="table-count">
          <Button size="small" onClick={() => setOpen(null)}><Bi zh="全部展开" en="Expand all" /></Button>
          <Button size="small" onClick={() => setOpen([])}><Bi zh="全部收起" en="Collapse all" /></Button>
        </Space>
      </div>
      {!groups.length ? (q ? <Empty description={bi(lang, { zh: '没有符合条件的工作要点', en: 'Nothing matches' })}><Button onClick={() => setTyped('')}><Bi zh="清除筛选" en="Clear filter" /></Button></Empty> : emptyYear) : groups.map((g) => {
        const action = actions.data?.find((a) => a.no === g.no);
        return (
          <div key={g.no} style={{ marginBottom: 20 }}>
            <Typography.Title level={5} style={{ margin: '4px 0 10px' }}>
              {lang === 'zh' ? `行动${g.no}` : `Action ${g.no}`}{action && <> · {lang === 'zh' ? action.titleZh : action.titleEn}<span className="bi-aside">{lang === 'zh' ? action.titleEn : action.titleZh}</span></>}
            </Typography.Title>
            <Collapse activeKey={openKeys.filter((k) => g.tasks.some((t) => String(t.taskNo) === k))}
              onChange={(keys) => {
                const mine = new Set(g.tasks.map((t) => String(t.taskNo)));
                setOpen([...openKeys.filter((k) => !mine.has(k)), ...(keys as string[])]);
              }}
              items={g.tasks.map((t) => {
                const en = tasks.data?.find((x) => x.no === t.taskNo)?.titleEn;
                return {
                  key: String(t.taskNo),
                  label: <Space wrap size={8} data-testid={`year-plan-task-${t.taskNo}`}>
                    <Tag className="task-no">{t.taskNo}</Tag>
                    <span className="cell-main">{lang === 'en' && en ? en : t.titleZh}</span>
                    <Tag className="count-tag">{t.workPoints.length}</Tag>
                  </Space>,
                  extra: <ColourCountTags counts={countsOf(t.workPoints)} />,
                  children: <Table<WorkPoint> rowKey="id" size="small" columns={wpColumns} dataSource={t.workPoints} pagination={false} scroll={{ x: 1040 }} />,
                };
              })} />
          </div>
        );
      })}
    </>
  );

  const projectsTab = (
    <Table<WorkPoint>
      rowKey="id"
      size="middle"
      columns={projectColumns}
      dataSource={d?.projects ?? []}
      pagination={(d?.projects.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 1340 }}
      locale={{ emptyText: <Empty description={bi(lang, { zh: `${year} 年暂无项目安排；项目以“项目”类工作要点录入。`, en: `No projects for ${year}; projects are work points of kind "project".` })} /> }}
      summary={() => (d?.projects.length ? (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={6}><b><Bi zh={`合计（${d.projects.length} 个项目）`} en={`Total (${d.projects.length} projects)`} /></b></Table.Summary.Cell>
          <Table.Summary.Cell index={6} align="right"><b data-testid="year-plan-investment-total">{fmtNum(projectTotal, lang)}</b></Table.Summary.Cell>
          <Table.Summary.Cell index={7} colSpan={2} />
        </Table.Summary.Row>
      ) : null)}
      data-testid="year-plan-projects"
    />
  );

  return (
    <>
      <PageHeader title={{ zh: '分年度推进计划和项目安排清单', en: 'Year plan and project schedule' }}
        description={bi(lang, { zh: '按年度列出各重点任务的工作要点、责任单位、完成时限和进展状态，以及年度项目安排和计划投资。', en: 'Each year\'s work points by task, with owner, due date and status, and the year\'s projects and planned investment.' })}
        extra={<Space wrap>
          <Segmented<number> value={year} options={YEARS.map((y) => ({ value: y, label: lang === 'zh' ? `${y}年` : String(y) }))} onChange={(y) => set('year', String(y))} data-testid="year-plan-year" />
          <ExportButton path={`/api/year-plan/export.xlsx?year=${year}`} fallbackName={`${year}年分年度推进计划和项目安排清单.xlsx`} icon={<FileExcelOutlined />} testId="year-plan-export" />
        </Space>} />
      <LoadState loading={plan.loading && !d} error={plan.error} reload={plan.reload}>
        {d && (
          <>
            <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
              {[
                { zh: '涉及重点任务', en: 'Tasks', value: d.tasks.length },
                { zh: '工作要点', en: 'Work points', value: all.length },
                { zh: '项目', en: 'Projects', value: d.projects.length },
              ].map((s) => (
                <Col key={s.en} xs={12} md={6} xl={4}><Card className="panel" size="small" style={{ height: '100%' }}><Statistic title={<Bi zh={s.zh} en={s.en} />} value={s.value} /></Card></Col>
              ))}
              <Col xs={12} md={6} xl={4}>
                <Card className="panel" size="small" style={{ height: '100%' }}><Statistic title={<Bi zh="计划投资" en="Investment" />} value={fmtNum(d.investmentYiYuan, lang)} suffix={<span style={{ fontSize: 13, color: 'var(--ink-3)' }}>{lang === 'zh' ? '亿元' : '× ¥100m'}</span>} /></Card>
              </Col>
              <Col xs={24} xl={8}>
                <Card className="panel" size="small" style={{ height: '100%' }}>
                  <Typography.Text type="secondary"><Bi zh="状态分布" en="By status" /></Typography.Text>
                  <div style={{ marginTop: 10 }}><ColourCountTags counts={countsOf(all)} href={(c) => `/supervision/work-points?year=${year}&colour=${c}`} /></div>
                </Card>
              </Col>
            </Row>
            <Card className="panel">
              <Tabs activeKey={tab} onChange={(k) => set('tab', k === 'plan' ? undefined : k)}
                items={[
                  { key: 'plan', label: <span data-testid="year-plan-tab-plan"><Bi zh="推进计划" en="Work plan" /> <Tag className="count-tag">{all.length}</Tag></span>, children: planTab },
                  { key: 'projects', label: <span data-testid="year-plan-tab-projects"><Bi zh="项目安排" en="Projects" /> <Tag className="count-tag">{d.projects.length}</Tag></span>, children: projectsTab },
                ]} />
            </Card>
          </>
        )}
      </LoadState>
    </>
  );
}
