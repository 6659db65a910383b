import { systemCtx } from '../../../platform/context/ctx.js';
import type { Client, Harness } from '../../../test/harness.js';

/**
 * The people supervision tests need: the task force, two units, a district, and outsiders
 * (an enterprise, an expert), each signed in through the API.
 */
export interface SupervisionPeople {
  orgs: { taskForce: string; unitA: string; unitB: string; district: string; enterprise: string };
  as: { taskforce: Client; admin: Client; unitA: Client; unitB: Client; district: Client; enterprise: Client; expert: Client; anonymous: Client };
}

let n = 0;

export async function supervisionPeople(h: Harness): Promise<SupervisionPeople> {
  const tag = `${process.pid}-${++n}`;
  const ctx = systemCtx('test');
  const org = async (kind: string, nameZh: string, districtCode: string | null = null) =>
    (await h.services.identity.createOrganisation(ctx, { kind, nameZh, districtCode })).id;
  const taskForce = (await h.database.db.selectFrom('organisation').select('id').where('kind', '=', 'taskForce').executeTakeFirstOrThrow()).id;
  const orgs = {
    taskForce,
    unitA: await org('department', `市科学技术局-${tag}`),
    unitB: await org('department', `市经济和信息化委员会-${tag}`),
    district: (await h.database.db.selectFrom('organisation').select('id').where('kind', '=', 'district').where('districtCode', '=', '500112').executeTakeFirstOrThrow()).id,
    enterprise: await org('enterprise', `重庆某生物科技有限公司-${tag}`),
  };
  const user = async (name: string, roles: Parameters<Harness['user']>[1], orgId: string | null) => {
    const username = `${name}-${tag}`;
    await h.user(username, roles, orgId);
    await h.database.db.updateTable('appUser').set({ email: `${name}@example.cn` }).where('username', '=', username).execute();
    return h.login(username);
  };
  return {
    orgs,
    as: {
      taskforce: await user('tf', ['taskforce'], orgs.taskForce),
      admin: await user('adm', ['admin'], null),
      unitA: await user('unita', ['unit'], orgs.unitA),
      unitB: await user('unitb', ['unit'], orgs.unitB),
      district: await user('dist', ['district'], orgs.district),
      enterprise: await user('ent', ['enterprise'], orgs.enterprise),
      expert: await user('exp', ['expert'], null),
      anonymous: h.anonymous,
    },
  };
}

/** A multipart body with one file, as a browser would send it. */
export function multipart(fileName: string, content: Buffer, mime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') {
  const boundary = `----cqb${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(fileName)}"\r\nContent-Type: ${mime}\r\n\r\n`);
  return { payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
