import { Card, Empty, Tabs, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi, ExportButton } from '../supervision/shared';
import { useChains, type ChainGraph } from './api';
import { ChainGraphChart } from './ChainGraphChart';
import { ChainNodesTable } from './ChainNodesTable';
import { InvestmentTargets } from './InvestmentTargets';

function ChainView({ code, selected }: { code: string; selected: string | null }) {
  const lang = useLang();
  const graph = useApi<ChainGraph>(`/api/industry/chains/${code}`);
  const g = graph.data;
  return (
    <LoadState loading={graph.loading && !g} error={graph.error} reload={graph.reload} rows={10}>
      {g && (
        <>
          <Card className="panel" title={<Bi zh={g.nameZh} en={g.nameEn} />}>
            {g.nodes.length ? <ChainGraphChart graph={g} selected={selected} />
              : <Empty description={bi(lang, { zh: '该产业链尚无环节数据', en: 'This chain has no nodes yet' })} />}
          </Card>
          <section className="section">
            <div className="section-head">
              <Typography.Title level={4} className="section-title"><Bi zh="环节研判" en="Node analysis" /></Typography.Title>
              <Typography.Text type="secondary">{bi(lang, { zh: '无企业的核心环节为缺失（补链）；企业少于 3 家或已核实营收低于 10 亿元为薄弱（强链）；下游应用为延伸（延链）。', en: 'A core node without firms is a gap; fewer than 3 firms or under 1 bn yuan verified revenue is weak; downstream uses are extensions.' })}</Typography.Text>
            </div>
            <Card className="panel"><ChainNodesTable graph={g} selected={selected} /></Card>
          </section>
        </>
      )}
    </LoadState>
  );
}

/** 产业链图谱: the four domains' chains as graphs, each node's standing (补链 强链 延链), and the investment targets. */
export default function ChainsPage() {
  const { code } = useParams<{ code?: string }>();
  const [params] = useSearchParams();
  const lang = useLang();
  const navigate = useNavigate();
  const chains = useChains();
  const list = chains.data ?? [];
  if (!code && list.length) return <Navigate to={`/industry/chains/${list[0].code}`} replace />;
  const active = code ?? '';

  return (
    <>
      <PageHeader title={{ zh: '产业链图谱', en: 'Industry chains' }}
        description={bi(lang, { zh: '四大领域产业链从原料、菌种与酶、工艺到产品和应用的各环节，及其补链、强链、延链研判。环节来自行动计划原文。', en: 'The four domains\' chains from raw materials, strains and processes to products and uses, with each node\'s standing. Nodes come from the plan\'s text.' })}
        extra={<ExportButton path="/api/industry/chains/export.xlsx" fallbackName="产业链研判.xlsx" icon={<FileExcelOutlined />} testId="chains-export" />} />
      <LoadState loading={chains.loading && !chains.data} error={chains.error} reload={chains.reload}>
        {list.length ? (
          <>
            <Tabs activeKey={active} onChange={(k) => navigate(`/industry/chains/${k}`)} data-testid="chain-tabs"
              items={list.map((c) => ({ key: c.code, label: <span data-testid={`chain-tab-${c.code}`}>{lang === 'zh' ? c.nameZh : c.nameEn}<span className="count-aside">{c.nodes}</span></span> }))} />
            {active && <ChainView key={active} code={active} selected={params.get('node')} />}
            <section className="section">
              <InvestmentTargets chainCode={active} />
            </section>
          </>
        ) : (
          <Card className="panel"><Empty description={bi(lang, { zh: '尚未载入产业链数据。服务器启动时会从 data/industry/chains.json 写入四条产业链。', en: 'No chains loaded. The server writes the four chains from data/industry/chains.json at start-up.' })} /></Card>
        )}
      </LoadState>
    </>
  );
}
