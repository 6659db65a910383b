import { App as AntApp, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi, useOrganisations } from '../supervision/shared';
import { useIpRoles } from './access';
import type { IpRight, IpRightDetail } from './api';
import { GRANTED_ON, IP_KINDS, IP_STATUSES, IP_SUBTYPES } from './labels';

interface Values {
  kind: string; subtype?: string | null; number: string; titleZh: string; titleEn?: string; status: string;
  filedOn?: Dayjs | null; grantedOn?: Dayjs | null; inventors: string[]; abstractZh?: string; holderIds: string[];
}

/** Records a right (a holder for its own organisation, the task force for anyone) or edits one; the kind stays once recorded. */
export function IpFormModal({ right, onClose, onSaved }: { right?: IpRightDetail; onClose: () => void; onSaved: (r: IpRight) => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const { user, taskForce } = useIpRoles();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? right?.kind ?? 'patent';
  const status = Form.useWatch('status', form);
  const orgs = useOrganisations(taskForce);
  const own = user?.organisationId ? [{ id: user.organisationId, nameZh: user.organisationNameZh ?? user.organisationId }] : [];
  const holderOptions = [...(taskForce ? orgs.data ?? [] : own), ...(right?.holders ?? [])]
    .filter((o, i, all) => all.findIndex((x) => x.id === o.id) === i).map((o) => ({ value: o.id, label: o.nameZh }));
  const opts = (o: Record<string, { zh: string; en: string }>) => Object.entries(o).map(([value, n]) => ({ value, label: bi(lang, n) }));
  const inForce = !!IP_STATUSES[kind]?.[status]?.inForce;

  const { submit, saving } = useFormSubmit(form, async (v) => {
    const body = {
      ...v, subtype: v.subtype || null, titleEn: v.titleEn?.trim() || null, abstractZh: v.abstractZh?.trim() || null,
      filedOn: v.filedOn ? v.filedOn.format('YYYY-MM-DD') : null, grantedOn: v.grantedOn ? v.grantedOn.format('YYYY-MM-DD') : null,
    };
    if (right) delete (body as Partial<typeof body>).kind;
    const saved = right ? await api.patch<IpRight>(`/api/ip/${right.id}`, body) : await api.post<IpRight>('/api/ip', body);
    message.success(bi(lang, { zh: '已保存', en: 'Saved' }));
    onSaved(saved);
  });

  const initial: Partial<Values> = right
    ? { ...right, titleEn: right.titleEn ?? undefined, abstractZh: right.abstractZh ?? undefined, filedOn: right.filedOn ? dayjs(right.filedOn) : null, grantedOn: right.grantedOn ? dayjs(right.grantedOn) : null, holderIds: right.holders.map((h) => h.id) }
    : { kind: 'patent', subtype: 'invention', status: 'filed', inventors: [], holderIds: own.map((o) => o.id) };

  return (
    <Modal open width={720} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={right ? <Bi zh="修改知识产权" en="Edit the right" /> : <Bi zh="登记知识产权" en="Record an IP right" />}
      okText={bi(lang, { zh: '保存', en: 'Save' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })} okButtonProps={{ 'data-testid': 'ip-right-ok' } as never}>
      <Form form={form} layout="vertical" className="modal-form" name="ipRight" initialValues={initial}
        onValuesChange={(c) => { if (c.kind) form.setFieldsValue({ subtype: Object.keys(IP_SUBTYPES[c.kind] ?? {})[0] ?? null, status: Object.keys(IP_STATUSES[c.kind])[0] }); }}>
        <Form.Item name="kind" label={<Bi zh="类型" en="Kind" />} rules={[{ required: true }]}><Select disabled={!!right} options={opts(IP_KINDS)} data-testid="ip-right-kind" /></Form.Item>
        {Object.keys(IP_SUBTYPES[kind] ?? {}).length > 0 && (
          <Form.Item name="subtype" label={<Bi zh="类别" en="Subtype" />}><Select allowClear options={opts(IP_SUBTYPES[kind])} /></Form.Item>
        )}
        <Form.Item name="number" label={<Bi zh="编号（专利号、标准号、登记号、品种权号）" en="Number" />} rules={[{ required: true, whitespace: true }]}><Input maxLength={100} data-testid="ip-right-number" /></Form.Item>
        <Form.Item name="titleZh" label={<Bi zh="名称" en="Title" />} rules={[{ required: true, whitespace: true }]}><Input maxLength={300} data-testid="ip-right-title" /></Form.Item>
        <Form.Item name="titleEn" label={<Bi zh="英文名称" en="English title" />}><Input maxLength={500} /></Form.Item>
        <Form.Item name="status" label={<Bi zh="状态" en="Status" />} rules={[{ required: true }]}><Select options={opts(IP_STATUSES[kind] ?? {})} /></Form.Item>
        <Form.Item name="filedOn" label={<Bi zh="申请日" en="Filed on" />}><DatePicker disabledDate={(d) => d.isAfter(dayjs())} /></Form.Item>
        <Form.Item name="grantedOn" label={<Bi zh={GRANTED_ON[kind]?.zh ?? '授权日'} en={GRANTED_ON[kind]?.en ?? 'Granted on'} />} rules={[{ required: inForce }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
        <Form.Item name="holderIds" label={<Bi zh="权利人（按证书顺序）" en="Holders, in the certificate's order" />} rules={[{ required: true, type: 'array', min: 1 }]}
          extra={taskForce ? undefined : bi(lang, { zh: '权利人须包含本机构', en: 'Your organisation must be among the holders' })}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={holderOptions} loading={orgs.loading} data-testid="ip-right-holders" />
        </Form.Item>
        <Form.Item name="inventors" label={<Bi zh="发明人 / 作者 / 起草人" en="Inventors / authors" />}><Select mode="tags" tokenSeparators={[',', '，', '、']} /></Form.Item>
        <Form.Item name="abstractZh" label={<Bi zh="摘要" en="Abstract" />}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
      </Form>
    </Modal>
  );
}
