import { App as AntApp, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi } from '../supervision/shared';
import type { SupportItem, TalentRow } from './api';
import { options, SUPPORT_ITEMS, TALENT_KINDS, TALENT_PROGRAMMES, TALENT_STATUSES } from './labels';
import { OrganisationSelect } from './OrganisationSelect';

interface Values {
  nameZh: string; kind: string; programme: string; programmeOtherZh?: string; organisationId?: string | null; organisationZh?: string;
  fieldZh: string; titleZh?: string; teamSize?: number | null; arrivalOn?: Dayjs | null; status: string; leftOn?: Dayjs | null; noteZh?: string;
  support?: SupportItem[];
}
const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);
const blank = (s?: string | null) => (s?.trim() ? s.trim() : null);

/** 登记或修改人才: kind, programme, organisation, arrival and status, and the "一人一策" package item by item. */
export function TalentFormModal({ talent, onClose, onSaved }: { talent?: TalentRow; onClose: () => void; onSaved: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const programme = Form.useWatch('programme', form);
  const status = Form.useWatch('status', form);
  const orgId = Form.useWatch('organisationId', form);

  const { submit, saving } = useFormSubmit(form, async (v) => {
    const body = {
      nameZh: v.nameZh.trim(), kind: v.kind, programme: v.programme, programmeOtherZh: v.programme === 'other' ? blank(v.programmeOtherZh) : null,
      organisationId: v.organisationId ?? null, organisationZh: v.organisationId ? null : blank(v.organisationZh), fieldZh: v.fieldZh.trim(), titleZh: blank(v.titleZh),
      teamSize: v.teamSize ?? null, arrivalOn: day(v.arrivalOn), status: v.status, leftOn: day(v.leftOn), noteZh: blank(v.noteZh),
      support: (v.support ?? []).map((s) => ({ item: s.item, descriptionZh: blank(s.descriptionZh), amountWan: s.amountWan ?? null })),
    };
    const saved = talent ? await api.patch<TalentRow>(`/api/talent/people/${talent.id}`, body) : await api.post<TalentRow>('/api/talent/people', body);
    message.success(bi(lang, { zh: `已保存 ${saved.code} ${saved.nameZh}`, en: `Saved ${saved.code}` }));
    onSaved();
  });

  const initial = talent
    ? { ...talent, arrivalOn: talent.arrivalOn ? dayjs(talent.arrivalOn) : null, leftOn: talent.leftOn ? dayjs(talent.leftOn) : null, organisationZh: talent.organisationId ? undefined : talent.organisationZh }
    : { kind: 'national', programme: 'yuyue', status: 'recruiting', support: [] };
  const grid = { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', columnGap: 16 } as const;

  return (
    <Modal open width={760} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={talent ? <Bi zh={`修改 ${talent.code}`} en={`Edit ${talent.code}`} /> : <Bi zh="登记人才或团队" en="Register a talent or team" />}
      okText={bi(lang, { zh: '保存', en: 'Save' })} okButtonProps={{ 'data-testid': 'talent-form-ok' } as never}>
      <Form form={form} layout="vertical" name="talent" initialValues={initial as never}>
        <div style={grid}>
          <Form.Item name="nameZh" label={<Bi zh="姓名或团队名称" en="Name or team" />} rules={[{ required: true, whitespace: true }]}><Input maxLength={100} data-testid="talent-name" /></Form.Item>
          <Form.Item name="kind" label={<Bi zh="类别" en="Kind" />}><Select options={options(TALENT_KINDS, (l) => bi(lang, l))} /></Form.Item>
          <Form.Item name="programme" label={<Bi zh="引才计划" en="Programme" />}><Select options={options(TALENT_PROGRAMMES, (l) => bi(lang, l))} /></Form.Item>
          {programme === 'other'
            ? <Form.Item name="programmeOtherZh" label={<Bi zh="计划名称" en="Programme name" />} rules={[{ required: true, whitespace: true }]}><Input maxLength={100} /></Form.Item>
            : <Form.Item name="titleZh" label={<Bi zh="职称/荣誉" en="Title" />}><Input maxLength={200} /></Form.Item>}
          <Form.Item name="fieldZh" label={<Bi zh="研究领域" en="Field" />} rules={[{ required: true, whitespace: true }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="teamSize" label={<Bi zh="团队人数" en="Team size" />}><InputNumber min={1} precision={0} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="status" label={<Bi zh="状态" en="Status" />}><Select options={options(TALENT_STATUSES, (l) => bi(lang, l))} /></Form.Item>
          <Form.Item name="arrivalOn" label={<Bi zh="到岗日期" en="Arrived on" />} rules={[{ required: status !== 'recruiting', message: bi(lang, { zh: '已到岗须填写', en: 'Needed once arrived' }) }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
          {status === 'left' && <Form.Item name="leftOn" label={<Bi zh="离开日期" en="Left on" />} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>}
        </div>
        <Form.Item name="organisationId" label={<Bi zh="引进单位（平台中）" en="Organisation (in the platform)" />}><OrganisationSelect initialLabel={talent?.organisationId ? talent.organisationZh : undefined} /></Form.Item>
        {!orgId && <Form.Item name="organisationZh" label={<Bi zh="引进单位名称" en="Organisation name" />} rules={[{ required: true, whitespace: true }]}><Input maxLength={200} /></Form.Item>}
        <Form.Item label={<Bi zh="一人一策支持" en="Support package" />}>
          <Form.List name="support">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'item']} rules={[{ required: true }]}><Select style={{ width: 150 }} options={options(SUPPORT_ITEMS, (l) => bi(lang, l))} /></Form.Item>
                    <Form.Item name={[f.name, 'descriptionZh']}><Input placeholder={bi(lang, { zh: '说明', en: 'Description' })} maxLength={300} style={{ width: 260 }} /></Form.Item>
                    <Form.Item name={[f.name, 'amountWan']}><InputNumber min={0} placeholder={bi(lang, { zh: '万元', en: '10k yuan' })} style={{ width: 120 }} /></Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ item: 'funding' })}><Bi zh="添加支持事项" en="Add an item" /></Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="noteZh" label={<Bi zh="备注" en="Note" />}><Input.TextArea rows={2} maxLength={4000} /></Form.Item>
      </Form>
    </Modal>
  );
}
