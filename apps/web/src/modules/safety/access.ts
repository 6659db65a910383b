import { useSession, type Role } from '../../app/session';

/** Who may do what in safety evaluation, as the server's routes name it (apps/server/src/modules/safety/http.ts). */
export const BODY: Role[] = ['admin', 'taskforce', 'unit'];
export const OVERSEERS: Role[] = ['admin', 'taskforce', 'unit', 'district'];
export const APPLICANTS: Role[] = ['enterprise', 'institute', 'pilotBase'];
export const REVIEWERS: Role[] = ['expert'];

export function useSafetyRoles() {
  const { user, hasRole } = useSession();
  return { user, body: hasRole(...BODY), overseer: hasRole(...OVERSEERS), applicant: hasRole(...APPLICANTS), reviewer: hasRole(...REVIEWERS) };
}
