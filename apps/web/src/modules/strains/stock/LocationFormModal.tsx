import { App as AntApp, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { api } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { useLang } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { bi } from '../../supervision/shared';
import type { StorageLocation } from './api';
import { optionsOf, required, requiredValue } from './forms';
import { LOCATION_KINDS } from './labels';

type Values = Pick<StorageLocation, 'code' | 'nameZh' | 'kind' | 'temperatureC' | 'roomZh' | 'status' | 'noteZh'>;

/** 登记 / 修改保藏设备: its door label (F-80-01), kind, temperature and room; retiring one that still holds lots is refused. */
export function LocationFormModal({ location, onClose, onDone }: { location?: StorageLocation; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const body = { ...v, roomZh: v.roomZh?.trim() || null, noteZh: v.noteZh?.trim() || null, temperatureC: v.temperatureC ?? null };
    const saved = location ? await api.patch<StorageLocation>(`/api/storage-locations/${location.id}`, body) : await api.post<StorageLocation>('/api/storage-locations', body);
    message.success(bi(lang, { zh: `已保存 ${saved.code}`, en: `Saved ${saved.code}` }));
    onDone();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh={location ? `修改 ${location.code}` : '登记保藏设备'} en={location ? `Edit ${location.code}` : 'Register a storage location'} />}
      okText={bi(lang, { zh: '保存', en: 'Save' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })} okButtonProps={{ 'data-testid': 'strains-location-ok' } as never}>
      <Form form={form} layout="vertical" className="modal-form" initialValues={location ?? { kind: 'freezer80', temperatureC: -80, status: 'inUse' }}>
        <Row gutter={12}>
          <Col span={10}><Form.Item name="code" label={<Bi zh="编号" en="Code" />} rules={required(lang, '请填写编号', 'Give the code')}><Input maxLength={30} placeholder="F-80-01" data-testid="strains-location-code" /></Form.Item></Col>
          <Col span={14}><Form.Item name="nameZh" label={<Bi zh="名称" en="Name" />} rules={required(lang, '请填写名称', 'Give the name')}><Input maxLength={200} data-testid="strains-location-name" /></Form.Item></Col>
        </Row>
        <Row gutter={12}>
          <Col span={10}><Form.Item name="kind" label={<Bi zh="类型" en="Kind" />} rules={requiredValue(lang, '请选择', 'Choose one')}><Select options={optionsOf(lang, LOCATION_KINDS)} /></Form.Item></Col>
          <Col span={6}><Form.Item name="temperatureC" label={<Bi zh="温度 °C" en="°C" />}><InputNumber min={-273} max={60} className="full-width" /></Form.Item></Col>
          <Col span={8}><Form.Item name="status" label={<Bi zh="状态" en="Status" />}>
            <Select options={[{ value: 'inUse', label: bi(lang, { zh: '在用', en: 'In use' }) }, { value: 'retired', label: bi(lang, { zh: '停用', en: 'Retired' }) }]} />
          </Form.Item></Col>
        </Row>
        <Form.Item name="roomZh" label={<Bi zh="房间" en="Room" />}><Input maxLength={200} /></Form.Item>
        <Form.Item name="noteZh" label={<Bi zh="备注" en="Note" />}><Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} /></Form.Item>
      </Form>
    </Modal>
  );
}
