import { useSession, type Role } from '../../../app/session';

/** Who may do what in the records part, as the server's routes name them (modules/strains/http.ts). */
export const CURATORS: Role[] = ['admin', 'taskforce', 'curator'];
export const DEPOSITORS: Role[] = ['admin', 'taskforce', 'curator', 'enterprise', 'institute', 'pilotBase'];
export const TASK_FORCE: Role[] = ['admin', 'taskforce'];
export const OVERSEERS: Role[] = ['admin', 'taskforce', 'unit', 'district', 'curator'];

export function useRecordsRoles() {
  const { user, hasRole } = useSession();
  return {
    user,
    curator: hasRole(...CURATORS),
    depositor: hasRole(...DEPOSITORS),
    taskForce: hasRole(...TASK_FORCE),
    overseer: hasRole(...OVERSEERS),
  };
}
