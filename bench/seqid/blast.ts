/**
 * NCBI BLAST+ on a benchmark set: makeblastdb, then blastn with the given task, two threads,
 * tabular output; the first line per query is its top hit (blastn sorts by e-value, then bit score).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatFasta } from '../../packages/seqid/src/index.js';
import type { Seq } from './data.js';

export interface BlastTop { sseqid: string; pident: number; length: number; qstart: number; qend: number; sstart: number; send: number; bitscore: number; qlen: number }
export interface Timing { ms: number; cpuMs: number | null }
export interface BlastRun { task: string; makeblastdb: Timing; blastn: Timing; top: Map<string, BlastTop> }

export const OUTFMT = '6 qseqid sseqid pident length mismatch gapopen qstart qend sstart send evalue bitscore qlen';

export function blastVersion(): string | null {
  const r = spawnSync('blastn', ['-version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0].trim() : null;
}

/**
 * Runs a command, its wall time measured here and its CPU time (user + system, all threads) by
 * /usr/bin/time when there is one: on a shared machine CPU time says more than wall time.
 */
function timed(dir: string, command: string, args: string[]): Timing {
  const file = join(dir, 'time.txt'), useTime = existsSync('/usr/bin/time');
  const t = performance.now();
  if (useTime) execFileSync('/usr/bin/time', ['-f', '%U %S', '-o', file, command, ...args], { stdio: 'ignore' });
  else execFileSync(command, args, { stdio: 'ignore' });
  const ms = performance.now() - t;
  if (!useTime) return { ms, cpuMs: null };
  const [user, sys] = readFileSync(file, 'utf8').trim().split(/\s+/).map(Number);
  return { ms, cpuMs: (user + sys) * 1000 };
}

/** Writes the files once per set; `run` can then be called per task. */
export function blastWorkspace(refs: Seq[], queries: Seq[]) {
  const dir = mkdtempSync(join(tmpdir(), 'seqid-bench-'));
  const refFile = join(dir, 'refs.fa'), queryFile = join(dir, 'queries.fa'), db = join(dir, 'refs');
  writeFileSync(refFile, formatFasta(refs));
  writeFileSync(queryFile, formatFasta(queries));
  let makeblastdb: Timing | null = null;
  return {
    refFile, queryFile,
    run(task: string): BlastRun {
      makeblastdb ??= timed(dir, 'makeblastdb', ['-in', refFile, '-dbtype', 'nucl', '-out', db]);
      const out = join(dir, `${task}.tsv`);
      const blastn = timed(dir, 'blastn', ['-task', task, '-query', queryFile, '-db', db, '-outfmt', OUTFMT, '-max_target_seqs', '5', '-num_threads', '2', '-out', out]);
      const top = new Map<string, BlastTop>();
      for (const line of readFileSync(out, 'utf8').split('\n')) {
        if (!line) continue;
        const f = line.split('\t');
        if (top.has(f[0])) continue;
        top.set(f[0], { sseqid: f[1], pident: Number(f[2]), length: Number(f[3]), qstart: Number(f[6]), qend: Number(f[7]), sstart: Number(f[8]), send: Number(f[9]), bitscore: Number(f[11]), qlen: Number(f[12]) });
      }
      return { task, makeblastdb, blastn, top };
    },
    dispose() { rmSync(dir, { recursive: true, force: true }); },
  };
}
