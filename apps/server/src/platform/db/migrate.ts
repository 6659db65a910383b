import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './database.js';

/** apps/server/migrations, reached the same way from src/ and from dist/. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationChangedError extends Error {
  constructor(readonly file: string) {
    super(`migration ${file} was changed after it was applied; restore it and add a new migration instead`);
  }
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const text = readFileSync(dir + name, 'utf8');
      return {
        version: Number(name.slice(0, 4)),
        name,
        sql: text,
        checksum: createHash('sha256').update(text).digest('hex'),
      };
    });
}

/**
 * Applies the pending migrations, each in its own transaction together with its record.
 * An advisory lock keeps two starting servers from applying the same file twice.
 * Refuses to start when an applied file changed: the database would no longer match it.
 */
export async function migrate(db: Db, files = readMigrations()): Promise<string[]> {
  await sql`create table if not exists schema_migration (
    version integer primary key,
    name text not null,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`.execute(db);

  const applied: string[] = [];
  for (const file of files) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(727001)`.execute(trx);
      const row = await trx
        .selectFrom('schemaMigration')
        .select(['checksum', 'name'])
        .where('version', '=', file.version)
        .executeTakeFirst();
      if (row) {
        if (row.checksum !== file.checksum) throw new MigrationChangedError(file.name);
        return false;
      }
      await sql.raw(file.sql).execute(trx);
      await trx
        .insertInto('schemaMigration')
        .values({ version: file.version, name: file.name, checksum: file.checksum })
        .execute();
      return true;
    });
    if (done) applied.push(file.name);
  }
  return applied;
}
