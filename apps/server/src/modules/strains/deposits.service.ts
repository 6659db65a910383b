import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, forbidden, invalid, unauthorized } from '../../platform/http/errors.js';
import { isIsoDate, todayIn } from '../../platform/dates.js';
import { notify } from '../supervision/notifications.js';
import type { StrainDeps } from './index.js';
import { checksWanting, type DepositAction } from './model/deposits.js';
import { mayOnStrain, strainForAction } from './strains.access.js';
import { CHECK_KIND_CODES, CHECK_KINDS, STRAIN_STATUSES } from './model/labels.js';
import { isRestricted } from './model/restriction.js';
import { strainProblems, type StrainInput } from './model/strain-input.js';
import { lineageOf } from './model/taxonomy.js';
import type { StrainCheckKind, StrainStatus } from './schema.js';
import { nextCode } from '../../platform/db/codes.js';
import { loadStrain, presentStrain, scientificName, strainColumns, strainRows, strainTokens, type StrainRow } from './strains.store.js';
import { strainViewerOf, type StrainViewer } from './viewer.js';

export type DepositInput = StrainInput & { restricted?: boolean; depositorOrganisationId?: string | null };
export interface ReceiptInput { receivedOn: string; receivedConditionZh: string; receivedMaterialZh: string }
export interface CheckInput { kind: StrainCheckKind; passed: boolean; methodZh: string; resultZh: string; testedOn: string }
export interface DepositFilter { status?: StrainStatus; q?: string; limit: number; offset: number }

const DEPOSITOR_KINDS = ['enterprise', 'institute', 'university', 'pilotBase', 'bank'];

/**
 * The deposit workflow (保藏申请): a depositor submits a strain with its MCL fields; curators
 * receive it, record purity, viability and identity tests, mark it checked, and accession it
 * (CQMCC 10001 …) or reject it. Each decision lands once: two at the same moment, one is a 409.
 */
