import { useEffect, useMemo } from 'react';
import { App as AntApp, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { isValidCreditCode } from '../admin/creditCode';
import { DOMAIN_NAMES } from '../plan/format';
import { bi, one } from '../supervision/shared';
import { useDistrictNames } from '../supervision/WorkShared';
import { useIndustryRoles } from './access';
import { useParks, type EnterpriseProfile, type Origin } from './api';
import { ORIGINS } from './labels';

interface Values {
  creditCode: string; nameZh: string; nameEn?: string; formerNames?: string[]; districtCode: string; parkId?: string | null;
  domains?: string[]; products?: string[]; origin: Origin; landedOn?: Dayjs | null; summaryZh?: string; website?: string;
}

/** What an enterprise may change on its own profile; the rest is its district's or the task force's. */
const SELF_EDITABLE = ['nameEn', 'formerNames', 'domains', 'products', 'summaryZh', 'website'] as const;

const orNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** Register an enterprise (districts and the task force), or edit a profile (also the enterprise itself). */
export function EnterpriseFormModal({ enterprise, onClose, onSaved }: { enterprise?: EnterpriseProfile; onClose: () => void; onSaved: (e: { id: string }) => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const { taskForce } = useIndustryRoles();
  const [form] = Form.useForm<Values>();
  const districts = useDistrictNames();
  const parks = useParks();
  const editing = !!enterprise;
  const selfOnly = editing && !enterprise.may.manage;
  const origin = Form.useWatch('origin', form);

  useEffect(() => {
    if (!enterprise) return;
    form.setFieldsValue({ ...enterprise, nameEn: enterprise.nameEn ?? undefined, summaryZh: enterprise.summaryZh ?? undefined, website: enterprise.website ?? undefined,
      landedOn: enterprise.landedOn ? dayjs(enterprise.landedOn) : null });
  }, [enterprise, form]);

  const parkOptions = useMemo(() => (parks.data ?? []).map((p) => ({ value: p.id, label: p.nameZh, title: p.nameEn ?? p.nameZh })), [parks.data]);
  const domainOptions = Object.entries(DOMAIN_NAMES).map(([value, n]) => ({ value, label: one(lang, n) }));

  const { submit, saving } = useFormSubmit(form, async (v) => {
    const all = {
      creditCode: v.creditCode.trim().toUpperCase(), nameZh: v.nameZh.trim(), nameEn: orNull(v.nameEn), formerNames: v.formerNames ?? [], districtCode: v.districtCode,
      parkId: v.parkId ?? null, domains: v.domains ?? [], products: v.products ?? [], origin: v.origin,
      landedOn: v.origin === 'attracted' && v.landedOn ? v.landedOn.format('YYYY-MM-DD') : null, summaryZh: orNull(v.summaryZh), website: orNull(v.website),
    };
    const body = selfOnly ? Object.fromEntries(SELF_EDITABLE.map((k) => [k, all[k]])) : all;
    const saved = editing
      ? await api.patch<{ id: string; nameZh: string }>(`/api/industry/enterprises/${enterprise.id}`, body)
      : await api.post<{ id: string; nameZh: string }>('/api/industry/enterprises', body);
    message.success(editing ? bi(lang, { zh: '已保存', en: 'Saved' }) : bi(lang, { zh: `已登记 ${saved.nameZh}`, en: `Registered ${saved.nameZh}` }));
    onSaved(saved);
  });

  const required = (zh: string, en: string) => ({ required: true, message: bi(lang, { zh, en }) });
  const locked = selfOnly;

  return (
    <Modal open width={760} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={editing ? <Bi zh={`编辑企业档案 · ${enterprise.nameZh}`} en={`Edit profile · ${enterprise.nameZh}`} /> : <Bi zh="新增企业" en="Register an enterprise" />}
      okText={editing ? bi(lang, { zh: '保存', en: 'Save' }) : bi(lang, { zh: '登记', en: 'Register' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ 'data-testid': 'enterprise-form-submit' } as never}>
      <Form form={form} layout="vertical" className="modal-form" name="enterprise" initialValues={{ origin: 'local', domains: [], products: [], formerNames: [] }}>
        <div className="form-grid-2">
          <Form.Item name="creditCode" label={<Bi zh="统一社会信用代码" en="Credit code" />} extra={bi(lang, { zh: '18 位，含校验位（GB 32100）', en: '18 characters with a check character (GB 32100)' })}
            normalize={(v: string) => v?.toUpperCase().replace(/\s/g, '')}
            rules={[required('请输入统一社会信用代码', 'Enter the credit code'), {
              validator: (_, v: string) => (!v || isValidCreditCode(v) ? Promise.resolve()
                : Promise.reject(new Error(bi(lang, { zh: '统一社会信用代码格式或校验位不正确', en: 'Not a valid credit code (format or check character)' })))),
            }]}>
            <Input maxLength={18} className="mono" disabled={locked} data-testid="enterprise-credit-code" />
          </Form.Item>
          <Form.Item name="districtCode" label={<Bi zh="所在区县" en="District" />} rules={[required('请选择区县', 'Choose a district')]}
            extra={editing && !taskForce ? bi(lang, { zh: '迁移区县须由工作专班办理', en: 'Only the task force moves an enterprise to another district' }) : undefined}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={districts.options} disabled={locked || (editing && !taskForce)} data-testid="enterprise-district" />
          </Form.Item>
        </div>
        <Form.Item name="nameZh" label={<Bi zh="企业名称" en="Name" />} rules={[required('请输入企业名称', 'Enter the name'), { max: 200 }]}>
          <Input maxLength={200} disabled={locked} data-testid="enterprise-name" />
        </Form.Item>
        <div className="form-grid-2">
          <Form.Item name="nameEn" label={<Bi zh="英文名称" en="English name" />} rules={[{ max: 200 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="formerNames" label={<Bi zh="曾用名" en="Former names" />} extra={bi(lang, { zh: '输入后回车', en: 'Type and press Enter' })}>
            <Select mode="tags" tokenSeparators={['、', '；']} open={false} />
          </Form.Item>
        </div>
        <div className="form-grid-2">
          <Form.Item name="domains" label={<Bi zh="所属领域" en="Domains" />}>
            <Select mode="multiple" options={domainOptions} data-testid="enterprise-domains" />
          </Form.Item>
          <Form.Item name="parkId" label={<Bi zh="所在园区" en="Park" />}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={parkOptions} loading={parks.loading} disabled={locked} />
          </Form.Item>
        </div>
        <Form.Item name="products" label={<Bi zh="主要产品" en="Products" />} extra={bi(lang, { zh: '每个产品输入后回车；产品名称用于中文检索', en: 'Press Enter after each product; products are searchable' })}>
          <Select mode="tags" tokenSeparators={['、', '；', ';']} open={false} data-testid="enterprise-products" />
        </Form.Item>
        <div className="form-grid-2">
          <Form.Item name="origin" label={<Bi zh="企业来源" en="Origin" />}>
            <Radio.Group disabled={locked} options={(Object.keys(ORIGINS) as Origin[]).map((o) => ({ value: o, label: one(lang, ORIGINS[o]) }))} />
          </Form.Item>
          {origin === 'attracted' && (
            <Form.Item name="landedOn" label={<Bi zh="落地日期" en="Landed on" />}>
              <DatePicker className="full-width" disabled={locked} />
            </Form.Item>
          )}
        </div>
        <Form.Item name="website" label={<Bi zh="网址" en="Website" />} rules={[{ pattern: /^https?:\/\/\S+$/, message: bi(lang, { zh: '网址应以 http:// 或 https:// 开头', en: 'Starts with http:// or https://' }) }]}>
          <Input maxLength={300} placeholder="https://" />
        </Form.Item>
        <Form.Item name="summaryZh" label={<Bi zh="企业简介" en="Summary" />}>
          <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
