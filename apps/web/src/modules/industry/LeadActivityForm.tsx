import { App as AntApp, Button, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi } from '../supervision/shared';

interface Values { textZh: string; nextActionZh?: string; nextActionOn?: Dayjs | null }

/** 记录跟进: what happened and what comes next; it restarts the lead's response clock. */
export function LeadActivityForm({ leadId, onDone }: { leadId: string; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/industry/leads/${leadId}/activities`, {
      textZh: v.textZh.trim(), nextActionZh: v.nextActionZh?.trim() || null, nextActionOn: v.nextActionOn ? v.nextActionOn.format('YYYY-MM-DD') : null,
    });
    message.success(bi(lang, { zh: '已记录跟进', en: 'Follow-up recorded' }));
    form.resetFields();
    onDone();
  });
  return (
    <Form form={form} layout="vertical" name="activity" disabled={saving}>
      <Form.Item name="textZh" label={<Bi zh="跟进情况" en="What happened" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请填写跟进情况', en: 'Say what happened' }) }]}>
        <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 3, maxRows: 8 }} data-testid="lead-activity-text"
          placeholder={bi(lang, { zh: '例如：与企业投资部座谈，对方关注用地与能耗指标', en: 'e.g. met the investment team; they asked about land and energy quotas' })} />
      </Form.Item>
      <div className="form-grid-2">
        <Form.Item name="nextActionZh" label={<Bi zh="下一步工作" en="Next action" />}><Input maxLength={500} /></Form.Item>
        <Form.Item name="nextActionOn" label={<Bi zh="下一步时间" en="Next action on" />}><DatePicker className="full-width" /></Form.Item>
      </div>
      <Button type="primary" onClick={submit} loading={saving} data-testid="lead-activity-submit"><Bi zh="记录跟进" en="Record" /></Button>
    </Form>
  );
}
