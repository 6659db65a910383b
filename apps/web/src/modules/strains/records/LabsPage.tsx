import { useState } from 'react';
import { App as AntApp, Button, Card, Checkbox, DatePicker, Empty, Form, Input, Modal, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { api, qs } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { LoadState } from '../../../app/components/LoadState';
import { useLang } from '../../../app/i18n';
import { PageHeader } from '../../../app/PageHeader';
import { useApi } from '../../../app/useApi';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { bi, dateOnly, one } from '../../supervision/shared';
import { useListParams, useSearchBox } from '../../supervision/WorkShared';
import { OrganisationSelect } from '../../talent/OrganisationSelect';
import { dateProps, required, requiredValue } from '../stock/forms';
import { useRecordsRoles } from './access';
import type { Lab, Page } from './api';
import { LAB_STATUSES } from './labels';
import { OfficersCard } from './OfficersCard';

const FILTERS = ['q', 'biosafetyLevel', 'status', 'inEffect', 'mine'] as const;
const blank = (s?: string | null) => (s?.trim() ? s.trim() : null);

function LabModal({ lab, onClose, onSaved }: { lab?: Lab; onClose: () => void; onSaved: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const { curator } = useRecordsRoles();
  const [form] = Form.useForm<Record<string, never>>();
  const { submit, saving } = useFormSubmit(form, async (v: Record<string, unknown>) => {
    const body = {
      nameZh: (v.nameZh as string).trim(), nameEn: blank(v.nameEn as string), biosafetyLevel: v.biosafetyLevel, animal: !!v.animal, certificateNo: blank(v.certificateNo as string),
      certifiedOn: v.certifiedOn ?? null, certificateExpiresOn: v.certificateExpiresOn ?? null, addressZh: blank(v.addressZh as string), status: v.status,
      ...(!lab && curator && v.organisationId ? { organisationId: v.organisationId } : {}),
    };
    const saved = lab ? await api.patch<Lab>(`/api/biosafety-labs/${lab.id}`, body) : await api.post<Lab>('/api/biosafety-labs', body);
    message.success(bi(lang, { zh: `已保存 ${saved.code}`, en: `Saved ${saved.code}` }));
    onSaved();
  });
  const grid = { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', columnGap: 16 } as const;
  return (
    <Modal open width={720} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={lab ? <Bi zh={`修改 ${lab.code}`} en={`Edit ${lab.code}`} /> : <Bi zh="登记实验室" en="Record a lab" />} okText={bi(lang, { zh: '保存', en: 'Save' })} okButtonProps={{ 'data-testid': 'records-lab-ok' } as never}>
      <Form form={form} layout="vertical" initialValues={lab ?? { biosafetyLevel: 2, status: 'operating', animal: false }}>
        {!lab && curator && <Form.Item name="organisationId" label={<Bi zh="所属单位（不选则为本单位）" en="Organisation (yours if empty)" />}><OrganisationSelect /></Form.Item>}
        <div style={grid}>
          <Form.Item name="nameZh" label={<Bi zh="名称" en="Name" />} rules={required(lang, '请填写名称', 'Name the lab')}><Input data-testid="records-lab-name" /></Form.Item>
          <Form.Item name="nameEn" label={<Bi zh="英文名" en="English name" />}><Input /></Form.Item>
          <Form.Item name="biosafetyLevel" label={<Bi zh="生物安全等级" en="Level" />} rules={requiredValue(lang, '请选择', 'Choose one')}><Select options={[1, 2, 3, 4].map((l) => ({ value: l, label: `BSL-${l}` }))} data-testid="records-lab-level" /></Form.Item>
          <Form.Item name="status" label={<Bi zh="状态" en="Status" />}><Select options={Object.entries(LAB_STATUSES).map(([value, n]) => ({ value, label: bi(lang, n) }))} /></Form.Item>
          <Form.Item name="certificateNo" label={<Bi zh="证书编号" en="Certificate no." />}><Input data-testid="records-lab-cert" /></Form.Item>
          <Form.Item name="animal" valuePropName="checked" label=" "><Checkbox><Bi zh="动物生物安全实验室（ABSL）" en="Animal facility (ABSL)" /></Checkbox></Form.Item>
          <Form.Item name="certifiedOn" label={<Bi zh="发证日期" en="Certified on" />} {...dateProps}><DatePicker style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="certificateExpiresOn" label={<Bi zh="有效期至" en="Expires on" />} {...dateProps}><DatePicker style={{ width: '100%' }} data-testid="records-lab-expires" /></Form.Item>
        </div>
        <Form.Item name="addressZh" label={<Bi zh="地址（BSL-3/4 不公开）" en="Address (not public for BSL-3/4)" />}><Input /></Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 实验室与生物安全设施: every recorded lab with its registered level and the level in effect today
 * (operating, certificate in date), certificates and status; the address of a BSL-3/4 facility
 * only for its keepers. Organisations record their own labs; curators and the task force any.
 * Below, the biosafety officers (the task force appoints them).
 */
export default function LabsPage() {
  const lang = useLang();
  const roles = useRecordsRoles();
  const { filters, page, size, set, paging } = useListParams(FILTERS);
  const search = useSearchBox(filters.q, (q) => set({ q }));
  const mine = filters.mine === 'true' && !!roles.user?.organisationId;
  const list = useApi<Page<Lab>>(`/api/biosafety-labs${qs({ q: filters.q, biosafetyLevel: filters.biosafetyLevel, status: filters.status, inEffect: filters.inEffect, organisationId: mine ? roles.user?.organisationId : undefined, ...paging })}`);
  const [editing, setEditing] = useState<Lab | 'new' | null>(null);

  const columns: ColumnsType<Lab> = [
    { title: <Bi zh="编号" en="Code" />, dataIndex: 'code', width: 100, render: (c: string) => <span className="mono">{c}</span> },
    { title: <Bi zh="实验室 / 单位" en="Lab / organisation" />, key: 'name', width: 320, render: (_, l) => <div className="cell-main">{l.nameZh}<div className="cell-sub">{l.organisationNameZh}</div></div> },
    { title: <Bi zh="等级" en="Level" />, key: 'level', width: 170, render: (_, l) => (
      <Tooltip title={bi(lang, { zh: '当日有效等级：运行中且证书在有效期内', en: 'Level in effect today: operating with a certificate in date' })}>
        <span data-testid={`records-lab-level-${l.code}`}>
          <Tag color={l.biosafetyLevel >= 3 ? 'red' : 'blue'}>{l.animal ? 'ABSL' : 'BSL'}-{l.biosafetyLevel}</Tag>
          {l.effectiveLevel !== l.biosafetyLevel && <Tag color="orange">{bi(lang, { zh: `有效 ${l.effectiveLevel ? `BSL-${l.effectiveLevel}` : '无'}`, en: `in effect ${l.effectiveLevel ? `BSL-${l.effectiveLevel}` : 'none'}` })}</Tag>}
        </span>
      </Tooltip>
    ) },
    { title: <Bi zh="证书" en="Certificate" />, key: 'cert', width: 220, render: (_, l) => l.certificateNo
      ? <div><span className="mono">{l.certificateNo}</span><div className="cell-sub">{dateOnly(l.certifiedOn)} – <Typography.Text type={l.certificateExpiresOn && l.effectiveLevel < l.biosafetyLevel && l.status === 'operating' ? 'danger' : undefined}>{dateOnly(l.certificateExpiresOn)}</Typography.Text></div></div>
      : <Typography.Text type="secondary">{bi(lang, { zh: '未登记', en: 'None recorded' })}</Typography.Text> },
    { title: <Bi zh="状态" en="Status" />, dataIndex: 'status', width: 100, render: (s: string) => <Tag color={LAB_STATUSES[s]?.color}>{LAB_STATUSES[s] ? one(lang, LAB_STATUSES[s]) : s}</Tag> },
    { title: <Bi zh="地址" en="Address" />, key: 'address', render: (_, l) => l.addressZh ?? (l.biosafetyLevel >= 3 ? <Typography.Text type="secondary">{bi(lang, { zh: '不公开', en: 'Not public' })}</Typography.Text> : '—') },
    { title: '', key: 'edit', width: 90, render: (_, l) => l.mayEdit && <Button size="small" onClick={() => setEditing(l)} data-testid={`records-lab-edit-${l.code}`}><Bi zh="修改" en="Edit" /></Button> },
  ];

  return (
    <>
      <PageHeader title={{ zh: '实验室与生物安全设施', en: 'Labs and biosafety facilities' }}
        description={bi(lang, { zh: '各单位的实验室及其生物安全等级与证书。等级仅在运行中且证书有效期内计入（共享申请据此判断接收实验室是否满足要求）。', en: 'Labs of each organisation with their level and certificate. A level counts only while the lab operates with a certificate in date (sharing requests check the receiving lab against it).' })}
        extra={roles.depositor && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="records-lab-new"><Bi zh="登记实验室" en="Record a lab" /></Button>} />
      <section className="section">
        <Card className="panel">
          <div className="table-toolbar">
            <Input.Search allowClear style={{ width: 220 }} placeholder={bi(lang, { zh: '名称、单位、编号', en: 'Name, organisation, code' })} value={search.typed} onChange={(e) => search.setTyped(e.target.value)} />
            <Select allowClear style={{ width: 110 }} placeholder="BSL" value={filters.biosafetyLevel} onChange={(v) => set({ biosafetyLevel: v })} options={[1, 2, 3, 4].map((l) => ({ value: String(l), label: `BSL-${l}` }))} />
            <Select allowClear style={{ width: 130 }} placeholder={bi(lang, { zh: '状态', en: 'Status' })} value={filters.status} onChange={(v) => set({ status: v })} options={Object.entries(LAB_STATUSES).map(([value, n]) => ({ value, label: bi(lang, n) }))} />
            <Checkbox checked={filters.inEffect === 'true'} onChange={(e) => set({ inEffect: e.target.checked ? 'true' : undefined })}><Bi zh="仅等级有效" en="Level in effect only" /></Checkbox>
            {roles.user?.organisationId && <Checkbox checked={mine} onChange={(e) => set({ mine: e.target.checked ? 'true' : undefined })} data-testid="records-labs-mine"><Bi zh="本单位" en="Mine" /></Checkbox>}
            <Typography.Text type="secondary" className="table-count">{lang === 'zh' ? `共 ${list.data?.total ?? 0} 个` : `${list.data?.total ?? 0} labs`}</Typography.Text>
          </div>
          <LoadState loading={list.loading && !list.data} error={list.error} reload={list.reload}>
            <Table<Lab> rowKey="id" size="middle" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} scroll={{ x: 1100 }} data-testid="records-labs-table"
              locale={{ emptyText: <Empty description={bi(lang, roles.depositor ? { zh: '尚无实验室 — 点击“登记实验室”', en: 'No labs yet: choose “Record a lab”' } : { zh: '尚无实验室记录', en: 'No labs recorded yet' })} /> }}
              pagination={{ current: page, pageSize: size, total: list.data?.total ?? 0, onChange: (p, s) => set({ page: p, size: s }) }} />
          </LoadState>
        </Card>
      </section>
      {roles.overseer && <section className="section"><OfficersCard /></section>}
      {editing && <LabModal lab={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); list.reload(); }} />}
    </>
  );
}
