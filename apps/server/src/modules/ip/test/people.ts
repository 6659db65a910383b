import { systemCtx } from '../../../platform/context/ctx.js';
import { ROLES, type Role } from '../../../platform/access/model.js';
import type { Client, Harness } from '../../../test/harness.js';
import { IP_CENTRE } from '../model/labels.js';

export type Caller = Role | 'anonymous';

/**
 * The people the innovation and IP tests need: a user per role (the matrix's callers), the
 * institute's and the enterprise's organisations being hosts and holders; the unit user works at
 * the IP operations centre. Beside them: another institute (neither host nor holder), a unit user
 * of another department, and a second enterprise.
 */
export interface People {
  as: Record<Caller, Client> & { otherInstitute: Client; otherUnit: Client; otherEnterprise: Client };
  org: { institute: string; enterprise: string; otherInstitute: string; otherEnterprise: string; centre: string; department: string; pilotBase: string };
  userId: Record<string, string>;
  /** The organisation of each role's user, where it has one. */
  orgOf: Partial<Record<Role, string>>;
}

let serial = 0;
export const unique = (prefix: string) => `${prefix}-${process.pid}-${++serial}`;

export async function people(h: Harness, tag: string): Promise<People> {
  const ctx = systemCtx('test');
  const db = h.database.db;
  const org = async (kind: string, nameZh: string) => (await h.services.identity.createOrganisation(ctx, { kind, nameZh: `${nameZh}-${tag}` })).id;
  const o: People['org'] = {
    institute: await org('institute', '重庆合成生物研究院'),
    enterprise: await org('enterprise', '重庆某生物制造有限公司'),
    otherInstitute: await org('institute', '另一研究所'),
    otherEnterprise: await org('enterprise', '另一生物公司'),
    centre: (await db.selectFrom('organisation').select('id').where('kind', '=', IP_CENTRE.kind).where('nameZh', '=', IP_CENTRE.nameZh).executeTakeFirstOrThrow()).id,
    department: await org('department', '重庆市科学技术局'),
    pilotBase: await org('pilotBase', '璧山中试基地'),
  };
  const orgOf: Partial<Record<Role, string>> = { institute: o.institute, enterprise: o.enterprise, unit: o.centre, pilotBase: o.pilotBase };
  const as = { anonymous: h.anonymous } as People['as'];
  const userId: Record<string, string> = {};
  for (const role of ROLES) {
    userId[role] = await h.user(`${tag}-${role}`, [role], orgOf[role] ?? null);
    as[role] = await h.login(`${tag}-${role}`);
  }
  for (const [key, role, orgId] of [['otherInstitute', 'institute', o.otherInstitute], ['otherUnit', 'unit', o.department], ['otherEnterprise', 'enterprise', o.otherEnterprise]] as const) {
    userId[key] = await h.user(`${tag}-${key}`, [role], orgId);
    as[key] = await h.login(`${tag}-${key}`);
  }
  return { as, org: o, userId, orgOf };
}

export async function json(res: { statusCode: number; body: string; json(): any }, expected: number, what = '') {
  if (res.statusCode !== expected) throw new Error(`${what}: ${res.statusCode} ${res.body.slice(0, 400)}`);
  return res.json();
}

export const paths = (res: { json(): any }) => (res.json().error?.details ?? []).map((d: { path: string }) => d.path);
