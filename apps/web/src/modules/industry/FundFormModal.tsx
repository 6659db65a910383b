import { App as AntApp, Form, Input, InputNumber, Modal, Select } from 'antd';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { DOMAIN_NAMES } from '../plan/format';
import { bi, one } from '../supervision/shared';
import { useDistrictNames } from '../supervision/WorkShared';
import type { Fund } from './api';
import { FUND_KINDS } from './labels';

interface Values { code: string; nameZh: string; kind: string; sizeWan?: number | null; managerZh?: string; focusZh?: string; domains?: string[]; districtCode?: string | null }

/** Add or edit a fund (the task force's): kind, size in 万元, manager, focus, domains, its district for a guidance fund. */
export function FundFormModal({ fund, onClose, onSaved }: { fund?: Fund; onClose: () => void; onSaved: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const districts = useDistrictNames();
  const kind = Form.useWatch('kind', form);
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const body = { code: v.code.trim(), nameZh: v.nameZh.trim(), kind: v.kind, sizeWan: v.sizeWan ?? null, managerZh: v.managerZh?.trim() || null,
      focusZh: v.focusZh?.trim() || null, domains: v.domains ?? [], districtCode: v.districtCode ?? null };
    if (fund) await api.put(`/api/industry/funds/${fund.id}`, body);
    else await api.post('/api/industry/funds', body);
    message.success(bi(lang, { zh: '基金已保存', en: 'Fund saved' }));
    onSaved();
  });
  return (
    <Modal open width={680} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={fund ? <Bi zh={`编辑基金 · ${fund.nameZh}`} en={`Edit fund · ${fund.nameZh}`} /> : <Bi zh="新增基金" en="Add a fund" />}
      okText={bi(lang, { zh: '保存', en: 'Save' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })} okButtonProps={{ 'data-testid': 'fund-form-submit' } as never}>
      <Form form={form} layout="vertical" className="modal-form" name="fund"
        initialValues={fund ? { ...fund, managerZh: fund.managerZh ?? undefined, focusZh: fund.focusZh ?? undefined } : { kind: 'guidance', domains: [] }}>
        <div className="form-grid-2">
          <Form.Item name="code" label={<Bi zh="编码" en="Code" />} extra={bi(lang, { zh: '字母开头，如 bishanGuidance', en: 'Starts with a letter, e.g. bishanGuidance' })}
            rules={[{ required: true, pattern: /^[A-Za-z][\w-]{1,40}$/, message: bi(lang, { zh: '字母开头的 2–41 位字母数字', en: '2–41 letters or digits, starting with a letter' }) }]}>
            <Input maxLength={41} className="mono" />
          </Form.Item>
          <Form.Item name="kind" label={<Bi zh="类型" en="Kind" />} rules={[{ required: true }]}>
            <Select options={Object.entries(FUND_KINDS).map(([value, n]) => ({ value, label: one(lang, n) }))} />
          </Form.Item>
        </div>
        <Form.Item name="nameZh" label={<Bi zh="基金名称" en="Name" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请填写基金名称', en: 'Name the fund' }) }]}>
          <Input maxLength={200} data-testid="fund-name" />
        </Form.Item>
        <div className="form-grid-2">
          <Form.Item name="sizeWan" label={<Bi zh="规模（万元）" en="Size (万元)" />} rules={[{ type: 'number', min: 0 }]}><InputNumber min={0} step={10000} className="full-width" /></Form.Item>
          <Form.Item name="districtCode" label={<Bi zh="区县" en="District" />}
            rules={[{ required: kind === 'guidance', message: bi(lang, { zh: '区县引导基金须指定区县', en: 'A district guidance fund names its district' }) }]}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={districts.options} />
          </Form.Item>
        </div>
        <div className="form-grid-2">
          <Form.Item name="managerZh" label={<Bi zh="管理人" en="Manager" />}><Input maxLength={200} /></Form.Item>
          <Form.Item name="domains" label={<Bi zh="投资领域" en="Domains" />}>
            <Select mode="multiple" options={Object.entries(DOMAIN_NAMES).map(([value, n]) => ({ value, label: one(lang, n) }))} />
          </Form.Item>
        </div>
        <Form.Item name="focusZh" label={<Bi zh="投资方向" en="Focus" />}><Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} /></Form.Item>
      </Form>
    </Modal>
  );
}
