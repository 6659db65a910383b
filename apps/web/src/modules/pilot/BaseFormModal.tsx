import { useEffect, useMemo } from 'react';
import { App as AntApp, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { DOMAIN_NAMES } from '../plan/format';
import { bi, one } from '../supervision/shared';
import { useDistrictNames } from '../supervision/WorkShared';
import { usePilotRoles } from './access';
import { usePilotBaseOrganisations, type BaseProfile } from './api.bases';
import { BASE_TIER_ORDER, BASE_TIERS, type BaseTier } from './labels.bases';

interface Values {
  nameZh: string; nameEn?: string; operatorZh: string; organisationId?: string | null; districtCode: string; addressZh?: string;
  lng?: number | null; lat?: number | null; domains?: string[]; summaryZh?: string; contactZh?: string;
  tier?: BaseTier; recognisedOn?: Dayjs | null; recognisedByZh?: string; allianceMember?: boolean;
}

const orNull = (s: string | undefined | null) => (s?.trim() ? s.trim() : null);

/**
 * Register a pilot base (the task force: with its tier, recognition and alliance membership), or
 * edit one (its keepers; naming the account organisation that runs it stays the task force's).
 */
export function BaseFormModal({ base, onClose, onSaved }: { base?: BaseProfile; onClose: () => void; onSaved: (b: { id: string }) => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const { taskForce } = usePilotRoles();
  const [form] = Form.useForm<Values>();
  const districts = useDistrictNames();
  const orgs = usePilotBaseOrganisations(taskForce);
  const editing = !!base;
  const tier = Form.useWatch('tier', form);

  useEffect(() => {
    if (!base) return;
    form.setFieldsValue({
      nameZh: base.nameZh, nameEn: base.nameEn ?? undefined, operatorZh: base.operatorZh, organisationId: base.organisationId ?? null, districtCode: base.districtCode,
      addressZh: base.addressZh ?? undefined, lng: base.lng, lat: base.lat, domains: base.domains, summaryZh: base.summaryZh ?? undefined, contactZh: base.contactZh ?? undefined,
    });
  }, [base, form]);

  const orgOptions = useMemo(() => (orgs.data ?? []).map((o) => ({ value: o.id, label: o.nameZh, title: o.nameEn ?? o.nameZh })), [orgs.data]);

  const { submit, saving } = useFormSubmit(form, async (v) => {
    const fields = {
      nameZh: v.nameZh.trim(), nameEn: orNull(v.nameEn), operatorZh: v.operatorZh.trim(), districtCode: v.districtCode, addressZh: orNull(v.addressZh),
      lng: v.lng ?? null, lat: v.lat ?? null, domains: v.domains ?? [], summaryZh: orNull(v.summaryZh), contactZh: orNull(v.contactZh),
      ...(taskForce ? { organisationId: v.organisationId ?? null } : {}),
    };
    if (editing) {
      await api.patch(`/api/pilot/bases/${base.id}`, fields);
      message.success(bi(lang, { zh: '已保存', en: 'Saved' }));
      onSaved(base);
      return;
    }
    const t = v.tier ?? 'reserve';
    const saved = await api.post<{ id: string; code: string; nameZh: string }>('/api/pilot/bases', {
      ...fields, tier: t, allianceMember: !!v.allianceMember,
      ...(t === 'reserve' ? {} : { recognisedOn: v.recognisedOn ? v.recognisedOn.format('YYYY-MM-DD') : null, recognisedByZh: orNull(v.recognisedByZh) }),
    });
    message.success(bi(lang, { zh: `已登记 ${saved.code} ${saved.nameZh}`, en: `Registered ${saved.code}` }));
    onSaved(saved);
  });

  const domainOptions = Object.entries(DOMAIN_NAMES).map(([value, n]) => ({ value, label: one(lang, n) }));

  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }} width={760}
      title={editing ? <Bi zh={`编辑中试基地 ${base.code}`} en={`Edit ${base.code}`} /> : <Bi zh="登记中试基地" en="Register a pilot base" />}
      okText={editing ? bi(lang, { zh: '保存', en: 'Save' }) : bi(lang, { zh: '登记', en: 'Register' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ 'data-testid': 'pilot-base-form-ok' } as never}>
      <Form form={form} layout="vertical" className="modal-form" initialValues={{ tier: 'reserve', allianceMember: false, domains: [] }} data-testid="pilot-base-form">
        <div className="pb-form-grid">
          <Form.Item name="nameZh" label={<Bi zh="基地名称" en="Name" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请填写基地名称', en: 'Name the base' }) }]}>
            <Input maxLength={200} placeholder="如 重庆璧山生物制造中试基地" data-testid="pilot-base-name" />
          </Form.Item>
          <Form.Item name="nameEn" label={<Bi zh="英文名称" en="English name" />}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="operatorZh" label={<Bi zh="运营单位" en="Operator" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请填写运营单位', en: 'Name the operator' }) }]}>
            <Input maxLength={200} data-testid="pilot-base-operator" />
          </Form.Item>
          {taskForce && (
            <Form.Item name="organisationId" label={<Bi zh="平台账号机构" en="Account organisation" />}
              extra={bi(lang, { zh: '该机构的中试基地用户可维护本基地', en: 'Its pilot-base users keep this base' })}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={orgOptions} loading={orgs.loading} data-testid="pilot-base-organisation"
                placeholder={bi(lang, { zh: '选择中试基地机构', en: 'A pilot-base organisation' })} />
            </Form.Item>
          )}
          <Form.Item name="districtCode" label={<Bi zh="所在区县" en="District" />} rules={[{ required: true, message: bi(lang, { zh: '请选择区县', en: 'Choose the district' }) }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={districts.options} data-testid="pilot-base-district" />
          </Form.Item>
          <Form.Item name="domains" label={<Bi zh="服务领域" en="Domains" />}>
            <Select mode="multiple" options={domainOptions} data-testid="pilot-base-domains" />
          </Form.Item>
          <Form.Item name="addressZh" label={<Bi zh="地址" en="Address" />}>
            <Input maxLength={300} />
          </Form.Item>
          {/* Both halves are fields of their own, so that the server's problem with either shows under the pair. */}
          <Form.Item label={<Bi zh="坐标（经度、纬度）" en="Coordinates (lng, lat)" />}
            extra={bi(lang, { zh: '不填时按所在区县标注在图谱上', en: 'Left empty, the map places the base at its district' })}>
            <div className="pb-inline-fields">
              <Form.Item name="lng" noStyle><InputNumber<number> step={0.0001} placeholder="106.2" style={{ width: '50%' }} data-testid="pilot-base-lng" /></Form.Item>
              <Form.Item name="lat" noStyle><InputNumber<number> step={0.0001} placeholder="29.5" style={{ width: '50%' }} data-testid="pilot-base-lat" /></Form.Item>
            </div>
          </Form.Item>
        </div>
        <Form.Item name="summaryZh" label={<Bi zh="基地简介" en="Summary" />}>
          <Input.TextArea maxLength={4000} showCount autoSize={{ minRows: 3, maxRows: 8 }} data-testid="pilot-base-summary"
            placeholder={bi(lang, { zh: '主要方向、已服务项目、特色装备……', en: 'Focus, projects served, notable equipment…' })} />
        </Form.Item>
        <Form.Item name="contactZh" label={<Bi zh="联系方式" en="Contact" />}>
          <Input maxLength={300} placeholder={bi(lang, { zh: '联系人、电话或邮箱', en: 'Person, phone or email' })} />
        </Form.Item>
        {!editing && (
          <div className="pb-form-grid">
            <Form.Item name="tier" label={<Bi zh="等级" en="Tier" />}>
              <Radio.Group optionType="button" data-testid="pilot-base-tier"
                options={[...BASE_TIER_ORDER].reverse().map((t) => ({ value: t, label: one(lang, BASE_TIERS[t]) }))} />
            </Form.Item>
            <Form.Item name="allianceMember" label={<Bi zh="中试联盟成员" en="Alliance member" />} valuePropName="checked">
              <Switch data-testid="pilot-base-alliance" />
            </Form.Item>
            {tier && tier !== 'reserve' && (
              <>
                <Form.Item name="recognisedOn" label={<Bi zh="认定日期" en="Recognised on" />} rules={[{ required: true, message: bi(lang, { zh: '请填写认定日期', en: 'Give the date' }) }]}>
                  <DatePicker className="full-width" disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="pilot-base-recognised-on" />
                </Form.Item>
                <Form.Item name="recognisedByZh" label={<Bi zh="认定机构" en="Recognised by" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请填写认定机构', en: 'Name the body' }) }]}>
                  <Input maxLength={200} placeholder="如 重庆市科学技术局" data-testid="pilot-base-recognised-by" />
                </Form.Item>
              </>
            )}
          </div>
        )}
      </Form>
    </Modal>
  );
}
