import { useState } from 'react';
import { App as AntApp, Button, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { api, errorMessage } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { useLang } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { bi } from '../../supervision/shared';
import type { Batch } from './api';
import { PHASES } from './labels';

/**
 * What may be done to a batch from its page: the factory's operators start the next phase and end
 * it; once it has ended, operators and overseers judge its outcome (bad says why).
 */
export function BatchActions({ batch, operator, judge, onChanged }: { batch: Batch; operator: boolean; judge: boolean; onChanged: () => void }) {
  const lang = useLang();
  const { modal, message } = AntApp.useApp();
  const [open, setOpen] = useState<'phase' | 'outcome' | null>(null);
  const [phaseForm] = Form.useForm<{ name: string }>();
  const [outcomeForm] = Form.useForm<{ outcome: 'good' | 'bad'; noteZh?: string }>();
  const L = (zh: string, en: string) => bi(lang, { zh, en });
  const phase = useFormSubmit(phaseForm, async (v) => { await api.post(`/api/factory/batches/${batch.id}/phases`, v); setOpen(null); onChanged(); });
  const outcome = useFormSubmit(outcomeForm, async (v) => { await api.post(`/api/factory/batches/${batch.id}/outcome`, { outcome: v.outcome, noteZh: v.noteZh || null }); setOpen(null); onChanged(); });
  const live = batch.state === 'running' || batch.state === 'planned';
  const end = (state: 'completed' | 'aborted') => modal.confirm({
    title: state === 'completed' ? L('结束批次（完成）？', 'Complete the batch?') : L('中止批次？', 'Abort the batch?'),
    content: L('结束后晚于结束时间的读数将被拒收。', 'Readings after the end will be rejected.'),
    onOk: async () => { try { await api.post(`/api/factory/batches/${batch.id}/end`, { state }); onChanged(); } catch (e) { message.error(errorMessage(e)); } },
  });
  const done = new Set(batch.phases.map((p) => p.name));
  return (
    <Space wrap>
      {operator && live && <Button onClick={() => setOpen('phase')} data-testid="batch-next-phase"><Bi zh="进入下一阶段" en="Next phase" /></Button>}
      {operator && live && batch.state === 'running' && <Button type="primary" onClick={() => end('completed')} data-testid="batch-complete"><Bi zh="完成批次" en="Complete" /></Button>}
      {operator && live && <Button danger onClick={() => end('aborted')}><Bi zh="中止" en="Abort" /></Button>}
      {judge && !live && <Button type={batch.outcome ? 'default' : 'primary'} onClick={() => setOpen('outcome')} data-testid="batch-judge"><Bi zh={batch.outcome ? '修改结论' : '判定结论'} en={batch.outcome ? 'Change outcome' : 'Judge outcome'} /></Button>}
      <Modal open={open === 'phase'} title={L('进入下一阶段', 'Next phase')} onCancel={() => setOpen(null)} onOk={phase.submit} confirmLoading={phase.saving} destroyOnHidden>
        <Form form={phaseForm} layout="vertical">
          <Form.Item name="name" label={L('阶段', 'Phase')} rules={[{ required: true }]}>
            <Select data-testid="batch-phase-name" options={Object.entries(PHASES).filter(([k]) => !done.has(k)).map(([value, n]) => ({ value, label: bi(lang, n) }))} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={open === 'outcome'} title={L('判定批次结论', 'Judge the batch')} onCancel={() => setOpen(null)} onOk={outcome.submit} confirmLoading={outcome.saving} destroyOnHidden>
        <Form form={outcomeForm} layout="vertical" initialValues={{ outcome: batch.outcome ?? 'good', noteZh: batch.outcomeNoteZh ?? '' }}>
          <Form.Item name="outcome" label={L('结论', 'Outcome')}><Radio.Group options={[{ value: 'good', label: L('合格', 'Good') }, { value: 'bad', label: L('不合格', 'Bad') }]} /></Form.Item>
          <Form.Item name="noteZh" label={L('说明（不合格必填）', 'Note (required when bad)')}><Input.TextArea rows={3} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
