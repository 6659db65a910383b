import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, DatePicker, Empty, Form, Input, Modal, Radio, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { api, qs } from '../../app/api';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { PageHeader } from '../../app/PageHeader';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useDistricts, useTasks } from '../plan/api';
import type { Inspection } from './api';
import { INSPECTION_KIND, INSPECTION_STATUS, options } from './PubLabels';
import { isoOf, labelFilter, NamedTag, orgOptions, type PickedDate } from './PubShared';
import { ExportButton, useOrganisations, useTaskForce } from './shared';

// The server caps a page at 500 and returns no total; inspections number in the dozens a year, so
// one page holds them all and search and paging happen here.
const LIMIT = 500;

/** Inspections (督促检查 / 专项督查) with their rectification counts; the task force schedules new ones. */
export default function InspectionsPage() {
  const lang = useLang();
  const taskForce = useTaskForce();
  const tasks = useTasks();
  const [status, setStatus] = useState<string>();
  const [kind, setKind] = useState<string>();
  const [taskNo, setTaskNo] = useState<number>();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const list = useApi<{ items: Inspection[] }>(`/api/inspections${qs({ status, kind, taskNo, limit: LIMIT, offset: 0 })}`);

  const rows = useMemo(() => {
    const s = q.trim().toLowerCase();
    const all = list.data?.items ?? [];
    return s ? all.filter((i) => i.code.toLowerCase().includes(s) || i.titleZh.toLowerCase().includes(s) || (i.findingsZh ?? '').toLowerCase().includes(s)) : all;
  }, [list.data, q]);
  const filtered = !!(status || kind || taskNo || q.trim());

  const columns: ColumnsType<Inspection> = [
    { title: <Bi zh="编号" en="Code" />, dataIndex: 'code', width: 130, render: (v: string, i) => <Link to={`/supervision/inspections/${i.id}`} className="mono">{v}</Link> },
    { title: <Bi zh="类别" en="Kind" />, dataIndex: 'kind', width: 120, render: (v: string) => <NamedTag n={INSPECTION_KIND[v]} /> },
    { title: <Bi zh="名称" en="Title" />, dataIndex: 'titleZh', render: (v: string, i) => <Link to={`/supervision/inspections/${i.id}`} className="cell-main">{v}</Link> },
    { title: <Bi zh="计划日期" en="Planned on" />, dataIndex: 'plannedOn', width: 130, sorter: (a, b) => a.plannedOn.localeCompare(b.plannedOn) },
    { title: <Bi zh="督查范围" en="Scope" />, key: 'scope', width: 190,
      render: (_, i) => {
        const parts = [i.scope.taskNos.length && `任务 ${i.scope.taskNos.length}`, i.scope.organisationIds.length && `单位 ${i.scope.organisationIds.length}`, i.scope.districtCodes.length && `区县 ${i.scope.districtCodes.length}`].filter(Boolean);
        return <Typography.Text type="secondary">{parts.join(' · ') || '—'}</Typography.Text>;
      } },
    { title: <Bi zh="状态" en="Status" />, dataIndex: 'status', width: 110, render: (v: string) => <NamedTag n={INSPECTION_STATUS[v]} testId="inspection-status" /> },
    { title: <Bi zh="整改未销号 / 总数" en="Open / total" />, key: 'rect', width: 170, align: 'center',
      sorter: (a, b) => (a.openRectifications ?? 0) - (b.openRectifications ?? 0),
      render: (_, i) => (
        <span>
          <Typography.Text type={(i.openRectifications ?? 0) > 0 ? 'warning' : 'secondary'} strong={(i.openRectifications ?? 0) > 0}>{i.openRectifications ?? 0}</Typography.Text>
          <Typography.Text type="secondary"> / {i.rectifications ?? 0}</Typography.Text>
        </span>
      ) },
  ];

  return (
    <>
      <PageHeader title={{ zh: '督促检查', en: 'Inspections' }}
        description="工作专班按计划开展督促检查，并对重点问题开展专项督查；发现的问题交办整改事项，责任单位报送整改情况，经验收后销号。（Scheduled and special inspections; findings become rectifications that owners report on and the task force closes.）"
        extra={taskForce && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="inspection-new"><Bi zh="安排督查" en="New inspection" /></Button>} />
      <Card className="panel">
        <div className="table-toolbar">
          <Input.Search allowClear placeholder="搜索编号、名称、发现问题 Search" value={q} onChange={(e) => setQ(e.target.value)} style={{ width: 240 }} data-testid="inspection-search" />
          <Select allowClear placeholder="状态 Status" value={status} onChange={setStatus} style={{ width: 150 }} options={options(INSPECTION_STATUS, lang)} data-testid="inspection-filter-status" />
          <Select allowClear placeholder="类别 Kind" value={kind} onChange={setKind} style={{ width: 150 }} options={options(INSPECTION_KIND, lang)} />
          <Select allowClear showSearch={{ filterOption: labelFilter }} placeholder="涉及任务 Task" value={taskNo} onChange={setTaskNo} style={{ width: 220 }}
            options={(tasks.data ?? []).map((t) => ({ value: t.no, label: `${t.no}. ${t.titleZh}` }))} />
          <Space className="table-count">
            <Typography.Text type="secondary">共 {rows.length} 项</Typography.Text>
            <ExportButton path="/api/inspections/export.xlsx" fallbackName="督促检查与整改事项.xlsx" testId="inspection-export" />
          </Space>
        </div>
        {(list.data?.items.length ?? 0) >= LIMIT && <Alert type="info" showIcon className="panel-alert" title={`仅显示最近 ${LIMIT} 项，请用筛选缩小范围。（Showing the latest ${LIMIT}; filter to narrow.）`} />}
        <Table<Inspection>
          rowKey="id" columns={columns} dataSource={rows} loading={list.loading} scroll={{ x: 1100 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false, showTotal: (n) => `共 ${n} 项` }}
          onRow={(i) => ({ 'data-testid': `inspection-row-${i.code}` }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: list.error ? <Empty description={list.error.message} /> : filtered
            ? <Empty description="没有符合条件的督查，请调整筛选。（No inspections match the filters.）" />
            : (
              <Empty description={taskForce ? '尚未安排督查。安排一次督促检查，选定任务、单位或区县。（No inspections yet: schedule one.）' : '目前没有涉及本单位的督查。（No inspections involve your organisation.）'}>
                {taskForce && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>安排督查 New inspection</Button>}
              </Empty>
            ) }}
        />
      </Card>
      {creating && <NewInspectionModal onClose={() => setCreating(false)} />}
    </>
  );
}

