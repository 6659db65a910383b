import { expect } from 'vitest';
import { systemCtx } from '../../../platform/context/ctx.js';
import { ROLES, type Role } from '../../../platform/access/model.js';
import type { Client, Harness } from '../../../test/harness.js';

export type TalentCaller = Role | 'anonymous';

/**
 * The people the talent tests need: a user per role (the matrix's callers) — the `expert` user
 * linked to its own expert record — and a second expert account linked to another record, to
 * try "an expert keeps its own record only" with. Organisations: a university, an enterprise,
 * a department for the unit and 璧山's district government.
 */
export interface TalentPeople {
  as: Record<TalentCaller, Client> & { otherExpert: Client };
  userId: Record<Role | 'otherExpert', string>;
  org: { university: string; enterprise: string; unit: string; district: string; institute: string };
  /** Expert records: the `expert` user's own, the other expert account's, and one with no account. */
  experts: { own: string; other: string; free: string };
}

let n = 0;
export const unique = (prefix: string) => `${prefix}-${process.pid}-${++n}`;

export async function json(res: { statusCode: number; body: string; json(): any }, expected: number, what: string) {
  if (res.statusCode !== expected) throw new Error(`${what}: ${res.statusCode} ${res.body.slice(0, 400)}`);
  return res.json();
}

export const expertBody = (extra: Record<string, unknown> = {}) => ({
  nameZh: unique('专家'), titleZh: '教授', organisationZh: '重庆某研究所（文字）', fields: ['发酵工程', '合成生物学'], domains: ['biochem'], maxLoad: 5, contactZh: '138-0000-0000', ...extra,
});

export async function talentPeople(h: Harness): Promise<TalentPeople> {
  const tag = `${process.pid}-t${++n}`;
  const ctx = systemCtx('test');
  const db = h.database.db;
  const org = async (kind: string, nameZh: string) => (await h.services.identity.createOrganisation(ctx, { kind, nameZh: `${nameZh}-${tag}`, districtCode: kind === 'department' ? null : '500120' })).id;
  const orgs: TalentPeople['org'] = {
    university: (await db.selectFrom('organisation').select('id').where('kind', '=', 'university').where('nameZh', '=', '重庆大学').executeTakeFirstOrThrow()).id,
    enterprise: await org('enterprise', '重庆璧山合成生物有限公司'),
    institute: await org('institute', '重庆生物制造研究院'),
    unit: await org('department', '重庆市科学技术局'),
    district: (await db.selectFrom('organisation').select('id').where('kind', '=', 'district').where('districtCode', '=', '500120').executeTakeFirstOrThrow()).id,
  };
  const orgOf: Partial<Record<Role, string>> = { unit: orgs.unit, district: orgs.district, enterprise: orgs.enterprise, institute: orgs.institute, pilotBase: orgs.enterprise, curator: orgs.institute, expert: orgs.university };
  const as = { anonymous: h.anonymous } as TalentPeople['as'];
  const userId = {} as TalentPeople['userId'];
  for (const role of [...ROLES, 'otherExpert'] as const) {
    const roles: Role[] = role === 'otherExpert' ? ['expert'] : [role];
    userId[role] = await h.user(`talent-${role}-${tag}`, roles, role === 'otherExpert' ? orgs.university : orgOf[role as Role] ?? null);
    as[role] = await h.login(`talent-${role}-${tag}`);
  }
  const mk = async (extra: Record<string, unknown>) => (await json(await as.taskforce.post('/api/talent/experts', expertBody(extra)), 201, 'expert')).id as string;
  const experts = {
    own: await mk({ organisationId: orgs.university, fields: ['酶工程'] }),
    other: await mk({ organisationId: orgs.institute, fields: ['分离纯化'] }),
    free: await mk({ fields: ['生物医药'] }),
  };
  await json(await as.taskforce.put(`/api/talent/experts/${experts.own}/account`, { userId: userId.expert }), 200, 'link own');
  await json(await as.taskforce.put(`/api/talent/experts/${experts.other}/account`, { userId: userId.otherExpert }), 200, 'link other');
  return { as, userId, org: orgs, experts };
}

export const paths = (res: { json(): any }) => res.json().error.details.map((d: { path: string }) => d.path);
export const expectPaths = (res: { statusCode: number; body: string; json(): any }, status: number, p: string[]) => {
  expect(res.statusCode, res.body).toBe(status);
  expect(paths(res)).toEqual(p);
};
