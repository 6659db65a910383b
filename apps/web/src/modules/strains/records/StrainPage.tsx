import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Descriptions, Empty, Form, Modal, Space, Table, Tag, Timeline, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { api } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { LoadState } from '../../../app/components/LoadState';
import { useLang } from '../../../app/i18n';
import { PageHeader } from '../../../app/PageHeader';
import { useSession } from '../../../app/session';
import { useApi } from '../../../app/useApi';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { bi, dateOnly, dateTime, one } from '../../supervision/shared';
import StrainStockPanel from '../stock/StrainStockPanel';
import StrainSequencesPanel from '../sequences/StrainSequencesPanel';
import { isFull, type HistoryItem, type Strain, type StrainFull } from './api';
import { DepositActions } from './DepositActions';
import { ATMOSPHERES, CHECK_KINDS, HISTORY_ACTIONS, ORGANISM_KINDS } from './labels';
import { StrainFields, strainBodyOf, valuesOf, type StrainValues } from './StrainForm';
import { HazardTag, RestrictionTags, StatusTag, StrainName } from './StrainTags';

const list = (xs: string[] | undefined) => (xs?.length ? xs.join('、') : '—');
const text = (x: string | number | null | undefined) => (x === null || x === undefined || x === '' ? '—' : x);

/** 修改菌种记录: the same sections as the deposit form, with the record's values. */
function EditModal({ s, onClose, onSaved }: { s: StrainFull; onClose: () => void; onSaved: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<StrainValues>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.patch(`/api/strains/${s.id}`, strainBodyOf(v));
    message.success(bi(lang, { zh: '已保存', en: 'Saved' }));
    onSaved();
  });
  return (
    <Modal open width={980} title={<Bi zh={`修改 ${s.accession ?? s.depositNo}`} en={`Edit ${s.accession ?? s.depositNo}`} />} onCancel={onClose} onOk={submit} confirmLoading={saving}
      destroyOnHidden mask={{ closable: false }} okText={bi(lang, { zh: '保存', en: 'Save' })} okButtonProps={{ 'data-testid': 'records-edit-ok' } as never}>
      <Form form={form} layout="vertical" initialValues={valuesOf(s)}><StrainFields form={form} forOrganisation={false} /></Form>
    </Modal>
  );
}

