import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, type Database } from '../platform/db/database.js';
import { createScratchDatabase } from '../platform/db/scratch-database.js';

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
    const scratch = await createScratchDatabase(url, 'cqb_test');
    const database = await openDatabase({ url: scratch.url });
    return {
      database,
      async drop() {
        await database.close();
        await scratch.drop();
      },
    };
  },
});

export const testDatabases: TestDatabaseKind[] = [pglite, ...(process.env.TEST_DATABASE_URL ? [postgres(process.env.TEST_DATABASE_URL)] : [])];
