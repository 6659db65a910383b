import { App as AntApp, Button, Form, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi, one } from '../supervision/shared';
import type { Designation } from './api';
import { DESIGNATION_KINDS, DESIGNATIONS, LEVELS } from './labels';

/** 认定: 专精特新, 小巨人, 单项冠军…, each with its level and year; kept by the district or the task force. */
export function DesignationsModal({ enterpriseId, list, onClose, onSaved }: { enterpriseId: string; list: Designation[]; onClose: () => void; onSaved: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ designations: Designation[] }>();
  const thisYear = new Date().getFullYear();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.put(`/api/industry/enterprises/${enterpriseId}/designations`, { designations: v.designations ?? [] });
    message.success(bi(lang, { zh: '认定信息已更新', en: 'Designations saved' }));
    onSaved();
  });
  return (
    <Modal open width={640} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh="设置认定" en="Designations" />} okText={bi(lang, { zh: '保存', en: 'Save' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ 'data-testid': 'designations-submit' } as never}>
      <Typography.Paragraph type="secondary">{bi(lang, { zh: '同一认定与级别只记一次；专精特新与“小巨人”计入 2027 年 50 家目标。', en: 'Each designation and level once; SRDI and little giants count toward the 2027 target of 50.' })}</Typography.Paragraph>
      <Form form={form} initialValues={{ designations: list }} className="modal-form">
        <Form.List name="designations">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: bi(lang, { zh: '请选择', en: 'Choose' }) }]}>
                    <Select style={{ width: 220 }} options={DESIGNATION_KINDS.map((k) => ({ value: k, label: one(lang, DESIGNATIONS[k]) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'level']} rules={[{ required: true, message: bi(lang, { zh: '请选择', en: 'Choose' }) }]}>
                    <Select style={{ width: 120 }} options={Object.entries(LEVELS).map(([value, n]) => ({ value, label: one(lang, n) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'year']} rules={[{ required: true, message: bi(lang, { zh: '年份', en: 'Year' }) }]}>
                    <InputNumber min={1990} max={thisYear} precision={0} style={{ width: 100 }} placeholder={String(thisYear)} />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={bi(lang, { zh: '删除', en: 'Remove' })} />
                </Space>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ kind: 'srdi', level: 'municipal', year: thisYear })}>
                <Bi zh="添加认定" en="Add a designation" />
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
