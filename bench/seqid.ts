/**
 * Sequence identification (issue #7): packages/seqid against NCBI BLAST+ (blastn) on the same
 * references and queries, in the same run. Two sets from the 16S type-strain file in
 * bench/data/16s/ (models in bench/seqid/data.ts): genus on real held-out sequences, and species
 * at scale (1,000 generated queries against 50,000 generated references). For each tool: top-1
 * correct (the top hit's genus or species is the query's), agreement of our top-1 with blastn's,
 * mean |Δ identity| where both name the same top reference, and times (ours: one thread, index
 * build apart; blastn: -num_threads 2, makeblastdb apart). Without blastn, ours runs alone.
 *
 *   node --conditions=source --import tsx bench/seqid.ts
 *   SEQID_BLAST_TASKS=megablast,dc-megablast (default: megablast,dc-megablast on the genus set, megablast on the species set)
 *   SEQID_SETS=genus,species  SEQID_REFS=50000  SEQID_QUERIES=1000  SEQID_K=11 (smaller runs while tuning)
 */
import { SeqIndex, search, type Hit } from '../packages/seqid/src/index.js';
import { genusSet, speciesSet, type BenchSet } from './seqid/data.js';
import { blastVersion, blastWorkspace, type BlastRun, type Timing } from './seqid/blast.js';
import { cpus } from 'node:os';

export interface ToolRow {
  tool: string; correct: number; agreeMegablast: number | null; deltaIdentity: number | null; sameTop: number;
  build: Timing; search: Timing; memoryBytes: number | null;
}
export interface SetResult { name: string; queries: number; refs: number; rows: ToolRow[] }
export interface SeqidResult { blast: string | null; sets: SetResult[] }

interface Top { ref: string; identity: number }

/** Wall and CPU time of a piece of work in this process. */
function timed<T>(work: () => T): [T, Timing] {
  const t = performance.now(), c = process.cpuUsage();
  const value = work();
  const cpu = process.cpuUsage(c);
  return [value, { ms: performance.now() - t, cpuMs: (cpu.user + cpu.system) / 1000 }];
}

function runOurs(set: BenchSet, k?: number): { top: Map<string, Top>; build: Timing; search: Timing; memoryBytes: number } {
  const [index, build] = timed(() => {
    const index = new SeqIndex({ k });
    for (const r of set.refs) index.add(r.id, r.sequence);
    index.compact();
    return index;
  });
  const [top, searchTime] = timed(() => {
    const top = new Map<string, Top>();
    for (const q of set.queries) {
      // The bank knows each reference's species (here: its label), which breaks ties between species.
      const hit: Hit | undefined = search(index, q.sequence, { top: 5, groupOf: (key) => set.labelOf.get(key) })[0];
      if (hit) top.set(q.id, { ref: hit.key, identity: hit.identity });
    }
    return top;
  });
  return { top, build, search: searchTime, memoryBytes: index.memoryBytes() };
}

function measureSet(set: BenchSet, tasks: string[], blast: boolean): SetResult {
  const correctOf = (top: Map<string, Top>) => set.queries.filter((q) => { const t = top.get(q.id); return t && set.labelOf.get(t.ref) === set.labelOf.get(q.id); }).length / set.queries.length;
  const ours = runOurs(set, process.env.SEQID_K ? Number(process.env.SEQID_K) : undefined);
  const runs: BlastRun[] = [];
  if (blast) {
    const ws = blastWorkspace(set.refs, set.queries);
    try { for (const task of tasks) runs.push(ws.run(task)); } finally { ws.dispose(); }
  }
  const mega = runs.find((r) => r.task === 'megablast');
  const asTop = (r: BlastRun) => new Map([...r.top].map(([q, h]) => [q, { ref: h.sseqid, identity: h.pident }]));
  const compare = (top: Map<string, Top>) => {
    if (!mega) return { agreeMegablast: null, deltaIdentity: null, sameTop: 0 };
    let agree = 0, same = 0, delta = 0;
    for (const q of set.queries) {
      const a = top.get(q.id), b = mega.top.get(q.id);
      if (set.labelOf.get(a?.ref ?? '') === set.labelOf.get(b?.sseqid ?? '')) agree++;
      if (a && b && a.ref === b.sseqid) { same++; delta += Math.abs(a.identity - b.pident); }
    }
    return { agreeMegablast: agree / set.queries.length, deltaIdentity: same ? delta / same : null, sameTop: same };
  };
  const rows: ToolRow[] = [{ tool: 'seqid (1 thread)', correct: correctOf(ours.top), ...compare(ours.top), build: ours.build, search: ours.search, memoryBytes: ours.memoryBytes }];
  for (const r of runs) {
    const top = asTop(r);
    rows.push({ tool: `blastn -task ${r.task} (2 threads)`, correct: correctOf(top), ...compare(top), build: r.makeblastdb, search: r.blastn, memoryBytes: null });
  }
  return { name: set.name, queries: set.queries.length, refs: set.refs.length, rows };
}

export function measureSeqid(onSet?: (s: SetResult) => void): SeqidResult {
  const blast = blastVersion();
  const tasksFor = (fallback: string[]) => process.env.SEQID_BLAST_TASKS?.split(',').filter(Boolean) ?? fallback;
  const refs = Number(process.env.SEQID_REFS ?? 50_000), queries = Number(process.env.SEQID_QUERIES ?? 1_000);
  const sets: SetResult[] = [];
  const which = (process.env.SEQID_SETS ?? 'genus,species').split(',');
  const plan = [
    ['genus', () => genusSet(), tasksFor(['megablast', 'dc-megablast'])],
    ['species', () => speciesSet(refs, queries), tasksFor(['megablast'])],
  ] as const;
  for (const [name, make, tasks] of plan) {
    if (!which.includes(name)) continue;
    sets.push(measureSet(make(), tasks, blast !== null));
    onSet?.(sets[sets.length - 1]);
  }
  return { blast, sets };
}

const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)} %`);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const timing = (t: Timing) => `${secs(t.ms)}${t.cpuMs === null ? '' : ` (CPU ${secs(t.cpuMs)})`}`;

export const seqidHeader = (blast: string | null) =>
  `${blast ? `BLAST+: ${blast}` : 'blastn not found (apt-get install ncbi-blast+): seqid alone'}; ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;

export function formatSet(s: SetResult): string {
  return [`**${s.name}**: ${s.queries.toLocaleString('en')} queries × ${s.refs.toLocaleString('en')} references`, '',
    '| tool | top-1 correct | top-1 agrees with megablast | mean \\|Δ identity\\| vs megablast (same top reference, n) | index / makeblastdb, wall (CPU) | identify all queries, wall (CPU) | index memory |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...s.rows.map((x) => `| ${x.tool} | ${pct(x.correct)} | ${x.tool.startsWith('blastn -task megablast') ? '—' : pct(x.agreeMegablast)} | ${x.tool.startsWith('blastn -task megablast') || x.deltaIdentity === null ? '—' : `${x.deltaIdentity.toFixed(2)} pt (${x.sameTop})`} | ${timing(x.build)} | ${timing(x.search)} | ${x.memoryBytes === null ? '—' : `${(x.memoryBytes / 2 ** 20).toFixed(0)} MiB`} |`),
  ].join('\n');
}

export const formatSeqid = (r: SeqidResult) => [seqidHeader(r.blast), ...r.sets.map((s) => '\n' + formatSet(s))].join('\n');

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(seqidHeader(blastVersion()));
  measureSeqid((s) => console.log('\n' + formatSet(s)));
}
