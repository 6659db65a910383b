import type { Role } from '../../platform/access/model.js';

/**
 * Who may call the strain-bank routes. Visitors read the public catalogue (a restricted strain's
 * public summary only); the services decide what more each caller sees of each strain.
 */
export const TASK_FORCE: readonly Role[] = ['admin', 'taskforce'];
/** Run the bank: deposits, checks, accessioning, stock, sequences, sharing decisions. */
export const CURATORS: readonly Role[] = ['admin', 'taskforce', 'curator'];
/** Deposit strains and request them: enterprises, institutes, pilot bases (and the bank itself). */
export const DEPOSITORS: readonly Role[] = ['admin', 'taskforce', 'curator', 'enterprise', 'institute', 'pilotBase'];
export const REQUESTERS: readonly Role[] = ['admin', 'taskforce', 'curator', 'enterprise', 'institute', 'pilotBase'];
/** Read the supervision side (indicators' records, every request). */
export const OVERSEERS: readonly Role[] = ['admin', 'taskforce', 'unit', 'district', 'curator'];
export const SCOPE = 'strains:read';
export const readBy = (roles: readonly Role[]) => ({ allow: roles, scope: SCOPE });
export const SIGNED_IN = { allow: 'authenticated' as const };
export const PUBLIC = { allow: 'public' as const };

/** Read sharing requests: requesters (their organisation's), curators and officers, and the overseers (all). */
export const SHARING_READERS: readonly Role[] = ['admin', 'taskforce', 'curator', 'enterprise', 'institute', 'pilotBase', 'unit', 'district'];

/** Identify sequences: anyone signed in, and tokens holding `strains:identify` (sequences part). */
export const IDENTIFIERS = { allow: 'authenticated' as const, scope: 'strains:identify' };
