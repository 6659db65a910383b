/**
 * Cold start to ready: spawns the built server (apps/server/dist/main.js) and times the walk
 * from process start to the first 200 from /readyz. The first start on a new embedded
 * database includes initdb, migrations and the plan's seed; later starts reopen it.
 * With BENCH_DATABASE_URL the same is measured on PostgreSQL (a fresh database each run).
 *
 *   npm run build && node --import tsx bench/startup.ts
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScratchDatabase } from '../apps/server/src/platform/db/scratch-database.js';

const MAIN = fileURLToPath(new URL('../apps/server/dist/main.js', import.meta.url));

const freePort = () => new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address() as { port: number }; s.close(() => resolve(port)); });
});

/** Milliseconds from spawn to a ready server; the process is stopped afterwards. */
export async function timeStart(env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ADMIN_PASSWORD: 'Bench#password-2024' }, stdio: 'ignore' });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return performance.now() - started;
      } catch { /* not yet listening */ }
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export interface StartupFigures { database: string; firstMs: number; laterMs: number[] }

export async function measureStartup(laterRuns = 5): Promise<StartupFigures[]> {
  const out: StartupFigures[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'cqb-bench-start-'));
  try {
    const env = { DATA_DIR: join(dir, 'db'), DATABASE_URL: '' };
    const firstMs = await timeStart(env);
    const laterMs: number[] = [];
    for (let i = 0; i < laterRuns; i++) laterMs.push(await timeStart(env));
    out.push({ database: 'PGlite (embedded)', firstMs, laterMs });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.BENCH_DATABASE_URL;
  if (url) {
    const scratch = await createScratchDatabase(url, 'cqb_bench');
    try {
      const env = { DATABASE_URL: scratch.url };
      const firstMs = await timeStart(env);
      const laterMs: number[] = [];
      for (let i = 0; i < laterRuns; i++) laterMs.push(await timeStart(env));
      out.push({ database: 'PostgreSQL', firstMs, laterMs });
    } finally {
      await scratch.drop();
    }
  }
  return out;
}

export function formatStartup(rows: StartupFigures[]): string {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const lines = ['| database | first start (migrate + seed) | later starts, median | later starts, max |', '| --- | ---: | ---: | ---: |'];
  for (const r of rows) lines.push(`| ${r.database} | ${(r.firstMs / 1000).toFixed(2)} s | ${(median(r.laterMs) / 1000).toFixed(2)} s | ${(Math.max(...r.laterMs) / 1000).toFixed(2)} s |`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatStartup(await measureStartup()));
}
