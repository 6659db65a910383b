import { useEffect, useMemo, useState } from 'react';
import { App as AntApp, Button, Card, Empty, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/PageHeader';
import { api, qs } from '../../app/api';
import { useFormSubmit } from '../../app/useFormSubmit';
import { useApi } from '../../app/useApi';
import { useLang } from '../../app/i18n';
import type { District } from '../plan/api';
import type { Organisation } from './api';
import { dateTime, DemoTag, useNames } from './format';
import { isValidCreditCode } from './creditCode';

interface Values {
  kind: string;
  nameZh: string;
  nameEn?: string;
  districtCode?: string | null;
  creditCode?: string;
}


function OrganisationModal({ org, districts, onClose, onSaved }: { org?: Organisation; districts: District[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const names = useNames();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (org) form.setFieldsValue({ ...org, nameEn: org.nameEn ?? undefined, creditCode: org.creditCode ?? undefined });
  }, [org, form]);

  const { submit, saving } = useFormSubmit(form, async (v) => {
    const body = { nameZh: v.nameZh.trim(), nameEn: v.nameEn?.trim() || null, districtCode: v.districtCode ?? null, creditCode: v.creditCode?.trim().toUpperCase() || null };
    if (org) await api.patch(`/api/admin/organisations/${org.id}`, body);
    else await api.post('/api/admin/organisations', { ...body, kind: v.kind });
    message.success(org ? t('admin.orgSaved') : t('admin.orgCreated'));
    onSaved();
  });

  return (
    <Modal open title={org ? t('admin.editOrg') : t('admin.newOrg')} width={600} okText={org ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')} onOk={submit} confirmLoading={saving} onCancel={onClose} destroyOnHidden mask={{ closable: false }}>
      <Form form={form} name="organisation" layout="vertical" className="modal-form">
        <Form.Item name="kind" label={t('admin.orgKind')} rules={[{ required: true, message: t('admin.orgKindRequired') }]}
          extra={org ? t('admin.orgKindFixed') : undefined}>
          <Select disabled={!!org} options={Object.keys(names.meta?.organisationKinds ?? {}).map((k) => ({ value: k, label: names.kind(k) }))} />
        </Form.Item>
        <Form.Item name="nameZh" label={t('admin.orgNameZh')} rules={[{ required: true, whitespace: true, message: t('admin.orgNameRequired') }, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('admin.orgNameEn')} rules={[{ max: 300 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="districtCode" label={t('admin.district')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('admin.districtPlaceholder')}
            options={districts.map((d) => ({ value: d.code, label: `${lang === 'zh' ? d.nameZh : d.nameEn} · ${d.code}` }))} />
        </Form.Item>
        <Form.Item name="creditCode" label={t('admin.creditCode')} extra={t('admin.creditCodeHint')}
          rules={[{ validator: (_, v?: string) => (!v || isValidCreditCode(v) ? Promise.resolve() : Promise.reject(new Error(t('admin.creditCodeInvalid')))) }]} normalize={(v?: string) => v?.toUpperCase()}>
          <Input maxLength={18} className="mono" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Organisations users belong to: departments, districts, enterprises, institutes, pilot bases … */
export default function OrganisationsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const names = useNames();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<string>();
  const orgs = useApi<Organisation[]>(`/api/admin/organisations${qs({ q, kind, limit: 500 })}`);
  const districts = useApi<District[]>('/api/districts', { cached: true });
  const [editing, setEditing] = useState<Organisation | 'new' | null>(null);
  const districtByCode = useMemo(() => new Map((districts.data ?? []).map((d) => [d.code, d])), [districts.data]);

  const columns: ColumnsType<Organisation> = [
    { title: t('admin.orgName'), key: 'name',
      render: (_, o) => (
        <div>
          <Space size={6}><span className="cell-main">{o.nameZh}</span>{o.isDemo && <DemoTag />}</Space>
          {o.nameEn && <div className="bi-aside block">{o.nameEn}</div>}
        </div>
      ) },
    { title: t('admin.orgKind'), dataIndex: 'kind', width: 140, render: (k: string) => <Tag color="blue">{names.kind(k)}</Tag> },
    { title: t('admin.district'), dataIndex: 'districtCode', width: 170, responsive: ['md'],
      render: (c: string | null) => {
        if (!c) return <Typography.Text type="secondary">—</Typography.Text>;
        const d = districtByCode.get(c);
        return <span>{d ? (lang === 'zh' ? d.nameZh : d.nameEn) : ''} <Typography.Text type="secondary" className="mono">{c}</Typography.Text></span>;
      } },
    { title: t('admin.creditCode'), dataIndex: 'creditCode', width: 200, responsive: ['lg'],
      render: (c: string | null) => c ? <span className="mono">{c}</span> : <Typography.Text type="secondary">—</Typography.Text> },
    { title: t('admin.updatedAt'), dataIndex: 'updatedAt', width: 170, responsive: ['xl'], render: (v: string) => dateTime(lang, v) },
    { title: t('common.actions'), key: 'actions', width: 90, render: (_, o) => <Button size="small" type="link" onClick={() => setEditing(o)}>{t('common.edit')}</Button> },
  ];

  return (
    <>
      <PageHeader titleKey="nav.organisations" description={t('admin.orgsDescription')}
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('admin.newOrg')}</Button>} />
      <Card className="panel">
        <div className="table-toolbar">
          <Input.Search allowClear placeholder={t('admin.searchOrgs')} onSearch={(v) => setQ(v.trim())} style={{ width: 300 }} />
          <Select allowClear placeholder={t('admin.filterKind')} value={kind} onChange={setKind} style={{ width: 200 }}
            options={Object.keys(names.meta?.organisationKinds ?? {}).map((k) => ({ value: k, label: names.kind(k) }))} />
          <Typography.Text type="secondary" className="table-count">{t('common.count', { count: orgs.data?.length ?? 0 })}</Typography.Text>
        </div>
        <Table<Organisation> rowKey="id" columns={columns} dataSource={orgs.data ?? []} loading={orgs.loading}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: <Empty description={orgs.error ? orgs.error.message : q || kind ? t('admin.noOrgsMatch') : t('admin.noOrgs')} /> }} />
      </Card>
      {editing && (
        <OrganisationModal org={editing === 'new' ? undefined : editing} districts={districts.data ?? []}
          onClose={() => setEditing(null)} onSaved={() => { setEditing(null); orgs.reload(); }} />
      )}
    </>
  );
}
