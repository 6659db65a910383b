import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, type Database } from '../platform/db/database.js';

/**
 * The databases every database test runs on: PGlite always, PostgreSQL when
 * TEST_DATABASE_URL is set (CI sets it). Each suite gets a database of its own.
 */
export interface TestDatabaseKind {
  name: 'pglite' | 'postgres';
  open(): Promise<{ database: Database; drop(): Promise<void> }>;
}

const pgliteMain = createRequire(import.meta.url).resolve('@electric-sql/pglite');
const PGLITE_VERSION = JSON.parse(readFileSync(join(dirname(pgliteMain), '..', 'package.json'), 'utf8')).version as string;

/**
 * PGlite's initdb costs seconds; a dump of a fresh cluster, kept in the temporary folder and
 * shared by the test processes, starts each suite's database in about a second instead.
 */
async function emptyClusterDump(): Promise<Blob> {
  const file = join(tmpdir(), `cqb-pglite-empty-${PGLITE_VERSION}.tar`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const pg = await PGlite.create();
  const dump = await pg.dumpDataDir('none');
  await pg.close();
  const partial = `${file}.${process.pid}.part`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
  return dump;
}

const pglite: TestDatabaseKind = {
  name: 'pglite',
  async open() {
    const database = await openDatabase({ dataDir: 'memory://', loadDataDir: await emptyClusterDump() });
    return { database, drop: () => database.close() };
  },
};

const postgres = (url: string): TestDatabaseKind => ({
  name: 'postgres',
  async open() {
    const name = `cqb_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${name}`;
    const database = await openDatabase({ url: target.toString() });
    return {
      database,
      async drop() {
        await database.close();
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  },
});

export const testDatabases: TestDatabaseKind[] = [pglite, ...(process.env.TEST_DATABASE_URL ? [postgres(process.env.TEST_DATABASE_URL)] : [])];
