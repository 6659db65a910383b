import { systemCtx } from '../../../platform/context/ctx.js';
import { creditCodeCheckChar } from '../../../platform/identity/credit-code.js';
import type { Client, Harness } from '../../../test/harness.js';

/** A valid 统一社会信用代码 for test number n in a district (GB 32100 check character included). */
export const creditCode = (n: number, district = '500120') => {
  const first17 = `91${district}${String(n).padStart(9, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};

/**
 * The people the industry tests need: the task force, a unit, two districts (渝北 500112 and
 * 璧山 500120), an enterprise user whose organisation is linked to an enterprise record, and
 * visitors.
 */
export interface IndustryPeople {
  as: { taskforce: Client; admin: Client; unit: Client; yubei: Client; bishan: Client; enterprise: Client; expert: Client; anonymous: Client };
  enterpriseOrgId: string;
}

let n = 0;

export async function industryPeople(h: Harness): Promise<IndustryPeople> {
  const tag = `${process.pid}-i${++n}`;
  const ctx = systemCtx('test');
  const districtOrg = async (code: string) => (await h.database.db.selectFrom('organisation').select('id').where('kind', '=', 'district').where('districtCode', '=', code).executeTakeFirstOrThrow()).id;
  const taskForce = (await h.database.db.selectFrom('organisation').select('id').where('kind', '=', 'taskForce').executeTakeFirstOrThrow()).id;
  const unit = (await h.services.identity.createOrganisation(ctx, { kind: 'department', nameZh: `市经济和信息化委员会-${tag}` })).id;
  const enterpriseOrgId = (await h.services.identity.createOrganisation(ctx, { kind: 'enterprise', nameZh: `重庆璧山合成生物有限公司-${tag}`, districtCode: '500120' })).id;
  const user = async (name: string, roles: Parameters<Harness['user']>[1], orgId: string | null) => {
    await h.user(`${name}-${tag}`, roles, orgId);
    return h.login(`${name}-${tag}`);
  };
  return {
    enterpriseOrgId,
    as: {
      taskforce: await user('tf', ['taskforce'], taskForce),
      admin: await user('adm', ['admin'], null),
      unit: await user('unit', ['unit'], unit),
      yubei: await user('yubei', ['district'], await districtOrg('500112')),
      bishan: await user('bishan', ['district'], await districtOrg('500120')),
      enterprise: await user('ent', ['enterprise'], enterpriseOrgId),
      expert: await user('exp', ['expert'], null),
      anonymous: h.anonymous,
    },
  };
}
