import { useEffect } from 'react';
import { App as AntApp, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { api } from '../../app/api';
import { useFormSubmit } from '../../app/useFormSubmit';
import { Bi } from '../../app/components/Bi';
import { useDistricts, useTasks } from '../plan/api';
import type { ListItem, ListKind } from './api';
import { labelFilter, orgOptions } from './PubShared';
import { useOrganisations } from './shared';

interface Values {
  itemKey?: string;
  nameZh: string;
  ownerOrganisationId?: string | null;
  taskNo?: number | null;
  districtCode?: string | null;
  amountYiYuan?: number | null;
  startYear?: number | null;
  endYear?: number | null;
  progressZh?: string | null;
  noteZh?: string | null;
}

/** Adds an item to a draft edition, or changes one; cleared fields are sent as null so they clear. */
export function PubListItemModal({ kind, editionNo, item, onClose, onSaved }: {
  kind: ListKind; editionNo: number; item?: ListItem; onClose: () => void; onSaved: () => void;
}) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const orgs = useOrganisations(true);
  const tasks = useTasks();
  const districts = useDistricts();

  useEffect(() => {
    if (item) form.setFieldsValue(item);
  }, [item, form]);

  const { submit, saving } = useFormSubmit(form, async (v) => {
    const body = {
      nameZh: v.nameZh.trim(), ownerOrganisationId: v.ownerOrganisationId ?? null, taskNo: v.taskNo ?? null, districtCode: v.districtCode ?? null,
      amountYiYuan: v.amountYiYuan ?? null, startYear: v.startYear ?? null, endYear: v.endYear ?? null,
      progressZh: v.progressZh?.trim() || null, noteZh: v.noteZh?.trim() || null,
    };
    if (item) await api.patch(`/api/major-list-items/${item.id}`, body);
    else await api.post(`/api/major-lists/${kind}/editions/${editionNo}/items`, { ...body, ...(v.itemKey?.trim() ? { itemKey: v.itemKey.trim() } : {}) });
    message.success(item ? '已保存（Saved）' : '已新增事项（Item added）');
    onSaved();
  });

  return (
    <Modal open width={720} onOk={submit} confirmLoading={saving} onCancel={onClose} destroyOnHidden mask={{ closable: false }}
      title={item ? <Bi zh={`修改事项 ${item.itemKey}`} en="Edit item" /> : <Bi zh="新增事项" en="Add item" />}
      okText="保存 Save" cancelText="取消 Cancel" okButtonProps={{ 'data-testid': 'list-item-ok' } as never}>
      <Form form={form} layout="vertical" className="modal-form" name="list-item">
        <Row gutter={16}>
          {!item && (
            <Col span={8}>
              <Form.Item name="itemKey" label={<Bi zh="编号" en="Key" />} extra="留空则自动编号 Leave blank to number it" rules={[{ max: 20 }]}>
                <Input placeholder="P0001" />
              </Form.Item>
            </Col>
          )}
          <Col span={item ? 24 : 16}>
            <Form.Item name="nameZh" label={<Bi zh="名称" en="Name" />} rules={[{ required: true, whitespace: true, message: '请填写名称 (required)' }, { max: 200 }]}>
              <Input data-testid="list-item-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="ownerOrganisationId" label={<Bi zh="责任单位" en="Owner" />}>
              <Select allowClear showSearch={{ filterOption: labelFilter }} loading={orgs.loading} options={orgOptions(orgs.data)} placeholder="选择单位 Choose" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="districtCode" label={<Bi zh="区县" en="District" />}>
              <Select allowClear showSearch={{ filterOption: labelFilter }} loading={districts.loading} placeholder="选择区县 Choose"
                options={(districts.data ?? []).map((d) => ({ value: d.code, label: d.nameZh }))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="taskNo" label={<Bi zh="对应重点任务" en="Plan task" />}>
              <Select allowClear showSearch={{ filterOption: labelFilter }} loading={tasks.loading} placeholder="选择任务 Choose"
                options={(tasks.data ?? []).map((t) => ({ value: t.no, label: `${t.no}. ${t.titleZh}` }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="amountYiYuan" label={<Bi zh="金额（亿元）" en="Amount (100M yuan)" />}>
              <InputNumber min={0} step={0.1} className="full-width" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="startYear" label={<Bi zh="起始年" en="From" />}>
              <InputNumber min={2000} max={2100} precision={0} className="full-width" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="endYear" label={<Bi zh="完成年" en="To" />} dependencies={['startYear']}
              rules={[({ getFieldValue }) => ({
                validator: (_, v: number | null | undefined) => {
                  const s = getFieldValue('startYear') as number | null | undefined;
                  return v && s && v < s ? Promise.reject(new Error('完成年不能早于起始年 (end before start)')) : Promise.resolve();
                },
              })]}>
              <InputNumber min={2000} max={2100} precision={0} className="full-width" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="progressZh" label={<Bi zh="进展" en="Progress" />} rules={[{ max: 1000 }]}>
              <Input.TextArea rows={3} maxLength={1000} showCount />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="noteZh" label={<Bi zh="备注" en="Note" />} rules={[{ max: 1000 }]}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
