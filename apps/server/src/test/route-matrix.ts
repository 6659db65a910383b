import { expect } from 'vitest';
import { ROLES, type Role } from '../platform/access/model.js';
import type { RegisteredRoute } from '../platform/http/types.js';

/**
 * What every module's role × route test shares: the callers, who a declared rule admits, the
 * order callers are tried in, and the check that the test's table is the application's routes.
 */
export type Caller = Role | 'anonymous';
export type Allow = 'public' | 'authenticated' | readonly Role[];
export const CALLERS: Caller[] = [...ROLES, 'anonymous'];

export const admits = (allow: Allow, caller: Caller) =>
  allow === 'public' || (caller !== 'anonymous' && (allow === 'authenticated' || allow.includes(caller)));

export const sendsBody = (method: string) => method !== 'GET' && method !== 'DELETE';

/** Refused callers first, on the shared objects; then admitted ones, anonymous first among them. */
export function matrixRows(allow: Allow): { caller: Caller; verdict: 'refused' | 'admitted' }[] {
  const refused = CALLERS.filter((x) => !admits(allow, x));
  const admitted = CALLERS.filter((x) => admits(allow, x)).sort((a, b) => Number(b === 'anonymous') - Number(a === 'anonymous'));
  return [...refused.map((caller) => ({ caller, verdict: 'refused' as const })), ...admitted.map((caller) => ({ caller, verdict: 'admitted' as const }))];
}

const normalise = (a: Allow | undefined) => (Array.isArray(a) ? [...a].sort() : a);

/**
 * The table covers exactly the routes the application registers under `isCovered`, each with
 * the rule it declares: a loosened (or tightened) rule fails here. No write route is public but
 * those named (a public consultation takes anyone's comment).
 */
export function expectRulesAsDeclared(routes: RegisteredRoute[], cases: { method: string; route: string; allow: Allow; scope?: string }[], isCovered: (url: string) => boolean, publicWrites: string[] = []) {
  const registered = routes.filter((r) => isCovered(r.url));
  expect(cases.map((c) => `${c.method} ${c.route}`).sort()).toEqual(registered.map((r) => `${r.method} ${r.url}`).sort());
  for (const c of cases) {
    const rule = registered.find((r) => r.method === c.method && r.url === c.route)?.access;
    const label = `${c.method} ${c.route}`;
    expect(rule, label).toBeDefined();
    expect(normalise(rule!.allow as Allow), label).toEqual(normalise(c.allow));
    expect(rule!.scope, `${label} scope`).toBe(c.scope);
  }
  expect(cases.filter((c) => c.method !== 'GET' && c.allow === 'public').map((c) => `${c.method} ${c.route}`), 'public write routes').toEqual(publicWrites);
  return registered;
}
