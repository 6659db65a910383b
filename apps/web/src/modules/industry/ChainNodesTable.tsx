import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { one } from '../supervision/shared';
import type { ChainGraph, ChainNode } from './api';
import { money } from './format';
import { CHAIN_STAGE_ORDER, CHAIN_STAGES, STANDING_ORDER, STANDINGS } from './labels';
import { StandingTag } from './tags';

/** Every node of a chain with its standing, the action it calls for and why; gaps first. */
export function ChainNodesTable({ graph, selected }: { graph: ChainGraph; selected?: string | null }) {
  const lang = useLang();
  const showScale = graph.nodes.some((n) => n.scaleWan !== undefined);
  const showLeads = graph.nodes.some((n) => n.activeLeads !== undefined);
  const rows = [...graph.nodes].sort((a, b) => CHAIN_STAGE_ORDER.indexOf(a.stage) - CHAIN_STAGE_ORDER.indexOf(b.stage) || a.sortOrder - b.sortOrder);

  const columns: ColumnsType<ChainNode> = [
    { title: <Bi zh="环节" en="Node" />, key: 'name', width: 220,
      render: (_, n) => <div><span className="cell-main">{lang === 'zh' ? n.nameZh : n.nameEn}</span><div className="cell-sub">{lang === 'zh' ? n.nameEn : n.nameZh}</div></div> },
    { title: <Bi zh="位置" en="Stage" />, dataIndex: 'stage', width: 110, render: (s: ChainNode['stage']) => one(lang, CHAIN_STAGES[s]),
      filters: CHAIN_STAGE_ORDER.map((s) => ({ text: one(lang, CHAIN_STAGES[s]), value: s })), onFilter: (v, n) => n.stage === v },
    { title: <Bi zh="研判" en="Standing" />, dataIndex: 'standing', width: 150, render: (s: ChainNode['standing']) => <StandingTag standing={s} withAction />,
      filters: STANDING_ORDER.map((s) => ({ text: one(lang, STANDINGS[s].action), value: s })), onFilter: (v, n) => n.standing === v,
      sorter: (a, b) => STANDING_ORDER.indexOf(a.standing) - STANDING_ORDER.indexOf(b.standing) },
    { title: <Bi zh="企业" en="Firms" />, dataIndex: 'enterprises', width: 80, align: 'right', sorter: (a, b) => a.enterprises - b.enterprises,
      render: (v: number, n) => (v ? <Link to={`/industry/enterprises?nodeCode=${encodeURIComponent(n.code)}`}>{v}</Link> : <Typography.Text type="danger">0</Typography.Text>) },
    ...(showScale ? [{ title: <Bi zh="已核实营收" en="Verified revenue" />, dataIndex: 'scaleWan', width: 130, align: 'right' as const, render: (v: number) => money(lang, v) }] : []),
    ...(showLeads ? [{ title: <Bi zh="在办线索" en="Leads" />, dataIndex: 'activeLeads', width: 90, align: 'right' as const,
      render: (v: number, n: ChainNode) => (v ? <Link to={`/industry/leads?view=table&nodeCode=${encodeURIComponent(n.code)}`}>{v}</Link> : 0) }] : []),
    { title: <Bi zh="理由" en="Why" />, key: 'reason', render: (_, n) => (n.reason ? (lang === 'zh' ? n.reason.zh : n.reason.en) : '—') },
  ];

  return (
    <Table<ChainNode> rowKey="id" size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 900 }}
      rowClassName={(n) => (n.code === selected ? 'row-selected' : '')} data-testid="chain-nodes-table"
      onRow={(n) => ({ 'data-standing': n.standing, 'data-code': n.code }) as React.HTMLAttributes<HTMLElement>} />
  );
}
