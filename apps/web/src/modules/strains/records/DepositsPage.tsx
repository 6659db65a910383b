import { App as AntApp, Button, Card, Empty, Form, Input, Segmented, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import { api, qs } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { LoadState } from '../../../app/components/LoadState';
import { useLang } from '../../../app/i18n';
import { PageHeader } from '../../../app/PageHeader';
import { useApi } from '../../../app/useApi';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { bi, dateOnly } from '../../supervision/shared';
import { useListParams, useSearchBox } from '../../supervision/WorkShared';
import { useRecordsRoles } from './access';
import type { Page, StrainFull } from './api';
import { DepositActions } from './DepositActions';
import { NEW_STRAIN, StrainFields, strainBodyOf, type StrainValues } from './StrainForm';
import { HazardTag, StatusTag, StrainName } from './StrainTags';

const FILTERS = ['tab', 'status', 'q'] as const;

/** 提交保藏申请: the MCL fields in sections; a curator may deposit for an organisation. */
function SubmitForm({ onDone }: { onDone: (s: StrainFull) => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const { curator } = useRecordsRoles();
  const [form] = Form.useForm<StrainValues>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const made = await api.post<StrainFull>('/api/strains/deposits', { ...strainBodyOf(v), ...(curator && v.depositorOrganisationId ? { depositorOrganisationId: v.depositorOrganisationId } : {}) });
    message.success(bi(lang, { zh: `已提交保藏申请 ${made.depositNo}`, en: `Submitted deposit ${made.depositNo}` }));
    form.resetFields();
    onDone(made);
  });
  return (
    <Form form={form} layout="vertical" initialValues={NEW_STRAIN} data-testid="records-deposit-form">
      <Typography.Paragraph type="secondary">
        {bi(lang, { zh: '提交后请将菌种材料（冻干管或斜面）寄送菌种库；接收后菌种库进行纯度、活力、鉴定检测，全部合格后赋予 CQMCC 保藏编号。', en: 'After submitting, send the material (ampoules or slants) to the bank; it tests purity, viability and identity after receipt and gives a CQMCC number once all pass.' })}
      </Typography.Paragraph>
      <StrainFields form={form} forOrganisation={curator} />
      <Button type="primary" onClick={submit} loading={saving} style={{ marginTop: 16 }} data-testid="records-deposit-submit"><Bi zh="提交保藏申请" en="Submit the deposit" /></Button>
    </Form>
  );
}

/**
 * 保藏申请: submit a strain; the organisation's deposits in every state with the reason of a
 * rejection; and for curators the queue (submitted → received → checked) with the next steps
 * on each row.
 */
