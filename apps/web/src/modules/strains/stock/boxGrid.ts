/**
 * A box's positions as a grid: rows A… and columns 1… up to the largest taken (at least A–I
 * by 1–9, the usual 81-place cryobox), so free places show between taken ones.
 */
export function boxGrid<T extends { position: string | null }>(lots: T[]) {
  const taken = new Map<string, T>();
  let maxRow = 0;
  let maxCol = 0;
  for (const l of lots) {
    const m = l.position ? /^([A-Z])(\d{1,2})$/.exec(l.position) : null;
    if (!m) continue;
    taken.set(l.position!, l);
    maxRow = Math.max(maxRow, m[1].charCodeAt(0) - 64);
    maxCol = Math.max(maxCol, Number(m[2]));
  }
  if (!taken.size) return { rows: [] as string[], cols: [] as number[], at: (_p: string) => undefined as T | undefined };
  const rows = Array.from({ length: Math.max(9, maxRow) }, (_, i) => String.fromCharCode(65 + i));
  const cols = Array.from({ length: Math.max(9, maxCol) }, (_, i) => i + 1);
  return { rows, cols, at: (p: string) => taken.get(p) };
}
