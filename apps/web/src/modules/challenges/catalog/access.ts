import { useSession, type Role } from '../../../app/session';

/** Who may do what in the catalog, as the server's routes name it (modules/challenges/http.ts). */
export const TASK_FORCE: Role[] = ['admin', 'taskforce'];
export const ORGANISERS: Role[] = ['admin', 'taskforce', 'unit'];
export const NEED_RAISERS: Role[] = ['admin', 'taskforce', 'unit', 'enterprise', 'institute'];

export function useCatalogRoles() {
  const { user, hasRole } = useSession();
  return { user, taskForce: hasRole(...TASK_FORCE), organiser: hasRole(...ORGANISERS), raiser: hasRole(...NEED_RAISERS) };
}
