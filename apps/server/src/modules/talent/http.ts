import type { Role } from '../../platform/access/model.js';

/** Who may call the talent routes. Visitors reach the committee roster and the education list only. */
export const TASK_FORCE: readonly Role[] = ['admin', 'taskforce'];
/** Read the expert directory, the committee with its terms, and consultation records. */
export const DIRECTORY: readonly Role[] = ['admin', 'taskforce', 'unit', 'district', 'expert'];
/** Write experts (and import them), and record joint work: the task force and the units. */
export const EXPERT_EDITORS: readonly Role[] = ['admin', 'taskforce', 'unit'];
/** Declare conflicts: the task force for anyone, an expert for its own record (the service checks which). */
export const DECLARERS: readonly Role[] = ['admin', 'taskforce', 'expert'];
/** Record joint publications and projects: editors, and an expert on its own record. */
export const COLLABORATION_KEEPERS: readonly Role[] = ['admin', 'taskforce', 'unit', 'expert'];
/** Read the talent records (support packages included). */
export const OVERSEERS: readonly Role[] = ['admin', 'taskforce', 'unit', 'district'];
/** Keep talent records and the education list. */
export const KEEPERS: readonly Role[] = ['admin', 'taskforce', 'unit'];
export const SCOPE = 'talent:read';
export const readBy = (roles: readonly Role[]) => ({ allow: roles, scope: SCOPE });
export const PUBLIC = { allow: 'public' as const };
