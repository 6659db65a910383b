import { useMemo } from 'react';
import { App as AntApp, Form, Input, Modal, Select } from 'antd';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { DOMAIN_NAMES } from '../plan/format';
import { bi, one } from '../supervision/shared';
import { useDistrictNames } from '../supervision/WorkShared';
import type { Park } from './api';
import { PARK_KINDS } from './labels';

interface Values { code: string; kind: Park['kind']; nameZh: string; nameEn?: string; districtCodes?: string[]; domains?: string[]; focusZh?: string; clusterId?: string | null }

const orNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/**
 * Add or edit a park, cluster or industrial base (the task force's): its code, kind, names,
 * districts, domains, focus and the cluster it sits in. `parks` is the list the cluster is
 * chosen from.
 */
export function ParkFormModal({ park, parks, onClose, onSaved }: { park?: Park; parks: Park[]; onClose: () => void; onSaved: (p: { id: string }) => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const districts = useDistrictNames();
  const kind = Form.useWatch('kind', form);

  // A park or base sits in a cluster; a cluster in none. A cluster cannot hold itself.
  const clusters = useMemo(() => parks.filter((p) => p.kind === 'cluster' && p.id !== park?.id)
    .map((p) => ({ value: p.id, label: p.nameZh, title: p.nameEn ?? p.nameZh })), [parks, park]);

  const { submit, saving } = useFormSubmit(form, async (v) => {
    const body = {
      code: v.code.trim(), kind: v.kind, nameZh: v.nameZh.trim(), nameEn: orNull(v.nameEn), districtCodes: v.districtCodes ?? [], domains: v.domains ?? [],
      focusZh: orNull(v.focusZh), clusterId: v.kind === 'cluster' ? null : (v.clusterId ?? null),
    };
    const saved = park
      ? await api.put<{ id: string; nameZh: string }>(`/api/industry/parks/${park.id}`, body)
      : await api.post<{ id: string; nameZh: string }>('/api/industry/parks', body);
    message.success(park ? bi(lang, { zh: '已保存', en: 'Saved' }) : bi(lang, { zh: `已新增 ${saved.nameZh}`, en: `Added ${saved.nameZh}` }));
    onSaved(saved);
  });

  return (
    <Modal open width={720} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={park ? <Bi zh={`编辑园区 · ${park.nameZh}`} en={`Edit park · ${park.nameZh}`} /> : <Bi zh="新增园区" en="Add a park" />}
      okText={bi(lang, { zh: '保存', en: 'Save' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })} okButtonProps={{ 'data-testid': 'park-form-submit' } as never}>
      <Form form={form} layout="vertical" className="modal-form" name="park"
        initialValues={park
          ? { ...park, nameEn: park.nameEn ?? undefined, focusZh: park.focusZh ?? undefined }
          : { kind: 'park', districtCodes: [], domains: [] }}>
        <div className="form-grid-2">
          <Form.Item name="code" label={<Bi zh="编码" en="Code" />} extra={bi(lang, { zh: '字母开头，如 bishanBioPark', en: 'Starts with a letter, e.g. bishanBioPark' })}
            rules={[{ required: true, pattern: /^[A-Za-z][\w-]{1,40}$/, message: bi(lang, { zh: '字母开头的 2–41 位字母数字', en: '2–41 letters or digits, starting with a letter' }) }]}>
            <Input maxLength={41} className="mono" data-testid="park-code" />
          </Form.Item>
          <Form.Item name="kind" label={<Bi zh="类型" en="Kind" />} rules={[{ required: true }]}>
            <Select options={Object.entries(PARK_KINDS).map(([value, n]) => ({ value, label: one(lang, n) }))} data-testid="park-kind" />
          </Form.Item>
        </div>
        <div className="form-grid-2">
          <Form.Item name="nameZh" label={<Bi zh="名称" en="Name" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请填写名称', en: 'Name it' }) }]}>
            <Input maxLength={200} data-testid="park-name" />
          </Form.Item>
          <Form.Item name="nameEn" label={<Bi zh="英文名称" en="English name" />}><Input maxLength={200} /></Form.Item>
        </div>
        <div className="form-grid-2">
          <Form.Item name="districtCodes" label={<Bi zh="所在区县" en="Districts" />}>
            <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={districts.options} data-testid="park-districts" />
          </Form.Item>
          <Form.Item name="domains" label={<Bi zh="领域" en="Domains" />}>
            <Select mode="multiple" options={Object.entries(DOMAIN_NAMES).map(([value, n]) => ({ value, label: one(lang, n) }))} />
          </Form.Item>
        </div>
        {kind !== 'cluster' && (
          <Form.Item name="clusterId" label={<Bi zh="所属集聚区" en="Cluster" />}
            extra={bi(lang, { zh: '园区或产业基地所在的集聚区（可不选）', en: 'The cluster the park or base sits in (optional)' })}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={clusters} />
          </Form.Item>
        )}
        <Form.Item name="focusZh" label={<Bi zh="发展方向" en="Focus" />}><Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2, maxRows: 6 }} /></Form.Item>
      </Form>
    </Modal>
  );
}