export function depositsService(database: Database, deps: StrainDeps) {
  const { db } = database;
  const today = () => todayIn(deps.now());

  const forAction = (v: StrainViewer, id: string, action: DepositAction) => strainForAction(db, v, id, action);

  /**
   * One decision on a deposit in one transaction: the row moves only from the status the caller
   * saw (a concurrent decision makes this one a 409), audited, the depositor told when asked.
   */
  async function decide(ctx: Ctx, row: StrainRow, action: string, set: Record<string, unknown>, tell?: { zh: string; en: string }) {
    return db.transaction().execute(async (trx) => {
      const moved = await trx.updateTable('strain').set({ ...set, updatedAt: deps.now() } as never)
        .where('id', '=', row.id).where('status', '=', row.status).returning(['id', 'status', 'accession']).executeTakeFirst();
      if (!moved) throw conflict('菌种状态已被他人变更，请刷新后重试', 'The strain changed meanwhile; reload and try again', [{ path: '/status', message: '状态已变更（the status changed）' }]);
      const name = scientificName(row);
      await audit(trx, ctx, {
        action: `strains.strain.${action}`, entityType: 'strain', entityId: row.id,
        summary: `${row.depositNo} ${name}：${STRAIN_STATUSES[row.status].zh} → ${STRAIN_STATUSES[moved.status].zh}${moved.accession && !row.accession ? ` ${moved.accession}` : ''}（${action}）`,
        before: { status: row.status }, after: { status: moved.status, ...Object.fromEntries(Object.entries(set).filter(([k]) => k !== 'accession' && !(set[k] instanceof Date))), accession: moved.accession },
      });
      if (tell && row.depositorOrganisationId) {
        await notify(trx, {
          organisationId: row.depositorOrganisationId, kind: `strains.deposit.${action}`, link: `/strains/${row.id}`, dedupeKey: `strains.deposit.${action}:${row.id}:${randomUUID()}`,
          titleZh: `保藏申请 ${row.depositNo}（${name}）${tell.zh}`, titleEn: `Deposit ${row.depositNo} (${name}) ${tell.en}`,
        });
      }
      return presentStrain((await loadStrain(trx, row.id))!, 'full');
    });
  }

  function text(path: string, v: string | null | undefined, zh: string, en: string, max = 1000) {
    const t = v?.trim();
    if (!t) throw invalid([{ path: `/${path}`, message: `${zh}（${en}）` }]);
    if (t.length > max) throw invalid([{ path: `/${path}`, message: `不超过 ${max} 个字符（at most ${max} characters）` }]);
    return t;
  }

  function day(path: string, d: string | null | undefined) {
    if (!d || !isIsoDate(d)) throw invalid([{ path: `/${path}`, message: '日期格式为 YYYY-MM-DD（a date is YYYY-MM-DD）' }]);
    if (d > today()) throw invalid([{ path: `/${path}`, message: '日期不能晚于今天（the date cannot be in the future）' }]);
    return d;
  }

  /** The organisation a deposit is made for: the caller's own, or the one a curator names. */
  async function depositorFor(v: StrainViewer, named: string | null | undefined): Promise<string> {
    if (v.curator && named) {
      const o = await db.selectFrom('organisation').select('kind').where('id', '=', named).executeTakeFirst();
      if (!o) throw invalid([{ path: '/depositorOrganisationId', message: '机构不存在（no such organisation）' }]);
      if (!DEPOSITOR_KINDS.includes(o.kind)) throw invalid([{ path: '/depositorOrganisationId', message: '保藏单位须为企业、高校院所、中试基地或菌种库（a depositor is an enterprise, institute, pilot base or the bank）' }]);
      return named;
    }
    if (!v.userId) throw unauthorized();
    if (!v.organisationId) throw forbidden('账号未关联机构，不能提交保藏申请', 'Your account belongs to no organisation, so it cannot deposit a strain');
    if (named && named !== v.organisationId) throw forbidden('只能以本机构名义提交保藏申请', 'You deposit for your own organisation only');
    return v.organisationId;
  }

  async function listOf(v: StrainViewer, f: DepositFilter, where: (q: ReturnType<typeof strainRows>) => ReturnType<typeof strainRows>) {
    let q = where(strainRows(db));
    if (f.status) q = q.where('s.status', '=', f.status);
    if (f.q?.trim()) q = q.where((eb) => eb.or([eb('s.depositNo', 'ilike', `%${f.q!.trim()}%`), eb('s.genus', 'ilike', `%${f.q!.trim()}%`), eb('s.nameZh', 'ilike', `%${f.q!.trim()}%`)]));
    const found = await q.select(sql<number>`count(*) over ()`.as('total')).orderBy('s.createdAt', 'desc').orderBy('s.depositNo', 'desc').limit(f.limit).offset(f.offset).execute();
    return { total: Number(found[0]?.total ?? 0), items: found.map(({ total: _t, ...r }) => ({ ...presentStrain(r as StrainRow, 'full'), may: mayOnStrain(v, r as StrainRow) })) };
  }

  return {
    /** A depositor (or a curator for someone) submits a strain; its lineage is filled from the genus. */
    async submit(ctx: Ctx, input: DepositInput) {
      const v = await strainViewerOf(db, ctx);
      const organisationId = await depositorFor(v, input.depositorOrganisationId);
      const problems = strainProblems(input, today());
      if (problems.length) throw invalid(problems);
      const fields = strainColumns({ ...input, lineage: lineageOf(input.genus, input.lineage) });
      const restricted = isRestricted(input, !!input.restricted);
      return db.transaction().execute(async (trx) => {
        const depositNo = await nextCode(trx, 'strain', `DEP-${today().slice(0, 4)}-`, 4, 'deposit_no');
        const row = await trx.insertInto('strain').values({
          ...fields, depositNo, status: 'submitted', restricted, depositorOrganisationId: organisationId, depositorUserId: v.userId,
          tokens: strainTokens({ ...input, depositNo }, restricted), createdAt: deps.now(), updatedAt: deps.now(),
        } as never).returning('id').executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'strains.strain.submit', entityType: 'strain', entityId: row.id, summary: `提交保藏申请 ${depositNo} ${scientificName(input)}（Deposit submitted）`, after: { depositNo, depositorOrganisationId: organisationId, restricted, ...fields } });
        return presentStrain((await loadStrain(trx, row.id))!, 'full');
      });
    },

    /** A curator records the material's arrival: the day, its condition, what arrived. */
    async receive(ctx: Ctx, id: string, input: ReceiptInput) {
      const v = await strainViewerOf(db, ctx);
      const row = await forAction(v, id, 'receive');
      const set = {
        status: 'received', receivedOn: day('receivedOn', input.receivedOn), receivedBy: v.userId,
        receivedConditionZh: text('receivedConditionZh', input.receivedConditionZh, '请填写到货状况', 'say in what condition it arrived'),
        receivedMaterialZh: text('receivedMaterialZh', input.receivedMaterialZh, '请填写收到的材料', 'say what arrived'),
      };
      return decide(ctx, row, 'receive', set, { zh: '已被菌种库接收', en: 'was received by the strain bank' });
    },

    /** A curator records one purity, viability or identity test; a retest is another record, the latest counts. */
    async recordCheck(ctx: Ctx, id: string, input: CheckInput) {
      const v = await strainViewerOf(db, ctx);
      const row = await forAction(v, id, 'recordCheck');
      if (!CHECK_KIND_CODES.includes(input.kind)) throw invalid([{ path: '/kind', message: '检测类别为纯度、活力或鉴定（purity, viability or identity）' }]);
      if (typeof input.passed !== 'boolean') throw invalid([{ path: '/passed', message: '请填写是否合格（say whether it passed）' }]);
      const values = {
        strainId: id, kind: input.kind, passed: input.passed, testedBy: v.userId!, testedOn: day('testedOn', input.testedOn),
        methodZh: text('methodZh', input.methodZh, '请填写检测方法', 'name the method', 500),
        resultZh: text('resultZh', input.resultZh, '请填写检测结果', 'write the result', 2000),
      };
      if (row.receivedOn && values.testedOn < row.receivedOn) throw invalid([{ path: '/testedOn', message: '检测日期不能早于接收日期（a test comes after receipt）' }]);
      return db.transaction().execute(async (trx) => {
        // Only while the deposit is still received: a check recorded after a decision would not count.
        const still = await trx.selectFrom('strain').select('id').where('id', '=', id).where('status', '=', 'received').forUpdate().executeTakeFirst();
        if (!still) throw conflict('菌种状态已变更，不能再记录检测', 'The strain moved on; checks can no longer be recorded', [{ path: '/status', message: '状态已变更（the status changed）' }]);
        const c = await trx.insertInto('strainCheck').values(values).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, {
          action: 'strains.strain.check', entityType: 'strain', entityId: id,
          summary: `${row.depositNo} ${CHECK_KINDS[input.kind].zh}检测${input.passed ? '合格' : '不合格'}（${input.kind} check ${input.passed ? 'passed' : 'failed'}）`,
          after: { checkId: c.id, kind: c.kind, passed: c.passed, methodZh: c.methodZh, resultZh: c.resultZh, testedOn: c.testedOn },
        });
        return c;
      });
    },

    /** A curator marks the deposit checked once the latest purity, viability and identity tests all passed. */
    async markChecked(ctx: Ctx, id: string) {
      const v = await strainViewerOf(db, ctx);
      const row = await forAction(v, id, 'markChecked');
      const checks = await db.selectFrom('strainCheck').select(['kind', 'passed']).where('strainId', '=', id).orderBy('createdAt').orderBy('id').execute();
      const wanting = checksWanting(checks);
      if (wanting.length) {
        const names = wanting.map((k) => CHECK_KINDS[k]);
        throw conflict(`${names.map((n) => n.zh).join('、')}检测尚无合格记录`, `The latest ${names.map((n) => n.en.toLowerCase()).join(', ')} check has not passed`, wanting.map((k) => ({ path: `/checks/${k}`, message: `${CHECK_KINDS[k].zh}检测未合格（${k} has not passed）` })));
      }
      return decide(ctx, row, 'markChecked', { status: 'checked', checkedAt: deps.now(), checkedBy: v.userId });
    },

    /** A curator accessions a checked strain: the next CQMCC number, given once and never again. */
    async accession(ctx: Ctx, id: string) {
      const v = await strainViewerOf(db, ctx);
      const row = await forAction(v, id, 'accession');
      // The number is drawn in the update itself: no row moved (a concurrent decision), no number used.
      return decide(ctx, row, 'accession', { status: 'accessioned', accession: sql`'CQMCC ' || nextval('strain_accession_seq')`, accessionedAt: deps.now(), accessionedBy: v.userId },
        { zh: '已获保藏编号', en: 'was accessioned' });
    },

    /** A curator rejects a deposit before accession, with the reason the depositor reads. */
    async reject(ctx: Ctx, id: string, input: { reasonZh: string }) {
      const v = await strainViewerOf(db, ctx);
      const reason = text('reasonZh', input.reasonZh, '请说明不予保藏的理由', 'say why the deposit is rejected');
      const row = await forAction(v, id, 'reject');
      return decide(ctx, row, 'reject', { status: 'rejected', rejectedReasonZh: reason }, { zh: `不予保藏：${reason.slice(0, 100)}`, en: 'was rejected; see the reason' });
    },

    /**
     * The depositor withdraws its deposit before receipt; a curator withdraws an accessioned strain
     * (with the reason). The accession stays on the record and is never given to another strain.
     */
    async withdraw(ctx: Ctx, id: string, input: { reasonZh?: string | null } = {}) {
      const v = await strainViewerOf(db, ctx);
      const row = await forAction(v, id, 'withdraw');
      const byCurator = row.status === 'accessioned';
      const reason = byCurator ? text('reasonZh', input.reasonZh, '请说明撤销保藏的理由', 'say why the strain is withdrawn') : input.reasonZh?.trim() || null;
      return decide(ctx, row, 'withdraw', { status: 'withdrawn', withdrawnReasonZh: reason, withdrawnAt: deps.now() },
        byCurator ? { zh: `已撤销保藏：${reason!.slice(0, 100)}`, en: 'was withdrawn from the collection' } : undefined);
    },

    /** The caller's organisation's deposits in every state. */
    async mine(ctx: Ctx, f: DepositFilter) {
      const v = await strainViewerOf(db, ctx);
      if (!v.userId) throw unauthorized();
      return listOf(v, f, (q) => q.where('s.depositorOrganisationId', '=', v.organisationId ?? '00000000-0000-0000-0000-000000000000'));
    },

    /** Every deposit, for the curators' queue (status=submitted, received, checked). */
    async queue(ctx: Ctx, f: DepositFilter) {
      const v = await strainViewerOf(db, ctx);
      if (!v.curator) throw forbidden('仅菌种库管理员可查看保藏队列', 'Only curators see the deposit queue');
      return listOf(v, f, (q) => q);
    },
  };
}

export type DepositsService = ReturnType<typeof depositsService>;
