import { App as AntApp, Form, Input, Modal } from 'antd';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi } from '../supervision/shared';
import { REPORT_STATUSES } from './labels';

/** The centre moves a report on; dismissing needs the reason, which the reporter reads; resolving records the outcome. */
export function ReportMoveModal({ reportId, to, onClose, onDone }: { reportId: string; to: string; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ noteZh?: string }>();
  const label = REPORT_STATUSES[to];
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/ip/reports/${reportId}/move`, { to, noteZh: v.noteZh?.trim() || null });
    message.success(bi(lang, { zh: `已改为「${label.zh}」`, en: `Now ${label.en.toLowerCase()}` }));
    onDone();
  });
  const noteName = to === 'dismissed' ? { zh: '不予受理的理由', en: 'Why it is dismissed' } : to === 'resolved' ? { zh: '处理结果', en: 'Outcome' } : { zh: '说明', en: 'Note' };
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh={`改为「${label.zh}」`} en={`Mark ${label.en.toLowerCase()}`} />} okText={bi(lang, { zh: '确定', en: 'OK' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ 'data-testid': 'ip-report-move-ok', danger: to === 'dismissed' } as never}>
      <Form form={form} layout="vertical" className="modal-form" name="reportMove">
        <Form.Item name="noteZh" label={<Bi zh={noteName.zh} en={noteName.en} />} rules={[{ required: to === 'dismissed', whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={4000} data-testid="ip-report-move-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
