import { useSession, type Role } from '../../app/session';

/** Who may do what with IP, as the server's routes name it (apps/server/src/modules/ip/http.ts); the server checks the holder and the centre. */
export const RIGHT_KEEPERS: Role[] = ['admin', 'taskforce', 'enterprise', 'institute', 'pilotBase'];
export const REPORT_HANDLERS: Role[] = ['admin', 'taskforce', 'unit'];

export function useIpRoles() {
  const { user, hasRole } = useSession();
  return { user, signedIn: !!user, taskForce: hasRole('admin', 'taskforce'), keeper: hasRole(...RIGHT_KEEPERS), handler: hasRole(...REPORT_HANDLERS) };
}
