import { useSession, type Role } from '../../../app/session';

/** Who may do what in the stock part, as the server's routes name it (modules/strains/http.ts). */
export const CURATORS: Role[] = ['admin', 'taskforce', 'curator'];
export const REQUESTERS: Role[] = ['admin', 'taskforce', 'curator', 'enterprise', 'institute', 'pilotBase'];
export const SHARING_READERS: Role[] = [...REQUESTERS, 'unit', 'district'];

export function useStockRoles() {
  const { user, hasRole } = useSession();
  return {
    user,
    curator: hasRole(...CURATORS),
    /** Requests for its own organisation (curators file for one). */
    requester: hasRole('enterprise', 'institute', 'pilotBase'),
    mayRequest: hasRole(...REQUESTERS),
    reader: hasRole(...SHARING_READERS),
  };
}
