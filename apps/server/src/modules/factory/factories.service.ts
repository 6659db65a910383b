import { nextCode } from '../../platform/db/codes.js';
import { sql } from 'kysely';
import { addCompanyPrefixes, companyPrefixOf } from '@cq-biomfg/epcis';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, forbidden, invalid, notFound, unauthorized } from '../../platform/http/errors.js';
import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { FactoryDeps } from './index.js';
import { factoryViewerOf, eventVisibleSql, EPC_COMPANY_PREFIX_SQL, type FactoryViewer } from './viewer.js';
import { FACTORY_FIELDS, factoryProblems, sitePrefixOf, type FactoryInput } from './model/factory-input.js';
import { SCOPES } from './http.js';

export interface FactoryFilter { q?: string; districtCode?: string; kind?: string; organisationId?: string; limit: number; offset: number }

/** The MQTT topic the process part listens on; the factory page shows it with the factory's code. */
export const MQTT_TOPIC_PATTERN = 'cqb/factories/{factoryCode}/batches/{batchNo}/readings';

const notFoundFactory = () => notFound('工厂不存在', 'Factory not found');

/** `like` prefix of a site's GLN, escaped. */
const sitePattern = (sgln: string | null) => {
  const p = sitePrefixOf(sgln);
  return p ? `${p.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
};

/**
 * A factory's public figures, as SQL on `factory f`: its events are its organisation's read at or
 * located in its site (under its GLN), as tallied at capture (epcis_site_tally, whose site is
 * sitePrefixOf(sgln): the SGLN without its extension); it is connected when events or batches arrived.
 */
const figures = sql`
  left join epcis_site_tally t on f.sgln is not null and t.organisation_id = f.organisation_id and t.site = regexp_replace(f.sgln, '[^.]*$', '')
  left join lateral (select count(*)::int as batch_count from factory_batch b where b.factory_id = f.id) ba on true`;

/**
 * Factories (智能工厂 / 数字化车间): the public list with what a visitor may know, and registration
 * and edits by the factory's organisation or an overseer (codes FAC-0001…, audited).
 */
export function factoriesService(database: Database, d: FactoryDeps) {
  const { db } = database;
  let districtCodes: Set<string> | null = null;
  const districts = async () => (districtCodes ??= new Set((await db.selectFrom('district').select('code').execute()).map((x) => x.code)));

  const keeps = (v: FactoryViewer, organisationId: string) => v.overseer || (!!v.organisationId && v.organisationId === organisationId);

  const base = () => sql`
    select f.id, f.code, f.organisation_id as "organisationId", o.name_zh as "organisationNameZh", o.name_en as "organisationNameEn",
      f.name_zh as "nameZh", f.name_en as "nameEn", f.kind, f.district_code as "districtCode", dd.name_zh as "districtNameZh", f.status,
      f.sgln, f.address_zh as "addressZh", f.created_at as "createdAt", f.updated_at as "updatedAt",
      coalesce(t.events, 0) as "eventCount", t.last_record_time as "lastEventAt", ba.batch_count as "batchCount",
      (coalesce(t.events, 0) > 0 or ba.batch_count > 0) as connected
    from factory f join organisation o on o.id = f.organisation_id left join district dd on dd.code = f.district_code ${figures}`;

  type Row = { id: string; organisationId: string; sgln: string | null; addressZh: string | null } & Record<string, unknown>;

  /** What a visitor may know; the site's GLN and address, and what it may do, for its keepers. */
  const present = (v: FactoryViewer, r: Row) => {
    const { sgln, addressZh, ...pub } = r;
    return keeps(v, r.organisationId) ? { ...pub, sgln, addressZh, may: { edit: true } } : { ...pub, may: { edit: false } };
  };

  async function list(ctx: Ctx, f: FactoryFilter) {
    const v = factoryViewerOf(ctx);
    const c = [sql`true`];
    if (f.q) c.push(sql`(f.name_zh ilike ${`%${f.q}%`} or f.name_en ilike ${`%${f.q}%`} or o.name_zh ilike ${`%${f.q}%`} or f.code = ${f.q})`);
    if (f.districtCode) c.push(sql`f.district_code = ${f.districtCode}`);
    if (f.kind) c.push(sql`f.kind = ${f.kind}`);
    if (f.organisationId) c.push(sql`f.organisation_id = ${f.organisationId}`);
    const rows = await sql<Row & { total: number }>`select *, count(*) over ()::int as total from (${base()} where ${sql.join(c, sql` and `)}) x
      order by x.connected desc, x."eventCount" desc, x.code limit ${f.limit} offset ${f.offset}`.execute(db);
    return { total: rows.rows[0]?.total ?? 0, items: rows.rows.map(({ total: _t, ...r }) => present(v, r)) };
  }

  const load = async (id: string) => (await sql<Row>`${base()} where f.id = ${id}`.execute(db)).rows[0];

  /** One factory; its keepers also get how to connect and its events by business step and by day. */
  async function get(ctx: Ctx, id: string) {
    const v = factoryViewerOf(ctx);
    const r = await load(id);
    if (!r) throw notFoundFactory();
    const out = present(v, r);
    if (!keeps(v, r.organisationId)) return out;
    const site = sitePattern(r.sgln);
    const at = site ? sql`e.organisation_id = ${r.organisationId} and (e.read_point like ${site} or e.biz_location like ${site}) and ${eventVisibleSql(v, 'e')}` : sql`false`;
    const since = new Date(d.now().getTime() - 30 * 86400_000);
    const [byBizStep, byDay] = await Promise.all([
      sql<{ bizStep: string | null; n: number }>`select e.biz_step as "bizStep", count(*)::int as n from epcis_event e where ${at} group by 1 order by 2 desc limit 20`.execute(db),
      sql<{ day: string; n: number }>`select to_char(e.record_time at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day, count(*)::int as n from epcis_event e where ${at} and e.record_time >= ${since} group by 1 order by 1`.execute(db),
    ]);
    return {
      ...out,
      figures: { byBizStep: byBizStep.rows, byDay: byDay.rows },
      connect: {
        captureUrl: '/epcis/capture', queryUrl: '/epcis/events', captureScope: SCOPES.capture, queryScope: SCOPES.query, ingestScope: SCOPES.ingest,
        mqttTopic: MQTT_TOPIC_PATTERN.replace('{factoryCode}', String(r.code)), sitePrefix: sitePrefixOf(r.sgln), tokensPage: '/me/tokens',
      },
    };
  }

  const clean = (input: Partial<FactoryInput>) => {
    const out: Record<string, unknown> = {};
    for (const k of FACTORY_FIELDS) {
      const x = input[k];
      if (x === undefined) continue;
      out[k] = typeof x === 'string' ? (x.trim() || null) : x;
    }
    return out as Partial<FactoryInput>;
  };

  async function checked(f: Partial<FactoryInput>) {
    const p = factoryProblems(f, { districts: await districts() });
    if (p.length) throw invalid(p);
  }

  const nameTaken = () => invalid([{ path: '/nameZh', message: '本机构已有同名工厂（your organisation already has a factory of this name）' }]);

  /**
   * A GS1 company prefix belongs to one organisation: the visibility rule (viewer.ts) shows an
   * organisation the partners' events that name EPCs under its factories' prefixes, so a second
   * organisation claiming the prefix would read the first one's trade. First registered, first
   * held (under a lock on the prefix); a wrong claim is for an administrator to correct.
   */
  async function claimPrefix(trx: Transaction<DB>, sgln: string, organisationId: string) {
    const prefix = companyPrefixOf(sgln);
    if (!prefix) return;
    await sql`select pg_advisory_xact_lock(hashtext(${'gs1-prefix:' + prefix}))`.execute(trx);
    const held = await trx.selectFrom('factory as f').select('f.code').where('f.organisationId', '<>', organisationId)
      .where(sql<boolean>`${EPC_COMPANY_PREFIX_SQL('f.sgln')} = ${prefix}`).executeTakeFirst();
    if (held) {
      throw conflict(`GS1 厂商识别代码 ${prefix} 已由其他机构的工厂（${held.code}）登记，请核对，或联系管理员`, `The GS1 company prefix ${prefix} is registered to another organisation's factory (${held.code}); check it or ask an administrator`,
        [{ path: '/sgln', message: `厂商识别代码 ${prefix} 属于其他机构（company prefix ${prefix} belongs to another organisation）` }]);
    }
  }

  /** A factory not said to be elsewhere is in its organisation's district. */
  async function create(ctx: Ctx, input: FactoryInput & { organisationId?: string | null }) {
    const v = factoryViewerOf(ctx);
    if (!v.userId) throw unauthorized();
    let organisationId: string;
    if (v.overseer && input.organisationId) organisationId = input.organisationId;
    else if (v.organisationId) {
      if (input.organisationId && input.organisationId !== v.organisationId && !v.overseer) throw forbidden('只能为本机构登记工厂', 'You register factories of your own organisation only');
      organisationId = v.organisationId;
    } else throw invalid([{ path: '/organisationId', message: '请指定工厂所属机构（name the organisation the factory belongs to）' }]);
    const f = clean(input);
    if (!f.nameZh) throw invalid([{ path: '/nameZh', message: '工厂名称必填（the factory name is required）' }]);
    await checked(f);
    if (f.sgln) addCompanyPrefixes([companyPrefixOf(f.sgln) ?? '']);
    return db.transaction().execute(async (trx) => {
      const org = await trx.selectFrom('organisation').select(['id', 'districtCode']).where('id', '=', organisationId).executeTakeFirst();
      if (!org) throw invalid([{ path: '/organisationId', message: '机构不存在（no such organisation）' }]);
      const dup = await trx.selectFrom('factory').select('id').where('organisationId', '=', organisationId).where('nameZh', '=', f.nameZh!).executeTakeFirst();
      if (dup) throw nameTaken();
      if (f.sgln) await claimPrefix(trx, f.sgln, organisationId);
      const now = d.now();
      const row = await trx.insertInto('factory').values({ ...f, nameZh: f.nameZh!, kind: f.kind ?? 'smartFactory', districtCode: f.districtCode ?? org.districtCode, organisationId, code: await nextCode(trx, 'factory', 'FAC-'), createdAt: now, updatedAt: now })
        .returningAll().executeTakeFirstOrThrow();
      await audit(trx, ctx, { action: 'factory.create', entityType: 'factory', entityId: row.id, summary: `登记工厂 ${row.code} ${row.nameZh}（registered factory）`, after: row });
      return row;
    }).then(async (row) => get(ctx, row.id));
  }

  async function update(ctx: Ctx, id: string, patch: Partial<FactoryInput>) {
    const v = factoryViewerOf(ctx);
    const f = clean(patch);
    if (patch.nameZh !== undefined && !f.nameZh) throw invalid([{ path: '/nameZh', message: '工厂名称必填（the factory name is required）' }]);
    await checked(f);
    if (f.sgln) addCompanyPrefixes([companyPrefixOf(f.sgln) ?? '']);
    await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('factory').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!before) throw notFoundFactory();
      if (!keeps(v, before.organisationId)) throw forbidden('只有工厂所属机构或监管部门可以修改', 'Only the factory\'s organisation or an overseer may change it');
      if (f.nameZh && f.nameZh !== before.nameZh) {
        const dup = await trx.selectFrom('factory').select('id').where('organisationId', '=', before.organisationId).where('nameZh', '=', f.nameZh).executeTakeFirst();
        if (dup) throw nameTaken();
      }
      if (f.sgln && f.sgln !== before.sgln) await claimPrefix(trx, f.sgln, before.organisationId);
      const after = await trx.updateTable('factory').set({ ...f, updatedAt: d.now() } as never).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      await audit(trx, ctx, { action: 'factory.update', entityType: 'factory', entityId: id, summary: `修改工厂 ${after.code}（edited factory）`, before, after });
    });
    return get(ctx, id);
  }

  return { list, get, create, update };
}
