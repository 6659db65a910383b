import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createScratchDatabase } from './scratch-database.js';

const url = process.env.TEST_DATABASE_URL;

async function exists(name: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  } finally {
    await c.end();
  }
}

describe.skipIf(!url)('scratch databases on PostgreSQL', () => {
  it('drops the database even while a session of its own is still connected', async () => {
    const scratch = await createScratchDatabase(url!, 'cqb_scratch');
    const lingering = new pg.Client({ connectionString: scratch.url });
    await lingering.connect();
    lingering.on('error', () => {}); // ended by the drop
    expect(await exists(scratch.name)).toBe(true);
    await scratch.drop();
    expect(await exists(scratch.name)).toBe(false);
    await lingering.end().catch(() => {});
  });
});
