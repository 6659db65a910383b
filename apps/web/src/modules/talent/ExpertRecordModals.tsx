import { useState } from 'react';
import { Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import { api, qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi, one } from '../supervision/shared';
import { useDebounced } from '../supervision/WorkShared';
import type { ExpertDetail, ExpertRow, Page } from './api';
import { COLLABORATION_KINDS } from './labels';
import { OrganisationSelect } from './OrganisationSelect';

/** The expert drawer's forms: a declared conflict, joint work, the linked account. */

type Full = Extract<ExpertDetail, { full: true }>;

/** Another expert, found by name in the directory. */
function ExpertSelect({ value, onChange, exclude }: { value?: string; onChange?: (v?: string) => void; exclude: string }) {
  const lang = useLang();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), 300);
  const list = useApi<Page<ExpertRow>>(`/api/talent/experts${qs({ q, limit: 20 })}`);
  return (
    <Select allowClear showSearch={{ filterOption: false, onSearch: setTyped }} value={value} onChange={onChange} loading={list.loading}
      placeholder={bi(lang, { zh: '输入姓名或机构查找专家', en: 'Type a name or organisation' })}
      options={(list.data?.items ?? []).filter((e) => e.id !== exclude).map((e) => ({ value: e.id, label: `${e.nameZh} · ${e.organisationZh}` }))} />
  );
}

/** A counterpart: an organisation or another expert, as the server wants exactly one. */
function CounterpartFields({ expertId }: { expertId: string }) {
  const lang = useLang();
  const form = Form.useFormInstance();
  const by = Form.useWatch('by', form) ?? 'organisation';
  return (
    <>
      <Form.Item name="by" initialValue="organisation" label={<Bi zh="对象" en="With" />}>
        <Radio.Group optionType="button" options={[{ value: 'organisation', label: bi(lang, { zh: '机构', en: 'Organisation' }) }, { value: 'person', label: bi(lang, { zh: '专家', en: 'Expert' }) }]} />
      </Form.Item>
      {by === 'organisation'
        ? <Form.Item name="organisationId" rules={[{ required: true, message: bi(lang, { zh: '请选择机构', en: 'Choose an organisation' }) }]}><OrganisationSelect /></Form.Item>
        : <Form.Item name="personId" rules={[{ required: true, message: bi(lang, { zh: '请选择专家', en: 'Choose an expert' }) }]}><ExpertSelect exclude={expertId} /></Form.Item>}
    </>
  );
}

export function ConflictModal({ expertId, onClose, onSaved }: { expertId: string; onClose: () => void; onSaved: () => void }) {
  const lang = useLang();
  const [form] = Form.useForm();
  const { submit, saving } = useFormSubmit(form, async (v: { by: string; organisationId?: string; personId?: string; noteZh?: string }) => {
    await api.post(`/api/talent/experts/${expertId}/conflicts`, v.by === 'person' ? { personId: v.personId, noteZh: v.noteZh || null } : { organisationId: v.organisationId, noteZh: v.noteZh || null });
    onSaved();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden title={<Bi zh="申报利益冲突" en="Declare a conflict of interest" />} okText={bi(lang, { zh: '申报', en: 'Declare' })}>
      <Typography.Paragraph type="secondary">{one(lang, { zh: '申报后，评审分配不会把与该机构或专家相关的申报分给您。', en: 'Review assignment will keep you away from applications involving them.' })}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="conflict"><CounterpartFields expertId={expertId} />
        <Form.Item name="noteZh" label={<Bi zh="说明" en="Note" />}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
      </Form>
    </Modal>
  );
}

export function CollaborationModal({ expertId, onClose, onSaved }: { expertId: string; onClose: () => void; onSaved: () => void }) {
  const lang = useLang();
  const [form] = Form.useForm();
  const { submit, saving } = useFormSubmit(form, async (v: { by: string; kind: string; titleZh: string; ref?: string; year?: number; organisationId?: string; personId?: string }) => {
    await api.post(`/api/talent/experts/${expertId}/collaborations`, {
      kind: v.kind, titleZh: v.titleZh.trim(), ref: v.ref || null, year: v.year ?? null, ...(v.by === 'person' ? { personId: v.personId } : { organisationId: v.organisationId }),
    });
    onSaved();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden title={<Bi zh="登记合作成果" en="Record joint work" />} okText={bi(lang, { zh: '登记', en: 'Record' })}>
      <Form form={form} layout="vertical" name="collaboration" initialValues={{ kind: 'publication' }}>
        <Form.Item name="kind"><Radio.Group optionType="button" options={Object.entries(COLLABORATION_KINDS).map(([value, l]) => ({ value, label: bi(lang, l) }))} /></Form.Item>
        <Form.Item name="titleZh" label={<Bi zh="论文或项目名称" en="Title" />} rules={[{ required: true, whitespace: true }]}><Input maxLength={300} /></Form.Item>
        <Space>
          <Form.Item name="year" label={<Bi zh="年份" en="Year" />}><InputNumber min={1950} max={2100} precision={0} /></Form.Item>
          <Form.Item name="ref" label={<Bi zh="编号/DOI" en="Reference" />}><Input maxLength={200} /></Form.Item>
        </Space>
        <CounterpartFields expertId={expertId} />
      </Form>
    </Modal>
  );
}

export function AccountModal({ expert, onClose, onSaved }: { expert: Full; onClose: () => void; onSaved: () => void }) {
  const lang = useLang();
  const [form] = Form.useForm<{ username: string }>();
  const { submit, saving } = useFormSubmit(form, async (v) => { await api.put(`/api/talent/experts/${expert.id}/account`, { username: v.username.trim() }); onSaved(); });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden title={<Bi zh="关联登录账号" en="Link an account" />}>
      <Form form={form} layout="vertical" name="account" initialValues={{ username: expert.username ?? '' }}>
        <Form.Item name="username" label={<Bi zh="用户名（须具有专家角色）" en="Username (with the expert role)" />} rules={[{ required: true, whitespace: true }]}><Input maxLength={40} /></Form.Item>
      </Form>
      <Typography.Text type="secondary">{one(lang, { zh: '专家用此账号登录后可查看本人记录、申报利益冲突、参加评审。', en: 'Signed in with it, the expert sees its record, declares conflicts and reviews.' })}</Typography.Text>
    </Modal>
  );
}
