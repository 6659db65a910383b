import { useApi } from '../../app/useApi';
import type { User } from '../../app/session';

/** Shapes of the identity API (apps/server/src/platform/identity/routes.ts). */
export type { User };

export interface Organisation {
  id: string;
  kind: string;
  nameZh: string;
  nameEn: string | null;
  districtCode: string | null;
  creditCode: string | null;
  isDemo: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ApiToken {
  id: string;
  userId: string;
  username?: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  /** The secret, present once: in the answer to its creation. */
  token?: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

type Names = Record<string, { zh: string; en: string }>;
export interface Meta {
  roles: Names;
  organisationKinds: Names;
  scopes: Names;
}

export const useMeta = () => useApi<Meta>('/api/meta', { cached: true });

export type TokenState = 'active' | 'revoked' | 'expired';
export const tokenState = (tk: ApiToken, now = Date.now()): TokenState =>
  tk.revokedAt ? 'revoked' : tk.expiresAt && new Date(tk.expiresAt).getTime() <= now ? 'expired' : 'active';

/** The fields an audit entry changed, for a readable timeline (not a raw JSON diff). */
export function changedFields(before: unknown, after: unknown): { field: string; from: unknown; to: unknown }[] {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return [];
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const skip = new Set(['updatedAt', 'createdAt', 'id', 'passwordHash']);
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => !skip.has(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => ({ field: k, from: b[k], to: a[k] }));
}
