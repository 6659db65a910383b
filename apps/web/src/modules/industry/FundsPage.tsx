import { useMemo, useState } from 'react';
import { Button, Card, Col, Empty, Row, Space, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { DomainTags } from '../plan/DomainTags';
import { DOMAIN_HEX, domainName } from '../plan/format';
import { bi, dateOnly, one } from '../supervision/shared';
import { useIndustryRoles } from './access';
import type { Fund, FundDetail, FundInvestment, FundSummary } from './api';
import { AXIS_LABEL, EChart } from './charts';
import { ExportAndAdd } from './ExportAndAdd';
import { FundFormModal } from './FundFormModal';
import { money, num, yi } from './format';
import { InvestmentModal } from './InvestmentModal';
import { FUND_KINDS } from './labels';
import { LabelTag } from './tags';

function Investments({ fundId }: { fundId: string }) {
  const lang = useLang();
  const detail = useApi<FundDetail>(`/api/industry/funds/${fundId}`);
  const columns: ColumnsType<FundInvestment> = [
    { title: <Bi zh="被投对象" en="Investee" />, key: 'to', render: (_, i) => (
      <Space orientation="vertical" size={0}>
        {i.enterpriseId && <Link to={`/industry/enterprises/${i.enterpriseId}`}>{i.enterpriseNameZh}</Link>}
        {i.leadId && <Link to={`/industry/leads/${i.leadId}`}><span className="mono">{i.leadCode}</span> {i.leadTargetNameZh}</Link>}
      </Space>
    ) },
    { title: <Bi zh="金额" en="Amount" />, dataIndex: 'amountWan', width: 140, align: 'right', render: (v: number) => money(lang, v) },
    { title: <Bi zh="日期" en="Date" />, dataIndex: 'investedOn', width: 120, render: (d: string) => dateOnly(d) },
    { title: <Bi zh="备注" en="Note" />, dataIndex: 'noteZh', render: (n: string | null) => n ?? '—' },
  ];
  return (
    <LoadState loading={detail.loading && !detail.data} error={detail.error} reload={detail.reload} rows={2}>
      <Table<FundInvestment> rowKey="id" size="small" columns={columns} dataSource={detail.data?.investments ?? []} pagination={false}
        locale={{ emptyText: bi(lang, { zh: '尚无投资记录', en: 'No investments yet' }) }} />
    </LoadState>
  );
}

function SummaryCharts({ s }: { s: FundSummary }) {
  const lang = useLang();
  const domain = useMemo(() => ({
    tooltip: { trigger: 'item', formatter: (p: { name: string; value: number; percent: number }) => `${p.name}<br/>${num(lang, p.value)} 亿元 (${p.percent}%)` },
    legend: { bottom: 0, type: 'scroll' },
    series: [{ type: 'pie', radius: ['42%', '70%'], center: ['50%', '44%'], label: { formatter: '{b}\n{d}%' },
      data: s.byDomain.map((d) => ({ name: d.domain === 'unassigned' ? bi(lang, { zh: '未分领域', en: 'Unassigned' }) : domainName(lang, d.domain), value: yi(d.amountWan), itemStyle: { color: DOMAIN_HEX[d.domain] ?? '#bfbfbf' } })) }],
  }), [s, lang]);
  const rows = useMemo(() => [...s.byDistrict].sort((a, b) => a.amountWan - b.amountWan), [s]);
  const district = useMemo(() => ({
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', axisLabel: AXIS_LABEL, splitLine: { lineStyle: { color: '#eef1f6' } } },
    yAxis: { type: 'category', data: rows.map((d) => d.districtNameZh ?? bi(lang, { zh: '未分区县', en: 'No district' })), axisLabel: AXIS_LABEL },
    series: [{ type: 'bar', barMaxWidth: 22, data: rows.map((d) => yi(d.amountWan)), itemStyle: { color: '#3a7bd5', borderRadius: [0, 4, 4, 0] },
      label: { show: true, position: 'right', color: '#5b6b82', formatter: (p: { value: number }) => num(lang, p.value) } }],
  }), [rows, lang]);
  return (
    <Row gutter={[16, 16]} className="section">
      <Col xs={24} lg={12}>
        <Card className="panel" size="small" title={<Bi zh="按领域（亿元）" en="By domain (亿元)" />}>
          <EChart option={domain} height={260} testId="funds-by-domain" ariaLabel={bi(lang, { zh: '基金投资按领域', en: 'Fund money by domain' })} />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card className="panel" size="small" title={<Bi zh="按区县（亿元）" en="By district (亿元)" />}>
          <EChart option={district} height={Math.max(220, rows.length * 32 + 30)} testId="funds-by-district" ariaLabel={bi(lang, { zh: '基金投资按区县', en: 'Fund money by district' })} />
        </Card>
      </Col>
    </Row>
  );
}

/** 产业基金: the funds behind the plan (safeguard 2), their investments, and where the money went by domain and district. */
export default function FundsPage() {
  const lang = useLang();
  const { taskForce } = useIndustryRoles();
  const funds = useApi<Fund[]>('/api/industry/funds');
  const summary = useApi<FundSummary>('/api/industry/funds/summary');
  const [editing, setEditing] = useState<Fund | 'new' | null>(null);
  const [investing, setInvesting] = useState<Fund | null>(null);
  const list = funds.data ?? [];
  const s = summary.data;
  const reload = () => { funds.reload(); summary.reload(); };
  const sizeWan = list.reduce((n, f) => n + (f.sizeWan ?? 0), 0);

  const columns: ColumnsType<Fund> = [
    { title: <Bi zh="基金" en="Fund" />, key: 'name', width: 300, render: (_, f) => <div><span className="cell-main">{f.nameZh}</span><div className="cell-sub mono">{f.code}</div></div> },
    { title: <Bi zh="类型" en="Kind" />, dataIndex: 'kind', width: 150, render: (k: string) => (FUND_KINDS[k] ? <LabelTag label={FUND_KINDS[k]} /> : k) },
    { title: <Bi zh="区县" en="District" />, dataIndex: 'districtNameZh', width: 100, render: (d: string | null) => d ?? '—' },
    { title: <Bi zh="规模" en="Size" />, dataIndex: 'sizeWan', width: 120, align: 'right', render: (v: number | null) => money(lang, v) },
    { title: <Bi zh="已投" en="Invested" />, key: 'invested', width: 150, align: 'right',
      render: (_, f) => <div>{money(lang, f.investedWan)}<div className="cell-sub">{lang === 'zh' ? `${f.investments} 笔` : `${f.investments} deals`}</div></div> },
    { title: <Bi zh="领域" en="Domains" />, dataIndex: 'domains', width: 170, render: (d: string[]) => (d.length ? <DomainTags domains={d} compact /> : '—') },
    { title: <Bi zh="投资方向" en="Focus" />, dataIndex: 'focusZh', render: (f: string | null) => <Typography.Paragraph ellipsis={{ rows: 2, tooltip: f }} style={{ margin: 0 }}>{f ?? '—'}</Typography.Paragraph> },
    ...(taskForce ? [{
      title: <Bi zh="操作" en="Actions" />, key: 'actions', width: 170, fixed: 'right' as const,
      render: (_: unknown, f: Fund) => (
        <Space size={4}>
          <Button size="small" icon={<PlusOutlined />} onClick={() => setInvesting(f)} data-testid={`fund-invest-${f.code}`}>{one(lang, { zh: '记录投资', en: 'Invest' })}</Button>
          <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setEditing(f)} aria-label={bi(lang, { zh: '编辑', en: 'Edit' })} />
        </Space>
      ),
    }] : []),
  ];

  return (
    <>
      <PageHeader title={{ zh: '产业基金', en: 'Funds' }}
        description={bi(lang, { zh: '重庆产业投资母基金、区县产业引导基金与风投、产业基金对生物制造企业和招商项目的投资（保障措施二）。', en: 'The mother fund, district guidance funds and venture and industry funds, and their investments in enterprises and projects (safeguard 2).' })}
        extra={<ExportAndAdd path="/api/industry/funds/export.xlsx" fallbackName="生物制造产业基金.xlsx" testId="funds-export"
          add={taskForce && { zh: '新增基金', en: 'Add a fund', testId: 'fund-add', onClick: () => setEditing('new') }} />} />
      <LoadState loading={summary.loading && !s} error={summary.error} reload={summary.reload} rows={3}>
        {s && (
          <>
            <div className="figure-grid figure-grid-4" data-testid="funds-summary">
              <Card size="small" className="panel figure-card"><Statistic title={<Bi zh="基金" en="Funds" />} value={list.length} suffix={lang === 'zh' ? '支' : undefined} /></Card>
              <Card size="small" className="panel figure-card"><Statistic title={<Bi zh="登记规模" en="Stated size" />} value={lang === 'zh' ? yi(sizeWan) : sizeWan / 100_000} precision={2} suffix={lang === 'zh' ? '亿元' : 'bn yuan'} /></Card>
              <Card size="small" className="panel figure-card"><Statistic title={<Bi zh="已投金额" en="Invested" />} value={lang === 'zh' ? yi(s.totalWan) : s.totalWan / 100_000} precision={2} suffix={lang === 'zh' ? '亿元' : 'bn yuan'} styles={{ content: { color: '#1d4f91', fontWeight: 600 } }} /></Card>
              <Card size="small" className="panel figure-card"><Statistic title={<Bi zh="投资笔数" en="Investments" />} value={s.investments} suffix={lang === 'zh' ? '笔' : undefined} /></Card>
            </div>
            {s.investments > 0 && <SummaryCharts s={s} />}
          </>
        )}
      </LoadState>
      <Card className="panel section">
        <LoadState loading={funds.loading && !funds.data} error={funds.error} reload={funds.reload}>
          <Table<Fund> rowKey="id" columns={columns} dataSource={list} pagination={false} scroll={{ x: 1300 }} data-testid="funds-table"
            expandable={{ expandedRowRender: (f) => <Investments fundId={f.id} />, rowExpandable: (f) => f.investments > 0 }}
            locale={{ emptyText: <Empty description={taskForce
              ? bi(lang, { zh: '尚无基金。可新增母基金、区县引导基金等，并记录其对企业和招商项目的投资。', en: 'No funds yet. Add the mother fund, district guidance funds and others, then record their investments.' })
              : bi(lang, { zh: '尚无基金，工作专班登记后将显示在这里。', en: 'No funds yet; they appear once the task force records them.' })}>
              {taskForce && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}><Bi zh="新增基金" en="Add a fund" /></Button>}
            </Empty> }} />
        </LoadState>
      </Card>
      {editing && <FundFormModal fund={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); reload(); }} />}
      {investing && <InvestmentModal fund={investing} onClose={() => setInvesting(null)} onSaved={() => { setInvesting(null); reload(); }} />}
    </>
  );
}
