import { App as AntApp, Form, Input, Modal, Typography } from 'antd';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi } from '../supervision/shared';
import type { ServiceRequestRow } from './api.deals';
import { REQUEST_MOVES, REQUEST_STATES, type RequestAction } from './labels.deals';

/** What each action asks for: the field the server reads, whether it is required, and how to ask. */
const FIELDS: Record<RequestAction, { name: 'noteZh' | 'outcomeZh' | 'reason'; required: boolean; zh: string; en: string; max: number; hintZh: string; hintEn: string }> = {
  accept: { name: 'noteZh', required: false, zh: '受理意见（可选）', en: 'Note (optional)', max: 1000, hintZh: '例如：材料齐全，已安排专人对接', hintEn: 'e.g. the papers are complete; an officer is assigned' },
  finish: { name: 'outcomeZh', required: true, zh: '办理结果', en: 'Outcome', max: 2000, hintZh: '例如：已出具环评批复，文号……', hintEn: 'e.g. the approval is issued, reference …' },
  reject: { name: 'reason', required: true, zh: '不予受理理由', en: 'Why it is rejected', max: 1000, hintZh: '例如：不属于本部门职责，请向……申请', hintEn: 'e.g. not ours to handle; apply to …' },
  withdraw: { name: 'reason', required: false, zh: '撤回原因（可选）', en: 'Why (optional)', max: 1000, hintZh: '例如：项目计划调整', hintEn: 'e.g. the project plan changed' },
};

/**
 * One step on a one-stop request: the handling body accepts it, finishes it with the outcome or
 * rejects it with a reason; the requester withdraws it before it is done. Each becomes an event.
 */
export function ServiceActionModal({ request, action, onClose, onDone }: {
  request: Pick<ServiceRequestRow, 'id' | 'code' | 'titleZh'>; action: RequestAction; onClose: () => void; onDone: () => void;
}) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const f = FIELDS[action];
  const move = REQUEST_MOVES[action];
  const [form] = Form.useForm<Record<string, string | undefined>>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const text = v[f.name]?.trim() || null;
    await api.post(`/api/pilot/services/requests/${request.id}/${action}`, { [f.name]: f.required ? text ?? '' : text });
    const to = REQUEST_STATES[move.to];
    message.success(bi(lang, { zh: `申请 ${request.code}：${to.zh}`, en: `${request.code}: ${to.en.toLowerCase()}` }));
    onDone();
  });
  const danger = action === 'reject' || action === 'withdraw';
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh={`${move.zh} ${request.code}`} en={`${move.en} ${request.code}`} />} okText={bi(lang, move)} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ danger, 'data-testid': `pilot-service-${action}-ok` } as never}>
      <Typography.Paragraph type="secondary">{request.titleZh}</Typography.Paragraph>
      <Form form={form} layout="vertical" className="modal-form" name={`service-${action}`}>
        <Form.Item name={f.name} label={<Bi zh={f.zh} en={f.en} />}
          rules={[...(f.required ? [{ required: true, whitespace: true, message: bi(lang, { zh: `请填写${f.zh}`, en: 'Required' }) }] : []), { max: f.max }]}>
          <Input.TextArea rows={4} maxLength={f.max} showCount placeholder={bi(lang, { zh: f.hintZh, en: f.hintEn })} data-testid={`pilot-service-${action}-text`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
