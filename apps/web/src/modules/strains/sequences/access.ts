import { useSession } from '../../../app/session';
import { CURATORS } from '../stock/access';

/** Who does what on the sequence pages, as the server's routes name it (modules/strains/http.ts). */
export function useSequenceRoles() {
  const { user, hasRole } = useSession();
  return { user, signedIn: !!user, curator: hasRole(...CURATORS) };
}
