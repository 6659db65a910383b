import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { sql } from 'kysely';
import { testDatabases } from '../../test/databases.js';
import type { Database } from './database.js';
import { migrate, MigrationChangedError, readMigrations } from './migrate.js';

function folder(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'cqb-mig-')) + '/';
  for (const [name, text] of Object.entries(files)) writeFileSync(dir + name, text);
  return dir;
}

describe.each(testDatabases)('migrations on $name', (kind) => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => ({ database, drop } = await kind.open()));
  afterAll(() => drop());

  it('applies numbered files in order, once, and records each with its checksum', async () => {
    const dir = folder({ '0001_a.sql': 'create table a (x int);', '0002_b.sql': 'create table b (y int); insert into b values (1), (2);' });
    expect(await migrate(database.db, readMigrations(dir))).toEqual(['0001_a.sql', '0002_b.sql']);
    expect(await migrate(database.db, readMigrations(dir))).toEqual([]);
    const rows = await database.db.selectFrom('schemaMigration').select(['version', 'checksum']).orderBy('version').execute();
    expect(rows.map((r) => r.version)).toEqual([1, 2]);
    expect(rows[0].checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses to start when an applied migration file was changed afterwards', async () => {
    const dir = folder({ '0001_a.sql': 'create table a (x int, changed int);', '0002_b.sql': 'create table b (y int); insert into b values (1), (2);' });
    await expect(migrate(database.db, readMigrations(dir))).rejects.toBeInstanceOf(MigrationChangedError);
    await expect(migrate(database.db, readMigrations(dir))).rejects.toThrow(/0001_a\.sql was changed/);
  });

  it('rolls a failing migration back whole, leaving nothing half-applied', async () => {
    const dir = folder({
      '0001_a.sql': 'create table a (x int);', '0002_b.sql': 'create table b (y int); insert into b values (1), (2);',
      '0003_bad.sql': 'create table c (z int); insert into nowhere values (1);',
    });
    await expect(migrate(database.db, readMigrations(dir))).rejects.toThrow();
    const c = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name = 'c'`.execute(database.db);
    expect(c.rows[0].n).toBe(0);
    expect(await database.db.selectFrom('schemaMigration').select('version').where('version', '=', 3).executeTakeFirst()).toBeUndefined();
  });
});

describe.each(testDatabases)('the platform schema on $name', (kind) => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => ({ database, drop } = await kind.open()));
  afterAll(() => drop());

  it('migrates a new database from nothing', async () => {
    const applied = await migrate(database.db);
    expect(applied[0]).toBe('0001_platform.sql');
    expect(applied).toEqual(readMigrations().map((m) => m.name));
  });
});
