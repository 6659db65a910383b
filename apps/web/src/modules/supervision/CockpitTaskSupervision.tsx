import { useEffect, useMemo, useState } from 'react';
import { App as AntApp, Button, Card, Descriptions, Empty, Form, InputNumber, Modal, Progress, Select, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { TeamOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import type { Organisation } from '../admin/api';
import type { AssignedOrg, Assignment, Indicator, Inspection, ReportListItem, RollupTask, WorkPoint } from './api';
import { ColourTag, COLOURS } from './ColourTag';
import { ColourCountTags } from './CockpitShared';
import { INSPECTION_STATUS } from './PubLabels';
import { fmtNum, LateTag, ownerName, ReportStateTag, WorkProgress } from './WorkShared';
import { bi, useRoles } from './shared';

interface TaskView {
  taskNo: number; actionNo: number; assignment: Assignment | undefined; status: RollupTask | null;
  workPoints: { total: number; items: WorkPoint[] }; reports: { total: number; items: ReportListItem[] };
  indicators: Indicator[]; inspections: Inspection[];
}

function Orgs({ list }: { list: AssignedOrg[] | undefined }) {
  const lang = useLang();
  if (!list?.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return <span className="tag-list">{list.map((o) => <Tag key={o.organisationId} title={lang === 'zh' ? o.nameEn ?? undefined : o.nameZh}>{lang === 'en' && o.nameEn ? o.nameEn : o.nameZh}</Tag>)}</span>;
}

interface AssignValues { leadIds: string[]; coIds: string[]; districtIds: string[]; weight: number }

/** 调整分工: the task force sets a task's lead units, co-units, districts and weight. */
function AssignModal({ taskNo, assignment, onClose, onSaved }: { taskNo: number; assignment: Assignment | undefined; onClose: () => void; onSaved: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<AssignValues>();
  const orgs = useApi<Organisation[]>('/api/admin/organisations?limit=500', { cached: true });
  const picked = Form.useWatch([], form) as Partial<AssignValues> | undefined;
  useEffect(() => {
    form.setFieldsValue({
      leadIds: assignment?.lead.map((o) => o.organisationId) ?? [], coIds: assignment?.co.map((o) => o.organisationId) ?? [],
      districtIds: assignment?.districts.map((o) => o.organisationId) ?? [], weight: assignment?.weight ?? 1,
    });
  }, [assignment, form]);

  // An organisation holds one role per task: one already picked elsewhere is not offered again.
  const options = (field: keyof Omit<AssignValues, 'weight'>, districts: boolean) => {
    const taken = new Set((['leadIds', 'coIds', 'districtIds'] as const).filter((f) => f !== field).flatMap((f) => picked?.[f] ?? []));
    return (orgs.data ?? [])
      .filter((o) => (districts ? o.kind === 'district' : o.kind !== 'enterprise' && o.kind !== 'bank'))
      .map((o) => ({ value: o.id, label: o.nameZh, title: o.nameEn ?? o.nameZh, disabled: taken.has(o.id) }));
  };

  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.put(`/api/assignments/${taskNo}`, { leadIds: v.leadIds ?? [], coIds: v.coIds ?? [], districtIds: v.districtIds ?? [], weight: v.weight });
    message.success(bi(lang, { zh: `任务 ${taskNo} 的分工已调整`, en: `Task ${taskNo} reassigned` }));
    onSaved();
  });

  const select = (field: keyof Omit<AssignValues, 'weight'>, districts: boolean, testId: string) => (
    <Select mode="multiple" allowClear loading={orgs.loading} options={options(field, districts)} showSearch={{ optionFilterProp: 'label' }} data-testid={testId}
      placeholder={bi(lang, { zh: '选择机构', en: 'Choose organisations' })} notFoundContent={orgs.error ? orgs.error.message : undefined} />
  );

  return (
    <Modal open title={<Bi zh={`调整分工 · 任务 ${taskNo}`} en={`Assign task ${taskNo}`} />} onCancel={onClose} onOk={submit} confirmLoading={saving}
      okText={bi(lang, { zh: '保存', en: 'Save' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })} width={640} destroyOnHidden
      okButtonProps={{ 'data-testid': 'assign-save' } as never}>
      <Form form={form} layout="vertical" className="modal-form" name="assignTask" disabled={saving}>
        <Form.Item name="leadIds" label={<Bi zh="牵头单位" en="Lead units" />} rules={[{ required: true, type: 'array', min: 1, message: bi(lang, { zh: '至少一个牵头单位', en: 'At least one lead unit' }) }]}>
          {select('leadIds', false, 'assign-lead')}
        </Form.Item>
        <Form.Item name="coIds" label={<Bi zh="配合单位" en="Co-units" />}>{select('coIds', false, 'assign-co')}</Form.Item>
        <Form.Item name="districtIds" label={<Bi zh="区县" en="Districts" />}>{select('districtIds', true, 'assign-districts')}</Form.Item>
        <Form.Item name="weight" label={<Bi zh="权重" en="Weight" />} extra={bi(lang, { zh: '在所属行动的加权进度中所占权重，须大于 0。', en: 'Its weight in the action\'s weighted progress; above 0.' })}
          rules={[{ required: true, type: 'number', min: 0.01, message: bi(lang, { zh: '权重须大于 0', en: 'Weight must be above 0' }) }]}>
          <InputNumber min={0.01} step={0.5} style={{ width: 160 }} data-testid="assign-weight" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * The supervision side of a task's page: who owns it, its status, its work points, the
 * latest reports, the action's indicators and inspections. Only for those who take part.
 */
export function TaskSupervisionPanel({ taskNo }: { taskNo: number }) {
  const { taskForce, owner } = useRoles();
  const participant = taskForce || owner;
  const lang = useLang();
  const view = useApi<TaskView>(participant && Number.isInteger(taskNo) && taskNo > 0 ? `/api/supervision/tasks/${taskNo}` : null);
  const [assigning, setAssigning] = useState(false);
  const v = view.data;

  const wpColumns = useMemo<ColumnsType<WorkPoint>>(() => [
    { title: <Bi zh="编号" en="Code" />, dataIndex: 'code', width: 130, render: (c: string, w) => <Link to={`/supervision/work-points/${w.id}`} className="mono">{c}</Link> },
    { title: <Bi zh="工作要点" en="Work point" />, dataIndex: 'titleZh', width: 260 },
    { title: <Bi zh="责任单位" en="Owner" />, key: 'owner', width: 150, render: (_, w) => ownerName(lang, w) },
    { title: <Bi zh="年度" en="Year" />, dataIndex: 'year', width: 70 },
    { title: <Bi zh="完成时限" en="Due" />, dataIndex: 'dueOn', width: 110 },
    { title: <Bi zh="状态" en="Status" />, key: 'colour', width: 100, render: (_, w) => <ColourTag colour={w.colour} reasons={w.reasons} /> },
    { title: <Bi zh="进度" en="Progress" />, key: 'progress', width: 170, render: (_, w) => <WorkProgress pct={w.progressPct} expected={w.closedAt ? null : w.expectedPct} behind={w.colour === 'yellow' ? true : undefined} /> },
  ], [lang]);

  const reportColumns: ColumnsType<ReportListItem> = [
    { title: <Bi zh="报告期" en="Period" />, dataIndex: 'periodLabel', width: 110, render: (p: string, r) => <Link to={`/supervision/reports/${r.id}`}>{p}</Link> },
    { title: <Bi zh="工作要点" en="Work point" />, key: 'wp', render: (_, r) => <span><span className="mono">{r.workPointCode}</span> {r.workPointTitleZh}</span> },
    { title: <Bi zh="状态" en="State" />, dataIndex: 'state', width: 120, render: (_, r) => <Space size={4}><ReportStateTag state={r.state} /><LateTag late={r.late} /></Space> },
    { title: <Bi zh="进度" en="Progress" />, dataIndex: 'progressPct', width: 80, align: 'right', render: (n: number) => `${fmtNum(n, lang)}%` },
    { title: <Bi zh="截止日" en="Deadline" />, dataIndex: 'deadline', width: 110 },
  ];

  const indicatorColumns: ColumnsType<Indicator> = [
    { title: <Bi zh="指标" en="Indicator" />, key: 'name', render: (_, i) => <Link to={`/supervision/indicators/${i.code}`}>{lang === 'en' && i.indicatorEn ? i.indicatorEn : i.indicatorZh}</Link> },
    { title: <Bi zh="当前值 / 目标" en="Value / target" />, key: 'value', width: 180,
      render: (_, i) => <span>{fmtNum(i.value, lang)} / {fmtNum(i.targetValue, lang)}{i.unit ? ` ${i.unit}` : ''}{i.asOf && <div className="bi-aside" style={{ marginLeft: 0 }}>{lang === 'zh' ? `截至 ${i.asOf}` : `as of ${i.asOf}`}</div>}</span> },
    { title: <Bi zh="来源" en="Source" />, dataIndex: 'source', width: 110,
      render: (s: Indicator['source']) => (s === 'computed' ? <Tag color="cyan">{lang === 'zh' ? '平台计算' : 'Computed'}</Tag> : <Tag>{lang === 'zh' ? '单位填报' : 'Reported'}</Tag>) },
    { title: <Bi zh="进度" en="Pace" />, key: 'behind', width: 110,
      render: (_, i) => (i.behind
        ? <Tooltip title={i.behindReason ? bi(lang, i.behindReason) : undefined}><Tag color="gold">{lang === 'zh' ? '滞后' : 'Behind'}</Tag></Tooltip>
        : i.value === null ? <Tag>{lang === 'zh' ? '待填报' : 'No value yet'}</Tag>
        : <Tag color="green">{lang === 'zh' ? '正常' : 'On pace'}</Tag>) },
  ];

  const inspectionColumns: ColumnsType<Inspection> = [
    { title: <Bi zh="编号" en="Code" />, dataIndex: 'code', width: 130, render: (c: string, i) => <Link to={`/supervision/inspections/${i.id}`} className="mono">{c}</Link> },
    { title: <Bi zh="督查" en="Inspection" />, dataIndex: 'titleZh' },
    { title: <Bi zh="计划日期" en="Planned" />, dataIndex: 'plannedOn', width: 110 },
    { title: <Bi zh="状态" en="Status" />, dataIndex: 'status', width: 100,
      render: (s: string) => { const n = INSPECTION_STATUS[s]; return n ? <Tag color={n.color}>{lang === 'zh' ? n.zh : n.en}</Tag> : s; } },
  ];

  if (!participant) return null;

  const empty = (zh: string, en: string) => ({ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh, en })} /> });
  const s = v?.status;

  return (
    <Card className="panel" data-testid="task-supervision"
      title={<Space wrap><Bi zh="督办情况" en="Supervision" />{s && <ColourTag colour={s.colour} reasons={s.reasons} />}</Space>}
      extra={<Space>
        <Link to={`/supervision/work-points?taskNo=${taskNo}`}><Bi zh="全部要点" en="All work points" /></Link>
        {taskForce && <Button size="small" icon={<TeamOutlined />} onClick={() => setAssigning(true)} disabled={!v} data-testid="task-assign"><Bi zh="调整分工" en="Assign" /></Button>}
      </Space>}>
      <LoadState loading={view.loading && !v} error={view.error} reload={view.reload} rows={5}>
        {v && (
          <>
            <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label={<Bi zh="牵头单位" en="Lead units" />}><Orgs list={v.assignment?.lead} /></Descriptions.Item>
              <Descriptions.Item label={<Bi zh="配合单位" en="Co-units" />}><Orgs list={v.assignment?.co} /></Descriptions.Item>
              <Descriptions.Item label={<Bi zh="区县" en="Districts" />}><Orgs list={v.assignment?.districts} /></Descriptions.Item>
              <Descriptions.Item label={<Bi zh="权重" en="Weight" />}>{fmtNum(v.assignment?.weight ?? s?.weight ?? 1, lang)}</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="加权进度" en="Weighted progress" />}>
                {s?.workPoints ? <Progress percent={s.progressPct} size="small" strokeColor={s.colour === 'none' ? undefined : COLOURS[s.colour].hex} style={{ maxWidth: 260, margin: 0 }} /> : <Typography.Text type="secondary">—</Typography.Text>}
              </Descriptions.Item>
              <Descriptions.Item label={<Bi zh="状态分布" en="Breakdown" />}>{s ? <ColourCountTags counts={s.counts} href={(c) => `/supervision/work-points?taskNo=${taskNo}&colour=${c}`} /> : '—'}</Descriptions.Item>
            </Descriptions>
            <Tabs size="small" items={[
              { key: 'wp', label: <span><Bi zh="工作要点" en="Work points" /> <Tag className="count-tag">{v.workPoints.total}</Tag></span>,
                children: <Table<WorkPoint> rowKey="id" size="small" columns={wpColumns} dataSource={v.workPoints.items} scroll={{ x: 990 }}
                  pagination={v.workPoints.items.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
                  locale={empty('本任务尚未部署工作要点', 'No work points for this task yet')} data-testid="task-work-points" /> },
              { key: 'reports', label: <span><Bi zh="最新报告" en="Latest reports" /> <Tag className="count-tag">{v.reports.items.length}</Tag></span>,
                children: <Table<ReportListItem> rowKey="id" size="small" columns={reportColumns} dataSource={v.reports.items} pagination={false} scroll={{ x: 700 }}
                  locale={empty('暂无进展报告', 'No progress reports yet')} data-testid="task-reports" /> },
              { key: 'indicators', label: <span><Bi zh="行动指标" en="Indicators" /> <Tag className="count-tag">{v.indicators.length}</Tag></span>,
                children: <Table<Indicator> rowKey="code" size="small" columns={indicatorColumns} dataSource={v.indicators} pagination={false}
                  locale={empty('所属行动暂无监测指标', 'The action has no indicators')} data-testid="task-indicators" /> },
              { key: 'inspections', label: <span><Bi zh="督查检查" en="Inspections" /> <Tag className="count-tag">{v.inspections.length}</Tag></span>,
                children: <Table<Inspection> rowKey="id" size="small" columns={inspectionColumns} dataSource={v.inspections} pagination={false}
                  locale={empty('暂无涉及本任务的督查', 'No inspections cover this task')} data-testid="task-inspections" /> },
            ]} />
          </>
        )}
      </LoadState>
      {assigning && v && (
        <AssignModal taskNo={taskNo} assignment={v.assignment} onClose={() => setAssigning(false)} onSaved={() => { setAssigning(false); view.reload(); }} />
      )}
    </Card>
  );
}
