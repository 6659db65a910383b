import { useState } from 'react';
import { Alert, App as AntApp, Button, DatePicker, Form, Input, Modal, Radio, Select, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api } from '../../app/api';
import { useFormSubmit } from '../../app/useFormSubmit';
import { Bi } from '../../app/components/Bi';
import { upload, type FileMeta, type InspectionDetail, type Rectification } from './api';
import { isoOf, labelFilter, type PickedDate } from './PubShared';
import { useOrganisations } from './shared';

const MAX_FILE_BYTES = 10 * 1024 * 1024;
const done = (onSaved: () => void, message: { success: (s: string) => void }, text: string) => { message.success(text); onSaved(); };

/** The task force records what the inspection found, and whether it is under way. */
export function FindingsModal({ inspection, onClose, onSaved }: { inspection: InspectionDetail; onClose: () => void; onSaved: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ findingsZh?: string; status: 'planned' | 'inProgress' }>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.patch(`/api/inspections/${inspection.id}`, { findingsZh: v.findingsZh?.trim() || null, status: v.status });
    done(onSaved, message, '已保存（Saved）');
  });
  return (
    <Modal open width={760} title={<Bi zh="发现问题" en="Findings" />} onOk={submit} confirmLoading={saving} onCancel={onClose}
      okText="保存 Save" cancelText="取消 Cancel" destroyOnHidden mask={{ closable: false }} okButtonProps={{ 'data-testid': 'inspection-findings-ok' } as never}>
      <Form form={form} layout="vertical" className="modal-form" name="findings"
        initialValues={{ findingsZh: inspection.findingsZh ?? '', status: inspection.status === 'planned' ? 'planned' : 'inProgress' }}>
        <Form.Item name="status" label={<Bi zh="督查状态" en="Status" />}>
          <Radio.Group optionType="button" options={[{ value: 'planned', label: '计划中 Planned' }, { value: 'inProgress', label: '进行中 In progress' }]} />
        </Form.Item>
        <Form.Item name="findingsZh" label={<Bi zh="发现问题" en="Findings" />} rules={[{ max: 10000 }]}>
          <Input.TextArea rows={12} maxLength={10000} showCount data-testid="inspection-findings-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Assigns a rectification to an owner with a deadline; the owner is told at once. */
export function RectificationModal({ inspectionId, scopeOrgs, onClose, onSaved }: { inspectionId: string; scopeOrgs: string[]; onClose: () => void; onSaved: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ descriptionZh: string; ownerOrganisationId: string; dueOn: PickedDate }>();
  const orgs = useOrganisations(true);
  // The units named in the inspection's scope come first: they are the likely owners.
  const inScope = new Set(scopeOrgs);
  const all = orgs.data ?? [];
  const opts = [
    ...(scopeOrgs.length ? [{ label: '督查涉及单位 In scope', options: all.filter((o) => inScope.has(o.id)).map((o) => ({ value: o.id, label: o.nameZh })) }] : []),
    { label: '全部单位 All', options: all.filter((o) => !inScope.has(o.id)).map((o) => ({ value: o.id, label: o.nameZh })) },
  ];
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/inspections/${inspectionId}/rectifications`, { descriptionZh: v.descriptionZh.trim(), ownerOrganisationId: v.ownerOrganisationId, dueOn: isoOf(v.dueOn) });
    done(onSaved, message, '已交办，责任单位将收到通知（Assigned; the owner is notified）');
  });
  return (
    <Modal open width={640} title={<Bi zh="交办整改事项" en="Add rectification" />} onOk={submit} confirmLoading={saving} onCancel={onClose}
      okText="交办 Assign" cancelText="取消 Cancel" destroyOnHidden mask={{ closable: false }} okButtonProps={{ 'data-testid': 'rectification-add-ok' } as never}>
      <Form form={form} layout="vertical" className="modal-form" name="rectification">
        <Form.Item name="descriptionZh" label={<Bi zh="整改事项" en="What to rectify" />} rules={[{ required: true, whitespace: true, message: '请填写整改事项 (required)' }, { max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="rectification-description" />
        </Form.Item>
        <Form.Item name="ownerOrganisationId" label={<Bi zh="责任单位" en="Owner" />} rules={[{ required: true, message: '请选择责任单位 (required)' }]}>
          <Select showSearch={{ filterOption: labelFilter }} loading={orgs.loading} options={opts} placeholder="选择单位 Choose" data-testid="rectification-owner" />
        </Form.Item>
        <Form.Item name="dueOn" label={<Bi zh="整改时限" en="Due on" />} rules={[{ required: true, message: '请选择日期 (required)' }]}>
          <DatePicker className="full-width" data-testid="rectification-due" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The owner reports what was done, with an optional supporting file. */
export function EvidenceModal({ rectification, onClose, onSaved }: { rectification: Rectification; onClose: () => void; onSaved: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ evidenceZh: string }>();
  const [file, setFile] = useState<File | null>(null);
  const fileList: UploadFile[] = file ? [{ uid: 'evidence', name: file.name, status: 'done' }] : [];
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const meta = file ? await upload<FileMeta>('/api/files', file) : null;
    await api.post(`/api/rectifications/${rectification.id}/evidence`, { evidenceZh: v.evidenceZh.trim(), evidenceFileId: meta?.id ?? null });
    done(onSaved, message, '已报送，待工作专班验收（Reported; awaiting review）');
  });
  return (
    <Modal open width={680} title={<Bi zh="报送整改情况" en="Report on rectification" />} onOk={submit} confirmLoading={saving} onCancel={onClose}
      okText="报送 Submit" cancelText="取消 Cancel" destroyOnHidden mask={{ closable: false }} okButtonProps={{ 'data-testid': 'rectification-respond-ok' } as never}>
      <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>{rectification.descriptionZh}（时限 {rectification.dueOn}）</Typography.Paragraph>
      {rectification.reviewComment && <Alert type="error" showIcon className="panel-alert" title={`退回意见：${rectification.reviewComment}`} />}
      <Form form={form} layout="vertical" name="evidence" initialValues={{ evidenceZh: rectification.evidenceZh ?? '' }}>
        <Form.Item name="evidenceZh" label={<Bi zh="整改情况" en="What was done" />} rules={[{ required: true, whitespace: true, message: '须说明整改情况 (describe what was done)' }, { max: 5000 }]}>
          <Input.TextArea rows={6} maxLength={5000} showCount data-testid="rectification-evidence" />
        </Form.Item>
        <Form.Item label={<Bi zh="佐证材料（可选，≤ 10 MB）" en="Supporting file (optional)" />}>
          <Upload fileList={fileList} maxCount={1} onRemove={() => setFile(null)}
            beforeUpload={(f) => {
              if (f.size > MAX_FILE_BYTES) message.error('文件不能超过 10 MB（At most 10 MB）');
              else setFile(f);
              return false; // sent with the report, not on its own
            }}>
            <Button icon={<UploadOutlined />} data-testid="rectification-file">选择文件 Choose file</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The task force accepts the evidence and closes the item out, or sends it back with a reason. */
export function ReviewModal({ rectification, decision, onClose, onSaved }: { rectification: Rectification; decision: 'close' | 'reopen'; onClose: () => void; onSaved: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ comment?: string }>();
  const closing = decision === 'close';
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/rectifications/${rectification.id}/${decision}`, { comment: v.comment?.trim() || (closing ? null : '') });
    done(onSaved, message, closing ? '已验收销号（Closed out）' : '已退回，责任单位将收到通知（Returned; the owner is notified）');
  });
  return (
    <Modal open width={640} onOk={submit} confirmLoading={saving} onCancel={onClose} destroyOnHidden mask={{ closable: false }}
      title={closing ? <Bi zh="验收销号" en="Accept and close out" /> : <Bi zh="退回整改" en="Send back" />}
      okText={closing ? '销号 Close out' : '退回 Return'} cancelText="取消 Cancel"
      okButtonProps={{ danger: !closing, 'data-testid': closing ? 'rectification-close-ok' : 'rectification-reopen-ok' } as never}>
      <Typography.Paragraph strong style={{ whiteSpace: 'pre-wrap' }}>{rectification.descriptionZh}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>{rectification.ownerNameZh}：{rectification.evidenceZh ?? '—'}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="review">
        <Form.Item name="comment" label={closing ? <Bi zh="验收意见（可选）" en="Comment (optional)" /> : <Bi zh="退回意见" en="Why it is sent back" />}
          rules={[{ required: !closing, whitespace: true, message: '退回整改须写明意见 (a return needs a comment)' }, { max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="rectification-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
