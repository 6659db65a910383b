import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A throw-away database beside the one `adminUrl` names, for tests, browser tests and
 * benchmarks on PostgreSQL. The role needs CREATEDB only.
 */
export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function run(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export async function createScratchDatabase(adminUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await run(adminUrl, `create database ${name}`);
  const target = new URL(adminUrl);
  target.pathname = `/${name}`;
  return { name, url: target.toString(), drop: () => dropDatabase(adminUrl, name) };
}

/**
 * `with (force)` ends our own lingering sessions, but a role without pg_signal_backend may not
 * end an autovacuum worker that happens to be in the database (42501). A plain drop stops
 * autovacuum itself and only fails while one of our closed sessions is still exiting (55006),
 * which a short wait cures.
 */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  let force = true;
  for (let attempt = 1; ; attempt++) {
    try {
      await run(adminUrl, `drop database if exists ${name}${force ? ' with (force)' : ''}`);
      return;
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (attempt >= 40 || (code !== '42501' && code !== '55006')) throw e;
      if (code === '42501') force = false;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
