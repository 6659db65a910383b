import { describe, expect, it } from 'vitest';
import { boxGrid } from './boxGrid';

describe('a box as a grid', () => {
  it('spans A–I by 1–9 at least, more when a lot sits further out, and finds each taken place', () => {
    const g = boxGrid([{ position: 'A7', id: 1 }, { position: 'J10', id: 2 }, { position: null, id: 3 }]);
    expect(g.rows).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
    expect(g.cols.at(-1)).toBe(10);
    expect(g.at('A7')?.id).toBe(1);
    expect(g.at('B1')).toBeUndefined();
    expect(boxGrid([{ position: null }]).rows).toEqual([]);
  });
});
