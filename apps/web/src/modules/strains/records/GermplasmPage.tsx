import { useState } from 'react';
import { App as AntApp, Button, Card, Checkbox, DatePicker, Empty, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { LockOutlined, PlusOutlined } from '@ant-design/icons';
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
import { dateProps, notAfterToday, required, requiredValue } from '../stock/forms';
import { useRecordsRoles } from './access';
import type { Germplasm, Page, Site } from './api';
import { GermplasmSites } from './GermplasmSites';
import { GERMPLASM_KINDS, GERMPLASM_STATUSES } from './labels';

const FILTERS = ['q', 'kind', 'site', 'status'] as const;
const blank = (s?: string | null) => (s?.trim() ? s.trim() : null);

function GermplasmModal({ g, onClose, onSaved }: { g?: Germplasm; onClose: () => void; onSaved: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Record<string, never>>();
  const { submit, saving } = useFormSubmit(form, async (v: Record<string, unknown>) => {
    const body = { ...v, nameZh: (v.nameZh as string).trim(), latinName: blank(v.latinName as string), varietyZh: blank(v.varietyZh as string), siteZh: blank(v.siteZh as string), traitsZh: blank(v.traitsZh as string),
      siteLat: v.siteLat ?? null, siteLon: v.siteLon ?? null, collectedOn: v.collectedOn ?? null, keeperOrganisationId: v.keeperOrganisationId ?? null, restricted: !!v.restricted };
    const saved = g ? await api.patch<Germplasm>(`/api/germplasm/${g.id}`, body) : await api.post<Germplasm>('/api/germplasm', body);
    message.success(bi(lang, { zh: `已保存 ${saved.code}`, en: `Saved ${saved.code}` }));
    onSaved();
  });
  const opts = (o: Record<string, { zh: string; en: string }>) => Object.entries(o).map(([value, n]) => ({ value, label: bi(lang, n) }));
  const grid = { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', columnGap: 16 } as const;
  return (
    <Modal open width={720} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={g ? <Bi zh={`修改 ${g.code}`} en={`Edit ${g.code}`} /> : <Bi zh="登记种质资源" en="Record germplasm" />} okText={bi(lang, { zh: '保存', en: 'Save' })} okButtonProps={{ 'data-testid': 'records-germplasm-ok' } as never}>
      <Form form={form} layout="vertical" initialValues={g ?? { kind: 'plant', status: 'kept', restricted: false }}>
        <div style={grid}>
          <Form.Item name="kind" label={<Bi zh="类别" en="Kind" />} rules={requiredValue(lang, '请选择', 'Choose one')}><Select options={opts(GERMPLASM_KINDS)} /></Form.Item>
          <Form.Item name="nameZh" label={<Bi zh="中文名" en="Chinese name" />} rules={required(lang, '请填写名称', 'Write the name')}><Input data-testid="records-germplasm-name" /></Form.Item>
          <Form.Item name="latinName" label={<Bi zh="拉丁学名" en="Latin name" />} extra="Morus alba"><Input /></Form.Item>
          <Form.Item name="varietyZh" label={<Bi zh="品种" en="Variety" />}><Input /></Form.Item>
          <Form.Item name="siteZh" label={<Bi zh="采集地" en="Site" />} extra="金佛山、大巴山、秦巴山区"><Input data-testid="records-germplasm-site" /></Form.Item>
          <Form.Item name="collectedOn" label={<Bi zh="采集日期" en="Collected on" />} {...dateProps}><DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} /></Form.Item>
          <Form.Item name="siteLat" label={<Bi zh="纬度" en="Latitude" />}><InputNumber min={-90} max={90} step={0.01} style={{ width: '100%' }} data-testid="records-germplasm-lat" /></Form.Item>
          <Form.Item name="siteLon" label={<Bi zh="经度" en="Longitude" />}><InputNumber min={-180} max={180} step={0.01} style={{ width: '100%' }} data-testid="records-germplasm-lon" /></Form.Item>
          <Form.Item name="keeperOrganisationId" label={<Bi zh="保存单位" en="Kept by" />}><OrganisationSelect initialLabel={g?.keeperNameZh ?? undefined} /></Form.Item>
          {g && <Form.Item name="status" label={<Bi zh="状态" en="Status" />}><Select options={opts(GERMPLASM_STATUSES)} /></Form.Item>}
        </div>
        <Form.Item name="traitsZh" label={<Bi zh="性状" en="Traits" />}><Input.TextArea rows={2} /></Form.Item>
        <Form.Item name="restricted" valuePropName="checked"><Checkbox><Bi zh="受限（不公开坐标）" en="Restricted (coordinates not public)" /></Checkbox></Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 种质资源: plants, animals and insects kept with their collection sites (金佛山, 大巴山, 秦巴山区 …),
 * the sites as points, Chinese search and filters; curators record, edit and withdraw records.
 * A restricted record shows no coordinates to the public.
 */
export default function GermplasmPage() {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const { curator } = useRecordsRoles();
  const { filters, page, size, set, paging } = useListParams(FILTERS);
  const search = useSearchBox(filters.q, (q) => set({ q }));
  const query = { q: filters.q, kind: filters.kind, site: filters.site, status: curator ? filters.status : undefined };
  const list = useApi<Page<Germplasm>>(`/api/germplasm${qs({ ...query, ...paging })}`);
  const sites = useApi<{ items: Site[] }>(`/api/germplasm/sites${qs(query)}`);
  const [editing, setEditing] = useState<Germplasm | 'new' | null>(null);
  const reload = () => { list.reload(); sites.reload(); };
  const withdraw = async (g: Germplasm) => {
    try { await api.del(`/api/germplasm/${g.id}`); message.success(bi(lang, { zh: `已注销 ${g.code}`, en: `Withdrew ${g.code}` })); reload(); } catch (e) { message.error((e as Error).message); }
  };

  const columns: ColumnsType<Germplasm> = [
    { title: <Bi zh="编号" en="Code" />, dataIndex: 'code', width: 100, render: (c: string) => <span className="mono">{c}</span> },
    { title: <Bi zh="名称" en="Name" />, key: 'name', width: 220, render: (_, g) => <div className="cell-main">{g.nameZh}{g.varietyZh && ` · ${g.varietyZh}`}<div className="cell-sub"><i>{g.latinName}</i></div></div> },
    { title: <Bi zh="类别" en="Kind" />, dataIndex: 'kind', width: 90, render: (k: string) => one(lang, GERMPLASM_KINDS[k] ?? { zh: k, en: k }) },
    { title: <Bi zh="采集地" en="Site" />, key: 'site', width: 200, render: (_, g) => <div>{g.siteZh ?? '—'}<div className="cell-sub">{g.coordinatesWithheld ? <Tag icon={<LockOutlined />} color="volcano">{bi(lang, { zh: '坐标不公开', en: 'Coordinates withheld' })}</Tag> : g.siteLat !== null ? `${g.siteLat}, ${g.siteLon}` : ''}</div></div> },
    { title: <Bi zh="采集日期" en="Collected" />, dataIndex: 'collectedOn', width: 110, render: (d: string | null) => dateOnly(d) },
    { title: <Bi zh="性状" en="Traits" />, dataIndex: 'traitsZh', render: (t: string | null) => <Typography.Paragraph ellipsis={{ rows: 2, tooltip: t }} style={{ margin: 0 }}>{t ?? '—'}</Typography.Paragraph> },
    ...(curator ? [{ title: <Bi zh="操作" en="Actions" />, key: 'actions', width: 170, render: (_: unknown, g: Germplasm) => (
      <Space size={4}>
        <Button size="small" onClick={() => setEditing(g)}><Bi zh="修改" en="Edit" /></Button>
        {g.status !== 'withdrawn' && <Popconfirm title={bi(lang, { zh: '注销此记录？编号保留。', en: 'Withdraw this record? Its code is kept.' })} onConfirm={() => withdraw(g)}><Button size="small" danger><Bi zh="注销" en="Withdraw" /></Button></Popconfirm>}
      </Space>
    ) }] : []),
  ];

  return (
    <>
      <PageHeader title={{ zh: '种质资源', en: 'Germplasm' }}
        description={bi(lang, { zh: '桑、蚕、道地药材等植物、动物、昆虫种质资源及其采集地（金佛山、大巴山、秦巴山区等）。受限记录（如保护物种）不公开坐标。', en: 'Plant, animal and insect germplasm (mulberry, silkworm, medicinal plants …) with where it was collected (Jinfo, Daba, Qinba mountains …). Restricted records (protected species, say) keep their coordinates private.' })}
        extra={curator && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="records-germplasm-new"><Bi zh="登记种质资源" en="Record germplasm" /></Button>} />
      <section className="section">
        <GermplasmSites sites={sites} />
        <Card className="panel" style={{ marginTop: 16 }}>
          <div className="table-toolbar">
            <Input.Search allowClear style={{ width: 220 }} placeholder={bi(lang, { zh: '名称、品种、性状检索', en: 'Search names and traits' })} value={search.typed} onChange={(e) => search.setTyped(e.target.value)} />
            <Select allowClear style={{ width: 130 }} placeholder={bi(lang, { zh: '类别', en: 'Kind' })} value={filters.kind} onChange={(v) => set({ kind: v })} options={Object.entries(GERMPLASM_KINDS).map(([value, n]) => ({ value, label: bi(lang, n) }))} />
            <Input allowClear style={{ width: 150 }} placeholder={bi(lang, { zh: '采集地', en: 'Site' })} value={filters.site} onChange={(e) => set({ site: e.target.value || undefined })} />
            {curator && <Select allowClear style={{ width: 130 }} placeholder={bi(lang, { zh: '状态', en: 'Status' })} value={filters.status} onChange={(v) => set({ status: v })} options={Object.entries(GERMPLASM_STATUSES).map(([value, n]) => ({ value, label: bi(lang, n) }))} />}
            <Typography.Text type="secondary" className="table-count">{lang === 'zh' ? `共 ${list.data?.total ?? 0} 份` : `${list.data?.total ?? 0} records`}</Typography.Text>
          </div>
          <LoadState loading={list.loading && !list.data} error={list.error} reload={list.reload}>
            <Table<Germplasm> rowKey="id" size="middle" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} scroll={{ x: 1000 }} data-testid="records-germplasm-table"
              locale={{ emptyText: <Empty description={bi(lang, curator ? { zh: '尚无种质资源记录 — 点击“登记种质资源”', en: 'No germplasm yet: choose “Record germplasm”' } : { zh: '尚无种质资源记录', en: 'No germplasm records yet' })} /> }}
              pagination={{ current: page, pageSize: size, total: list.data?.total ?? 0, onChange: (p, s) => set({ page: p, size: s }) }} />
          </LoadState>
        </Card>
      </section>
      {editing && <GermplasmModal g={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); reload(); }} />}
    </>
  );
}
