/**
 * Process monitoring (issue #8): the PCA monitor of packages/monitor against the simulator's
 * faults. A model is fitted on N good simulated batches; then normal batches and batches with each
 * fault injected at a known hour (drawn between 30 h and 80 h of a 100 h run) are scored point by
 * point as a running batch would be. Reported per fault type and overall: detection rate (an alarm
 * at or after the fault's start), detection delay (hours from the start to the first such alarm),
 * false alarm rate (normal batches with any alarm, and faulty batches alarmed before their fault),
 * for the alarm rule of 1 and of 3 points in a row; and scoring speed.
 *
 *   node --conditions=source --import tsx bench/monitor.ts
 *   MONITOR_GOOD=20 MONITOR_TESTS=20 (test batches per fault type; normal batches: twice that)
 */
import { cpus } from 'node:os';
import {
  alarmsOf, alignBatch, fitMonitorModel, gridFor, scoreAligned, seededRandom, seriesOf, simulateBatch,
  FAULT_DEFAULTS, FAULT_KINDS, SIM_VARIABLES, type FaultKind, type MonitorModel, type PointScore,
} from '../packages/monitor/src/index.js';

const H = 3600e3;
interface Run { kind: FaultKind | 'normal'; faultHour: number | null; points: PointScore[]; hours: number[] }
export interface RuleRow { consecutive: number; kind: FaultKind | 'normal' | 'all faults'; batches: number; detected: number | null; earlyAlarm: number; delays: number[] }
export interface MonitorResult {
  good: number; perFault: number; normal: number; components: number; variables: number; gridPoints: number;
  limits: { t2: number; spe: number; confidence: number }; fitMs: number;
  rows: RuleRow[]; scoring: { points: number; ms: number; alignMs: number };
}

export function measureMonitor(options: { good?: number; tests?: number } = {}): MonitorResult {
  const good = options.good ?? Number(process.env.MONITOR_GOOD ?? 20);
  const perFault = options.tests ?? Number(process.env.MONITOR_TESTS ?? 20);
  const variables = [...SIM_VARIABLES];
  const goodRuns = Array.from({ length: good }, (_, i) => seriesOf(simulateBatch({ seed: 10_000 + i })));
  const t0 = performance.now();
  const grid = gridFor(goodRuns);
  const model: MonitorModel = fitMonitorModel(goodRuns.map((b) => alignBatch(b.phases, b.series, grid, { variables, end: b.end })), grid);
  const fitMs = performance.now() - t0;

  const rand = seededRandom(42);
  const plan: { kind: FaultKind | 'normal'; seed: number; faultHour: number | null }[] = [];
  let seed = 20_000;
  for (let i = 0; i < 2 * perFault; i++) plan.push({ kind: 'normal', seed: seed++, faultHour: null });
  for (const kind of FAULT_KINDS) for (let i = 0; i < perFault; i++) plan.push({ kind, seed: seed++, faultHour: Math.round((30 + 50 * rand()) * 10) / 10 });

  let points = 0, scoreMs = 0, alignMs = 0;
  const runs: Run[] = plan.map((p) => {
    const sim = simulateBatch({ seed: p.seed, fault: p.faultHour === null ? null : { kind: p.kind as FaultKind, startHour: p.faultHour } });
    const b = seriesOf(sim);
    const a0 = performance.now();
    const aligned = alignBatch(b.phases, b.series, grid, { variables, end: b.end });
    const a1 = performance.now();
    const scored = scoreAligned(model, aligned);
    scoreMs += performance.now() - a1;
    alignMs += a1 - a0;
    points += scored.length;
    return { kind: p.kind, faultHour: p.faultHour, points: scored, hours: scored.map((s) => (aligned.at[s.index] - b.phases[0].start) / H) };
  });

  const rows: RuleRow[] = [];
  for (const consecutive of [1, 3]) {
    const m = { ...model, rule: { consecutive } };
    const firstAlarms = runs.map((r) => alarmsOf(m, r.points).map((a) => r.hours[a.at]).sort((x, y) => x - y));
    for (const kind of ['normal', ...FAULT_KINDS, 'all faults'] as const) {
      const idx = runs.map((r, i) => i).filter((i) => (kind === 'all faults' ? runs[i].kind !== 'normal' : runs[i].kind === kind));
      if (kind === 'normal') {
        rows.push({ consecutive, kind, batches: idx.length, detected: null, earlyAlarm: idx.filter((i) => firstAlarms[i].length > 0).length, delays: [] });
        continue;
      }
      const delays: number[] = [];
      let early = 0;
      for (const i of idx) {
        const f = runs[i].faultHour!;
        if (firstAlarms[i].some((h) => h < f)) early++;
        const after = firstAlarms[i].find((h) => h >= f);
        if (after !== undefined) delays.push(after - f);
      }
      rows.push({ consecutive, kind, batches: idx.length, detected: delays.length, earlyAlarm: early, delays });
    }
  }
  return {
    good, perFault, normal: 2 * perFault, components: model.pca.components, variables: variables.length, gridPoints: model.mean.length,
    limits: { t2: model.limits.t2, spe: model.limits.spe, confidence: model.limits.confidence }, fitMs, rows,
    scoring: { points, ms: scoreMs, alignMs },
  };
}

const pct = (n: number, d: number) => `${((100 * n) / Math.max(d, 1)).toFixed(1)} %`;
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN; };
const hrs = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)} h` : '—');
const label = (k: RuleRow['kind']) => (k === 'normal' ? 'normal (no fault)' : k === 'all faults' ? '**all faults**' : `${k} (${FAULT_DEFAULTS[k].en}, ${FAULT_DEFAULTS[k].magnitude})`);

export function formatMonitor(r: MonitorResult): string {
  const head = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}. Model: ${r.good} good batches, ${r.variables} variables, ${r.gridPoints} grid points, ` +
    `${r.components} components; limits at ${r.limits.confidence * 100} %: T² ${r.limits.t2.toFixed(2)}, SPE ${r.limits.spe.toFixed(2)}; fitted in ${r.fitMs.toFixed(0)} ms. ` +
    `Test: ${r.normal} normal batches and ${r.perFault} per fault type, fault start drawn in 30–80 h of 100 h, a point every 12 min.`;
  const table = (k: number) => [
    `**Alarm rule: ${k} point${k > 1 ? 's' : ''} in a row above a limit**`, '',
    '| batches | n | detection rate | detection delay, mean (median) | false alarm: batches alarmed before the fault (normal: at all) |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...r.rows.filter((x) => x.consecutive === k).map((x) => `| ${label(x.kind)} | ${x.batches} | ${x.detected === null ? '—' : pct(x.detected, x.batches)} | ${x.delays.length ? `${hrs(x.delays.reduce((a, b) => a + b, 0) / x.delays.length)} (${hrs(median(x.delays))})` : '—'} | ${pct(x.earlyAlarm, x.batches)} |`),
  ].join('\n');
  const speed = `Scoring: ${r.scoring.points.toLocaleString('en')} points in ${r.scoring.ms.toFixed(0)} ms (${Math.round(r.scoring.points / (r.scoring.ms / 1000)).toLocaleString('en')} points/s, each with both statistics and every contribution); aligning the batches onto the grid took ${r.scoring.alignMs.toFixed(0)} ms more.`;
  return [head, '', table(1), '', table(3), '', speed].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(formatMonitor(measureMonitor()));
