import { useEffect } from 'react';
import { App as AntApp, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import type { WorkPoint } from './api';
import { useDistrictNames, useIndicators, useOrganisationOptions, useTaskOptions } from './WorkShared';
import { bi } from './shared';

interface Values {
  taskNo: number; year: number; kind: 'work' | 'project'; titleZh: string; deliverableZh: string; ownerOrganisationId: string;
  districtCode?: string | null; investmentYiYuan?: number | null; startsOn?: Dayjs | null; dueOn: Dayjs; frequency: 'monthly' | 'quarterly';
  indicatorCode?: string | null; weight?: number | null; pace?: PaceKey;
}

/** The pace lines the task force picks from; a curve set otherwise is kept as it is. */
type PaceKey = 'line' | 'slowStart' | 'fastStart' | 'keep';
const PACES: Record<Exclude<PaceKey, 'keep'>, { zh: string; en: string; curve: [number, number][] | null }> = {
  line: { zh: '直线（匀速）', en: 'Straight line', curve: null },
  slowStart: { zh: '前缓后快（过半时达 30%）', en: 'Slow start (30% at half time)', curve: [[0, 0], [0.5, 30], [1, 100]] },
  fastStart: { zh: '前快后缓（过半时达 70%）', en: 'Fast start (70% at half time)', curve: [[0, 0], [0.5, 70], [1, 100]] },
};
const paceOf = (curve: [number, number][] | null | undefined): PaceKey =>
  (Object.entries(PACES).find(([, p]) => JSON.stringify(p.curve) === JSON.stringify(curve ?? null))?.[0] as PaceKey | undefined) ?? 'keep';

const YEARS = [2024, 2025, 2026, 2027];
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** Add a work point, or change one (the task force's). */
export function WorkPointFormModal({ workPoint, onClose, onSaved }: { workPoint?: WorkPoint; onClose: () => void; onSaved: (w: { id: string }) => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const tasks = useTaskOptions();
  const orgs = useOrganisationOptions(true);
  const districts = useDistrictNames();
  const indicators = useIndicators();
  const editing = !!workPoint;

  useEffect(() => {
    if (!workPoint) return;
    form.setFieldsValue({
      ...workPoint,
      startsOn: workPoint.startsOn ? dayjs(workPoint.startsOn) : null,
      dueOn: dayjs(workPoint.dueOn),
      pace: paceOf(workPoint.paceCurve),
    });
  }, [workPoint, form]);

  const { submit, saving } = useFormSubmit(form, async (v) => {
    const body = {
      taskNo: v.taskNo, year: v.year, kind: v.kind, titleZh: v.titleZh.trim(), deliverableZh: v.deliverableZh.trim(),
      ownerOrganisationId: v.ownerOrganisationId, districtCode: v.districtCode ?? null, investmentYiYuan: v.investmentYiYuan ?? null,
      startsOn: iso(v.startsOn), dueOn: iso(v.dueOn)!, frequency: v.frequency, indicatorCode: v.indicatorCode ?? null, weight: v.weight ?? 1,
      ...(v.pace && v.pace !== 'keep' ? { paceCurve: PACES[v.pace].curve } : {}),
    };
    const saved = editing
      ? await api.patch<{ id: string; code: string }>(`/api/work-points/${workPoint.id}`, body)
      : await api.post<{ id: string; code: string }>('/api/work-points', body);
    message.success(editing ? bi(lang, { zh: '已保存', en: 'Saved' }) : bi(lang, { zh: `已新增 ${saved.code}`, en: `Added ${saved.code}` }));
    onSaved(saved);
  });

  const required = (zh: string, en: string) => ({ required: true, message: bi(lang, { zh, en }) });

  return (
    <Modal open width={720} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={editing ? <Bi zh={`编辑工作要点 ${workPoint.code}`} en={`Edit work point ${workPoint.code}`} /> : <Bi zh="新增工作要点" en="Add a work point" />}
      okText={editing ? bi(lang, { zh: '保存', en: 'Save' }) : bi(lang, { zh: '新增', en: 'Add' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ 'data-testid': 'work-point-form-submit' } as never}>
      <Form form={form} layout="vertical" className="modal-form" name="workPoint"
        initialValues={{ year: Math.min(2027, Math.max(2024, new Date().getFullYear())), kind: 'work', frequency: 'quarterly', weight: 1, pace: 'line' }}>
        <div style={{ display: 'grid', gridTemplateColumns: '2fr 1fr', columnGap: 16 }}>
          <Form.Item name="taskNo" label={<Bi zh="重点任务" en="Task" />} rules={[required('请选择任务', 'Choose a task')]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={tasks.options} loading={tasks.loading} data-testid="wp-task" />
          </Form.Item>
          <Form.Item name="year" label={<Bi zh="年度" en="Year" />} rules={[required('请选择年度', 'Choose a year')]}>
            <Select options={YEARS.map((y) => ({ value: y, label: String(y) }))} />
          </Form.Item>
        </div>
        <Form.Item name="kind" label={<Bi zh="类别" en="Kind" />}>
          <Radio.Group options={[{ value: 'work', label: bi(lang, { zh: '工作事项', en: 'Work item' }) }, { value: 'project', label: bi(lang, { zh: '项目', en: 'Project' }) }]} />
        </Form.Item>
        <Form.Item name="titleZh" label={<Bi zh="工作要点" en="Work point" />} rules={[{ ...required('请填写工作要点', 'Describe the work point'), whitespace: true }, { max: 200 }]}>
          <Input maxLength={200} showCount data-testid="wp-title" />
        </Form.Item>
        <Form.Item name="deliverableZh" label={<Bi zh="预期成果" en="Deliverable" />} rules={[{ ...required('请填写预期成果', 'State the deliverable'), whitespace: true }, { max: 500 }]}>
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} data-testid="wp-deliverable" />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
          <Form.Item name="ownerOrganisationId" label={<Bi zh="责任单位" en="Owner unit" />} rules={[required('请选择责任单位', 'Choose the owner unit')]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={orgs} data-testid="wp-owner" />
          </Form.Item>
          <Form.Item name="districtCode" label={<Bi zh="区县" en="District" />}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={districts.options} placeholder={bi(lang, { zh: '全市 / 不限', en: 'Citywide' })} />
          </Form.Item>
          <Form.Item name="startsOn" label={<Bi zh="开始日期" en="Starts on" />} extra={bi(lang, { zh: '不填则为当年 1 月 1 日', en: 'Empty: 1 January of the year' })}>
            <DatePicker className="full-width" />
          </Form.Item>
          <Form.Item name="dueOn" label={<Bi zh="完成时限" en="Due on" />} dependencies={['year', 'startsOn']}
            rules={[required('请选择完成时限', 'Choose the due date'), ({ getFieldValue }) => ({
              validator: (_, d: Dayjs | undefined) => {
                const year = getFieldValue('year') as number | undefined;
                const start = getFieldValue('startsOn') as Dayjs | null | undefined;
                if (d && year && d.year() !== year) return Promise.reject(new Error(bi(lang, { zh: `须在 ${year} 年内`, en: `Must fall in ${year}` })));
                if (d && start && start.isAfter(d, 'day')) return Promise.reject(new Error(bi(lang, { zh: '不能早于开始日期', en: 'Must not precede the start' })));
                return Promise.resolve();
              },
            })]}>
            <DatePicker className="full-width" data-testid="wp-due" />
          </Form.Item>
          <Form.Item name="frequency" label={<Bi zh="报送频次" en="Reporting" />} rules={[required('请选择报送频次', 'Choose how often')]}>
            <Radio.Group options={[{ value: 'monthly', label: bi(lang, { zh: '按月', en: 'Monthly' }) }, { value: 'quarterly', label: bi(lang, { zh: '按季度', en: 'Quarterly' }) }]} />
          </Form.Item>
          <Form.Item name="investmentYiYuan" label={<Bi zh="投资额（亿元）" en="Investment (100M yuan)" />}>
            <InputNumber min={0} step={0.1} className="full-width" />
          </Form.Item>
          <Form.Item name="indicatorCode" label={<Bi zh="关联指标" en="Indicator" />}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={indicators.loading}
              options={(indicators.data ?? []).map((i) => ({ value: i.code, label: `${i.code} ${i.indicatorZh}` }))} />
          </Form.Item>
          <Form.Item name="weight" label={<Bi zh="权重" en="Weight" />} rules={[{ type: 'number', min: 0.01, message: bi(lang, { zh: '权重须大于 0', en: 'Weight must be above 0' }) }]}>
            <InputNumber min={0.01} max={1000} step={0.5} className="full-width" />
          </Form.Item>
          <Form.Item name="pace" label={<Bi zh="进度线" en="Pace line" />} extra={bi(lang, { zh: '进度低于此线 10 个百分点以上时亮黄灯', en: 'Yellow when progress falls 10 points below this line' })}>
            <Select data-testid="work-point-pace" options={[
              ...Object.entries(PACES).map(([value, p]) => ({ value, label: bi(lang, p) })),
              ...(editing && paceOf(workPoint.paceCurve) === 'keep' ? [{ value: 'keep', label: bi(lang, { zh: '自定义（保持不变）', en: 'Custom (keep)' }) }] : []),
            ]} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
