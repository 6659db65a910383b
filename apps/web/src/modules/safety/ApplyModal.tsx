import { useState } from 'react';
import { App as AntApp, Alert, Button, Form, Input, Modal, Radio, Select, Space, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api, qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { upload, type FileMeta } from '../supervision/api';
import { bi, one } from '../supervision/shared';
import type { Evaluation, EvaluationInput } from './api';
import { SUBJECT_KINDS, TRACKS } from './labels';

const MAX_FILE_BYTES = 10 * 1024 * 1024;
interface Values extends Omit<EvaluationInput, 'fileIds' | 'fields'> { fields: string[]; files: UploadFile[] }
interface StrainOption { id: string; accession: string | null; scientificName: string; nameZh?: string | null }

/** A strain in the bank to link a core strain to: searched in the public catalogue by accession or name. */
function StrainSelect({ value, onChange, initial }: { value?: string | null; onChange?: (v: string | null) => void; initial?: { id: string; label: string } | null }) {
  const lang = useLang();
  const [options, setOptions] = useState<{ value: string; label: string }[]>(initial ? [{ value: initial.id, label: initial.label }] : []);
  const search = async (q: string) => {
    const found = await api.get<{ items: StrainOption[] }>(`/api/strains${qs({ q: q.trim() || undefined, limit: 20 })}`).catch(() => ({ items: [] }));
    setOptions(found.items.map((s) => ({ value: s.id, label: `${s.accession ?? ''} ${s.nameZh ?? ''} ${s.scientificName}`.trim() })));
  };
  return (
    <Select showSearch allowClear filterOption={false} value={value ?? undefined} onChange={(v) => onChange?.(v ?? null)} onSearch={search} onFocus={() => !options.length && search('')}
      options={options} placeholder={bi(lang, { zh: '按保藏编号或名称检索（可不填）', en: 'Search by accession or name (optional)' })} data-testid="safety-apply-strain" />
  );
}

/**
 * 申请安全评价: the subject (a new core strain may name its strain in the bank), what it is, the
 * field keywords reviewers are matched on, the contact, the dossier files, and the green channel or
 * priority assessment asked for with the reason. Creates a draft, or edits one (`draft`).
 */
export function ApplyModal({ draft, onClose, onDone }: { draft?: Evaluation; onClose: () => void; onDone: (e: Evaluation) => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const subjectKind = Form.useWatch('subjectKind', form);
  const track = Form.useWatch('trackRequested', form);
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const fileIds = [...(draft?.fileIds ?? []).filter((id) => (v.files ?? []).some((f) => f.uid === id))];
    for (const f of v.files ?? []) if (f.originFileObj) fileIds.push((await upload<FileMeta>('/api/files', f.originFileObj)).id);
    const body = {
      subjectKind: v.subjectKind, strainId: v.subjectKind === 'coreStrain' ? v.strainId ?? null : null, titleZh: v.titleZh.trim(), descriptionZh: v.descriptionZh.trim(),
      fields: v.fields.map((x) => x.trim()).filter(Boolean), contactNameZh: v.contactNameZh.trim(), contactPhone: v.contactPhone.trim(), contactEmail: v.contactEmail?.trim() || null,
      fileIds, trackRequested: v.trackRequested, trackReasonZh: v.trackRequested === 'standard' ? null : v.trackReasonZh?.trim() || null,
    };
    const e = draft ? await api.patch<Evaluation>(`/api/safety/evaluations/${draft.id}`, body) : await api.post<Evaluation>('/api/safety/evaluations', body);
    message.success(bi(lang, draft ? { zh: '草稿已保存', en: 'Draft saved' } : { zh: `已起草申请 ${e.code}，确认无误后请提交`, en: `Drafted ${e.code}; submit it when ready` }));
    onDone(e);
  });
  const initial: Partial<Values> = draft
    ? { ...draft, files: (draft.files ?? []).map((f) => ({ uid: f.id, name: f.name, status: 'done' })) }
    : { subjectKind: 'coreStrain', trackRequested: 'standard', fields: [], files: [] };
  return (
    <Modal open width={720} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh={draft ? `修改申请 ${draft.code}` : '申请安全评价'} en={draft ? `Edit ${draft.code}` : 'Apply for a safety evaluation'} />}
      okText={bi(lang, { zh: '保存草稿', en: 'Save draft' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })} okButtonProps={{ 'data-testid': 'safety-apply-ok' } as never}>
      <Alert type="info" showIcon className="panel-alert" title={bi(lang, { zh: '评价时限自受理之日起计算：常规 60 天，优先评估 40 天，绿色通道 20 天；补充材料期间不计时。', en: 'The clock runs from acceptance: 60 days standard, 40 priority, 20 green channel; time with you for supplements does not count.' })} />
      <Form form={form} layout="vertical" className="modal-form" name="safetyApply" initialValues={initial}>
        <Form.Item name="subjectKind" label={<Bi zh="评价对象" en="Subject" />} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={Object.entries(SUBJECT_KINDS).map(([value, n]) => ({ value, label: one(lang, n) }))} data-testid="safety-apply-subject" />
        </Form.Item>
        {subjectKind === 'coreStrain' && (
          <Form.Item name="strainId" label={<Bi zh="菌种库中的菌种" en="Strain in the bank" />}>
            <StrainSelect initial={draft?.strainId ? { id: draft.strainId, label: `${draft.strainAccession ?? ''} ${draft.strainNameZh ?? ''}` } : null} />
          </Form.Item>
        )}
        <Form.Item name="titleZh" label={<Bi zh="名称" en="Title" />} rules={[{ required: true, whitespace: true }]}><Input maxLength={200} data-testid="safety-apply-title" /></Form.Item>
        <Form.Item name="descriptionZh" label={<Bi zh="说明（来源、构建或工艺、用途）" en="Description (origin, construction or process, use)" />} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={8000} data-testid="safety-apply-description" />
        </Form.Item>
        <Form.Item name="fields" label={<Bi zh="领域关键词（用于匹配评审专家，回车确认）" en="Field keywords (reviewers are matched on them; Enter to add)" />} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Select mode="tags" maxCount={10} tokenSeparators={[',', '，', ' ']} open={false} data-testid="safety-apply-fields" />
        </Form.Item>
        <Form.Item label={<Bi zh="联系人" en="Contact" />} required style={{ marginBottom: 0 }}>
          <Space.Compact block>
            <Form.Item name="contactNameZh" rules={[{ required: true, whitespace: true }]} style={{ width: '30%' }}><Input placeholder={bi(lang, { zh: '姓名', en: 'Name' })} data-testid="safety-apply-contact" /></Form.Item>
            <Form.Item name="contactPhone" rules={[{ required: true, whitespace: true }]} style={{ width: '30%' }}><Input placeholder={bi(lang, { zh: '电话', en: 'Phone' })} data-testid="safety-apply-phone" /></Form.Item>
            <Form.Item name="contactEmail" style={{ width: '40%' }}><Input placeholder={bi(lang, { zh: '电子邮箱（可不填）', en: 'E-mail (optional)' })} /></Form.Item>
          </Space.Compact>
        </Form.Item>
        <Form.Item name="files" label={<Bi zh="申报材料（每个不超过 10 MB，提交前须上传）" en="Dossier (≤ 10 MB each; required before submitting)" />} valuePropName="fileList" getValueFromEvent={(e) => e?.fileList}>
          <Upload multiple maxCount={20} beforeUpload={(f) => {
            if (f.size > MAX_FILE_BYTES) { message.error(bi(lang, { zh: '文件不能超过 10 MB', en: 'At most 10 MB' })); return Upload.LIST_IGNORE; }
            return false; // sent with the form
          }}>
            <Button icon={<UploadOutlined />} data-testid="safety-apply-files"><Bi zh="选择文件" en="Choose files" /></Button>
          </Upload>
        </Form.Item>
        <Form.Item name="trackRequested" label={<Bi zh="评价通道" en="Track" />}>
          <Radio.Group options={Object.entries(TRACKS).map(([value, n]) => ({ value, label: `${one(lang, n)}（${n.days} ${lang === 'zh' ? '天' : 'days'}）` }))} data-testid="safety-apply-track" />
        </Form.Item>
        {track && track !== 'standard' && (
          <Form.Item name="trackReasonZh" label={<Bi zh="申请理由（创新性所在）" en="Why (what is innovative)" />} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="safety-apply-track-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
