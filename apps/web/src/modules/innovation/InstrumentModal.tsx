import { App as AntApp, Form, Input, InputNumber, Modal, Switch } from 'antd';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi } from '../supervision/shared';
import type { Instrument } from './api';

type Values = Omit<Instrument, 'id'>;

/** Adds or edits a shared instrument of a platform (its hosts and the task force). */
export function InstrumentModal({ platformId, instrument, onClose, onSaved }: { platformId: string; instrument?: Instrument; onClose: () => void; onSaved: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const body = { ...v, model: v.model?.trim() || null, bookingContactZh: v.bookingContactZh?.trim() || null, noteZh: v.noteZh?.trim() || null, valueWan: v.valueWan ?? null };
    const base = `/api/innovation/platforms/${platformId}/instruments`;
    if (instrument) await api.patch(`${base}/${instrument.id}`, body);
    else await api.post(base, body);
    message.success(bi(lang, { zh: '已保存', en: 'Saved' }));
    onSaved();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={instrument ? <Bi zh="修改共享仪器" en="Edit the instrument" /> : <Bi zh="新增共享仪器" en="Add a shared instrument" />}
      okText={bi(lang, { zh: '保存', en: 'Save' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })} okButtonProps={{ 'data-testid': 'innovation-instrument-ok' } as never}>
      <Form form={form} layout="vertical" className="modal-form" name="instrument" initialValues={instrument ?? { openToShare: true }}>
        <Form.Item name="nameZh" label={<Bi zh="仪器名称" en="Name" />} rules={[{ required: true, whitespace: true }]}><Input maxLength={200} data-testid="innovation-instrument-name" /></Form.Item>
        <Form.Item name="model" label={<Bi zh="型号" en="Model" />}><Input maxLength={200} /></Form.Item>
        <Form.Item name="valueWan" label={<Bi zh="原值（万元）" en="Value (10k yuan)" />}><InputNumber min={0} style={{ width: 200 }} /></Form.Item>
        <Form.Item name="openToShare" label={<Bi zh="对外共享" en="Open to share" />} valuePropName="checked"><Switch /></Form.Item>
        <Form.Item name="bookingContactZh" label={<Bi zh="预约联系人" en="Booking contact" />}><Input maxLength={500} /></Form.Item>
        <Form.Item name="noteZh" label={<Bi zh="备注" en="Note" />}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
      </Form>
    </Modal>
  );
}
