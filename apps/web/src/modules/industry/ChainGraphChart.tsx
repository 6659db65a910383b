import { useMemo } from 'react';
import { Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useLang } from '../../app/i18n';
import { bi, one } from '../supervision/shared';
import type { ChainGraph, ChainNode } from './api';
import { chainLayout, ROW_GAP, symbolSize, tallestColumn } from './chainLayout';
import { EChart } from './charts';
import { money } from './format';
import { CHAIN_STAGE_ORDER, CHAIN_STAGES, STANDING_ORDER, STANDINGS } from './labels';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]!));

/**
 * A chain drawn left to right, raw materials to applications: each node coloured by its
 * standing (gap red 补链, weak orange 强链, extension blue 延链, solid green), sized by the
 * enterprises on record, with arrows along the chain. A click opens the node's enterprises.
 */
export function ChainGraphChart({ graph, selected }: { graph: ChainGraph; selected?: string | null }) {
  const lang = useLang();
  const navigate = useNavigate();

  const option = useMemo(() => {
    const at = chainLayout(graph.nodes);
    const stageOf = new Map(graph.nodes.map((n) => [n.id, n.stage]));
    const top = -((tallestColumn(graph.nodes) - 1) / 2) * ROW_GAP - ROW_GAP;
    const categories = STANDING_ORDER.map((s) => ({ name: `${one(lang, STANDINGS[s].action)} · ${one(lang, STANDINGS[s])}`, itemStyle: { color: STANDINGS[s].hex } }));
    const nodes = graph.nodes.map((n) => {
      const p = at.get(n.id)!;
      const picked = n.code === selected;
      return {
        id: n.id, name: lang === 'zh' ? n.nameZh : n.nameEn, x: p.x, y: p.y, node: n, code: n.code,
        category: STANDING_ORDER.indexOf(n.standing), symbolSize: symbolSize(n.enterprises),
        itemStyle: picked ? { borderColor: '#d4a017', borderWidth: 4, shadowBlur: 12, shadowColor: 'rgba(212,160,23,.6)' } : { borderColor: '#fff', borderWidth: 1.5 },
        label: { show: true, position: 'bottom', fontSize: 11, lineHeight: 14, width: 118, overflow: 'break', color: '#24324a', fontWeight: picked ? 700 : 400 },
      };
    });
    // Column headings as label-only points above each stage, so that they line up with the nodes.
    const headings = CHAIN_STAGE_ORDER.filter((s) => graph.nodes.some((n) => n.stage === s)).map((s) => {
      const first = graph.nodes.find((n) => n.stage === s)!;
      return { id: `stage:${s}`, name: one(lang, CHAIN_STAGES[s]), x: at.get(first.id)!.x, y: top, symbol: 'rect', symbolSize: [1, 1], itemStyle: { color: 'transparent', borderWidth: 0 },
        label: { show: true, position: 'top', fontSize: 13, fontWeight: 600, color: '#1d4f91' }, tooltip: { show: false } };
    });
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataType: string; data: { node?: ChainNode } }) => {
          const n = p.dataType === 'node' ? p.data.node : undefined;
          if (!n) return '';
          const s = STANDINGS[n.standing];
          const [main, aside] = lang === 'zh' ? [n.nameZh, n.nameEn] : [n.nameEn, n.nameZh];
          const lines = [
            `<b>${esc(main)}</b> <span style="opacity:.6">${esc(aside)}</span>`,
            `<span style="color:${s.hex}">●</span> ${one(lang, s)} · ${one(lang, s.action)}`,
            lang === 'zh' ? `企业 ${n.enterprises} 家` : `${n.enterprises} enterprises`,
            ...(n.scaleWan !== undefined ? [`${lang === 'zh' ? '已核实营收' : 'Verified revenue'} ${money(lang, n.scaleWan)}`] : []),
            ...(n.activeLeads !== undefined ? [lang === 'zh' ? `在办招商线索 ${n.activeLeads} 条` : `${n.activeLeads} active leads`] : []),
            ...(n.reason ? [`<span style="opacity:.75">${esc(lang === 'zh' ? n.reason.zh : n.reason.en)}</span>`] : []),
            ...(n.sourceZh ? [`<span style="opacity:.6;font-size:11px">${lang === 'zh' ? '计划原句' : 'Plan'}：${esc(n.sourceZh)}</span>`] : []),
          ];
          return `<div style="max-width:340px;white-space:normal">${lines.join('<br/>')}</div>`;
        },
      },
      legend: { top: 0, data: categories.map((c) => c.name), selectedMode: true },
      series: [{
        type: 'graph', layout: 'none', roam: true, top: 64, bottom: 44, left: 64, right: 96,
        categories, data: [...headings, ...nodes],
        // An edge between two nodes of one column arcs out, so that it does not run through the nodes between them.
        links: graph.edges.map((e) => ({ source: e.from, target: e.to, ...(stageOf.get(e.from) === stageOf.get(e.to) ? { lineStyle: { curveness: 0.45 } } : {}) })),
        edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 7,
        lineStyle: { color: '#aab7cc', width: 1.2, opacity: 0.8, curveness: 0.08 },
        emphasis: { focus: 'adjacency', lineStyle: { width: 2.5, color: '#1d4f91' } },
      }],
    };
  }, [graph, selected, lang]);

  const height = Math.max(380, tallestColumn(graph.nodes) * ROW_GAP + 150);
  const gaps = graph.nodes.filter((n) => n.standing === 'gap').length;

  return (
    <div data-testid="chain-graph" data-nodes={graph.nodes.length} data-gaps={gaps}>
      <EChart option={option} height={height} ariaLabel={bi(lang, { zh: `${graph.nameZh}图谱：${graph.nodes.length} 个环节，其中缺失 ${gaps} 个`, en: `${graph.nameEn}: ${graph.nodes.length} nodes, ${gaps} gaps` })}
        onClick={(p) => {
          const code = (p.data as { code?: string } | undefined)?.code;
          if (p.dataType === 'node' && code) navigate(`/industry/enterprises?nodeCode=${encodeURIComponent(code)}`);
        }} />
      <Space size={[6, 6]} wrap style={{ marginTop: 8 }} data-testid="standing-legend">
        {STANDING_ORDER.map((s) => {
          const n = graph.nodes.filter((x) => x.standing === s).length;
          return (
            <Tag key={s} color={STANDINGS[s].color} data-testid={`standing-count-${s}`}>
              {one(lang, STANDINGS[s].action)} · {one(lang, STANDINGS[s])} {n}
            </Tag>
          );
        })}
        <Typography.Text type="secondary" className="cell-sub">
          {bi(lang, { zh: '红色缺失环节需补链，橙色薄弱环节需强链，蓝色为延链方向，绿色为优势环节。圆点大小表示企业数；点击环节查看企业。', en: 'Red: gaps to fill; orange: weak nodes to strengthen; blue: extensions; green: solid. Size shows enterprises; click a node for its firms.' })}
        </Typography.Text>
      </Space>
    </div>
  );
}
