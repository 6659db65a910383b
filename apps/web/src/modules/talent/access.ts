import { useSession, type Role } from '../../app/session';

/** Who may do what in the talent module, as the server's routes name it (modules/talent/http.ts). */
export const TASK_FORCE: Role[] = ['admin', 'taskforce'];
export const DIRECTORY: Role[] = ['admin', 'taskforce', 'unit', 'district', 'expert'];
export const EXPERT_EDITORS: Role[] = ['admin', 'taskforce', 'unit'];
export const OVERSEERS: Role[] = ['admin', 'taskforce', 'unit', 'district'];
export const KEEPERS: Role[] = ['admin', 'taskforce', 'unit'];

export function useTalentRoles() {
  const { user, hasRole } = useSession();
  return {
    user,
    taskForce: hasRole(...TASK_FORCE),
    directory: hasRole(...DIRECTORY),
    editor: hasRole(...EXPERT_EDITORS),
    overseer: hasRole(...OVERSEERS),
    keeper: hasRole(...KEEPERS),
    expert: hasRole('expert'),
  };
}
