import { App as AntApp, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { DOMAIN_NAMES } from '../plan/format';
import { bi, one, useOrganisations } from '../supervision/shared';
import { useDistrictNames } from '../supervision/WorkShared';
import { useInnovationRoles } from './access';
import type { Platform, PlatformDetail } from './api';
import { PLATFORM_KINDS, PLATFORM_LEVELS, PLATFORM_STATUSES } from './labels';

interface Values {
  nameZh: string; nameEn?: string; kind: string; level: string; status: string; fields: string[]; domains: string[];
  recognisedOn?: Dayjs | null; recognisedByZh?: string; districtCode?: string; summaryZh?: string; contactZh?: string; hostIds: string[];
}
/** What the recognition is: only the task force sets these (the server refuses them from a host). */
const RECOGNITION: (keyof Values)[] = ['nameZh', 'kind', 'level', 'status', 'recognisedOn', 'recognisedByZh', 'hostIds'];

/** Records a platform (task force) or edits one: hosts edit the description, fields, domains and contact; the task force the recognition too. */
export function PlatformFormModal({ platform, onClose, onSaved }: { platform?: PlatformDetail; onClose: () => void; onSaved: (p: Platform) => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const { taskForce } = useInnovationRoles();
  const [form] = Form.useForm<Values>();
  const orgs = useOrganisations(taskForce);
  const districts = useDistrictNames();
  const locked = !taskForce;
  const opts = (o: Record<string, { zh: string; en: string }>) => Object.entries(o).map(([value, n]) => ({ value, label: bi(lang, n) }));

  const { submit, saving } = useFormSubmit(form, async (v) => {
    const body: Record<string, unknown> = {
      ...v, nameEn: v.nameEn?.trim() || null, recognisedOn: v.recognisedOn ? v.recognisedOn.format('YYYY-MM-DD') : null, recognisedByZh: v.recognisedByZh?.trim() || null,
      districtCode: v.districtCode || null, summaryZh: v.summaryZh?.trim() || null, contactZh: v.contactZh?.trim() || null,
    };
    if (locked) for (const k of RECOGNITION) delete body[k];
    const saved = platform ? await api.patch<Platform>(`/api/innovation/platforms/${platform.id}`, body) : await api.post<Platform>('/api/innovation/platforms', body);
    message.success(bi(lang, platform ? { zh: '已保存', en: 'Saved' } : { zh: `已登记平台 ${saved.code}`, en: `Recorded ${saved.code}` }));
    onSaved(saved);
  });

  const initial: Partial<Values> = platform
    ? { ...platform, nameEn: platform.nameEn ?? undefined, recognisedOn: platform.recognisedOn ? dayjs(platform.recognisedOn) : null, recognisedByZh: platform.recognisedByZh ?? undefined,
        districtCode: platform.districtCode ?? undefined, summaryZh: platform.summaryZh ?? undefined, contactZh: platform.contactZh ?? undefined, hostIds: platform.hosts.map((h) => h.id) }
    : { kind: 'lab', level: 'municipal', status: 'operating', fields: [], domains: [], hostIds: [] };

  return (
    <Modal open width={760} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={platform ? <Bi zh="修改平台" en="Edit the platform" /> : <Bi zh="登记科技创新平台" en="Record an innovation platform" />}
      okText={bi(lang, { zh: '保存', en: 'Save' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })} okButtonProps={{ 'data-testid': 'innovation-platform-ok' } as never}>
      <Form form={form} layout="vertical" className="modal-form" name="platform" initialValues={initial}>
        {locked && <p className="cell-sub">{bi(lang, { zh: '名称、类型、级别、状态、认定信息和依托单位由工作专班维护。', en: 'The name, kind, level, status, recognition and hosts are kept by the task force.' })}</p>}
        <Form.Item name="nameZh" label={<Bi zh="平台名称" en="Name" />} rules={[{ required: true, whitespace: true }]}><Input disabled={locked} maxLength={200} data-testid="innovation-platform-name" /></Form.Item>
        <Form.Item name="nameEn" label={<Bi zh="英文名称" en="English name" />}><Input maxLength={300} /></Form.Item>
        <Form.Item name="kind" label={<Bi zh="类型" en="Kind" />} rules={[{ required: true }]}><Select disabled={locked} options={opts(PLATFORM_KINDS)} /></Form.Item>
        <Form.Item name="level" label={<Bi zh="级别" en="Level" />} rules={[{ required: true }]}><Select disabled={locked} options={opts(PLATFORM_LEVELS)} /></Form.Item>
        <Form.Item name="status" label={<Bi zh="状态" en="Status" />}><Select disabled={locked} options={opts(PLATFORM_STATUSES)} /></Form.Item>
        <Form.Item name="hostIds" label={<Bi zh="依托单位（按认定文件顺序）" en="Hosts, in the recognition's order" />} rules={[{ required: !platform, type: 'array', min: platform ? 0 : 1 }]}>
          <Select mode="multiple" disabled={locked} showSearch={{ optionFilterProp: 'label' }} loading={orgs.loading} data-testid="innovation-platform-hosts"
            options={(orgs.data ?? (platform?.hosts ?? []).map((h) => ({ id: h.id, nameZh: h.nameZh }))).map((o) => ({ value: o.id, label: o.nameZh }))} />
        </Form.Item>
        <Form.Item name="recognisedOn" label={<Bi zh="认定日期" en="Recognised on" />}><DatePicker disabled={locked} disabledDate={(d) => d.isAfter(dayjs())} /></Form.Item>
        <Form.Item name="recognisedByZh" label={<Bi zh="认定部门" en="Recognised by" />}><Input disabled={locked} maxLength={200} placeholder="重庆市科学技术局" /></Form.Item>
        <Form.Item name="fields" label={<Bi zh="技术方向（关键词）" en="Fields (keywords)" />}><Select mode="tags" tokenSeparators={[',', '，', '、']} /></Form.Item>
        <Form.Item name="domains" label={<Bi zh="产业领域" en="Domains" />}><Select mode="multiple" options={Object.entries(DOMAIN_NAMES).map(([value, n]) => ({ value, label: one(lang, n) }))} /></Form.Item>
        <Form.Item name="districtCode" label={<Bi zh="区县" en="District" />}><Select allowClear showSearch={{ optionFilterProp: 'label' }} options={districts.options} /></Form.Item>
        <Form.Item name="summaryZh" label={<Bi zh="简介" en="Description" />}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
        <Form.Item name="contactZh" label={<Bi zh="联系方式" en="Contact" />}><Input maxLength={500} /></Form.Item>
      </Form>
    </Modal>
  );
}
