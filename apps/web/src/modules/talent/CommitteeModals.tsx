import { useState } from 'react';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi } from '../supervision/shared';
import { useDebounced, useTaskOptions } from '../supervision/WorkShared';
import type { ExpertRow, MemberTerm, Page } from './api';
import { COMMITTEE_ROLES, CONSULTATION_KINDS, options } from './labels';

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/** Experts found by name in the directory, one or many. */
function ExpertPicker({ value, onChange, multiple }: { value?: string | string[]; onChange?: (v: string | string[]) => void; multiple?: boolean }) {
  const lang = useLang();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), 300);
  const list = useApi<Page<ExpertRow>>(`/api/talent/experts${qs({ q, limit: 30 })}`);
  const [known, setKnown] = useState<Record<string, string>>({});
  const items = list.data?.items ?? [];
  const opts = [...items.map((e) => ({ value: e.id, label: `${e.nameZh} · ${e.organisationZh}` })), ...Object.entries(known).filter(([id]) => !items.some((e) => e.id === id)).map(([value, label]) => ({ value, label }))];
  return (
    <Select mode={multiple ? 'multiple' : undefined} showSearch={{ filterOption: false, onSearch: setTyped }} value={value} loading={list.loading} options={opts}
      onChange={(v: string | string[]) => { setKnown((k) => ({ ...k, ...Object.fromEntries(opts.filter((o) => ([] as string[]).concat(v).includes(o.value)).map((o) => [o.value, o.label])) })); onChange?.(v); }}
      placeholder={bi(lang, { zh: '输入姓名或机构查找专家', en: 'Type a name or organisation' })} />
  );
}

/** 聘任委员: an expert, a role and a term (the task force). */
export function MemberModal({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const lang = useLang();
  const [form] = Form.useForm<{ expertId: string; role: string; term: [Dayjs, Dayjs] }>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post('/api/talent/committee/members', { expertId: v.expertId, role: v.role, termStart: iso(v.term[0]), termEnd: iso(v.term[1]) });
    onSaved();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden title={<Bi zh="聘任委员" en="Appoint a member" />} okText={bi(lang, { zh: '聘任', en: 'Appoint' })} okButtonProps={{ 'data-testid': 'member-ok' } as never}>
      <Form form={form} layout="vertical" name="member" initialValues={{ role: 'member', term: [dayjs(), dayjs().add(3, 'year').subtract(1, 'day')] }}>
        <Form.Item name="expertId" label={<Bi zh="专家" en="Expert" />} rules={[{ required: true }]}><ExpertPicker /></Form.Item>
        <Form.Item name="role" label={<Bi zh="职务" en="Role" />}><Select options={options(COMMITTEE_ROLES, (l) => bi(lang, l))} /></Form.Item>
        <Form.Item name="term" label={<Bi zh="任期" en="Term" />} rules={[{ required: true }]}><DatePicker.RangePicker style={{ width: '100%' }} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** 续聘: the next term starts the day after this one ends (today if it has lapsed). */
export function RenewModal({ term, onClose, onSaved }: { term: MemberTerm; onClose: () => void; onSaved: () => void }) {
  const lang = useLang();
  const [form] = Form.useForm<{ termEnd: Dayjs; role: string }>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/talent/committee/members/${term.id}/renew`, { termEnd: iso(v.termEnd), role: v.role });
    onSaved();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden title={<Bi zh={`续聘 ${term.nameZh}`} en={`Renew ${term.nameZh}`} />} okText={bi(lang, { zh: '续聘', en: 'Renew' })}>
      <Form form={form} layout="vertical" name="renew" initialValues={{ role: term.role, termEnd: dayjs(term.termEnd).add(3, 'year') }}>
        <Form.Item name="role" label={<Bi zh="职务" en="Role" />}><Select options={options(COMMITTEE_ROLES, (l) => bi(lang, l))} /></Form.Item>
        <Form.Item name="termEnd" label={<Bi zh="新任期结束日期" en="New term ends on" />} extra={bi(lang, { zh: `新任期自 ${term.termEnd} 次日起（已届满则自今日起）`, en: `Starts the day after ${term.termEnd} (today if lapsed)` })} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 记录咨询: the subject, date, experts consulted, the advice and the plan task it concerns. */
export function ConsultationModal({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const lang = useLang();
  const tasks = useTaskOptions();
  const [form] = Form.useForm<{ kind: string; subjectZh: string; heldOn: Dayjs; expertIds: string[]; adviceZh: string; taskNo?: number }>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post('/api/talent/committee/consultations', { kind: v.kind, subjectZh: v.subjectZh.trim(), heldOn: iso(v.heldOn), expertIds: v.expertIds, adviceZh: v.adviceZh.trim(), taskNo: v.taskNo ?? null });
    onSaved();
  });
  return (
    <Modal open width={720} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden title={<Bi zh="记录咨询" en="Record a consultation" />} okText={bi(lang, { zh: '记录', en: 'Record' })} okButtonProps={{ 'data-testid': 'consultation-ok' } as never}>
      <Form form={form} layout="vertical" name="consultation" initialValues={{ kind: 'decision', heldOn: dayjs() }}>
        <Form.Item name="kind" label={<Bi zh="咨询类型" en="Kind" />}><Select options={options(CONSULTATION_KINDS, (l) => bi(lang, l))} /></Form.Item>
        <Form.Item name="subjectZh" label={<Bi zh="咨询事项" en="Subject" />} rules={[{ required: true, whitespace: true }]}><Input maxLength={300} /></Form.Item>
        <Form.Item name="heldOn" label={<Bi zh="日期" en="Date" />} rules={[{ required: true }]}><DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item>
        <Form.Item name="expertIds" label={<Bi zh="参加咨询的专家" en="Experts consulted" />} rules={[{ required: true, type: 'array', min: 1 }]}><ExpertPicker multiple /></Form.Item>
        <Form.Item name="taskNo" label={<Bi zh="关联行动计划任务（可选）" en="Plan task (optional)" />}><Select allowClear showSearch options={tasks.options} loading={tasks.loading} /></Form.Item>
        <Form.Item name="adviceZh" label={<Bi zh="咨询意见" en="Advice" />} rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={5} maxLength={20000} /></Form.Item>
      </Form>
    </Modal>
  );
}
