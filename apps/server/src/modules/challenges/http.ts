import type { Role } from '../../platform/access/model.js';

/** Who may call the challenges routes. Visitors read open challenges, awards and accepted results. */
export const TASK_FORCE: readonly Role[] = ['admin', 'taskforce'];
/** Run challenges (post, formal check, assign reviewers, notice, award, milestones, tranches): the task force and departments (units). */
export const ORGANISERS: readonly Role[] = ['admin', 'taskforce', 'unit'];
/** Raise technology needs: enterprises, institutes, units (and the task force). */
export const NEED_RAISERS: readonly Role[] = ['admin', 'taskforce', 'unit', 'enterprise', 'institute'];
/** Apply to challenges as a consortium lead: enterprises and institutes (universities sign in as institutes). */
export const APPLICANTS: readonly Role[] = ['admin', 'taskforce', 'enterprise', 'institute'];
/** Review what they are assigned. */
export const REVIEWERS: readonly Role[] = ['expert'];
/** Read the supervision side (all applications, scores after the notice, ledgers). */
export const OVERSEERS: readonly Role[] = ['admin', 'taskforce', 'unit', 'district'];
export const SCOPE = 'challenges:read';
export const readBy = (roles: readonly Role[]) => ({ allow: roles, scope: SCOPE });
export const SIGNED_IN = { allow: 'authenticated' as const };
export const PUBLIC = { allow: 'public' as const };
/** Read an award's delivery record: organisers, overseers, and the team (the service admits only the team's organisations). */
export const AWARD_READERS: readonly Role[] = ['admin', 'taskforce', 'unit', 'district', 'enterprise', 'institute'];
/** Record an award's outputs: organisers and the team's lead organisation (the service checks it is the lead). */
export const OUTPUT_RECORDERS: readonly Role[] = ['admin', 'taskforce', 'unit', 'enterprise', 'institute'];
