import { Breadcrumb, Card, Empty, Result, Select, Space, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { DomainTags } from '../plan/DomainTags';
import { bi, one } from '../supervision/shared';
import type { Rollup, TargetRecord } from './api';
import { money, num, yi } from './format';
import { DESIGNATIONS, INDICATORS, LEVELS, ORIGINS } from './labels';
import { FigureSourceTag, LabelTag } from './tags';

interface Records { code: string; year: number | null; total: number; items: TargetRecord[] }

/**
 * 指标明细: the records behind one of the plan's industry indicators (scale, leading and large
 * enterprises, SRDI), so that every figure on the cockpit can be checked firm by firm.
 */
export default function TargetRecordsPage() {
  const { code = '' } = useParams<{ code: string }>();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const size = 50;
  const indicator = INDICATORS[code];
  const designations = code === 'srdiEnterprises';
  const records = useApi<Records>(indicator ? `/api/industry/targets/${code}/records${qs({ year: designations ? undefined : year, limit: size, offset: (page - 1) * size })}` : null);
  const rollup = useApi<Rollup>(indicator && !designations ? '/api/industry/rollup' : null, { cached: true });
  const r = records.data;
  const sumWan = (r?.items ?? []).reduce((n, i) => n + (i.revenueWan ?? i.outputValueWan ?? 0), 0);

  if (!indicator) {
    return <Result status="404" title={bi(lang, { zh: '该指标不由产业地图计算', en: 'This indicator is not computed by the industry map' })}
      extra={<Link to="/industry"><Bi zh="返回产业地图" en="Back to the industry map" /></Link>} />;
  }

  const set = (k: string, v: string | undefined) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    if (v) next.set(k, v); else next.delete(k);
    if (k !== 'page') next.delete('page');
    return next;
  }, { replace: true });

  const columns: ColumnsType<TargetRecord> = [
    { title: <Bi zh="企业" en="Enterprise" />, key: 'name', width: 280,
      render: (_, e) => <div><Link to={`/industry/enterprises/${e.id}`} className="cell-main">{e.nameZh}</Link><div className="cell-sub mono">{e.creditCode}</div></div> },
    { title: <Bi zh="区县" en="District" />, dataIndex: 'districtNameZh', width: 110 },
    { title: <Bi zh="来源" en="Origin" />, dataIndex: 'origin', width: 100, render: (o: TargetRecord['origin']) => <LabelTag label={ORIGINS[o]} /> },
    ...(designations ? [
      { title: <Bi zh="认定" en="Designation" />, key: 'kind', render: (_: unknown, e: TargetRecord) => (e.kind ? one(lang, DESIGNATIONS[e.kind]) : '—') },
      { title: <Bi zh="级别" en="Level" />, key: 'level', width: 100, render: (_: unknown, e: TargetRecord) => (e.level ? one(lang, LEVELS[e.level]) : '—') },
      { title: <Bi zh="认定年份" en="Year" />, dataIndex: 'year', width: 100 },
    ] : [
      { title: <Bi zh="领域" en="Domains" />, dataIndex: 'domains', width: 170, render: (d: string[] | undefined) => <DomainTags domains={d ?? []} compact /> },
      { title: <Bi zh="营业收入" en="Revenue" />, dataIndex: 'revenueWan', width: 140, align: 'right' as const, render: (v: number | null) => money(lang, v) },
      { title: <Bi zh="产值" en="Output value" />, dataIndex: 'outputValueWan', width: 140, align: 'right' as const, render: (v: number | null) => money(lang, v) },
      { title: <Bi zh="数据来源" en="Source" />, dataIndex: 'source', width: 120, render: (s: TargetRecord['source']) => (s ? <FigureSourceTag source={s} /> : '—') },
    ]),
  ];

  return (
    <>
      <Breadcrumb className="page-breadcrumb" items={[
        { title: <Link to="/industry"><Bi zh="产业地图" en="Industry map" /></Link> },
        { title: <Link to="/plan/targets"><Bi zh="2027 年目标" en="2027 targets" /></Link> },
        { title: one(lang, indicator) },
      ]} />
      <PageHeader title={{ zh: `指标明细：${indicator.zh}`, en: `Records behind: ${indicator.en}` }}
        description={<>{one(lang, indicator.description)}{lang === 'zh' ? `；2027 年目标 ${indicator.goal} ${indicator.unit.zh}。只有已核实的数据计入。` : `; 2027 target ${indicator.goal} ${indicator.unit.en}. Only verified figures count.`}</>}
        extra={!designations && (rollup.data?.years.length ?? 0) > 0 && (
          <Select style={{ width: 140 }} value={String(r?.year ?? year ?? '')} onChange={(v) => set('year', v)} data-testid="target-year"
            options={(rollup.data?.years ?? []).map((y) => ({ value: String(y), label: lang === 'zh' ? `${y} 年` : String(y) }))} />
        )} />
      <LoadState loading={records.loading && !r} error={records.error} reload={records.reload}>
        {r && (
          <>
            <Space size={32} wrap className="panel-alert">
              <Statistic title={<Bi zh="计入企业" en="Enterprises counted" />} value={r.total} suffix={lang === 'zh' ? '家' : undefined} data-testid="target-total" />
              {!designations && code === 'industryScale' && r.total <= size && (
                <Statistic title={<Bi zh="合计" en="Total" />} value={lang === 'zh' ? yi(sumWan) : sumWan / 100_000} precision={2} suffix={lang === 'zh' ? '亿元' : 'bn yuan'} />
              )}
              {r.year && <Statistic title={<Bi zh="年度" en="Year" />} value={r.year} groupSeparator="" />}
            </Space>
            <Card className="panel">
              <Table<TargetRecord> rowKey={(e) => `${e.id}/${e.kind ?? ''}/${e.level ?? ''}`} columns={columns} dataSource={r.items} loading={records.loading} scroll={{ x: 900 }} data-testid="target-records"
                pagination={{ current: page, pageSize: size, total: r.total, showSizeChanger: false, onChange: (p) => set('page', p === 1 ? undefined : String(p)),
                  showTotal: (t) => (lang === 'zh' ? `共 ${num(lang, t)} 条` : `${t} in all`) }}
                locale={{ emptyText: <Empty description={designations
                  ? bi(lang, { zh: '尚无获认定的企业。区县可在企业档案中设置“专精特新”“小巨人”认定。', en: 'No designated enterprises yet. Districts set designations on the enterprise profiles.' })
                  : bi(lang, { zh: '该年度尚无计入此指标的已核实数据。企业报送、区县核实后将显示在这里。', en: 'No verified figures count toward this indicator for the year. They appear once reported and verified.' })}>
                  <Link to={designations ? '/industry/enterprises' : '/industry/figures'}>{designations ? <Bi zh="企业名录" en="Enterprises" /> : <Bi zh="经营数据核实" en="Verify figures" />}</Link>
                </Empty> }} />
              <Typography.Text type="secondary" className="cell-sub">{bi(lang, { zh: '营业收入为生物制造营业收入；无营收时按产值计。', en: 'Revenue is biomanufacturing revenue; output value counts where no revenue is reported.' })}</Typography.Text>
            </Card>
          </>
        )}
      </LoadState>
    </>
  );
}
