import { daysBetween, type IsoDate } from './dates.js';

/**
 * The pace a work point or indicator is expected to keep: a curve of points
 * [share of time elapsed 0–1, expected share done 0–100]. Without one, a straight line.
 * cqb_expected_pct() in SQL follows the same rule; a test holds them together.
 */
export type PaceCurve = [number, number][];

export function curveProblems(curve: unknown): string[] {
  if (!Array.isArray(curve) || curve.length < 2) return ['至少两个点 (at least two points)'];
  const problems: string[] = [];
  curve.forEach((p, i) => {
    if (!Array.isArray(p) || p.length !== 2 || !p.every((n) => typeof n === 'number' && Number.isFinite(n))) problems.push(`第 ${i + 1} 个点应为 [时间比例, 进度%] (point ${i + 1} must be [time share, progress %])`);
  });
  if (problems.length) return problems;
  const pts = curve as PaceCurve;
  if (pts[0][0] !== 0 || pts[pts.length - 1][0] !== 1) problems.push('时间比例须从 0 到 1 (time share must run from 0 to 1)');
  for (let i = 1; i < pts.length; i++) {
    if (pts[i][0] <= pts[i - 1][0]) problems.push('时间比例须递增 (time shares must increase)');
    if (pts[i][1] < pts[i - 1][1]) problems.push('进度须不减 (progress must not fall)');
  }
  if (pts.some(([, y]) => y < 0 || y > 100)) problems.push('进度须在 0–100 之间 (progress must be 0–100)');
  return [...new Set(problems)];
}

/** Share of the time from start to due that has passed on `today`, 0–1. */
export function timeShare(startsOn: IsoDate, dueOn: IsoDate, today: IsoDate): number {
  const span = daysBetween(startsOn, dueOn);
  if (span <= 0) return today >= dueOn ? 1 : 0;
  return Math.min(1, Math.max(0, daysBetween(startsOn, today) / span));
}

export function expectedPct(curve: PaceCurve | null, share: number): number {
  if (!curve) return 100 * share;
  for (let i = 1; i < curve.length; i++) {
    const [x0, y0] = curve[i - 1];
    const [x1, y1] = curve[i];
    if (share >= x0 && share <= x1) return y0 + ((y1 - y0) * (share - x0)) / (x1 - x0);
  }
  return 100 * share;
}
