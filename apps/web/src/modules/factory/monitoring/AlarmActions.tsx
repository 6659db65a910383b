import { useState } from 'react';
import { App as AntApp, Button, Form, Input, Modal, Space } from 'antd';
import { api } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { useLang } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { bi } from '../../supervision/shared';
import { useFactoryRoles } from '../epcis/access';
import type { Alarm } from './api';

type Action = 'acknowledge' | 'notes' | 'close';
const TITLES: Record<Action, { zh: string; en: string }> = {
  acknowledge: { zh: '确认报警', en: 'Acknowledge the alarm' },
  notes: { zh: '添加说明', en: 'Add a note' },
  close: { zh: '关闭报警', en: 'Close the alarm' },
};

/**
 * What can be done with an alarm: the factory's own operators acknowledge it (a note saying what
 * was found is required) and close it; anyone who sees it adds notes while it is not closed.
 */
export function AlarmActions({ alarm, onDone, size = 'small' }: { alarm: Alarm; onDone: (a: Alarm) => void; size?: 'small' | 'middle' }) {
  const { operator } = useFactoryRoles();
  const [action, setAction] = useState<Action | null>(null);
  if (alarm.state === 'closed') return null;
  return (
    <>
      <Space size={4} wrap>
        {operator && alarm.state === 'open' && <Button size={size} type="primary" danger onClick={() => setAction('acknowledge')} data-testid={`alarm-ack-${alarm.code}`}><Bi zh="确认" en="Acknowledge" /></Button>}
        <Button size={size} onClick={() => setAction('notes')} data-testid={`alarm-note-${alarm.code}`}><Bi zh="说明" en="Note" /></Button>
        {operator && <Button size={size} onClick={() => setAction('close')} data-testid={`alarm-close-${alarm.code}`}><Bi zh="关闭" en="Close" /></Button>}
      </Space>
      {action && <NoteModal alarm={alarm} action={action} onClose={() => setAction(null)} onDone={(a) => { setAction(null); onDone(a); }} />}
    </>
  );
}

function NoteModal({ alarm, action, onClose, onDone }: { alarm: Alarm; action: Action; onClose: () => void; onDone: (a: Alarm) => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ noteZh?: string }>();
  const required = action !== 'close';
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const saved = await api.post<Alarm>(`/api/factory/alarms/${alarm.id}/${action}`, { noteZh: v.noteZh?.trim() || null });
    message.success(bi(lang, { zh: `报警 ${alarm.code} 已更新`, en: `Alarm ${alarm.code} updated` }));
    onDone(saved);
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh={`${TITLES[action].zh} ${alarm.code}`} en={`${TITLES[action].en} ${alarm.code}`} />}
      okText={bi(lang, { zh: '提交', en: 'Submit' })} okButtonProps={{ 'data-testid': 'alarm-note-ok' } as never}>
      <Form form={form} layout="vertical">
        <Form.Item name="noteZh" label={<Bi zh={action === 'acknowledge' ? '原因与处置' : '说明'} en={action === 'acknowledge' ? 'Cause and action taken' : 'Note'} />}
          rules={required ? [{ required: true, whitespace: true, message: bi(lang, { zh: '请填写说明', en: 'A note is required' }) }, { max: 2000 }] : [{ max: 2000 }]}
          extra={action === 'acknowledge' ? bi(lang, { zh: '如：搅拌电机过载跳闸，已切换备用电机', en: 'e.g. the agitator motor tripped; switched to the standby motor' }) : undefined}>
          <Input.TextArea rows={4} data-testid="alarm-note-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
