import type { Role } from '../../platform/access/model.js';

/** Who may call the industry routes. Visitors reach the public ones; everything else names its roles. */
export const TASK_FORCE: readonly Role[] = ['admin', 'taskforce'];
/** See roll-ups, figures and funds. */
export const READERS: readonly Role[] = ['admin', 'taskforce', 'unit', 'district'];
/** Keep enterprise records and leads: the task force and districts. */
export const MANAGERS: readonly Role[] = ['admin', 'taskforce', 'district'];
/** Edit a profile and report figures: managers and the enterprise itself. */
export const EDITORS: readonly Role[] = ['admin', 'taskforce', 'district', 'enterprise'];
export const FIGURE_READERS: readonly Role[] = ['admin', 'taskforce', 'unit', 'district', 'enterprise'];
export const SCOPE = 'industry:read';
export const readBy = (roles: readonly Role[]) => ({ allow: roles, scope: SCOPE });
export const PUBLIC = { allow: 'public' as const };
