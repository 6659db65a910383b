import { useState } from 'react';
import { App as AntApp, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi } from '../supervision/shared';
import { API_PATH, type ItemKind, type ListItem } from './api.lists';

type Decision = 'publish' | 'return';

/** The task force's decision on a submitted item: publish it (a note is optional) or return it with the reason the owner reads. */
function DecisionModal({ kind, item, decision, onClose, onDone }: {
  kind: ItemKind; item: Pick<ListItem, 'id' | 'code' | 'titleZh'>; decision: Decision; onClose: () => void; onDone: (saved: ListItem) => void;
}) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ reviewNoteZh?: string }>();
  const publishing = decision === 'publish';
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const note = v.reviewNoteZh?.trim() || null;
    const saved = await api.post<ListItem>(`${API_PATH[kind]}/${item.id}/${decision}`, { reviewNoteZh: note });
    message.success(publishing
      ? bi(lang, { zh: `已发布 ${item.code}，有效期至 ${saved.expiresOn ?? '—'}`, en: `Published ${item.code}, valid until ${saved.expiresOn ?? '—'}` })
      : bi(lang, { zh: `已退回 ${item.code}，发布方将收到理由`, en: `Returned ${item.code}; the poster is told why` }));
    onDone(saved);
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={publishing ? <Bi zh={`审核通过并发布 · ${item.code}`} en={`Publish · ${item.code}`} /> : <Bi zh={`退回 · ${item.code}`} en={`Return · ${item.code}`} />}
      okText={publishing ? bi(lang, { zh: '发布', en: 'Publish' }) : bi(lang, { zh: '退回', en: 'Return' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ danger: !publishing, 'data-testid': `pilot-${decision}-ok` } as never}>
      <Typography.Paragraph>{item.titleZh}</Typography.Paragraph>
      {publishing && (
        <Typography.Paragraph type="secondary">
          {bi(lang, { zh: `发布后公开 180 天${kind === 'demand' ? '（不超过需求截止日期）' : ''}，到期后发布方可续期。`, en: `Public for 180 days${kind === 'demand' ? ' (never past the deadline)' : ''}; then the poster may renew it.` })}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" className="modal-form">
        <Form.Item name="reviewNoteZh" label={publishing ? <Bi zh="审核意见（可选）" en="Note (optional)" /> : <Bi zh="退回理由" en="Why it is returned" />}
          rules={publishing ? [] : [{ required: true, whitespace: true, message: bi(lang, { zh: '退回须说明理由，发布方将据此修改', en: 'Say why: the poster edits by it' }) }]}>
          <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 3 }} data-testid={`pilot-${decision}-note`}
            placeholder={publishing ? undefined : bi(lang, { zh: '例如：公开摘要含有保密参数，请移入保密详情', en: 'e.g. the public summary holds confidential figures; move them to the detail' })} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 发布 / 退回 buttons for a submitted item (the task force's; the server checks again). */
export function ReviewActions({ kind, item, onDone, size = 'middle' }: {
  kind: ItemKind; item: Pick<ListItem, 'id' | 'code' | 'titleZh'>; onDone: (saved: ListItem) => void; size?: 'small' | 'middle';
}) {
  const [decision, setDecision] = useState<Decision | null>(null);
  return (
    // Clicks inside the dialog bubble through React's tree: keep them from a table row's own click.
    <span onClick={(e) => e.stopPropagation()}>
      <Space size={6}>
        <Button size={size} type="primary" icon={<CheckOutlined />} onClick={() => setDecision('publish')} data-testid={`pilot-publish-${item.code}`}>
          <Bi zh="发布" en="Publish" />
        </Button>
        <Button size={size} danger icon={<RollbackOutlined />} onClick={() => setDecision('return')} data-testid={`pilot-return-${item.code}`}>
          <Bi zh="退回" en="Return" />
        </Button>
      </Space>
      {decision && (
        <DecisionModal kind={kind} item={item} decision={decision} onClose={() => setDecision(null)}
          onDone={(saved) => { setDecision(null); onDone(saved); }} />
      )}
    </span>
  );
}
