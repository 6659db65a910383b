import { App as AntApp, Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi, one } from '../supervision/shared';
import type { Transformation } from './api';
import { TRANSFORMATION_CATEGORIES } from './labels';

interface Values { category: string; goalZh: string; startedOn: Dayjs; milestones: { titleZh: string; dueOn: Dayjs; doneOn?: Dayjs | null }[] }

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/** 两高两低 转型升级: the programme's category, goal and milestones (done when a date is set). */
export function TransformationModal({ enterpriseId, programme, onClose, onSaved }: { enterpriseId: string; programme?: Transformation; onClose: () => void; onSaved: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const initial = programme
    ? { category: programme.category, goalZh: programme.goalZh, startedOn: dayjs(programme.startedOn),
        milestones: programme.milestones.map((m) => ({ titleZh: m.titleZh, dueOn: dayjs(m.dueOn), doneOn: m.doneOn ? dayjs(m.doneOn) : null })) }
    : { category: 'highEmission', startedOn: dayjs(), milestones: [] };
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const body = { category: v.category, goalZh: v.goalZh.trim(), startedOn: iso(v.startedOn),
      milestones: (v.milestones ?? []).map((m) => ({ titleZh: m.titleZh.trim(), dueOn: iso(m.dueOn), doneOn: m.doneOn ? iso(m.doneOn) : null })) };
    if (programme) await api.put(`/api/industry/enterprises/${enterpriseId}/transformations/${programme.id}`, body);
    else await api.post(`/api/industry/enterprises/${enterpriseId}/transformations`, body);
    message.success(bi(lang, { zh: '转型升级计划已保存', en: 'Programme saved' }));
    onSaved();
  });
  const need = (zh: string, en: string) => [{ required: true, message: bi(lang, { zh, en }) }];
  return (
    <Modal open width={760} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={programme ? <Bi zh="更新转型升级计划" en="Update the programme" /> : <Bi zh="新建转型升级计划（两高两低）" en="Start a transformation programme" />}
      okText={bi(lang, { zh: '保存', en: 'Save' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}>
      <Form form={form} layout="vertical" initialValues={initial} className="modal-form">
        <div className="form-grid-2">
          <Form.Item name="category" label={<Bi zh="类别" en="Category" />} rules={need('请选择类别', 'Choose a category')}>
            <Select options={Object.entries(TRANSFORMATION_CATEGORIES).map(([value, n]) => ({ value, label: one(lang, n) }))} />
          </Form.Item>
          <Form.Item name="startedOn" label={<Bi zh="启动日期" en="Started on" />} rules={need('请选择日期', 'Choose a date')}>
            <DatePicker className="full-width" />
          </Form.Item>
        </div>
        <Form.Item name="goalZh" label={<Bi zh="转型目标" en="Goal" />} rules={[...need('请填写转型目标', 'Enter the goal'), { whitespace: true }]}>
          <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2 }} placeholder={bi(lang, { zh: '例如：以生物发酵工艺替代化学合成，单位产值能耗下降 30%', en: 'e.g. replace chemical synthesis with fermentation; energy per output down 30%' })} />
        </Form.Item>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'titleZh']} rules={need('里程碑名称', 'Title')}><Input style={{ width: 280 }} placeholder={bi(lang, { zh: '里程碑', en: 'Milestone' })} /></Form.Item>
                  <Form.Item name={[f.name, 'dueOn']} rules={need('计划日期', 'Due date')}><DatePicker placeholder={bi(lang, { zh: '计划完成', en: 'Due' })} /></Form.Item>
                  <Form.Item name={[f.name, 'doneOn']}><DatePicker placeholder={bi(lang, { zh: '实际完成', en: 'Done' })} /></Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={bi(lang, { zh: '删除', en: 'Remove' })} />
                </Space>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ titleZh: '', dueOn: dayjs().add(3, 'month'), doneOn: null })}>
                <Bi zh="添加里程碑" en="Add a milestone" />
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
