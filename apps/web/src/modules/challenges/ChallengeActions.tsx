import { useState } from 'react';
import { App as AntApp, Button, DatePicker, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { CloseCircleOutlined, EditOutlined, FieldTimeOutlined, PlayCircleOutlined, SendOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi } from '../supervision/shared';
import type { ChallengeDetail } from './api';

/**
 * The organiser's moves on a challenge, as the server's `may` allows them: edit and publish a
 * draft, extend an open challenge's deadline (with the reason), move it to review once the
 * deadline has passed, cancel (with the reason).
 */
export function ChallengeActions({ c, onDone }: { c: ChallengeDetail; onDone: () => void }) {
  const lang = useLang();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [dialog, setDialog] = useState<'extend' | 'cancel' | null>(null);
  const [busy, setBusy] = useState(false);
  const may = c.may;
  if (!may) return null;

  const move = async (path: string, done: { zh: string; en: string }) => {
    setBusy(true);
    try {
      await api.post(`/api/challenges/${c.id}/${path}`);
      message.success(bi(lang, done));
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space wrap>
      {may.edit && <Button icon={<EditOutlined />} onClick={() => navigate(`/challenges/${c.id}/edit`)} data-testid="challenge-edit"><Bi zh="修改" en="Edit" /></Button>}
      {may.publish && (
        <Popconfirm title={bi(lang, { zh: '发布后即开始接受申报，确认发布？', en: 'Publishing opens applications. Publish?' })} onConfirm={() => move('publish', { zh: '已发布', en: 'Published' })}>
          <Button type="primary" icon={<SendOutlined />} loading={busy} data-testid="challenge-publish"><Bi zh="发布" en="Publish" /></Button>
        </Popconfirm>
      )}
      {may.extend && <Button icon={<FieldTimeOutlined />} onClick={() => setDialog('extend')} data-testid="challenge-extend"><Bi zh="延长截止" en="Extend" /></Button>}
      {may.startReview && (
        <Popconfirm title={bi(lang, { zh: '转入评审后开始形式审查，确认？', en: 'Move to review and start the formal check?' })} onConfirm={() => move('start-review', { zh: '已转入评审', en: 'Moved to review' })}>
          <Button type="primary" icon={<PlayCircleOutlined />} loading={busy} data-testid="challenge-start-review"><Bi zh="转入评审" en="Start review" /></Button>
        </Popconfirm>
      )}
      {may.cancel && <Button danger icon={<CloseCircleOutlined />} onClick={() => setDialog('cancel')} data-testid="challenge-cancel"><Bi zh="取消榜单" en="Cancel" /></Button>}
      {dialog && <ReasonModal c={c} kind={dialog} onClose={() => setDialog(null)} onDone={() => { setDialog(null); onDone(); }} />}
    </Space>
  );
}

function ReasonModal({ c, kind, onClose, onDone }: { c: ChallengeDetail; kind: 'extend' | 'cancel'; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const [form] = Form.useForm<{ deadline?: Dayjs; reasonZh: string }>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    if (kind === 'extend') await api.post(`/api/challenges/${c.id}/extend`, { deadline: v.deadline!.toISOString(), reasonZh: v.reasonZh });
    else await api.post(`/api/challenges/${c.id}/cancel`, { reasonZh: v.reasonZh });
    onDone();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden
      title={kind === 'extend' ? <Bi zh="延长申报截止时间" en="Extend the deadline" /> : <Bi zh="取消榜单" en="Cancel the challenge" />}>
      <Form form={form} layout="vertical" initialValues={{ deadline: dayjs(c.deadline).add(14, 'day') }}>
        {kind === 'extend' && (
          <Form.Item name="deadline" label={<Bi zh="新的截止时间" en="New deadline" />} rules={[{ required: true, message: bi(lang, { zh: '请选择时间', en: 'Pick the time' }) }]}>
            <DatePicker showTime style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="reasonZh" label={<Bi zh="理由（将告知申报单位）" en="Reason (applicants are told)" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '须说明理由', en: 'Give the reason' }) }]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="challenge-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
