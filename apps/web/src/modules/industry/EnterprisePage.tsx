import { useState } from 'react';
import { Breadcrumb, Button, Card, Col, Descriptions, Empty, Result, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { ApartmentOutlined, EditOutlined, LinkOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { DomainTags } from '../plan/DomainTags';
import { bi, dateOnly, dateTime, one } from '../supervision/shared';
import { useIndustryRoles } from './access';
import type { EnterpriseLead, EnterpriseProfile, EnterpriseInvestment } from './api';
import { ChainNodesModal } from './ChainNodesModal';
import { DesignationsModal } from './DesignationsModal';
import { EnterpriseAccountModal, useEnterpriseAccounts } from './EnterpriseAccountModal';
import { EnterpriseFigures } from './EnterpriseFigures';
import { EnterpriseFormModal } from './EnterpriseFormModal';
import { EnterpriseTransformations } from './EnterpriseTransformations';
import { money } from './format';
import { CHAIN_STAGES, ORIGINS } from './labels';
import { DesignationTags, LabelTag, LeadStageTag, LeadStatusTag, TierTag } from './tags';

type Editing = 'profile' | 'designations' | 'nodes' | 'account' | null;

/** The chain nodes the enterprise works in, each opening its chain with the node picked out. */
function NodeLinks({ e }: { e: EnterpriseProfile }) {
  const lang = useLang();
  if (!e.chainNodes.length) return <Typography.Text type="secondary">{bi(lang, { zh: '尚未设置', en: 'Not set' })}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {e.chainNodes.map((n) => (
        <Link key={n.code} to={`/industry/chains/${n.chainCode}?node=${encodeURIComponent(n.code)}`} data-testid="enterprise-node">
          <Tag color="blue" icon={<ApartmentOutlined />}>{lang === 'zh' ? n.nameZh : n.nameEn}<span className="tag-aside">{one(lang, CHAIN_STAGES[n.stage])}</span></Tag>
        </Link>
      ))}
    </Space>
  );
}

function LeadsCard({ leads }: { leads: EnterpriseLead[] }) {
  if (!leads.length) return null;
  return (
    <Card className="panel" title={<Bi zh="相关招商项目" en="Investment leads" />} size="small">
      <Table<EnterpriseLead> rowKey="id" size="small" pagination={false} dataSource={leads} columns={[
        { title: <Bi zh="编号" en="Code" />, dataIndex: 'code', render: (c: string, l) => <Link to={`/industry/leads/${l.id}`} className="mono">{c}</Link> },
        { title: <Bi zh="阶段" en="Stage" />, dataIndex: 'stage', render: (s: EnterpriseLead['stage']) => <LeadStageTag stage={s} /> },
        { title: <Bi zh="状态" en="Status" />, dataIndex: 'status', render: (s: EnterpriseLead['status']) => <LeadStatusTag status={s} /> },
      ]} />
    </Card>
  );
}

function InvestmentsCard({ list }: { list: EnterpriseInvestment[] }) {
  const lang = useLang();
  if (!list.length) return null;
  return (
    <Card className="panel" title={<Bi zh="基金投资" en="Fund investments" />} size="small">
      <Table<EnterpriseInvestment> rowKey="id" size="small" pagination={false} dataSource={list} columns={[
        { title: <Bi zh="基金" en="Fund" />, dataIndex: 'fundNameZh' },
        { title: <Bi zh="金额" en="Amount" />, dataIndex: 'amountWan', align: 'right', render: (v: number) => money(lang, v) },
        { title: <Bi zh="日期" en="Date" />, dataIndex: 'investedOn', render: (d: string) => dateOnly(d) },
      ]} />
    </Card>
  );
}

/** 企业档案: public fields for everyone; figures, transformation, leads, investments and history for those who may see them. */
export default function EnterprisePage() {
  const { id } = useParams<{ id: string }>();
  const lang = useLang();
  const { taskForce } = useIndustryRoles();
  const profile = useApi<EnterpriseProfile>(`/api/industry/enterprises/${id}`);
  const accounts = useEnterpriseAccounts(taskForce);
  const [editing, setEditing] = useState<Editing>(null);
  const e = profile.data;
  const done = () => { setEditing(null); profile.reload(); };
  const linked = e?.organisationId ? accounts.data?.find((o) => o.id === e.organisationId) : undefined;
  const accountName = !e?.organisationId ? bi(lang, { zh: '未关联', en: 'Not linked' })
    : linked ? linked.nameZh : accounts.loading ? '…' : bi(lang, { zh: '已关联', en: 'Linked' });

  if (profile.error instanceof ApiError && (profile.error.status === 404 || profile.error.status === 400)) {
    return <Result status="404" title={bi(lang, { zh: '企业不存在', en: 'Enterprise not found' })} subTitle={profile.error.message}
      extra={<Link to="/industry/enterprises"><Button type="primary"><Bi zh="返回企业名录" en="Back to the directory" /></Button></Link>} />;
  }

  return (
    <>
      <Breadcrumb className="page-breadcrumb" items={[
        { title: <Link to="/industry"><Bi zh="产业地图" en="Industry map" /></Link> },
        { title: <Link to="/industry/enterprises"><Bi zh="企业名录" en="Enterprises" /></Link> },
        { title: e?.nameZh ?? '…' },
      ]} />
      <LoadState loading={profile.loading && !e} error={profile.error} reload={profile.reload} rows={10}>
        {e && (
          <>
            <PageHeader title={{ zh: e.nameZh, en: e.nameEn ?? e.nameZh }}
              tags={
                <Space size={[6, 6]} wrap>
                  <LabelTag label={ORIGINS[e.origin]} />
                  <DomainTags domains={e.domains} />
                  <DesignationTags list={e.designations} />
                  {e.latestFigure && <TierTag tier={e.latestFigure.tier} />}
                </Space>
              }
              extra={(e.may.edit || e.may.manage || taskForce) && (
                <Space wrap>
                  {e.may.edit && <Button icon={<EditOutlined />} onClick={() => setEditing('profile')} data-testid="enterprise-edit"><Bi zh="编辑档案" en="Edit" /></Button>}
                  {e.may.manage && <Button icon={<SafetyCertificateOutlined />} onClick={() => setEditing('designations')} data-testid="enterprise-designations"><Bi zh="设置认定" en="Designations" /></Button>}
                  {e.may.edit && <Button icon={<ApartmentOutlined />} onClick={() => setEditing('nodes')} data-testid="enterprise-chain-nodes"><Bi zh="产业链环节" en="Chain nodes" /></Button>}
                  {taskForce && <Button icon={<LinkOutlined />} onClick={() => setEditing('account')} data-testid="enterprise-link-account"><Bi zh="关联企业账号" en="Link account" /></Button>}
                </Space>
              )} />
            <Card className="panel">
              <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="enterprise-descriptions" items={[
                { key: 'code', label: <Bi zh="统一社会信用代码" en="Credit code" />, children: <span className="mono">{e.creditCode}</span> },
                { key: 'district', label: <Bi zh="所在区县" en="District" />, children: <Link to={`/industry/enterprises?districtCode=${e.districtCode}`}>{e.districtNameZh ?? e.districtCode}</Link> },
                { key: 'park', label: <Bi zh="所在园区" en="Park" />, children: e.parkId ? <Link to={`/industry/parks/${e.parkId}`}>{e.parkNameZh}</Link> : '—' },
                { key: 'origin', label: <Bi zh="企业来源" en="Origin" />, children: `${one(lang, ORIGINS[e.origin])}${e.landedOn ? (lang === 'zh' ? `（${e.landedOn} 落地）` : ` (landed ${e.landedOn})`) : ''}` },
                { key: 'website', label: <Bi zh="网址" en="Website" />, children: e.website ? <a href={e.website} target="_blank" rel="noopener noreferrer">{e.website}</a> : '—' },
                { key: 'former', label: <Bi zh="曾用名" en="Former names" />, children: e.formerNames.join('、') || '—' },
                { key: 'products', label: <Bi zh="主要产品" en="Products" />, span: 3, children: e.products.length ? <Space size={[4, 4]} wrap>{e.products.map((p) => <Tag key={p}>{p}</Tag>)}</Space> : '—' },
                { key: 'nodes', label: <Bi zh="产业链环节" en="Chain nodes" />, span: 3, children: <NodeLinks e={e} /> },
                { key: 'summary', label: <Bi zh="企业简介" en="Summary" />, span: 3, children: e.summaryZh ? <span style={{ whiteSpace: 'pre-wrap' }}>{e.summaryZh}</span> : '—' },
                ...(taskForce ? [{ key: 'account', label: <Bi zh="企业账号" en="Account" />, children: <span data-testid="enterprise-account">{accountName}</span> }] : []),
                { key: 'updated', label: <Bi zh="最后更新" en="Last updated" />, children: dateTime(e.updatedAt) },
              ]} />
            </Card>

            {e.figures && (
              <Row gutter={[16, 16]} className="section">
                <Col xs={24} xl={16}>
                  <Space orientation="vertical" size={16} className="full-width">
                    <EnterpriseFigures e={e} onChanged={profile.reload} />
                    <EnterpriseTransformations e={e} onChanged={profile.reload} />
                    <LeadsCard leads={e.leads ?? []} />
                    <InvestmentsCard list={e.investments ?? []} />
                  </Space>
                </Col>
                <Col xs={24} xl={8}>
                  <Card className="panel" title={<Bi zh="历史记录" en="History" />} size="small">
                    {e.history?.length ? (
                      <Timeline data-testid="enterprise-history" items={e.history.map((h) => ({
                        key: h.id,
                        content: <div data-action={h.action}><div className="audit-when">{dateTime(h.at)}</div><div>{h.summary}</div>{h.actorName && <div className="cell-sub">{h.actorName}</div>}</div>,
                      }))} />
                    ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '暂无记录', en: 'Nothing yet' })} />}
                  </Card>
                </Col>
              </Row>
            )}

            {editing === 'profile' && <EnterpriseFormModal enterprise={e} onClose={() => setEditing(null)} onSaved={done} />}
            {editing === 'designations' && <DesignationsModal enterpriseId={e.id} list={e.designations} onClose={() => setEditing(null)} onSaved={done} />}
            {editing === 'account' && <EnterpriseAccountModal enterprise={e} accounts={accounts} onClose={() => setEditing(null)} onSaved={done} />}
            {editing === 'nodes' && <ChainNodesModal enterpriseId={e.id} nodes={e.chainNodes} onClose={() => setEditing(null)} onSaved={done} />}
          </>
        )}
      </LoadState>
    </>
  );
}
