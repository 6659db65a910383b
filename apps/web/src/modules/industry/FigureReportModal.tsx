import { App as AntApp, Alert, Form, InputNumber, Modal, Select } from 'antd';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi, one } from '../supervision/shared';
import { useIndustryRoles } from './access';
import type { Figure, FigureSource } from './api';
import { FIGURE_SOURCES } from './labels';

interface Values { year: number; revenueWan?: number | null; outputValueWan?: number | null; rdSpendWan?: number | null; employees?: number | null; source?: FigureSource }

const FIRST_YEAR = 2015;

/**
 * 报送经营数据: a year's figures in 万元. An enterprise's own report awaits its district's
 * verification; a district's or the task force's entry counts as verified.
 */
export function FigureReportModal({ enterpriseId, figures, own, onClose, onSaved }: { enterpriseId: string; figures: Figure[]; own: boolean; onClose: () => void; onSaved: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const { taskForce } = useIndustryRoles();
  const [form] = Form.useForm<Values>();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);
  const latest = figures.length ? Math.max(...figures.map((f) => f.year)) : thisYear - 1;

  // A year already reported opens with its figures, so that a correction starts from them.
  const valuesOf = (year: number) => {
    const f = figures.find((x) => x.year === year);
    return { revenueWan: f?.revenueWan ?? null, outputValueWan: f?.outputValueWan ?? null, rdSpendWan: f?.rdSpendWan ?? null, employees: f?.employees ?? null };
  };
  const fill = (year: number) => form.setFieldsValue(valuesOf(year));

  const { submit, saving } = useFormSubmit(form, async (v) => {
    const saved = await api.put<Figure>(`/api/industry/enterprises/${enterpriseId}/figures/${v.year}`, {
      revenueWan: v.revenueWan ?? null, outputValueWan: v.outputValueWan ?? null, rdSpendWan: v.rdSpendWan ?? null, employees: v.employees ?? null,
      ...(taskForce && v.source ? { source: v.source } : {}),
    });
    message.success(saved.state === 'verified'
      ? bi(lang, { zh: `已录入 ${v.year} 年数据（已核实）`, en: `Saved the ${v.year} figures (verified)` })
      : bi(lang, { zh: `已报送 ${v.year} 年数据，待区县核实`, en: `Reported the ${v.year} figures; awaiting the district's verification` }));
    onSaved();
  });

  const amount = (name: keyof Values, zh: string, en: string, testId?: string) => (
    <Form.Item name={name} label={<Bi zh={`${zh}（万元）`} en={`${en} (万元)`} />} rules={[{ type: 'number', min: 0 }]}>
      <InputNumber min={0} step={100} className="full-width" data-testid={testId} />
    </Form.Item>
  );

  return (
    <Modal open width={620} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh="报送经营数据" en="Report figures" />} okText={bi(lang, { zh: own ? '报送' : '保存', en: own ? 'Submit' : 'Save' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ 'data-testid': 'figure-report-submit' } as never}>
      <Alert type="info" showIcon className="panel-alert"
        title={own
          ? bi(lang, { zh: '企业自报数据须经所在区县核实后计入目标。', en: 'Self-reported figures count toward the targets once the district has verified them.' })
          : bi(lang, { zh: '区县或工作专班录入的数据视为已核实，直接计入目标。', en: 'Figures entered by the district or the task force count as verified.' })} />
      <Form form={form} layout="vertical" className="modal-form" name="figures" initialValues={{ year: latest, source: 'statistics', ...valuesOf(latest) }}
        onValuesChange={(changed: Partial<Values>) => { if (changed.year) fill(changed.year); }}>
        <div className="form-grid-2">
          <Form.Item name="year" label={<Bi zh="年度" en="Year" />} rules={[{ required: true }]}>
            <Select options={years.map((y) => ({ value: y, label: String(y) }))} data-testid="figure-year" />
          </Form.Item>
          {taskForce && (
            <Form.Item name="source" label={<Bi zh="数据来源" en="Source" />}>
              <Select options={(['statistics', 'districtVerified'] as FigureSource[]).map((s) => ({ value: s, label: one(lang, FIGURE_SOURCES[s]) }))} />
            </Form.Item>
          )}
        </div>
        <div className="form-grid-2">
          {amount('revenueWan', '生物制造营业收入', 'Biomanufacturing revenue', 'figure-revenue')}
          {amount('outputValueWan', '生物制造产值', 'Output value')}
          {amount('rdSpendWan', '研发投入', 'R&D spend')}
          <Form.Item name="employees" label={<Bi zh="从业人数" en="Employees" />} rules={[{ type: 'integer', min: 0 }]}>
            <InputNumber min={0} precision={0} className="full-width" />
          </Form.Item>
        </div>
        <div className="cell-sub">{bi(lang, { zh: '营业收入与产值至少填写一项；1 亿元 = 10000 万元。', en: 'Give revenue or output value; 1 亿元 = 10,000 万元.' })}</div>
      </Form>
    </Modal>
  );
}
