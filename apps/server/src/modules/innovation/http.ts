import type { Role } from '../../platform/access/model.js';

/** Who may call the innovation routes. Visitors read platforms, their instruments and results. */
export const TASK_FORCE: readonly Role[] = ['admin', 'taskforce'];
/**
 * Keep a platform's description and shared instruments: the task force, and users of a host
 * organisation (institutes, universities signing in as institutes, enterprises); the service
 * checks the host.
 */
export const PLATFORM_KEEPERS: readonly Role[] = ['admin', 'taskforce', 'institute', 'enterprise'];
export const SCOPE = 'innovation:read';
export const readBy = (roles: readonly Role[]) => ({ allow: roles, scope: SCOPE });
export const PUBLIC = { allow: 'public' as const };
/** Public data a machine reads: the scope names it for API tokens (a public route admits anyone anyway). */
export const PUBLIC_READ = { allow: 'public' as const, scope: SCOPE };
