import { useState } from 'react';
import { App as AntApp, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi } from '../supervision/shared';
import { useDebounced } from '../supervision/WorkShared';
import type { Enterprise, Fund, LeadRow, Page } from './api';

interface Values { enterpriseId?: string | null; leadId?: string | null; amountWan: number; investedOn: Dayjs; noteZh?: string }

/** Search-as-you-type options for enterprises or leads. */
function useFound<T>(path: string, q: string, toOption: (x: T) => { value: string; label: string }) {
  const settled = useDebounced(q.trim(), 300);
  const found = useApi<Page<T>>(`${path}${qs({ q: settled || undefined, limit: 20 })}`);
  return { loading: found.loading, options: (found.data?.items ?? []).map(toOption) };
}

/** 记录基金投资: into an enterprise on record or a lead's project, an amount in 万元 on a date. */
export function InvestmentModal({ fund, onClose, onSaved }: { fund: Fund; onClose: () => void; onSaved: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [eq, setEq] = useState('');
  const [lq, setLq] = useState('');
  const enterprises = useFound<Enterprise>('/api/industry/enterprises', eq, (e) => ({ value: e.id, label: `${e.nameZh}（${e.districtNameZh ?? e.districtCode}）` }));
  const leads = useFound<LeadRow>('/api/industry/leads', lq, (l) => ({ value: l.id, label: `${l.code} ${l.targetNameZh}` }));
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/industry/funds/${fund.id}/investments`, {
      enterpriseId: v.enterpriseId ?? null, leadId: v.leadId ?? null, amountWan: v.amountWan, investedOn: v.investedOn.format('YYYY-MM-DD'), noteZh: v.noteZh?.trim() || null,
    });
    message.success(bi(lang, { zh: '已记录投资', en: 'Investment recorded' }));
    onSaved();
  });
  return (
    <Modal open width={640} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh={`记录投资 · ${fund.nameZh}`} en={`Record an investment · ${fund.nameZh}`} />}
      okText={bi(lang, { zh: '记录', en: 'Record' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })} okButtonProps={{ 'data-testid': 'investment-submit' } as never}>
      <Form form={form} layout="vertical" className="modal-form" initialValues={{ investedOn: dayjs() }}>
        <Form.Item name="enterpriseId" label={<Bi zh="被投企业" en="Enterprise" />} extra={bi(lang, { zh: '企业与招商项目至少选择一个', en: 'Choose an enterprise or a project' })}>
          <Select allowClear showSearch={{ filterOption: false, onSearch: setEq }} options={enterprises.options} loading={enterprises.loading} />
        </Form.Item>
        <Form.Item name="leadId" label={<Bi zh="招商项目" en="Project (lead)" />}>
          <Select allowClear showSearch={{ filterOption: false, onSearch: setLq }} options={leads.options} loading={leads.loading} />
        </Form.Item>
        <div className="form-grid-2">
          <Form.Item name="amountWan" label={<Bi zh="金额（万元）" en="Amount (万元)" />} rules={[{ required: true, type: 'number', min: 0.01, message: bi(lang, { zh: '金额应大于 0', en: 'An amount above zero' }) }]}>
            <InputNumber min={0} step={100} className="full-width" />
          </Form.Item>
          <Form.Item name="investedOn" label={<Bi zh="投资日期" en="Date" />} rules={[{ required: true }]}><DatePicker className="full-width" /></Form.Item>
        </div>
        <Form.Item name="noteZh" label={<Bi zh="备注" en="Note" />}><Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} /></Form.Item>
      </Form>
    </Modal>
  );
}
