import type { GridPhase } from './api';

/**
 * A profile's grid laid end to end for a chart: each point's hours since the start of the first
 * phase when every phase lasts its grid length, and where each phase begins.
 */
export function gridHours(grid: GridPhase[], lang: 'zh' | 'en') {
  const x: number[] = [];
  const phases: { x: number; name: string }[] = [];
  let base = 0;
  for (const g of grid) {
    phases.push({ x: base / 3600_000, name: lang === 'zh' ? g.zh : g.en });
    for (const off of g.offsets) x.push((base + off) / 3600_000);
    const step = g.offsets.length > 1 ? g.offsets[1] - g.offsets[0] : 0;
    base += (g.offsets[g.offsets.length - 1] ?? 0) + step;
  }
  return { x, phases };
}
