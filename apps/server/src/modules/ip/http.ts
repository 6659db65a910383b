import type { Role } from '../../platform/access/model.js';

/** Who may call the ip routes. Visitors read rights in force; anyone signed in may report an infringement. */
export const TASK_FORCE: readonly Role[] = ['admin', 'taskforce'];
/** Record and keep rights: the task force, and users of a holder organisation (the service checks the holder). */
export const RIGHT_KEEPERS: readonly Role[] = ['admin', 'taskforce', 'enterprise', 'institute', 'pilotBase'];
/** Handle infringement reports: the task force, and unit users of the IP operations centre (the service checks the organisation). */
export const REPORT_HANDLERS: readonly Role[] = ['admin', 'taskforce', 'unit'];
export const SCOPE = 'ip:read';
export const readBy = (roles: readonly Role[]) => ({ allow: roles, scope: SCOPE });
/** Signed-in readers; a machine reads with ip:read. */
export const SIGNED_IN_READ = { allow: 'authenticated' as const, scope: SCOPE };
export const SIGNED_IN = { allow: 'authenticated' as const };
export const PUBLIC = { allow: 'public' as const };
/** Public data a machine reads: the scope names it for API tokens (a public route admits anyone anyway). */
export const PUBLIC_READ = { allow: 'public' as const, scope: SCOPE };
