import { App as AntApp, Button, Form, Input, Modal, Radio, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { upload, type FileMeta } from '../supervision/api';
import { bi } from '../supervision/shared';
import type { Action, Evaluation, Text } from './api';
import { TRACKS } from './labels';

/** The actions taken with a note or a reason, each with its route, its text field and whether the text is required. */
export const ACTION_FORMS: Partial<Record<Action, { path: string; title: Text; field: 'noteZh' | 'reasonZh' | 'answerZh'; fieldLabel: Text; required: boolean; danger?: boolean }>> = {
  accept: { path: 'accept', title: { zh: '受理（开始计时）', en: 'Accept (the clock starts)' }, field: 'noteZh', fieldLabel: { zh: '形式审查意见（可不填）', en: 'Formal check note (optional)' }, required: false },
  return: { path: 'return', title: { zh: '不予受理', en: 'Return' }, field: 'reasonZh', fieldLabel: { zh: '不予受理的理由（申请人可见）', en: 'Why (the applicant reads it)' }, required: true, danger: true },
  requestSupplements: { path: 'request-supplements', title: { zh: '要求补充材料（计时暂停）', en: 'Ask for supplements (the clock stops)' }, field: 'reasonZh', fieldLabel: { zh: '需补充的材料', en: 'What is to be supplemented' }, required: true },
  decideTrack: { path: 'track', title: { zh: '决定绿色通道 / 优先评估', en: 'Decide the track' }, field: 'noteZh', fieldLabel: { zh: '说明（不予时必填）', en: 'Note (required when refused)' }, required: false },
  supplement: { path: 'supplement', title: { zh: '提交补充材料', en: 'Answer with supplements' }, field: 'answerZh', fieldLabel: { zh: '补充说明', en: 'What is supplemented' }, required: true },
  withdraw: { path: 'withdraw', title: { zh: '撤回申请', en: 'Withdraw the application' }, field: 'reasonZh', fieldLabel: { zh: '撤回理由（可不填）', en: 'Why (optional)' }, required: false, danger: true },
};

type Values = { decision?: 'granted' | 'refused'; files?: UploadFile[] } & Partial<Record<'noteZh' | 'reasonZh' | 'answerZh', string>>;

/** One of the actions above on an evaluation; the track decision also chooses grant or refuse, supplements may carry files. */
export function ActionModal({ e, action, onClose, onDone }: { e: Evaluation; action: Action; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const decision = Form.useWatch('decision', form);
  const f = ACTION_FORMS[action]!;
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const body: Record<string, unknown> = { [f.field]: v[f.field]?.trim() || (f.required ? '' : null) };
    if (action === 'decideTrack') body.decision = v.decision;
    if (action === 'supplement') {
      const fileIds: string[] = [];
      for (const x of v.files ?? []) if (x.originFileObj) fileIds.push((await upload<FileMeta>('/api/files', x.originFileObj)).id);
      body.fileIds = fileIds;
    }
    await api.post(`/api/safety/evaluations/${e.id}/${f.path}`, body);
    message.success(bi(lang, { zh: `已${f.title.zh.replace(/（.*）$/, '')}`, en: `Done: ${f.title.en.toLowerCase()}` }));
    onDone();
  });
  const track = TRACKS[e.trackRequested];
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh={`${f.title.zh} · ${e.code}`} en={`${f.title.en} · ${e.code}`} />} okText={bi(lang, { zh: '确定', en: 'OK' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ 'data-testid': 'safety-action-ok', danger: f.danger } as never}>
      <Form form={form} layout="vertical" className="modal-form" name={`safety-${action}`} initialValues={{ decision: 'granted', files: [] }}>
        {action === 'decideTrack' && (
          <>
            <p>{bi(lang, { zh: `申请${track?.zh}（时限 ${track?.days} 天）：${e.trackReasonZh ?? ''}`, en: `${track?.en} asked for (${track?.days} days): ${e.trackReasonZh ?? ''}` })}</p>
            <Form.Item name="decision" label={<Bi zh="决定" en="Decision" />}>
              <Radio.Group optionType="button" options={[{ value: 'granted', label: bi(lang, { zh: '准予', en: 'Grant' }) }, { value: 'refused', label: bi(lang, { zh: '不予', en: 'Refuse' }) }]} data-testid="safety-track-decision" />
            </Form.Item>
          </>
        )}
        <Form.Item name={f.field} label={<Bi zh={f.fieldLabel.zh} en={f.fieldLabel.en} />} rules={[{ required: f.required || (action === 'decideTrack' && decision === 'refused'), whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={4000} data-testid="safety-action-text" />
        </Form.Item>
        {action === 'supplement' && (
          <Form.Item name="files" label={<Bi zh="补充的材料文件" en="Supplementary files" />} valuePropName="fileList" getValueFromEvent={(x) => x?.fileList}>
            <Upload multiple maxCount={10} beforeUpload={() => false}><Button icon={<UploadOutlined />}><Bi zh="选择文件" en="Choose files" /></Button></Upload>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
