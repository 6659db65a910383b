import { useState } from 'react';
import { App as AntApp, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { CheckOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { api } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { useLang } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { bi } from '../../supervision/shared';
import { NEEDS, type Need } from './api';

type Decision = 'accept' | 'return' | 'withdraw';

const TEXT: Record<Decision, { title: { zh: string; en: string }; ok: { zh: string; en: string }; note: { zh: string; en: string }; done: { zh: string; en: string } }> = {
  accept: { title: { zh: '审核通过，纳入需求目录', en: 'Accept into the catalog' }, ok: { zh: '通过', en: 'Accept' }, note: { zh: '审核意见（可选）', en: 'Note (optional)' }, done: { zh: '已入库，下一版目录将收录', en: 'Accepted; the next edition takes it' } },
  return: { title: { zh: '退回', en: 'Return' }, ok: { zh: '退回', en: 'Return' }, note: { zh: '退回理由（提出单位将收到通知）', en: 'Why (the raiser is told)' }, done: { zh: '已退回，提出单位将收到理由', en: 'Returned; the raiser is told why' } },
  withdraw: { title: { zh: '撤回 / 移出需求目录', en: 'Withdraw / take out of the catalog' }, ok: { zh: '撤回', en: 'Withdraw' }, note: { zh: '说明（主管部门移出目录时必填）', en: 'Why (required when an organiser takes it out)' }, done: { zh: '已撤回，下一版目录不再收录', en: 'Withdrawn; the next edition drops it' } },
};

/** One decision on a need, with its note: accept (optional note), return (the reason, required), withdraw. */
function DecisionModal({ need, decision, noteRequired, onClose, onDone }: { need: Pick<Need, 'id' | 'code' | 'titleZh'>; decision: Decision; noteRequired: boolean; onClose: () => void; onDone: (n: Need) => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const t = TEXT[decision];
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const note = v.note?.trim() || null;
    const saved = await api.post<Need>(`${NEEDS}/${need.id}/${decision}`, decision === 'withdraw' ? { noteZh: note } : { reviewNoteZh: note });
    message.success(bi(lang, t.done));
    onDone(saved);
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh={`${t.title.zh} · ${need.code}`} en={`${t.title.en} · ${need.code}`} />} okText={bi(lang, t.ok)} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ danger: decision !== 'accept', 'data-testid': `need-${decision}-ok` } as never}>
      <Typography.Paragraph>{need.titleZh}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="note" label={<Bi zh={t.note.zh} en={t.note.en} />}
          rules={noteRequired ? [{ required: true, whitespace: true, message: bi(lang, { zh: '须说明理由', en: 'Say why' }) }] : []}>
          <Input.TextArea maxLength={decision === 'withdraw' ? 1000 : 2000} showCount autoSize={{ minRows: 3 }} data-testid={`need-${decision}-note`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * The buttons a need's `may` opens: 通过 / 退回 for organisers on a submitted need, 撤回 for the
 * raiser (or an organiser taking an accepted need out of the catalog, with the reason).
 */
export function NeedDecisions({ need, raiser, onDone, size = 'middle' }: { need: Pick<Need, 'id' | 'code' | 'titleZh' | 'may'>; raiser: boolean; onDone: (n: Need) => void; size?: 'small' | 'middle' }) {
  const [decision, setDecision] = useState<Decision | null>(null);
  return (
    <span onClick={(e) => e.stopPropagation()}>
      <Space size={6} wrap>
        {need.may.review && (
          <>
            <Button size={size} type="primary" icon={<CheckOutlined />} onClick={() => setDecision('accept')} data-testid={`need-accept-${need.code}`}><Bi zh="通过" en="Accept" /></Button>
            <Button size={size} danger icon={<RollbackOutlined />} onClick={() => setDecision('return')} data-testid={`need-return-${need.code}`}><Bi zh="退回" en="Return" /></Button>
          </>
        )}
        {need.may.withdraw && (
          <Button size={size} icon={<StopOutlined />} onClick={() => setDecision('withdraw')} data-testid={`need-withdraw-${need.code}`}><Bi zh="撤回" en="Withdraw" /></Button>
        )}
      </Space>
      {decision && (
        <DecisionModal need={need} decision={decision} noteRequired={decision === 'return' || (decision === 'withdraw' && !raiser)}
          onClose={() => setDecision(null)} onDone={(n) => { setDecision(null); onDone(n); }} />
      )}
    </span>
  );
}
