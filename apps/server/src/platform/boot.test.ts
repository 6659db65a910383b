import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../test/databases.js';
import type { Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { systemCtx } from './context/ctx.js';
import { ensureAdmin } from './identity/bootstrap.js';
import { authService } from './auth/service.js';
import { planService } from '../modules/plan/service.js';
import { readPlanFiles } from '../modules/plan/files.js';
import { loadDemo } from '../demo/load.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../demo/data.js';
import { ROLES } from './access/model.js';

describe.each(testDatabases)('first start on $name', (kind) => {
  let database: Database;
  let drop: () => Promise<void>;
  const signIn = (username: string, password: string) => authService(database, { sessionTtlHours: 1 }).login(systemCtx(), { username, password });

  beforeAll(async () => {
    ({ database, drop } = await kind.open());
    await migrate(database.db);
    await planService(database).seed(systemCtx('test'), readPlanFiles());
  });
  afterAll(() => drop());

  it('creates admin with a random password when ADMIN_PASSWORD is not set, returned once to be printed', async () => {
    const first = await ensureAdmin(database);
    expect(first.created).toBe(true);
    expect(first.generatedPassword).toMatch(/^[A-Za-z2-9]{20}$/);
    expect((await signIn('admin', first.generatedPassword!)).user.roles).toEqual(['admin']);
    expect(await ensureAdmin(database)).toEqual({ created: false });
    expect(await ensureAdmin(database, 'Some#other-password')).toEqual({ created: false });
  });

  // Every module's demo loader runs through its services: on a busy machine this takes longer than one test's usual 30 s.
  it('loads the demonstration data once, every record flagged, one user per role', async () => {
    const first = await loadDemo(database);
    expect(first.loaded).toBe(true);
    expect(await loadDemo(database)).toEqual({ loaded: false, records: 0 });
    const users = await database.db.selectFrom('appUser').select(['username', 'roles', 'isDemo', 'organisationId']).where('isDemo', '=', true).execute();
    // One user per role from the shared list; the module loaders add their own parties (reviewers, the IP centre …).
    expect(users.map((u) => u.username)).toEqual(expect.arrayContaining(DEMO_USERS.map((u) => u.username)));
    expect(users.every((u) => u.username.startsWith('demo.'))).toBe(true);
    expect(new Set(users.flatMap((u) => u.roles))).toEqual(new Set(ROLES.filter((r) => r !== 'admin')));
    expect(users.every((u) => u.organisationId)).toBe(true);
    const orgs = await database.db.selectFrom('organisation').select(['nameZh']).where('isDemo', '=', true).execute();
    expect(orgs.length).toBeGreaterThan(0);
    expect(orgs.every((o) => o.nameZh.includes('示例'))).toBe(true);
    expect((await signIn('demo.district', DEMO_PASSWORD)).user.isDemo).toBe(true);
  }, 180_000);
});

describe.each(testDatabases)('first start with ADMIN_PASSWORD on $name', (kind) => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await kind.open());
    await migrate(database.db);
  });
  afterAll(() => drop());

  it('creates admin with that password and prints nothing', async () => {
    expect(await ensureAdmin(database, 'Chongqing#2024cq')).toEqual({ created: true, generatedPassword: undefined });
    const r = await authService(database, { sessionTtlHours: 1 }).login(systemCtx(), { username: 'admin', password: 'Chongqing#2024cq' });
    expect(r.user.username).toBe('admin');
  });
});
