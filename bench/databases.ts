/**
 * What the benchmarks share: run a measurement on embedded PGlite and, when
 * BENCH_DATABASE_URL is set, on a fresh PostgreSQL database dropped afterwards; time a request.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../apps/server/src/platform/db/database.js';
import { createScratchDatabase } from '../apps/server/src/platform/db/scratch-database.js';

/**
 * `embedded: 'disk'` keeps PGlite's files in a fresh folder, as the server does (DATA_DIR), instead
 * of in memory. Write-heavy benchmarks use it: the in-memory file system copies a whole table file
 * each time it grows, a cost the product never pays.
 */
export async function onEachDatabase<T>(measureOn: (name: string, database: Database) => Promise<T>, options: { embedded?: 'memory' | 'disk' } = {}): Promise<T[]> {
  const out: T[] = [];
  const dir = options.embedded === 'disk' ? mkdtempSync(join(tmpdir(), 'cqb-bench-')) : null;
  const pglite = await openDatabase({ dataDir: dir ?? 'memory://' });
  try { out.push(await measureOn(dir ? 'PGlite (embedded, on disk)' : 'PGlite (embedded)', pglite)); } finally {
    await pglite.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.BENCH_DATABASE_URL;
  if (url) {
    const scratch = await createScratchDatabase(url, 'cqb_bench');
    const database = await openDatabase({ url: scratch.url });
    try { out.push(await measureOn('PostgreSQL', database)); } finally {
      await database.close();
      await scratch.drop();
    }
  }
  return out;
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** n timed runs after 5 warm-up runs; any answer but 200 stops the benchmark. */
export async function time(run: (i: number) => Promise<{ statusCode: number; body?: string }>, n: number) {
  for (let i = 0; i < 5; i++) await run(i);
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await run(i);
    xs.push(performance.now() - t);
    if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode} ${res.body?.slice(0, 200) ?? ''}`);
  }
  xs.sort((a, b) => a - b);
  return { n, p50: pct(xs, 50), p95: pct(xs, 95), p99: pct(xs, 99), max: xs[xs.length - 1] };
}

export type Timing = Awaited<ReturnType<typeof time>>;

export const timingTable = (rows: ({ what: string } & Timing)[]) => [
  '| request | n | p50 ms | p95 ms | p99 ms | max ms |', '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((x) => `| ${x.what} | ${x.n} | ${x.p50.toFixed(1)} | ${x.p95.toFixed(1)} | ${x.p99.toFixed(1)} | ${x.max.toFixed(1)} |`),
];
