import type { ChainStage } from './api';
import { CHAIN_STAGE_ORDER } from './labels';

/**
 * Where each node of a chain sits on the graph: one column per stage from raw materials to
 * applications (left to right), the nodes of a column spread evenly around the middle in
 * their own order. Coordinates are abstract; the chart scales them to fit.
 */
export const COLUMN_GAP = 260;
export const ROW_GAP = 64;

export function chainLayout<T extends { id: string; stage: ChainStage; sortOrder: number }>(nodes: T[]): Map<string, { x: number; y: number }> {
  const at = new Map<string, { x: number; y: number }>();
  CHAIN_STAGE_ORDER.forEach((stage, col) => {
    const column = nodes.filter((n) => n.stage === stage).sort((a, b) => a.sortOrder - b.sortOrder);
    column.forEach((n, row) => at.set(n.id, { x: col * COLUMN_GAP, y: (row - (column.length - 1) / 2) * ROW_GAP }));
  });
  return at;
}

/** The tallest column: the graph's height follows it. */
export const tallestColumn = (nodes: { stage: ChainStage }[]) => Math.max(1, ...CHAIN_STAGE_ORDER.map((s) => nodes.filter((n) => n.stage === s).length));

/** Node size by enterprises on record: a gap stays visible, a crowded node does not swallow the graph. */
export const symbolSize = (enterprises: number) => Math.min(56, 22 + Math.sqrt(enterprises) * 10);