export default function DepositsPage() {
  const lang = useLang();
  const navigate = useNavigate();
  const { curator } = useRecordsRoles();
  const { filters, page, size, set, paging } = useListParams(FILTERS);
  const search = useSearchBox(filters.q, (q) => set({ q }));
  const tab = filters.tab ?? (curator ? 'queue' : 'mine');
  const status = filters.status ?? (tab === 'queue' ? 'submitted' : undefined);
  const path = tab === 'queue' ? '/api/strains/deposits' : tab === 'mine' ? '/api/strains/deposits/mine' : null;
  const list = useApi<Page<StrainFull>>(path ? `${path}${qs({ status: status === 'all' ? undefined : status, q: filters.q, ...paging })}` : null);

  const columns: ColumnsType<StrainFull> = [
    { title: <Bi zh="申请号" en="Deposit" />, key: 'no', width: 150, fixed: 'left', render: (_, s) => <div><Link to={`/strains/${s.id}`} className="mono cell-main" data-testid={`records-deposit-link-${s.depositNo}`}>{s.depositNo}</Link><div className="cell-sub mono">{s.accession}</div></div> },
    { title: <Bi zh="菌种" en="Strain" />, key: 'name', width: 260, render: (_, s) => <div><StrainName s={s} /><div className="cell-sub">{s.nameZh}</div></div> },
    { title: <Bi zh="保藏单位" en="Depositor" />, key: 'depositor', width: 200, render: (_, s) => s.depositorOrganisationNameZh ?? '—' },
    { title: <Bi zh="危害程度 / 等级" en="Hazard / BSL" />, key: 'hazard', width: 150, render: (_, s) => <HazardTag hazardClass={s.hazardClass} level={s.biosafetyLevel} /> },
    { title: <Bi zh="状态" en="Status" />, key: 'status', width: 200, render: (_, s) => <div><StatusTag status={s.status} />{s.rejectedReasonZh && <div className="cell-sub">{s.rejectedReasonZh}</div>}<div className="cell-sub">{dateOnly(s.createdAt)}</div></div> },
    { title: <Bi zh="操作" en="Actions" />, key: 'actions', width: 280, render: (_, s) => <DepositActions s={s} onDone={list.reload} /> },
  ];

  const table = (
    <>
      <div className="table-toolbar">
        {tab === 'queue' && (
          <Segmented value={status} onChange={(v) => set({ status: v as string })} data-testid="records-queue-status"
            options={[['submitted', '待接收', 'To receive'], ['received', '检测中', 'Testing'], ['checked', '待保藏', 'To accession'], ['all', '全部', 'All']].map(([value, zh, en]) => ({ value, label: bi(lang, { zh, en }) }))} />
        )}
        <Input.Search allowClear style={{ width: 240 }} placeholder={bi(lang, { zh: '申请号、属名、中文名', en: 'Deposit no., genus, name' })} value={search.typed} onChange={(e) => search.setTyped(e.target.value)} />
        <Typography.Text type="secondary" className="table-count">{lang === 'zh' ? `共 ${list.data?.total ?? 0} 条` : `${list.data?.total ?? 0} deposits`}</Typography.Text>
      </div>
      <LoadState loading={list.loading && !list.data} error={list.error} reload={list.reload}>
        <Table<StrainFull> rowKey="id" size="middle" columns={columns} dataSource={list.data?.items ?? []} scroll={{ x: 1200 }} loading={list.loading} data-testid={`records-deposits-${tab}`}
          locale={{ emptyText: <Empty description={tab === 'queue'
            ? bi(lang, { zh: '此处暂无待办的保藏申请', en: 'No deposits wait here' })
            : bi(lang, { zh: '本机构尚无保藏申请 — 在“提交保藏”中填写菌种信息', en: 'No deposits yet: fill in a strain under “Submit”' })}>{tab === 'mine' && <Button type="primary" onClick={() => set({ tab: 'submit' })}><Bi zh="提交保藏" en="Submit" /></Button>}</Empty> }}
          pagination={{ current: page, pageSize: size, total: list.data?.total ?? 0, onChange: (p, s) => set({ page: p, size: s }) }} />
      </LoadState>
    </>
  );

  return (
    <>
      <PageHeader title={{ zh: '保藏申请', en: 'Deposits' }}
        description={bi(lang, { zh: '提交 → 接收 → 检测（纯度、活力、鉴定）→ 判定合格 → 保藏编号；保藏前任何阶段可不予保藏。保藏单位在接收前可撤回。', en: 'Submitted → received → tested (purity, viability, identity) → checked → accessioned; a deposit may be rejected any time before accession. The depositor may withdraw before receipt.' })} />
      <Card className="panel">
        <Tabs activeKey={tab} onChange={(k) => set({ tab: k, status: undefined, q: undefined })} destroyOnHidden data-testid="records-deposits-tabs"
          items={[
            ...(curator ? [{ key: 'queue', label: <span data-testid="records-tab-queue"><Bi zh="保藏队列" en="Queue" /></span>, children: table }] : []),
            { key: 'mine', label: <span data-testid="records-tab-mine"><Bi zh="本机构的申请" en="My organisation's" /></span>, children: table },
            { key: 'submit', label: <span data-testid="records-tab-submit"><Bi zh="提交保藏" en="Submit" /></span>, children: <SubmitForm onDone={(s) => navigate(`/strains/${s.id}`)} /> },
          ]} />
      </Card>
    </>
  );
}
