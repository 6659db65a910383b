import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Body, District, PlanFiles } from './model.js';

/** SQL for the plan's tables (versions, actions, tasks, targets, safeguards) and its reference data. */
type Q = Kysely<DB>;

export const planStore = {
  latestVersion: (q: Q, code?: string) => {
    let query = q.selectFrom('planVersion').selectAll();
    if (code) query = query.where('code', '=', code);
    return query.orderBy('id', 'desc').limit(1).executeTakeFirst();
  },

  version: (q: Q, version: number) => q.selectFrom('planVersion').selectAll().where('version', '=', version).orderBy('id', 'desc').executeTakeFirst(),

  versionByChecksum: (q: Q, code: string, checksum: string) =>
    q.selectFrom('planVersion').select(['id', 'version']).where('code', '=', code).where('checksum', '=', checksum).executeTakeFirst(),

  listVersions: (q: Q) =>
    q.selectFrom('planVersion').select(['id', 'code', 'version', 'checksum', 'titleZh', 'status', 'statusZh', 'createdAt']).orderBy('id', 'desc').execute(),

  domains: (q: Q, v: number) => q.selectFrom('planDomain').selectAll().where('planVersionId', '=', v).orderBy('ordinal').execute(),
  actions: (q: Q, v: number) => q.selectFrom('planAction').selectAll().where('planVersionId', '=', v).orderBy('no').execute(),
  action: (q: Q, v: number, no: number) => q.selectFrom('planAction').selectAll().where('planVersionId', '=', v).where('no', '=', no).executeTakeFirstOrThrow(),
  tasks: (q: Q, v: number) => q.selectFrom('planTask').selectAll().where('planVersionId', '=', v).orderBy('no').execute(),
  task: (q: Q, v: number, no: number) => q.selectFrom('planTask').selectAll().where('planVersionId', '=', v).where('no', '=', no).executeTakeFirst(),
  targets: (q: Q, v: number) => q.selectFrom('planTarget').selectAll().where('planVersionId', '=', v).orderBy('actionNo').orderBy('ordinal').execute(),
  safeguards: (q: Q, v: number) => q.selectFrom('planSafeguard').selectAll().where('planVersionId', '=', v).orderBy('no').execute(),

  taskBodies: (q: Q, v: number, taskNo?: number) => {
    let query = q.selectFrom('planTaskBody').innerJoin('body', 'body.code', 'planTaskBody.bodyCode')
      .select(['planTaskBody.taskNo', 'body.code', 'body.nameZh', 'body.nameEn', 'body.type', 'body.districtCode', 'body.aliasesZh'])
      .where('planTaskBody.planVersionId', '=', v);
    if (taskNo !== undefined) query = query.where('planTaskBody.taskNo', '=', taskNo);
    return query.orderBy('planTaskBody.taskNo').orderBy('body.code').execute();
  },

  districts: (q: Q) => q.selectFrom('district').selectAll().orderBy('code').execute(),
  bodies: (q: Q) => q.selectFrom('body').selectAll().orderBy('type').orderBy('code').execute(),

  /** Inserts or updates the districts; returns how many rows actually changed. */
  async upsertDistricts(q: Q, rows: District[]): Promise<number> {
    if (!rows.length) return 0;
    const r = await q.insertInto('district')
      .values(rows.map((d) => ({ code: d.code, nameZh: d.nameZh, shortZh: d.shortZh, nameEn: d.nameEn, type: d.type })))
      .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({
        nameZh: eb.ref('excluded.nameZh'), shortZh: eb.ref('excluded.shortZh'), nameEn: eb.ref('excluded.nameEn'), type: eb.ref('excluded.type'),
      })).where(sql<boolean>`(district.name_zh, district.short_zh, district.name_en, district.type) is distinct from (excluded.name_zh, excluded.short_zh, excluded.name_en, excluded.type)`))
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0);
  },

  async upsertBodies(q: Q, rows: Body[]): Promise<number> {
    if (!rows.length) return 0;
    const r = await q.insertInto('body')
      .values(rows.map((b) => ({ code: b.code, nameZh: b.nameZh, nameEn: b.nameEn, type: b.type, districtCode: b.districtCode ?? null, aliasesZh: b.aliasesZh ?? [] })))
      .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({
        nameZh: eb.ref('excluded.nameZh'), nameEn: eb.ref('excluded.nameEn'), type: eb.ref('excluded.type'),
        districtCode: eb.ref('excluded.districtCode'), aliasesZh: eb.ref('excluded.aliasesZh'),
      })).where(sql<boolean>`(body.name_zh, body.name_en, body.type, body.district_code, body.aliases_zh) is distinct from (excluded.name_zh, excluded.name_en, excluded.type, excluded.district_code, excluded.aliases_zh)`))
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0);
  },

  async insertVersion(q: Q, f: PlanFiles, checksum: string): Promise<{ id: number; version: number }> {
    const p = f.plan;
    const last = await q.selectFrom('planVersion').select((eb) => eb.fn.max('version').as('v')).where('code', '=', p.code).executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    const { id } = await q.insertInto('planVersion').values({
      code: p.code, version, checksum, titleZh: p.titleZh, titleEn: p.titleEn, publisherZh: p.publisherZh, publisherEn: p.publisherEn,
      status: p.status, statusZh: p.statusZh, horizonFrom: p.horizon.from, horizonTo: p.horizon.to, publishedOn: p.publishedOn,
      document: JSON.stringify(p), sourceText: f.source,
    }).returning('id').executeTakeFirstOrThrow();
    await q.insertInto('planDomain').values(p.domains.map((d, i) => ({ planVersionId: id, code: d.code, ordinal: i + 1, nameZh: d.nameZh, nameEn: d.nameEn }))).execute();
    await q.insertInto('planAction').values(f.actions.map((a) => ({
      planVersionId: id, no: a.no, code: a.code, titleZh: a.titleZh, titleEn: a.titleEn, introZh: a.introZh, domains: a.domains,
    }))).execute();
    await q.insertInto('planTask').values(f.tasks.map((t) => ({
      planVersionId: id, no: t.no, actionNo: t.actionNo, titleZh: t.titleZh, titleEn: t.titleEn, textZh: t.textZh,
      domains: t.domains, places: JSON.stringify(t.places), products: t.products, fields: t.fields,
    }))).execute();
    const links = f.tasks.flatMap((t) => [...new Set(t.bodies)].map((b) => ({ planVersionId: id, taskNo: t.no, bodyCode: b })));
    if (links.length) await q.insertInto('planTaskBody').values(links).execute();
    await q.insertInto('planTarget').values(f.actions.flatMap((a) => a.targets.map((t, i) => ({
      planVersionId: id, code: t.code, actionNo: a.no, ordinal: i + 1, statementZh: t.statementZh, statementEn: t.statementEn,
      indicatorZh: t.indicatorZh, indicatorEn: t.indicatorEn, quantified: t.quantified, comparator: t.comparator, value: t.value,
      unit: t.unit, unitEn: t.unitEn ?? null, year: t.year, sourceSentence: t.sourceSentence,
      threshold: t.thresholdValue === undefined ? null : JSON.stringify({ value: t.thresholdValue, unit: t.thresholdUnit, comparator: t.thresholdComparator }),
    })))).execute();
    await q.insertInto('planSafeguard').values(p.safeguards.map((s) => ({ planVersionId: id, no: s.no, titleZh: s.titleZh, titleEn: s.titleEn, textZh: s.text }))).execute();
    return { id, version };
  },
};
