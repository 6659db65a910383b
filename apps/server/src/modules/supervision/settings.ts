import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { DEFAULT_STATUS_SETTINGS, type StatusSettings } from './model/status.js';

/** The task force's knobs for supervision, with the defaults the issue sets. */
export interface SupervisionSettings extends StatusSettings {
  /** Days before a deadline when the owner is reminded (default 3). */
  reminderDaysBefore: number;
}

export const DEFAULT_SETTINGS: SupervisionSettings = { ...DEFAULT_STATUS_SETTINGS, reminderDaysBefore: 3 };
const KEY = 'supervision';

export async function readSettings(db: Kysely<DB>): Promise<SupervisionSettings> {
  const row = await db.selectFrom('supervisionSetting').select('value').where('key', '=', KEY).executeTakeFirst();
  return { ...DEFAULT_SETTINGS, ...(row?.value as Partial<SupervisionSettings> | undefined) };
}

export async function writeSettings(db: Kysely<DB>, s: SupervisionSettings) {
  const value = JSON.stringify(s);
  await db.insertInto('supervisionSetting').values({ key: KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedAt: new Date() })).execute();
}
