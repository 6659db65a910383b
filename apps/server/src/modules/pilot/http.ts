import type { Role } from '../../platform/access/model.js';

/** Who may call the pilot routes. Visitors reach the published lists and the atlas; the rest name their roles. */
export const TASK_FORCE: readonly Role[] = ['admin', 'taskforce'];
/** Keep pilot bases, platforms, capabilities, services and equipment (a base keeps its own). */
export const BASE_KEEPERS: readonly Role[] = ['admin', 'taskforce', 'pilotBase'];
/** Post demands: enterprises (the task force may post for one). */
export const DEMAND_POSTERS: readonly Role[] = ['admin', 'taskforce', 'enterprise'];
/** Post achievements: institutes and enterprises. */
export const ACHIEVEMENT_POSTERS: readonly Role[] = ['admin', 'taskforce', 'institute', 'enterprise'];
/** Respond to a list item, talk in a response, book equipment, request one-stop services. */
export const PARTIES: readonly Role[] = ['admin', 'taskforce', 'enterprise', 'institute', 'pilotBase'];
/** Read the supervision side: funnels by party, project boards, utilisation. */
export const OVERSEERS: readonly Role[] = ['admin', 'taskforce', 'unit', 'district'];
/** Handle one-stop requests routed to their organisation. */
export const HANDLERS: readonly Role[] = ['admin', 'taskforce', 'unit', 'district'];
export const SCOPE = 'pilot:read';
export const readBy = (roles: readonly Role[]) => ({ allow: roles, scope: SCOPE });
export const SIGNED_IN = { allow: 'authenticated' as const };
export const PUBLIC = { allow: 'public' as const };
