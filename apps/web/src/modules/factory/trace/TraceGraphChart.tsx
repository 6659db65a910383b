import * as echarts from 'echarts/core';
import { GraphChart } from 'echarts/charts';
import { EChart } from '../../../app/components/EChart';
import { useLang } from '../../../app/i18n';
import { bi, one } from '../../supervision/shared';
import type { TraceGraph } from './api';
import { KIND_ORDER, NODE_KINDS } from './labels';

// Only the trace page draws a graph: registered in its own chunk.
echarts.use([GraphChart]);

const COLUMN = 230;
const ROW = 64;

/**
 * The trace as layers from left to right in the direction material flows: backward, the start
 * stands on the right and its inputs to its left; forward, the start is on the left. Nodes are
 * coloured by kind; a click selects one.
 */
export function TraceGraphChart({ graph, selected, onSelect }: { graph: TraceGraph; selected: string | null; onSelect: (id: string) => void }) {
  const lang = useLang();
  const sign = graph.direction === 'backward' ? -1 : 1;
  const layers = new Map<number, string[]>();
  for (const n of [...graph.nodes].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.label.localeCompare(b.label))) {
    layers.set(n.depth, [...(layers.get(n.depth) ?? []), n.id]);
  }
  const tallest = Math.max(1, ...[...layers.values()].map((l) => l.length));
  const position = new Map<string, [number, number]>();
  for (const [depth, ids] of layers) ids.forEach((id, i) => position.set(id, [sign * depth * COLUMN, (i - (ids.length - 1) / 2) * ROW]));

  const xs = [...position.values()].map(([x]) => x);
  const ys = [...position.values()].map(([, y]) => y);
  const option = {
    tooltip: {
      formatter: (p: { dataType: string; data: { tip?: string } }) => p.data.tip ?? '',
    },
    legend: { data: KIND_ORDER.map((k) => bi(lang, NODE_KINDS[k])), top: 0 },
    animationDuration: 400,
    // On hidden value axes, not the graph's own view: the view stretches symbols to fit a wide, flat layout.
    grid: { top: 56, bottom: 36, left: 70, right: 70 },
    xAxis: { type: 'value', show: false, min: Math.min(...xs) - COLUMN / 4, max: Math.max(...xs) + COLUMN / 4 },
    yAxis: { type: 'value', show: false, min: Math.min(...ys) - ROW / 2, max: Math.max(...ys) + ROW / 2, inverse: true },
    series: [{
      type: 'graph', layout: 'none', coordinateSystem: 'cartesian2d',
      categories: KIND_ORDER.map((k) => ({ name: bi(lang, NODE_KINDS[k]), itemStyle: { color: NODE_KINDS[k].color } })),
      edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 7,
      lineStyle: { color: '#9aa5b1', width: 1.2, curveness: 0.08, opacity: 0.8 },
      label: { show: true, position: 'bottom', fontSize: 11, width: COLUMN - 30, overflow: 'truncate' },
      emphasis: { focus: 'adjacency', lineStyle: { width: 2.5 } },
      data: graph.nodes.map((n) => {
        const [x, y] = position.get(n.id)!;
        return {
          id: n.id, name: n.id, value: [x, y], category: KIND_ORDER.indexOf(n.kind),
          symbol: n.kind === 'shipment' ? 'diamond' : n.kind === 'container' ? 'rect' : 'circle',
          symbolSize: n.epc === graph.start ? 30 : n.id === selected ? 24 : 16,
          itemStyle: n.id === selected ? { borderColor: '#222', borderWidth: 3 } : undefined,
          label: { formatter: n.label },
          tip: `<b>${n.label}</b><br/>${one(lang, NODE_KINDS[n.kind])}${n.organisation ? `<br/>${n.organisation.nameZh}` : ''}${n.factory ? `<br/>${n.factory.nameZh}` : ''}`,
        };
      }),
      links: graph.edges.map((e) => ({ source: e.from, target: e.to, tip: `${e.eventType}${e.bizStep ? ` · ${e.bizStep}` : ''}<br/>${e.time.slice(0, 16).replace('T', ' ')}${e.quantity != null ? `<br/>${e.quantity} ${e.uom ?? ''}` : ''}` })),
    }],
  };
  const height = Math.min(900, Math.max(320, tallest * ROW + 120));
  return (
    <EChart option={option} height={height} testId="trace-graph" ariaLabel={bi(lang, { zh: '追溯图', en: 'Trace graph' })}
      onClick={(p) => { if (p.dataType === 'node') onSelect((p.data as { id: string }).id); }} />
  );
}
