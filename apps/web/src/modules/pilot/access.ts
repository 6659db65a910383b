import { useSession, type Role } from '../../app/session';

/** Who may do what in the pilot module, as the server's routes name it (modules/pilot/http.ts). */
export const TASK_FORCE: Role[] = ['admin', 'taskforce'];
export const BASE_KEEPERS: Role[] = ['admin', 'taskforce', 'pilotBase'];
export const DEMAND_POSTERS: Role[] = ['admin', 'taskforce', 'enterprise'];
export const ACHIEVEMENT_POSTERS: Role[] = ['admin', 'taskforce', 'institute', 'enterprise'];
export const PARTIES: Role[] = ['admin', 'taskforce', 'enterprise', 'institute', 'pilotBase'];
export const OVERSEERS: Role[] = ['admin', 'taskforce', 'unit', 'district'];
export const HANDLERS: Role[] = ['admin', 'taskforce', 'unit', 'district'];

export function usePilotRoles() {
  const { user, hasRole } = useSession();
  return {
    user,
    signedIn: !!user,
    taskForce: hasRole(...TASK_FORCE),
    baseKeeper: hasRole(...BASE_KEEPERS),
    demandPoster: hasRole(...DEMAND_POSTERS),
    achievementPoster: hasRole(...ACHIEVEMENT_POSTERS),
    party: hasRole(...PARTIES),
    overseer: hasRole(...OVERSEERS),
    handler: hasRole(...HANDLERS),
  };
}
