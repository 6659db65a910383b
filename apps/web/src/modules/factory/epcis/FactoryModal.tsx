import { App as AntApp, Form, Input, Modal, Select } from 'antd';
import { api } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { useLang } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { useDistricts } from '../../plan/api';
import { bi } from '../../supervision/shared';
import { OrganisationSelect } from '../../talent/OrganisationSelect';
import { useFactoryRoles } from './access';
import type { Factory } from './api';
import { FACTORY_KINDS } from './labels';

const blank = (s?: string | null) => (s?.trim() ? s.trim() : null);

/** Registers a factory (the caller's organisation's; an overseer names the organisation) or edits one. */
export function FactoryModal({ factory, onClose, onSaved }: { factory?: Factory; onClose: () => void; onSaved: (f: Factory) => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const { overseer } = useFactoryRoles();
  const districts = useDistricts();
  const [form] = Form.useForm<Record<string, never>>();
  const { submit, saving } = useFormSubmit(form, async (v: Record<string, unknown>) => {
    const body = {
      nameZh: (v.nameZh as string).trim(), nameEn: blank(v.nameEn as string), kind: v.kind, districtCode: v.districtCode ?? null,
      addressZh: blank(v.addressZh as string), sgln: blank(v.sgln as string),
      ...(factory ? { status: v.status } : overseer && v.organisationId ? { organisationId: v.organisationId } : {}),
    };
    const saved = factory ? await api.patch<Factory>(`/api/factory/factories/${factory.id}`, body) : await api.post<Factory>('/api/factory/factories', body);
    message.success(bi(lang, { zh: `已保存 ${saved.code}`, en: `Saved ${saved.code}` }));
    onSaved(saved);
  });
  const grid = { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', columnGap: 16 } as const;
  return (
    <Modal open width={720} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={factory ? <Bi zh={`修改 ${factory.code}`} en={`Edit ${factory.code}`} /> : <Bi zh="登记工厂" en="Register a factory" />}
      okText={bi(lang, { zh: '保存', en: 'Save' })} okButtonProps={{ 'data-testid': 'factory-ok' } as never}>
      <Form form={form} layout="vertical" initialValues={factory ?? { kind: 'smartFactory' }}>
        {!factory && overseer && (
          <Form.Item name="organisationId" label={<Bi zh="所属企业" en="Organisation" />} rules={[{ required: true, message: bi(lang, { zh: '请选择工厂所属企业', en: 'Choose the organisation' }) }]}>
            <OrganisationSelect />
          </Form.Item>
        )}
        <div style={grid}>
          <Form.Item name="nameZh" label={<Bi zh="名称" en="Name" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请填写工厂名称', en: 'Name the factory' }) }]}><Input data-testid="factory-name" /></Form.Item>
          <Form.Item name="nameEn" label={<Bi zh="英文名" en="English name" />}><Input /></Form.Item>
          <Form.Item name="kind" label={<Bi zh="类型" en="Kind" />}><Select data-testid="factory-kind" options={Object.entries(FACTORY_KINDS).map(([value, n]) => ({ value, label: bi(lang, n) }))} /></Form.Item>
          <Form.Item name="districtCode" label={<Bi zh="区县（不选则同所属企业）" en="District (the organisation's if empty)" />}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(districts.data ?? []).map((d) => ({ value: d.code, label: lang === 'zh' ? d.nameZh : d.nameEn }))} />
          </Form.Item>
        </div>
        <Form.Item name="sgln" label={<Bi zh="厂区位置 SGLN（事件的读取点与业务位置在此 GLN 之下即计入本厂）" en="Site SGLN (events read or located under this GLN count for the factory)" />}
          extra={bi(lang, { zh: '如 urn:epc:id:sgln:6970001.00001.0：厂商代码与位置代码共 12 位，最后一段为扩展', en: 'e.g. urn:epc:id:sgln:6970001.00001.0: company prefix and location reference of 12 digits, then an extension' })}>
          <Input className="mono" data-testid="factory-sgln" />
        </Form.Item>
        <Form.Item name="addressZh" label={<Bi zh="地址" en="Address" />}><Input /></Form.Item>
        {factory && <Form.Item name="status" label={<Bi zh="状态" en="Status" />}><Select options={[{ value: 'active', label: bi(lang, { zh: '运行', en: 'Active' }) }, { value: 'inactive', label: bi(lang, { zh: '停用', en: 'Inactive' }) }]} /></Form.Item>}
      </Form>
    </Modal>
  );
}
