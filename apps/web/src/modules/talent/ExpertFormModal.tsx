import { App as AntApp, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { DOMAIN_NAMES } from '../plan/format';
import { bi, one } from '../supervision/shared';
import type { ExpertDetail } from './api';
import { EXPERT_FIELDS } from './labels';
import { OrganisationSelect } from './OrganisationSelect';

interface Values {
  code?: string; nameZh: string; nameEn?: string; titleZh?: string; organisationId?: string | null; organisationZh?: string;
  fields: string[]; domains?: string[]; available: boolean; maxLoad?: number | null; contactZh?: string; profileZh?: string;
}

const blank = (s?: string | null) => (s?.trim() ? s.trim() : null);

/** 登记或修改专家 (task force and units): fields as keywords, the organisation in the platform or in words. */
export function ExpertFormModal({ expert, onClose, onSaved }: { expert?: Extract<ExpertDetail, { full: true }>; onClose: () => void; onSaved: (e: ExpertDetail) => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const orgId = Form.useWatch('organisationId', form);

  const { submit, saving } = useFormSubmit(form, async (v) => {
    const body = {
      nameZh: v.nameZh.trim(), nameEn: blank(v.nameEn), titleZh: blank(v.titleZh), organisationId: v.organisationId ?? null, organisationZh: v.organisationId ? null : blank(v.organisationZh),
      fields: v.fields, domains: v.domains ?? [], available: v.available, maxLoad: v.maxLoad ?? null, contactZh: blank(v.contactZh), profileZh: blank(v.profileZh),
    };
    const saved = expert
      ? await api.patch<ExpertDetail>(`/api/talent/experts/${expert.id}`, body)
      : await api.post<ExpertDetail>('/api/talent/experts', { ...body, code: blank(v.code) });
    message.success(bi(lang, { zh: `已保存专家 ${saved.code}`, en: `Saved expert ${saved.code}` }));
    onSaved(saved);
  });

  return (
    <Modal open width={720} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={expert ? <Bi zh={`修改专家 ${expert.code}`} en={`Edit expert ${expert.code}`} /> : <Bi zh="登记专家" en="Register an expert" />}
      okText={bi(lang, { zh: '保存', en: 'Save' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })} okButtonProps={{ 'data-testid': 'expert-form-ok' } as never}>
      <Form form={form} layout="vertical" className="modal-form" name="expert"
        initialValues={expert ? { ...expert, nameEn: expert.nameEn ?? undefined, organisationZh: expert.organisationId ? undefined : expert.organisationZh } : { available: true, fields: [], domains: [] }}>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', columnGap: 16 }}>
          <Form.Item name="nameZh" label={<Bi zh="姓名" en="Name" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请填写姓名', en: 'Give the name' }) }]}>
            <Input maxLength={60} data-testid="expert-name" />
          </Form.Item>
          {expert ? <Form.Item name="nameEn" label={<Bi zh="英文名" en="Name (English)" />}><Input maxLength={120} /></Form.Item> : (
            <Form.Item name="code" label={<Bi zh="专家编号" en="Code" />} extra={one(lang, { zh: '留空自动生成', en: 'Left empty, one is drawn' })}><Input maxLength={40} /></Form.Item>
          )}
          <Form.Item name="titleZh" label={<Bi zh="职称/职务" en="Title" />}><Input maxLength={100} /></Form.Item>
          <Form.Item name="maxLoad" label={<Bi zh="最大评审量" en="Max load" />}><InputNumber min={1} max={50} precision={0} style={{ width: '100%' }} /></Form.Item>
        </div>
        <Form.Item name="organisationId" label={<Bi zh="所在机构（平台中）" en="Organisation (in the platform)" />}>
          <OrganisationSelect initialLabel={expert?.organisationId ? expert.organisationZh : undefined} testId="expert-org" />
        </Form.Item>
        {!orgId && (
          <Form.Item name="organisationZh" label={<Bi zh="所在机构名称" en="Organisation name" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请选择机构或填写名称', en: 'Choose or name the organisation' }) }]}>
            <Input maxLength={200} data-testid="expert-org-name" />
          </Form.Item>
        )}
        <Form.Item name="fields" label={<Bi zh="领域关键词" en="Field keywords" />} rules={[{ required: true, type: 'array', min: 1, message: bi(lang, { zh: '至少一个关键词', en: 'At least one keyword' }) }]}>
          <Select mode="tags" tokenSeparators={['、', '；', ';', ',']} options={EXPERT_FIELDS.map((f) => ({ value: f, label: f }))} data-testid="expert-fields" />
        </Form.Item>
        <Form.Item name="domains" label={<Bi zh="重点领域" en="Domains" />}>
          <Select mode="multiple" options={Object.entries(DOMAIN_NAMES).map(([value, n]) => ({ value, label: bi(lang, n) }))} />
        </Form.Item>
        <Form.Item name="available" label={<Bi zh="可参加评审" en="Available for review" />} valuePropName="checked"><Switch /></Form.Item>
        <Form.Item name="contactZh" label={<Bi zh="联系方式（不公开）" en="Contact (not public)" />}><Input maxLength={500} /></Form.Item>
        <Form.Item name="profileZh" label={<Bi zh="简介（不公开）" en="Profile (not public)" />}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
      </Form>
    </Modal>
  );
}