/** The full record in the MCL sections. */
function FullRecord({ s }: { s: StrainFull }) {
  const lang = useLang();
  const lineage = ['domain', 'phylum', 'class', 'order', 'family'].map((r) => s.lineage[r as keyof typeof s.lineage]).filter(Boolean).join(' › ');
  return (
    <Card className="panel" title={<Bi zh="菌种记录" en="Strain record" />} data-testid="records-full-record">
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered>
        <Descriptions.Item label={<Bi zh="学名" en="Name" />}><StrainName s={s} /></Descriptions.Item>
        <Descriptions.Item label={<Bi zh="中文名" en="Chinese name" />}>{text(s.nameZh)}</Descriptions.Item>
        <Descriptions.Item label={<Bi zh="类别" en="Kind" />}>{ORGANISM_KINDS[s.organismKind] ? one(lang, ORGANISM_KINDS[s.organismKind]) : s.organismKind}</Descriptions.Item>
        <Descriptions.Item label={<Bi zh="分类谱系" en="Lineage" />} span={2}>{lineage || '—'}</Descriptions.Item>
        <Descriptions.Item label={<Bi zh="其他保藏编号" en="Other numbers" />}>{list(s.otherNumbers)}</Descriptions.Item>
        <Descriptions.Item label={<Bi zh="保藏单位" en="Depositor" />}>{text(s.depositorOrganisationNameZh)}{s.depositorNameZh ? ` · ${s.depositorNameZh}` : ''}</Descriptions.Item>
        <Descriptions.Item label={<Bi zh="保藏日期" en="Deposited on" />}>{dateOnly(s.depositedOn)}</Descriptions.Item>
        <Descriptions.Item label={<Bi zh="保藏申请号" en="Deposit no." />}><span className="mono">{s.depositNo}</span></Descriptions.Item>
        <Descriptions.Item label={<Bi zh="来源历史" en="History" />} span={3}>{text(s.historyZh)}</Descriptions.Item>
        <Descriptions.Item label={<Bi zh="分离源" en="Source" />}>{text(s.isolationSourceZh)}</Descriptions.Item>
        <Descriptions.Item label={<Bi zh="分离地点" en="Place" />}>{text(s.isolationPlaceZh)}{s.isolationLat !== null ? ` (${s.isolationLat}, ${s.isolationLon})` : ''} {s.isolationCountry ?? ''}</Descriptions.Item>
        <Descriptions.Item label={<Bi zh="分离日期" en="Isolated on" />}>{dateOnly(s.isolatedOn)}</Descriptions.Item>
        <Descriptions.Item label={<Bi zh="培养基" en="Medium" />}>{text(s.mediumZh)}</Descriptions.Item>
        <Descriptions.Item label={<Bi zh="培养温度" en="Temperature" />}>{s.growthTemperatureC !== null ? `${s.growthTemperatureC} °C` : '—'}</Descriptions.Item>
        <Descriptions.Item label={<Bi zh="气体条件" en="Atmosphere" />}>{s.atmosphere && ATMOSPHERES[s.atmosphere] ? one(lang, ATMOSPHERES[s.atmosphere]) : '—'}</Descriptions.Item>
        <Descriptions.Item label={<Bi zh="应用" en="Applications" />}>{list(s.applicationsZh)}</Descriptions.Item>
        <Descriptions.Item label={<Bi zh="产物" en="Products" />}>{list(s.products)}</Descriptions.Item>
        <Descriptions.Item label={<Bi zh="酶" en="Enzymes" />}>{list(s.enzymes)}</Descriptions.Item>
        <Descriptions.Item label={<Bi zh="耐受性" en="Tolerances" />}>{list(s.tolerances)}</Descriptions.Item>
        <Descriptions.Item label={<Bi zh="关键基因" en="Key genes" />} span={2}>{list(s.keyGenes)}</Descriptions.Item>
        <Descriptions.Item label={<Bi zh="文献" en="Literature" />} span={3}>
          {s.literature.length ? s.literature.map((l, i) => <div key={i}>{l.citation}{l.doi && <> · <a href={`https://doi.org/${l.doi}`} target="_blank" rel="noreferrer">{l.doi}</a></>}</div>) : '—'}
        </Descriptions.Item>
        {s.restrictionNoteZh && <Descriptions.Item label={<Bi zh="限制说明" en="Restriction note" />} span={3}>{s.restrictionNoteZh}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );
}

/** The public summary, and a notice that says why nothing more is shown. */
function SummaryRecord({ s }: { s: Strain }) {
  const lang = useLang();
  return (
    <Card className="panel" title={<Bi zh="公开摘要" en="Public summary" />}>
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="records-summary-notice"
        title={bi(lang, { zh: '受限菌种：仅显示公开摘要', en: 'Restricted strain: public summary only' })}
        description={bi(lang, {
          zh: `原因：${s.restrictionReasons.map((r) => r.zh).join('、') || '管理员限制'}。分离地、历史、保藏单位、基因、文献、库存与序列仅对菌种库管理员、保藏单位和已获共享的单位开放；可通过“菌种共享申请”提出申请。`,
          en: `Why: ${s.restrictionReasons.map((r) => r.en).join(', ') || 'restricted by the curators'}. Isolation, history, depositor, genes, literature, stock and sequences open only to curators, the depositor and organisations it was shared with; ask for it with a sharing request.`,
        })} />
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={<Bi zh="学名" en="Name" />}><StrainName s={s} /></Descriptions.Item>
        <Descriptions.Item label={<Bi zh="中文名" en="Chinese name" />}>{text(s.nameZh)}</Descriptions.Item>
        <Descriptions.Item label={<Bi zh="类别" en="Kind" />}>{ORGANISM_KINDS[s.organismKind] ? one(lang, ORGANISM_KINDS[s.organismKind]) : s.organismKind}</Descriptions.Item>
        <Descriptions.Item label={<Bi zh="应用" en="Applications" />}>{list(s.applicationsZh)}</Descriptions.Item>
        {s.restrictionNoteZh && <Descriptions.Item label={<Bi zh="限制说明" en="Restriction note" />} span={2}>{s.restrictionNoteZh}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );
}

/** The deposit: receipt, the recorded tests (the latest of each kind counts) and the next steps. */
function DepositCard({ s, onDone }: { s: StrainFull; onDone: () => void }) {
  const lang = useLang();
  return (
    <Card className="panel" title={<Bi zh="保藏与检测" en="Deposit and checks" />} extra={<DepositActions s={s} onDone={onDone} size="middle" />} data-testid="records-deposit-card">
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={<Bi zh="接收日期" en="Received" />}>{dateOnly(s.receivedOn)}</Descriptions.Item>
        <Descriptions.Item label={<Bi zh="到货状况" en="Condition" />}>{text(s.receivedConditionZh)}</Descriptions.Item>
        <Descriptions.Item label={<Bi zh="收到的材料" en="Material" />}>{text(s.receivedMaterialZh)}</Descriptions.Item>
        {s.rejectedReasonZh && <Descriptions.Item label={<Bi zh="不予保藏理由" en="Rejected because" />} span={3}><Typography.Text type="danger">{s.rejectedReasonZh}</Typography.Text></Descriptions.Item>}
        {s.withdrawnReasonZh && <Descriptions.Item label={<Bi zh="撤回理由" en="Withdrawn because" />} span={3}>{s.withdrawnReasonZh}</Descriptions.Item>}
      </Descriptions>
      <Table size="small" rowKey="id" pagination={false} dataSource={s.checks ?? []} data-testid="records-checks"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '尚无检测记录；接收后记录纯度、活力、鉴定检测', en: 'No tests yet; after receipt record purity, viability and identity' })} /> }}
        columns={[
          { title: <Bi zh="项目" en="Test" />, dataIndex: 'kind', width: 100, render: (k: string) => one(lang, CHECK_KINDS[k] ?? { zh: k, en: k }) },
          { title: <Bi zh="结论" en="Verdict" />, dataIndex: 'passed', width: 90, render: (p: boolean) => <Tag color={p ? 'green' : 'red'}>{bi(lang, p ? { zh: '合格', en: 'Passed' } : { zh: '不合格', en: 'Failed' })}</Tag> },
          { title: <Bi zh="方法" en="Method" />, dataIndex: 'methodZh', width: 200 },
          { title: <Bi zh="结果" en="Result" />, dataIndex: 'resultZh' },
          { title: <Bi zh="日期 / 检测人" en="Date / by" />, key: 'by', width: 180, render: (_, c) => <div>{dateOnly(c.testedOn)}<div className="cell-sub">{c.testedByName}</div></div> },
        ]} />
    </Card>
  );
}

