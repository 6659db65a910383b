/**
 * Starts the built server (it builds nothing itself) on a free port with a fresh database:
 * a temporary PGlite folder, or, when E2E_DATABASE_URL is set, a new PostgreSQL database
 * created beside it and dropped afterwards. Waits for /readyz and for the web app at /,
 * hands the address to the tests, and stops the server when they are done.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { createScratchDatabase } from '../apps/server/src/platform/db/scratch-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    adminPassword: string;
  }
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// E2E_SERVER runs the tests against another build of the server (its main.js).
const SERVER = process.env.E2E_SERVER ?? join(ROOT, 'apps/server/dist/main.js');
const WEB_INDEX = join(ROOT, 'apps/web/dist/index.html');
export const ARTIFACTS = join(ROOT, 'e2e/artifacts');
const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD ?? `E2e#Cq-${randomBytes(6).toString('hex')}`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** A database of the run's own on the PostgreSQL server, when the role may create one. */
async function postgresDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  try {
    return await createScratchDatabase(url, 'cqb_e2e');
  } catch (e) {
    console.warn(`[e2e] could not create a database of its own (${(e as Error).message}); using E2E_DATABASE_URL as it is`);
    return { url, drop: async () => {} };
  }
}

async function waitUntilReady(baseURL: string, server: ChildProcess, log: () => string) {
  const deadline = Date.now() + 90_000;
  let exited: number | null = null;
  server.once('exit', (code) => (exited = code ?? -1));
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`The server exited (code ${exited}) before it was ready:\n${log()}`);
    try {
      const res = await fetch(`${baseURL}/readyz`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server was not ready within 90 s:\n${log()}`);
}

export default async function setup(project: TestProject) {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build -w apps/server\` first`);
  if (!existsSync(WEB_INDEX)) throw new Error(`${WEB_INDEX} is missing: run \`npm run build -w apps/web\` first`);
  mkdirSync(ARTIFACTS, { recursive: true });

  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'cqb-e2e-'));
  const pgDb = process.env.E2E_DATABASE_URL ? await postgresDatabase(process.env.E2E_DATABASE_URL) : null;

  const logFile = join(ARTIFACTS, 'server.log');
  const logStream = createWriteStream(logFile);
  let tail = '';
  const server = spawn(process.execPath, [SERVER], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: pgDb?.url ?? '',
      ADMIN_PASSWORD,
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
      DEMO: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    logStream.write(chunk);
    tail = (tail + chunk.toString()).slice(-4000);
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);

  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    logStream.end();
    rmSync(dataDir, { recursive: true, force: true });
    await pgDb?.drop();
  };

  try {
    await waitUntilReady(baseURL, server, () => tail);
    const home = await fetch(`${baseURL}/`);
    const body = await home.text();
    if (!home.ok || !body.includes('<div id="root">')) {
      throw new Error(`The server does not serve the web app at / (HTTP ${home.status}): ${body.slice(0, 300)}`);
    }
  } catch (e) {
    await stop();
    throw e;
  }

  project.provide('baseURL', baseURL);
  project.provide('adminPassword', ADMIN_PASSWORD);
  return stop;
}
