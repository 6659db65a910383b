import { App as AntApp, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, ApiError } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi } from '../supervision/shared';
import type { InvestEvent } from './api';

interface Values { nameZh: string; heldOn?: Dayjs | null; placeZh?: string; organiserZh?: string }

const orNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** 新增招商推介活动 (the task force's): its name, date, place and organiser; leads then name it as their source. */
export function EventFormModal({ onClose, onSaved }: { onClose: () => void; onSaved: (e: InvestEvent) => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    try {
      const saved = await api.post<InvestEvent>('/api/industry/events', {
        nameZh: v.nameZh.trim(), heldOn: v.heldOn ? v.heldOn.format('YYYY-MM-DD') : null, placeZh: orNull(v.placeZh), organiserZh: orNull(v.organiserZh),
      });
      message.success(bi(lang, { zh: `已新增活动 ${saved.nameZh}`, en: `Added ${saved.nameZh}` }));
      onSaved(saved);
    } catch (e) {
      // The server names no field when the name is taken: it is the name's.
      if (e instanceof ApiError && e.status === 409 && !e.details.length) form.setFields([{ name: 'nameZh', errors: [e.message] }]);
      throw e;
    }
  });
  return (
    <Modal open width={600} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh="新增招商推介活动" en="Add a promotion event" />} okText={bi(lang, { zh: '保存', en: 'Save' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ 'data-testid': 'event-form-submit' } as never}>
      <Form form={form} layout="vertical" className="modal-form" name="event">
        <Form.Item name="nameZh" label={<Bi zh="活动名称" en="Name" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请填写活动名称', en: 'Name the event' }) }]}>
          <Input maxLength={200} data-testid="event-name" />
        </Form.Item>
        <div className="form-grid-2">
          <Form.Item name="heldOn" label={<Bi zh="举办日期" en="Held on" />}><DatePicker className="full-width" data-testid="event-date" /></Form.Item>
          <Form.Item name="placeZh" label={<Bi zh="举办地点" en="Place" />}><Input maxLength={200} data-testid="event-place" /></Form.Item>
        </div>
        <Form.Item name="organiserZh" label={<Bi zh="主办单位" en="Organiser" />}><Input maxLength={200} data-testid="event-organiser" /></Form.Item>
      </Form>
    </Modal>
  );
}
