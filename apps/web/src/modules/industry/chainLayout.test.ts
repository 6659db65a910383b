import { describe, expect, it } from 'vitest';
import { chainLayout, COLUMN_GAP, ROW_GAP, symbolSize, tallestColumn } from './chainLayout';

const node = (id: string, stage: 'raw' | 'process' | 'product' | 'application', sortOrder: number) => ({ id, stage, sortOrder });

describe('the chain graph layout', () => {
  it('puts each stage in its own column, raw materials first', () => {
    const at = chainLayout([node('p', 'product', 3), node('r', 'raw', 0), node('a', 'application', 4)]);
    expect(at.get('r')!.x).toBe(0);
    expect(at.get('p')!.x).toBe(3 * COLUMN_GAP);
    expect(at.get('a')!.x).toBe(4 * COLUMN_GAP);
  });

  it('spreads a column around the middle in the nodes\' own order', () => {
    const at = chainLayout([node('b', 'raw', 2), node('a', 'raw', 1), node('c', 'raw', 3)]);
    expect([at.get('a')!.y, at.get('b')!.y, at.get('c')!.y]).toEqual([-ROW_GAP, 0, ROW_GAP]);
    expect(tallestColumn([node('a', 'raw', 1), node('b', 'raw', 2), node('p', 'product', 3)])).toBe(2);
  });

  it('sizes nodes by enterprises without letting a busy node swallow the graph', () => {
    expect(symbolSize(0)).toBe(22);
    expect(symbolSize(4)).toBe(42);
    expect(symbolSize(400)).toBe(56);
  });
});
