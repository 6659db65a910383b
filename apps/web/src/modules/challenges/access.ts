import { useSession, type Role, type User } from '../../app/session';

/** Who may do what in the challenges module, as the server's routes name it (modules/challenges/http.ts). */
export const TASK_FORCE: Role[] = ['admin', 'taskforce'];
export const ORGANISERS: Role[] = ['admin', 'taskforce', 'unit'];
export const APPLICANTS: Role[] = ['admin', 'taskforce', 'enterprise', 'institute'];
export const REVIEWERS: Role[] = ['expert'];
export const OVERSEERS: Role[] = ['admin', 'taskforce', 'unit', 'district'];

export function useChallengeRoles() {
  const { user, hasRole } = useSession();
  return {
    user: user ?? null,
    signedIn: !!user,
    taskForce: hasRole(...TASK_FORCE),
    organiser: hasRole(...ORGANISERS),
    applicant: hasRole(...APPLICANTS),
    reviewer: hasRole(...REVIEWERS),
    overseer: hasRole(...OVERSEERS),
  };
}

/**
 * Whether the caller runs a challenge (formal check, assignment, ranking, notice): the server's
 * `may.run`, which it gives to organisers and overseers; anyone else does not run it.
 */
export function runsChallenge(c: { may?: { run?: boolean } }) {
  return c.may?.run === true;
}
