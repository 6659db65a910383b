import { App as AntApp, Form, Input, InputNumber, Modal, Select } from 'antd';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi, one } from '../supervision/shared';
import type { Lead, LeadStage } from './api';
import { LEAD_STAGE_ORDER, LEAD_STAGES } from './labels';

interface Values { stage: LeadStage; contractedWan?: number | null; arrivedWan?: number | null; noteZh?: string }

const at = (s: LeadStage) => LEAD_STAGE_ORDER.indexOf(s);

/** 推进阶段: forward only; from 签约 the contracted amount is required, from 到资 the amount arrived. */
export function LeadStageModal({ lead, onClose, onDone }: { lead: Lead; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const next = LEAD_STAGE_ORDER.filter((s) => at(s) > at(lead.stage));
  const stage = Form.useWatch('stage', form) ?? next[0];
  const needsContract = at(stage) >= at('signed');
  const needsArrival = at(stage) >= at('funded');

  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/industry/leads/${lead.id}/stage`, { stage: v.stage, contractedWan: v.contractedWan ?? null, arrivedWan: v.arrivedWan ?? null, noteZh: v.noteZh?.trim() || null });
    message.success(bi(lang, { zh: `已推进至「${LEAD_STAGES[v.stage].zh}」`, en: `Moved to ${LEAD_STAGES[v.stage].en}` }));
    onDone();
  });

  return (
    <Modal open width={560} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh="推进阶段" en="Move forward" />} okText={bi(lang, { zh: '推进', en: 'Move' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ 'data-testid': 'lead-stage-ok' } as never}>
      <Form form={form} layout="vertical" className="modal-form" initialValues={{ stage: next[0], contractedWan: lead.contractedWan, arrivedWan: lead.arrivedWan }}>
        <Form.Item name="stage" label={<Bi zh="推进到" en="Move to" />} rules={[{ required: true }]}>
          <Select options={next.map((s) => ({ value: s, label: one(lang, LEAD_STAGES[s]) }))} data-testid="lead-stage-select" />
        </Form.Item>
        <div className="form-grid-2">
          <Form.Item name="contractedWan" label={<Bi zh="签约金额（万元）" en="Contracted (万元)" />}
            rules={[{ required: needsContract, message: bi(lang, { zh: '签约及以后阶段须填写签约金额', en: 'Signed and later stages need the contracted amount' }) }, { type: 'number', min: 0 }]}>
            <InputNumber min={0} step={1000} className="full-width" />
          </Form.Item>
          <Form.Item name="arrivedWan" label={<Bi zh="到位资金（万元）" en="Arrived (万元)" />}
            rules={[{ required: needsArrival, message: bi(lang, { zh: '到资及以后阶段须填写到位资金', en: 'Funded and later stages need the amount arrived' }) }, { type: 'number', min: 0 }]}>
            <InputNumber min={0} step={1000} className="full-width" />
          </Form.Item>
        </div>
        <Form.Item name="noteZh" label={<Bi zh="说明" en="Note" />}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
