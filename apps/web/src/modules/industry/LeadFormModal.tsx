import { App as AntApp, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { isValidCreditCode } from '../admin/creditCode';
import { bi } from '../supervision/shared';
import { useDistrictNames } from '../supervision/WorkShared';
import { useIndustryRoles } from './access';
import { useEvents, type Lead, type LeadDetail } from './api';
import { useChainNodeOptions } from './useChainNodeOptions';

interface Values {
  targetNameZh: string; targetCreditCode?: string; chainNodeCode?: string | null; ownerDistrictCode?: string; expectedRevenueWan?: number | null;
  nextActionZh?: string; nextActionOn?: Dayjs | null; eventId?: string | null;
}

/** A lead's fields as the form holds them. */
const valuesOf = (l: LeadDetail): Values => ({
  targetNameZh: l.targetNameZh, targetCreditCode: l.targetCreditCode ?? undefined, chainNodeCode: l.chainNode?.code ?? null, ownerDistrictCode: l.ownerDistrictCode,
  expectedRevenueWan: l.expectedRevenueWan, nextActionZh: l.nextActionZh ?? undefined, nextActionOn: l.nextActionOn ? dayjs(l.nextActionOn) : null, eventId: l.eventId,
});

/**
 * 登记招商线索: the target company, the chain node it would fill, the district that owns the
 * lead (a district records its own; the task force names one), and the next step. With `lead`,
 * 编辑 the same fields (the stage moves on its own dialog; only the task force moves a lead to
 * another district).
 */
export function LeadFormModal({ lead, onClose, onSaved, chainNodeCode }: { lead?: LeadDetail; onClose: () => void; onSaved: (l: Lead) => void; chainNodeCode?: string }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const { taskForce } = useIndustryRoles();
  const [form] = Form.useForm<Values>();
  const nodes = useChainNodeOptions();
  const districts = useDistrictNames();
  const events = useEvents();

  const { submit, saving } = useFormSubmit(form, async (v) => {
    const body = {
      targetNameZh: v.targetNameZh.trim(), targetCreditCode: v.targetCreditCode?.trim() ? v.targetCreditCode.trim().toUpperCase() : null,
      chainNodeCode: v.chainNodeCode ?? null, ...(taskForce ? { ownerDistrictCode: v.ownerDistrictCode } : {}),
      expectedRevenueWan: v.expectedRevenueWan ?? null, nextActionZh: v.nextActionZh?.trim() || null,
      nextActionOn: v.nextActionOn ? v.nextActionOn.format('YYYY-MM-DD') : null, eventId: v.eventId ?? null,
    };
    const saved = lead ? await api.patch<Lead>(`/api/industry/leads/${lead.id}`, body) : await api.post<Lead>('/api/industry/leads', body);
    message.success(lead ? bi(lang, { zh: `已保存线索 ${saved.code}`, en: `Saved ${saved.code}` }) : bi(lang, { zh: `已登记线索 ${saved.code}`, en: `Recorded lead ${saved.code}` }));
    onSaved(saved);
  });

  return (
    <Modal open width={720} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={lead ? <Bi zh={`编辑线索 · ${lead.code}`} en={`Edit lead · ${lead.code}`} /> : <Bi zh="登记招商线索" en="Record a lead" />}
      okText={lead ? bi(lang, { zh: '保存', en: 'Save' }) : bi(lang, { zh: '登记', en: 'Record' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ 'data-testid': 'lead-form-submit' } as never}>
      <Form form={form} layout="vertical" className="modal-form" name="lead" initialValues={lead ? valuesOf(lead) : { chainNodeCode }}>
        <Form.Item name="targetNameZh" label={<Bi zh="目标企业" en="Target company" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请填写目标企业名称', en: 'Name the target company' }) }]}
          extra={bi(lang, { zh: '多个区县跟进同一企业时，系统按信用代码或名称识别并提示协调', en: 'When several districts chase one company, the platform spots it by credit code or name' })}>
          <Input maxLength={200} data-testid="lead-target" />
        </Form.Item>
        <div className="form-grid-2">
          <Form.Item name="targetCreditCode" label={<Bi zh="目标企业信用代码（可选）" en="Target credit code (optional)" />} normalize={(v: string) => v?.toUpperCase().replace(/\s/g, '')}
            rules={[{ validator: (_, v: string) => (!v || isValidCreditCode(v) ? Promise.resolve() : Promise.reject(new Error(bi(lang, { zh: '统一社会信用代码格式或校验位不正确', en: 'Not a valid credit code' })))) }]}>
            <Input maxLength={18} className="mono" />
          </Form.Item>
          {taskForce ? (
            <Form.Item name="ownerDistrictCode" label={<Bi zh="负责区县" en="Owner district" />} rules={[{ required: true, message: bi(lang, { zh: '请选择负责区县', en: 'Choose the owner district' }) }]}
              extra={lead ? bi(lang, { zh: '变更负责区县即由新区县跟进', en: 'Another district takes the lead over' }) : undefined}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={districts.options} data-testid="lead-district" />
            </Form.Item>
          ) : <div />}
        </div>
        <div className="form-grid-2">
          <Form.Item name="chainNodeCode" label={<Bi zh="产业链环节" en="Chain node" />}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={nodes.options} loading={nodes.loading} popupMatchSelectWidth={360} data-testid="lead-node" />
          </Form.Item>
          <Form.Item name="eventId" label={<Bi zh="来源活动" en="Event" />}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={events.loading}
              options={(events.data ?? []).map((e) => ({ value: e.id, label: e.nameZh }))} />
          </Form.Item>
        </div>
        <Form.Item name="expectedRevenueWan" label={<Bi zh="预计营收（万元）" en="Expected revenue (万元)" />} rules={[{ type: 'number', min: 0 }]}>
          <InputNumber min={0} step={1000} className="full-width" />
        </Form.Item>
        <div className="form-grid-2">
          <Form.Item name="nextActionZh" label={<Bi zh="下一步工作" en="Next action" />}><Input maxLength={500} /></Form.Item>
          <Form.Item name="nextActionOn" label={<Bi zh="下一步时间" en="Next action on" />}><DatePicker className="full-width" /></Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
