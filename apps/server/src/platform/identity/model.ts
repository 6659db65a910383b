import { ROLES, type Role } from '../access/model.js';
import type { ErrorDetail } from '../http/errors.js';

export const ORGANISATION_KINDS = ['taskForce', 'department', 'district', 'enterprise', 'institute', 'university', 'pilotBase', 'bank', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND_NAMES: Record<OrganisationKind, { zh: string; en: string }> = {
  taskForce: { zh: '工作专班', en: 'Task force' },
  department: { zh: '市级部门', en: 'Municipal department' },
  district: { zh: '区县政府', en: 'District government' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  institute: { zh: '科研院所', en: 'Research institute' },
  university: { zh: '高校', en: 'University' },
  pilotBase: { zh: '中试基地', en: 'Pilot base' },
  bank: { zh: '资源库', en: 'Resource bank' },
  other: { zh: '其他', en: 'Other' },
};

export const USERNAME_PATTERN = '^[a-zA-Z0-9_.-]{3,40}$';
export const PASSWORD_MIN = 10;

/** Rules a password must meet; returns what is wrong, in both languages. */
export function passwordProblems(password: string, username?: string): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (password.length < PASSWORD_MIN) out.push({ path: '/password', message: `密码至少 ${PASSWORD_MIN} 位（At least ${PASSWORD_MIN} characters）` });
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    out.push({ path: '/password', message: '密码不能包含用户名（Must not contain the username）' });
  return out;
}

export const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

/** Lockout policy: 5 failures in a row lock the account for 15 minutes. */
export const LOCKOUT = { maxFailures: 5, minutes: 15 };

export function afterFailedLogin(failedLogins: number, now: Date): { failedLogins: number; lockedUntil: Date | null } {
  const n = failedLogins + 1;
  return n >= LOCKOUT.maxFailures
    ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT.minutes * 60_000) }
    : { failedLogins: n, lockedUntil: null };
}