function HistoryCard({ id }: { id: string }) {
  const lang = useLang();
  const history = useApi<{ items: HistoryItem[] }>(`/api/strains/${id}/history`);
  return (
    <Card className="panel" title={<Bi zh="历史" en="History" />} data-testid="records-history">
      <LoadState loading={history.loading && !history.data} error={history.error} reload={history.reload} rows={3}>
        <Timeline items={(history.data?.items ?? []).map((h) => ({
          key: h.id,
          children: <div><Typography.Text strong>{HISTORY_ACTIONS[h.action] ? bi(lang, HISTORY_ACTIONS[h.action]) : h.action}</Typography.Text> <span className="cell-sub">{dateTime(h.at)} · {h.actorName}</span><div className="cell-sub">{h.summary}</div></div>,
        }))} />
      </LoadState>
    </Card>
  );
}

/**
 * 菌种详情: the full record for those who may see it (curators, the depositor, organisations it
 * was shipped to; everyone for an unrestricted strain), otherwise the public summary with a notice
 * saying why; the deposit with its tests and next steps; the history; the stock and sequences panels.
 */
export default function StrainPage() {
  const { id = '' } = useParams();
  const lang = useLang();
  const { user } = useSession();
  const strain = useApi<Strain>(`/api/strains/${id}`);
  const [editing, setEditing] = useState(false);
  const s = strain.data;
  const full = s && isFull(s) ? s : null;
  const showDeposit = !!full && (full.may !== undefined && (Object.values(full.may).some(Boolean) || !!full.depositor || (full.checks?.length ?? 0) > 0 || full.status !== 'accessioned'));

  return (
    <LoadState loading={strain.loading && !s} error={strain.error} reload={strain.reload}>
      {s && (
        <>
          <PageHeader title={{ zh: `${s.accession ?? full?.depositNo ?? ''} ${s.nameZh ?? s.scientificName}`, en: `${s.accession ?? full?.depositNo ?? ''} ${s.scientificName}` }}
            tags={<Space wrap size={4}><StatusTag status={s.status} /><HazardTag hazardClass={s.hazardClass} level={s.biosafetyLevel} /><RestrictionTags s={s} /><Tag data-testid="records-view">{s.view === 'full' ? bi(lang, { zh: '完整记录', en: 'Full record' }) : bi(lang, { zh: '公开摘要', en: 'Summary' })}</Tag></Space>}
            extra={full?.may?.edit && <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="records-edit"><Bi zh="修改记录" en="Edit" /></Button>} />
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            {full ? <FullRecord s={full} /> : <SummaryRecord s={s} />}
            {full && showDeposit && <DepositCard s={full} onDone={strain.reload} />}
            {full && user && <HistoryCard id={s.id} key={full.updatedAt} />}
            <StrainStockPanel strainId={s.id} />
            <StrainSequencesPanel strainId={s.id} />
          </Space>
          {editing && full && <EditModal s={full} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); strain.reload(); }} />}
        </>
      )}
    </LoadState>
  );
}