interface Values {
  kind: 'scheduled' | 'special';
  titleZh: string;
  plannedOn: PickedDate;
  taskNos?: number[];
  organisationIds?: string[];
  districtCodes?: string[];
  findingsZh?: string;
}

function NewInspectionModal({ onClose }: { onClose: () => void }) {
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const tasks = useTasks();
  const orgs = useOrganisations(true);
  const districts = useDistricts();

  const { submit, saving } = useFormSubmit(form, async (v) => {
    const created = await api.post<Inspection>('/api/inspections', {
      kind: v.kind, titleZh: v.titleZh.trim(), plannedOn: isoOf(v.plannedOn),
      scope: { taskNos: v.taskNos ?? [], organisationIds: v.organisationIds ?? [], districtCodes: v.districtCodes ?? [] },
      findingsZh: v.findingsZh?.trim() || null,
    });
    message.success(`已安排督查 ${created.code}（Inspection scheduled）`);
    navigate(`/supervision/inspections/${created.id}`);
  });

  // The scope needs at least one task, unit or district; checked on the first of the three.
  const scopeRule = ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
    validator: () => (['taskNos', 'organisationIds', 'districtCodes'].some((n) => ((getFieldValue(n) as unknown[] | undefined) ?? []).length)
      ? Promise.resolve() : Promise.reject(new Error('须至少选定一项任务、单位或区县 (name at least one task, unit or district)'))),
  });

  return (
    <Modal open width={720} title={<Bi zh="安排督查" en="New inspection" />} onOk={submit} confirmLoading={saving} onCancel={onClose}
      okText="安排 Schedule" cancelText="取消 Cancel" destroyOnHidden mask={{ closable: false }} okButtonProps={{ 'data-testid': 'inspection-new-ok' } as never}>
      <Form form={form} layout="vertical" className="modal-form" name="inspection" initialValues={{ kind: 'scheduled' }}>
        <Form.Item name="kind" label={<Bi zh="类别" en="Kind" />} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={[{ value: 'scheduled', label: '督促检查 Scheduled' }, { value: 'special', label: '专项督查 Special' }]} />
        </Form.Item>
        <Form.Item name="titleZh" label={<Bi zh="名称" en="Title" />} rules={[{ required: true, whitespace: true, message: '请填写名称 (required)' }, { max: 200 }]}>
          <Input placeholder="如：2026 年第四季度生物医药产业项目督促检查" data-testid="inspection-title" />
        </Form.Item>
        <Form.Item name="plannedOn" label={<Bi zh="计划日期" en="Planned on" />} rules={[{ required: true, message: '请选择日期 (required)' }]}>
          <DatePicker className="full-width" data-testid="inspection-planned-on" />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>督查范围：至少选定一项任务、单位或区县（Scope: at least one task, unit or district）</Typography.Paragraph>
        <Form.Item name="taskNos" label={<Bi zh="涉及任务" en="Tasks" />} dependencies={['organisationIds', 'districtCodes']} rules={[scopeRule]}>
          <Select mode="multiple" allowClear showSearch={{ filterOption: labelFilter }} loading={tasks.loading} placeholder="选择任务 Tasks" data-testid="inspection-tasks"
            options={(tasks.data ?? []).map((t) => ({ value: t.no, label: `${t.no}. ${t.titleZh}` }))} />
        </Form.Item>
        <Form.Item name="organisationIds" label={<Bi zh="涉及单位" en="Organisations" />}>
          <Select mode="multiple" allowClear showSearch={{ filterOption: labelFilter }} loading={orgs.loading} placeholder="选择单位 Organisations" options={orgOptions(orgs.data)} />
        </Form.Item>
        <Form.Item name="districtCodes" label={<Bi zh="涉及区县" en="Districts" />}>
          <Select mode="multiple" allowClear showSearch={{ filterOption: labelFilter }} loading={districts.loading} placeholder="选择区县 Districts"
            options={(districts.data ?? []).map((d) => ({ value: d.code, label: d.nameZh }))} />
        </Form.Item>
        <Form.Item name="findingsZh" label={<Bi zh="发现问题（可后补）" en="Findings (may come later)" />} rules={[{ max: 10000 }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
