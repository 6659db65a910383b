import type { Role } from '../../platform/access/model.js';

/**
 * Who may call the safety-evaluation routes. Visitors read the public list of conclusions; the
 * services decide what more each caller sees of each evaluation.
 */
/** The evaluation body (安全评价机构): the task force and the responsible units run evaluations. */
export const BODY: readonly Role[] = ['admin', 'taskforce', 'unit'];
/** Read every evaluation and its clock: the body, and districts overseeing. */
export const OVERSEERS: readonly Role[] = ['admin', 'taskforce', 'unit', 'district'];
/** Apply for their own organisation: enterprises, institutes (and universities), pilot bases. */
export const APPLICANTS: readonly Role[] = ['enterprise', 'institute', 'pilotBase'];
/** Review what they are assigned. */
export const REVIEWERS: readonly Role[] = ['expert'];
/** Read a dossier's files: whoever may see a dossier (the service checks which one). */
export const DOSSIER_READERS: readonly Role[] = [...OVERSEERS, ...APPLICANTS, ...REVIEWERS];
export const SCOPE = 'safety:read';
export const readBy = (roles: readonly Role[]) => ({ allow: roles, scope: SCOPE });
export const PUBLIC = { allow: 'public' as const };
