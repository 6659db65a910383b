import { systemCtx } from '../../../platform/context/ctx.js';
import type { Role } from '../../../platform/access/model.js';
import type { Client, Harness } from '../../../test/harness.js';

/** 璧山, where the fixture's organisations, district user and bases are. */
export const BISHAN = '500120';
/** 渝北, another district. */
export const YUBEI = '500112';

export type PilotCaller = Role | 'anonymous';

/**
 * The people the pilot tests need: a user per role (the matrix's callers, `district` being
 * 璧山's), each with an organisation of its kind — enterprise, institute, pilot base — and
 * beside them a keeper of another pilot-base organisation, another enterprise and a university,
 * to try the object rules with. Visitors are `anonymous`.
 */
export interface PilotPeople {
  as: Record<PilotCaller, Client> & { otherBase: Client; otherEnterprise: Client; university: Client };
  org: {
    taskForce: string; unit: string; district: string; enterprise: string; institute: string; university: string;
    pilotBase: string; otherBase: string; otherEnterprise: string;
  };
  userId: Record<Role | 'otherBase' | 'otherEnterprise' | 'university', string>;
}

let n = 0;
let serial = 0;
/** A name no other call has used (organisation names are unique per kind). */
export const unique = (prefix: string) => `${prefix}-${process.pid}-${++serial}`;

export async function pilotPeople(h: Harness): Promise<PilotPeople> {
  const tag = `${process.pid}-p${++n}`;
  const ctx = systemCtx('test');
  const db = h.database.db;
  const org = async (kind: string, nameZh: string, districtCode: string | null = BISHAN) =>
    (await h.services.identity.createOrganisation(ctx, { kind, nameZh: `${nameZh}-${tag}`, districtCode })).id;
  const orgs: PilotPeople['org'] = {
    taskForce: (await db.selectFrom('organisation').select('id').where('kind', '=', 'taskForce').executeTakeFirstOrThrow()).id,
    unit: await org('department', '重庆市科学技术局', null),
    district: (await db.selectFrom('organisation').select('id').where('kind', '=', 'district').where('districtCode', '=', BISHAN).executeTakeFirstOrThrow()).id,
    enterprise: await org('enterprise', '重庆璧山合成生物有限公司'),
    institute: await org('institute', '重庆生物制造研究院'),
    university: await org('university', '重庆某大学'),
    pilotBase: await org('pilotBase', '重庆璧山生物制造中试基地运营有限公司'),
    otherBase: await org('pilotBase', '两江生物医药中试平台有限公司', YUBEI),
    otherEnterprise: await org('enterprise', '重庆渝北生物科技有限公司', YUBEI),
  };
  const people: [keyof PilotPeople['userId'], Role[], string | null][] = [
    ['admin', ['admin'], orgs.taskForce], ['taskforce', ['taskforce'], orgs.taskForce], ['unit', ['unit'], orgs.unit],
    ['district', ['district'], orgs.district], ['enterprise', ['enterprise'], orgs.enterprise], ['institute', ['institute'], orgs.institute],
    ['pilotBase', ['pilotBase'], orgs.pilotBase], ['curator', ['curator'], orgs.institute], ['expert', ['expert'], null],
    ['otherBase', ['pilotBase'], orgs.otherBase], ['otherEnterprise', ['enterprise'], orgs.otherEnterprise], ['university', ['institute'], orgs.university],
  ];
  const as = { anonymous: h.anonymous } as PilotPeople['as'];
  const userId = {} as PilotPeople['userId'];
  for (const [who, roles, orgId] of people) {
    userId[who] = await h.user(`pilot-${who}-${tag}`, roles, orgId);
    as[who] = await h.login(`pilot-${who}-${tag}`);
  }
  return { as, org: orgs, userId };
}

async function created(res: { statusCode: number; body: string; json(): any }, what: string) {
  if (res.statusCode !== 201) throw new Error(`${what}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json();
}

/**
 * A base in 璧山 operated by the fixture's pilot-base organisation (so `p.as.pilotBase` keeps it),
 * registered by the task force; anything may be overridden (`organisationId: p.org.otherBase`).
 */
export async function makeBase(_h: Harness, p: PilotPeople, fields: Record<string, unknown> = {}) {
  return created(await p.as.taskforce.post('/api/pilot/bases', {
    nameZh: unique('璧山生物制造中试基地'), operatorZh: '重庆璧山生物制造中试基地运营有限公司', districtCode: BISHAN, domains: ['biochem'],
    organisationId: p.org.pilotBase, ...fields,
  }), 'base');
}

export async function makePlatform(p: PilotPeople, baseId: string, fields: Record<string, unknown> = {}, as: Client = p.as.taskforce) {
  return created(await as.post(`/api/pilot/bases/${baseId}/platforms`, { nameZh: '微生物发酵中试平台', ...fields }), 'platform');
}

/** A 50–5000 L bacterial and yeast fermentation line, no grade, BSL-1, unless told otherwise. */
export async function makeCapability(p: PilotPeople, platformId: string, fields: Record<string, unknown> = {}, as: Client = p.as.taskforce) {
  return created(await as.post(`/api/pilot/platforms/${platformId}/capabilities`, {
    nameZh: '5 吨发酵中试线', processes: ['发酵', '分离纯化'], organisms: ['bacteria', 'yeast'], volumeMinL: 50, volumeMaxL: 5000, ...fields,
  }), 'capability');
}

/** A 500 L fermenter at 300 / 500 / 400 yuan an hour for members, enterprises and institutes. */
export async function makeEquipment(p: PilotPeople, baseId: string, fields: Record<string, unknown> = {}, as: Client = p.as.taskforce) {
  return created(await as.post(`/api/pilot/bases/${baseId}/equipment`, {
    nameZh: '500 L 不锈钢发酵罐', typeZh: '发酵罐', model: 'BLBIO-500SJ', capacityZh: '500 L', capacityL: 500,
    priceMemberYuan: 300, priceEnterpriseYuan: 500, priceInstituteYuan: 400, ...fields,
  }), 'equipment');
}
