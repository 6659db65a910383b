import { App as AntApp, Form, InputNumber, Modal, Typography } from 'antd';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi } from '../supervision/shared';
import type { LeadClock, LeadStage } from './api';

/** 设置响应时限 (the task force's): the days each stage allows, 1–365; the server names a refused stage beside it. */
export function LeadClocksModal({ clocks, onClose, onSaved }: { clocks: LeadClock[]; onClose: () => void; onSaved: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Record<LeadStage, number>>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.put('/api/industry/leads/clocks', Object.fromEntries(clocks.map((c) => [c.stage, v[c.stage]])));
    message.success(bi(lang, { zh: '响应时限已保存', en: 'Clocks saved' }));
    onSaved();
  });
  const whole = { required: true, type: 'integer' as const, min: 1, max: 365, message: bi(lang, { zh: '1–365 的整数天', en: 'Whole days, 1–365' }) };
  return (
    <Modal open width={560} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh="设置响应时限" en="Set the response clocks" />} okText={bi(lang, { zh: '保存', en: 'Save' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ 'data-testid': 'clocks-form-submit' } as never}>
      <Typography.Paragraph type="secondary">
        {bi(lang, { zh: '新线索须在「线索」天数内首次响应；此后每个阶段两次跟进之间不超过该阶段的天数。', en: 'A new lead must be answered within the clue days; afterwards each stage allows its days between follow-ups.' })}
      </Typography.Paragraph>
      <Form form={form} layout="horizontal" labelCol={{ span: 10 }} wrapperCol={{ span: 14 }} className="modal-form" name="clocks"
        initialValues={Object.fromEntries(clocks.map((c) => [c.stage, c.days]))}>
        {clocks.map((c) => (
          <Form.Item key={c.stage} name={c.stage} label={<Bi zh={c.zh} en={c.en} />} rules={[whole]}>
            <InputNumber min={1} max={365} precision={0} suffix={lang === 'zh' ? '天' : 'days'} style={{ width: 160 }} data-testid={`clock-days-${c.stage}`} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
