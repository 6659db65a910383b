import { useEffect } from 'react';
import { App as AntApp, Form, Input, InputNumber, Modal, Select } from 'antd';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi } from '../supervision/shared';
import type { Equipment, Platform } from './api.bases';
import { EQUIPMENT_STATUS_CODES, EQUIPMENT_STATUSES, USER_CATEGORIES, USER_CATEGORY_CODES, type EquipmentStatus } from './labels.bases';

interface Values {
  code?: string; platformId?: string | null; nameZh: string; typeZh: string; model?: string; capacityZh?: string; capacityL?: number | null; status: EquipmentStatus;
  priceMemberYuan?: number | null; priceEnterpriseYuan?: number | null; priceInstituteYuan?: number | null;
}

const orNull = (s: string | undefined | null) => (s?.trim() ? s.trim() : null);

/**
 * An item of shared equipment: code (left empty, the base's next code), type, model, capacity,
 * status and the hourly price per user category (empty: on request). Its keepers add and edit it.
 */
export function EquipmentFormModal({ baseId, platforms, equipment, onClose, onSaved }: {
  baseId: string; platforms: Platform[]; equipment?: Equipment; onClose: () => void; onSaved: (e: { id: string }) => void;
}) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const editing = !!equipment;
  useEffect(() => {
    if (!equipment) return;
    form.setFieldsValue({
      ...equipment, model: equipment.model ?? undefined, capacityZh: equipment.capacityZh ?? undefined,
    });
  }, [equipment, form]);
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const body = {
      code: editing ? (v.code?.trim() || null) : (orNull(v.code) ?? undefined), platformId: v.platformId ?? null, nameZh: v.nameZh.trim(), typeZh: v.typeZh.trim(),
      model: orNull(v.model), capacityZh: orNull(v.capacityZh), capacityL: v.capacityL ?? null, status: v.status,
      priceMemberYuan: v.priceMemberYuan ?? null, priceEnterpriseYuan: v.priceEnterpriseYuan ?? null, priceInstituteYuan: v.priceInstituteYuan ?? null,
    };
    const saved = editing
      ? await api.patch<Equipment>(`/api/pilot/equipment/${equipment.id}`, body)
      : await api.post<Equipment>(`/api/pilot/bases/${baseId}/equipment`, body);
    message.success(bi(lang, editing ? { zh: `设备 ${saved.code} 已保存`, en: `${saved.code} saved` } : { zh: `已添加设备 ${saved.code}`, en: `Added ${saved.code}` }));
    onSaved(saved);
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }} width={720}
      title={editing ? <Bi zh={`编辑设备 ${equipment.code}`} en={`Edit ${equipment.code}`} /> : <Bi zh="新增共享设备" en="Add equipment" />}
      okText={editing ? bi(lang, { zh: '保存', en: 'Save' }) : bi(lang, { zh: '添加', en: 'Add' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ 'data-testid': 'pilot-equipment-form-ok' } as never}>
      <Form form={form} layout="vertical" className="modal-form" initialValues={{ status: 'available' }} data-testid="pilot-equipment-form">
        <div className="pb-form-grid">
          <Form.Item name="nameZh" label={<Bi zh="设备名称" en="Name" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请填写设备名称', en: 'Name the item' }) }]}>
            <Input maxLength={200} placeholder="如 500 L 不锈钢发酵罐" data-testid="pilot-equipment-name" />
          </Form.Item>
          <Form.Item name="typeZh" label={<Bi zh="设备类型" en="Type" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请填写设备类型', en: 'Give the type' }) }]}>
            <Input maxLength={100} placeholder="如 发酵罐、离心机、冻干机" data-testid="pilot-equipment-type" />
          </Form.Item>
          <Form.Item name="code" label={<Bi zh="设备编号" en="Code" />} extra={editing ? undefined : bi(lang, { zh: '不填则自动编号', en: 'Empty: numbered for you' })}>
            <Input maxLength={40} className="mono" data-testid="pilot-equipment-code" />
          </Form.Item>
          <Form.Item name="platformId" label={<Bi zh="所属平台" en="Platform" />}>
            <Select allowClear options={platforms.map((p) => ({ value: p.id, label: `${p.nameZh}（${p.code.split('-').pop()}）` }))} data-testid="pilot-equipment-platform" />
          </Form.Item>
          <Form.Item name="model" label={<Bi zh="型号" en="Model" />}><Input maxLength={200} /></Form.Item>
          <Form.Item name="status" label={<Bi zh="状态" en="Status" />}>
            <Select data-testid="pilot-equipment-status" options={EQUIPMENT_STATUS_CODES.map((s) => ({ value: s, label: bi(lang, EQUIPMENT_STATUSES[s]) }))} />
          </Form.Item>
          <Form.Item name="capacityL" label={<Bi zh="容量（升）" en="Capacity (litres)" />}>
            <InputNumber<number> min={0} max={1e7} style={{ width: '100%' }} suffix="L" />
          </Form.Item>
          <Form.Item name="capacityZh" label={<Bi zh="能力说明" en="Capacity note" />}>
            <Input maxLength={200} placeholder="如 装液量 60–70%" />
          </Form.Item>
        </div>
        <div className="pb-section-label"><Bi zh="小时价格（元/小时，不填为面议）" en="Hourly prices (yuan per hour; empty: on request)" /></div>
        <div className="pb-form-grid pb-form-grid-3">
          {USER_CATEGORY_CODES.map((c) => (
            <Form.Item key={c} name={USER_CATEGORIES[c].priceField} label={<Bi zh={USER_CATEGORIES[c].zh} en={USER_CATEGORIES[c].en} />}>
              <InputNumber<number> min={0} max={1e9} style={{ width: '100%' }} data-testid={`pilot-equipment-price-${c}`} />
            </Form.Item>
          ))}
        </div>
      </Form>
    </Modal>
  );
}
