import { useSession } from '../../../app/session';
import { FACTORY_READERS, OPERATORS, OVERSEERS } from '../access';

/** Who captures EPCIS events: operators and administrators (modules/factory/http.ts CAPTURERS). */
export const CAPTURERS = [...OPERATORS, 'admin'] as const;

export function useFactoryRoles() {
  const { user, hasRole } = useSession();
  return {
    user,
    overseer: hasRole(...OVERSEERS),
    operator: hasRole(...OPERATORS),
    reader: hasRole(...FACTORY_READERS),
    capturer: hasRole(...CAPTURERS),
  };
}
