import { useSession, type Role } from '../../app/session';

/** Who may do what on the industry map, as the server's routes name it (modules/industry/http.ts). */
export const TASK_FORCE: Role[] = ['admin', 'taskforce'];
/** See roll-ups, scale, funds and the records behind the targets. */
export const READERS: Role[] = ['admin', 'taskforce', 'unit', 'district'];
/** Keep enterprise records and leads, import and download templates. */
export const MANAGERS: Role[] = ['admin', 'taskforce', 'district'];
/** See figures within their reach (an enterprise its own). */
export const FIGURE_READERS: Role[] = ['admin', 'taskforce', 'unit', 'district', 'enterprise'];

export function useIndustryRoles() {
  const { user, hasRole } = useSession();
  return {
    user,
    signedIn: !!user,
    taskForce: hasRole(...TASK_FORCE),
    reader: hasRole(...READERS),
    manager: hasRole(...MANAGERS),
    figureReader: hasRole(...FIGURE_READERS),
    /** The task force and the municipal units see every district; a district sees its own. */
    allDistricts: hasRole('admin', 'taskforce', 'unit'),
  };
}
