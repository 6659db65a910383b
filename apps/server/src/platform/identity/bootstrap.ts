import type { Database } from '../db/database.js';
import { systemCtx } from '../context/ctx.js';
import { randomPassword } from '../auth/passwords.js';
import { identityService } from './service.js';
import { identityStore } from './store.js';

/**
 * The first start creates `admin`. Its password comes from ADMIN_PASSWORD, or is made up
 * and returned so that the caller prints it once; it is never logged.
 */
export async function ensureAdmin(database: Database, password?: string): Promise<{ created: boolean; generatedPassword?: string }> {
  if (await identityStore.userByUsername(database.db, 'admin')) return { created: false };
  const taskForce = await identityStore.organisationByName(database.db, 'taskForce', '重庆市高新技术产业工作专班');
  const chosen = password ?? randomPassword();
  await identityService(database).createUser(systemCtx('bootstrap'), {
    username: 'admin', displayName: '系统管理员', roles: ['admin'], password: chosen, organisationId: taskForce?.id ?? null,
  });
  return { created: true, generatedPassword: password ? undefined : chosen };
}
