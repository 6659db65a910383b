import { useSession, type Role } from '../../app/session';

/** Who may do what with platforms, as the server's routes name it (apps/server/src/modules/innovation/http.ts). */
export const TASK_FORCE: Role[] = ['admin', 'taskforce'];
export const PLATFORM_KEEPERS: Role[] = ['admin', 'taskforce', 'institute', 'enterprise'];

export function useInnovationRoles() {
  const { user, hasRole } = useSession();
  return { user, taskForce: hasRole(...TASK_FORCE) };
}
