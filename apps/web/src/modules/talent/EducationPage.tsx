import { useState } from 'react';
import { App as AntApp, Button, Card, Empty, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { api, qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi, ExportButton } from '../supervision/shared';
import { useListParams } from '../supervision/WorkShared';
import { useTalentRoles } from './access';
import type { OrganisationOption, Page, Programme } from './api';
import { EDUCATION_KINDS, options } from './labels';

type Values = Omit<Programme, 'id' | 'code' | 'organisationNameZh'>;

function ProgrammeModal({ programme, universities, onClose, onSaved }: { programme?: Programme; universities: OrganisationOption[]; onClose: () => void; onSaved: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const body = { ...v, nameZh: v.nameZh.trim(), partnerZh: v.partnerZh?.trim() || null, noteZh: v.noteZh?.trim() || null, enrolment: v.enrolment ?? null };
    const saved = programme ? await api.patch<Programme>(`/api/talent/education/${programme.id}`, body) : await api.post<Programme>('/api/talent/education', body);
    message.success(bi(lang, { zh: `已保存 ${saved.code}`, en: `Saved ${saved.code}` }));
    onSaved();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden title={programme ? <Bi zh="修改项目" en="Edit" /> : <Bi zh="登记学位点或培养项目" en="Register a programme" />} okButtonProps={{ 'data-testid': 'education-ok' } as never}>
      <Form form={form} layout="vertical" name="education" initialValues={programme ?? { kind: 'master', startYear: new Date().getFullYear() }}>
        <Form.Item name="organisationId" label={<Bi zh="高校" en="University" />} rules={[{ required: true }]}><Select options={universities.map((u) => ({ value: u.id, label: u.nameZh }))} /></Form.Item>
        <Form.Item name="kind" label={<Bi zh="类型" en="Kind" />}><Select options={options(EDUCATION_KINDS, (l) => bi(lang, l))} /></Form.Item>
        <Form.Item name="nameZh" label={<Bi zh="名称" en="Name" />} rules={[{ required: true, whitespace: true }]}><Input maxLength={200} data-testid="education-name" /></Form.Item>
        <Form.Item name="partnerZh" label={<Bi zh="合作单位" en="Partners" />} rules={[{ required: kind === 'joint', whitespace: true }]}><Input maxLength={500} /></Form.Item>
        <Space>
          <Form.Item name="startYear" label={<Bi zh="开设年份" en="Start year" />} rules={[{ required: true }]}><InputNumber min={1950} max={2100} precision={0} /></Form.Item>
          <Form.Item name="enrolment" label={<Bi zh="招生/培养人数" en="Enrolment" />}><InputNumber min={0} precision={0} /></Form.Item>
        </Space>
        <Form.Item name="noteZh" label={<Bi zh="备注" en="Note" />}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 教育培训 (task 18): the degree programmes and joint training schemes of the universities the plan
 * names, public, with the Excel export; the task force and units keep the list.
 */
export default function EducationPage() {
  const lang = useLang();
  const roles = useTalentRoles();
  const { filters, page, size, set, paging } = useListParams(['kind', 'organisationId']);
  const list = useApi<Page<Programme>>(`/api/talent/education${qs({ kind: filters.kind, organisationId: filters.organisationId, ...paging })}`);
  const universities = useApi<OrganisationOption[]>('/api/talent/education/universities', { cached: true });
  const [editing, setEditing] = useState<Programme | 'new' | null>(null);

  return (
    <>
      <PageHeader title={{ zh: '教育培训', en: 'Education and training' }}
        description={bi(lang, { zh: '重庆大学、陆军军医大学、西南大学、重庆医科大学等高校的生物学学位点、产教联合培养与培训项目，构成合成生物学及生物制造教育培训体系。', en: 'Degree programmes, joint training schemes and training courses of the universities the plan names: the synthetic biology and biomanufacturing education system.' })}
        extra={<Space wrap>
          <ExportButton path={`/api/talent/education/export.xlsx${qs({ kind: filters.kind, organisationId: filters.organisationId })}`} fallbackName="教育培训项目.xlsx" icon={<FileExcelOutlined />} testId="education-export" />
          {roles.keeper && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="education-new"><Bi zh="登记项目" en="Register" /></Button>}
        </Space>} />
      <section className="section">
        <Card className="panel">
          <Space wrap style={{ marginBottom: 16 }}>
            <Select allowClear value={filters.organisationId} onChange={(v) => set({ organisationId: v })} style={{ width: 200 }} placeholder={bi(lang, { zh: '高校', en: 'University' })}
              options={(universities.data ?? []).map((u) => ({ value: u.id, label: u.nameZh }))} />
            <Select allowClear value={filters.kind} onChange={(v) => set({ kind: v })} style={{ width: 180 }} placeholder={bi(lang, { zh: '类型', en: 'Kind' })} options={options(EDUCATION_KINDS, (l) => bi(lang, l))} />
          </Space>
          <LoadState loading={list.loading && !list.data} error={list.error} reload={list.reload}>
            <Table<Programme> rowKey="id" size="middle" dataSource={list.data?.items ?? []} data-testid="education-table"
              locale={{ emptyText: <Empty description={roles.keeper ? bi(lang, { zh: '暂无项目，点击“登记项目”添加高校的学位点或培养项目。', en: 'Nothing yet; register a programme.' }) : bi(lang, { zh: '暂无项目', en: 'Nothing yet' })} /> }}
              pagination={{ current: page, pageSize: size, total: list.data?.total ?? 0, onChange: (p, s) => set({ page: p, size: s }) }}
              onRow={(r) => ({ onClick: () => roles.keeper && setEditing(r), style: roles.keeper ? { cursor: 'pointer' } : undefined })}
              columns={[
                { title: <Bi zh="高校" en="University" />, dataIndex: 'organisationNameZh' },
                { title: <Bi zh="类型" en="Kind" />, dataIndex: 'kind', render: (k) => <Tag color={EDUCATION_KINDS[k].color}>{bi(lang, EDUCATION_KINDS[k])}</Tag> },
                { title: <Bi zh="名称" en="Name" />, dataIndex: 'nameZh' },
                { title: <Bi zh="合作单位" en="Partners" />, dataIndex: 'partnerZh', render: (v) => v ?? '—' },
                { title: <Bi zh="开设年份" en="Since" />, dataIndex: 'startYear', width: 100 },
                { title: <Bi zh="招生/培养人数" en="Enrolment" />, dataIndex: 'enrolment', width: 130, render: (v) => v ?? '—' },
              ]} />
          </LoadState>
        </Card>
      </section>
      {editing && <ProgrammeModal programme={editing === 'new' ? undefined : editing} universities={universities.data ?? []} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); list.reload(); }} />}
    </>
  );
}
