import { mkdirSync } from 'node:fs';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGliteDialect } from './pglite-dialect.js';
import { parsers } from './types.js';
import type { DB } from './schema.js';

export type Db = Kysely<DB>;

export interface Database {
  readonly db: Db;
  readonly dialect: 'pglite' | 'postgres';
  /** A human description without secrets, for logs. */
  readonly describe: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… ; when absent the embedded database is used. */
  url?: string;
  /** Folder of the embedded database; 'memory://' keeps it in memory (tests). */
  dataDir?: string;
  /** Start the embedded database from a dump of another (PGlite's dumpDataDir), skipping initdb. */
  loadDataDir?: Blob;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url);
  return openPglite(options.dataDir ?? './data/db', options.loadDataDir);
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(inMemory ? undefined : dataDir, {
    extensions: { btree_gist, pg_trgm },
    parsers,
    loadDataDir,
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite), plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })] });
  return {
    db,
    dialect: 'pglite',
    describe: inMemory ? 'PGlite (in memory)' : `PGlite (${dataDir})`,
    close: () => db.destroy(),
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })] });
  const safe = new URL(url);
  return {
    db,
    dialect: 'postgres',
    describe: `PostgreSQL (${safe.hostname}:${safe.port || 5432}${safe.pathname})`,
    close: () => db.destroy(),
  };
}
