import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { sql } from 'kysely';
import { testDatabases } from '../../test/databases.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { audit, canonical, GENESIS_HASH } from './audit.js';
import { verifyAuditChain } from './verify.js';
import type { Ctx } from '../context/ctx.js';

const ctx: Ctx = { principal: { userId: '00000000-0000-4000-8000-000000000001', username: 'tester', displayName: 't', organisationId: null, roles: ['admin'], via: 'session', scopes: null }, requestId: 'req-1' };

async function write(database: Database, n: number) {
  for (let i = 0; i < n; i++)
    await database.db.transaction().execute((trx) => audit(trx, ctx, { action: 'thing.update', entityType: 'thing', entityId: String(i), summary: `第 ${i} 次`, before: { n: i }, after: { n: i + 1, at: new Date(0) } }));
}

describe('canonical JSON', () => {
  it('sorts keys so that a row hashes the same after a round trip through jsonb', () => {
    expect(canonical({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
  });
});

describe.each(testDatabases)('the audit chain on $name', (kind) => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await kind.open());
    await migrate(database.db);
  });
  afterAll(() => drop());

  it('records actor, action, entity, before/after and request id, each row chained to the one before', async () => {
    await write(database, 5);
    const rows = await database.db.selectFrom('auditLog').selectAll().orderBy('id').execute();
    expect(rows).toHaveLength(5);
    expect(rows[0].prevHash).toBe(GENESIS_HASH);
    expect(rows[1].prevHash).toBe(rows[0].hash);
    expect(rows[2]).toMatchObject({ actorName: 'tester', action: 'thing.update', entityType: 'thing', entityId: '2', requestId: 'req-1', before: { n: 2 }, after: { n: 3, at: '1970-01-01T00:00:00.000Z' } });
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, rows: 5 });
  });

  it('keeps one chain when writers run concurrently', async () => {
    await Promise.all([write(database, 5), write(database, 5), write(database, 5)]);
    expect(await verifyAuditChain(database.db, 4)).toEqual({ ok: true, rows: 20 });
  });

  it('is rolled back with the write it records', async () => {
    await expect(database.db.transaction().execute(async (trx) => {
      await audit(trx, ctx, { action: 'thing.create', entityType: 'thing', entityId: 'x' });
      throw new Error('use case failed');
    })).rejects.toThrow('use case failed');
    expect(await database.db.selectFrom('auditLog').select('id').where('entityId', '=', 'x').executeTakeFirst()).toBeUndefined();
  });

  it('names the first altered row', async () => {
    const third = await database.db.selectFrom('auditLog').select('id').orderBy('id').offset(2).limit(1).executeTakeFirstOrThrow();
    await sql`update audit_log set summary = 'forged' where id = ${third.id}`.execute(database.db);
    const r = await verifyAuditChain(database.db);
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toEqual({ id: third.id, reason: expect.stringContaining('altered') });
  });

  it('names the row after a deleted one', async () => {
    await sql`delete from audit_log where id = (select min(id) from audit_log)`.execute(database.db);
    const r = await verifyAuditChain(database.db);
    expect(r.firstBroken?.reason).toContain('prev_hash');
  });
});

describe('npm run audit:verify', () => {
  const run = promisify(execFile);
  const cli = (dataDir: string) =>
    run(process.execPath, ['--conditions=source', '--import', 'tsx', 'apps/server/src/cli/biomfg.ts', 'audit', 'verify'], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } })
      .then((r) => ({ code: 0, out: r.stdout }), (e) => ({ code: e.code as number, out: String(e.stderr) }));

  it('exits 0 on an intact chain and 1 naming the first broken row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cqb-audit-'));
    let database = await openDatabase({ dataDir: dir });
    await migrate(database.db);
    await write(database, 3);
    await database.close();
    const ok = await cli(dir);
    expect(ok).toMatchObject({ code: 0, out: expect.stringContaining('3 rows') });

    database = await openDatabase({ dataDir: dir });
    const second = await database.db.selectFrom('auditLog').select('id').orderBy('id').offset(1).limit(1).executeTakeFirstOrThrow();
    await sql`update audit_log set after = '{"n": 99}' where id = ${second.id}`.execute(database.db);
    await database.close();
    const broken = await cli(dir);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`row ${second.id}`);
  }, 60_000);
});
