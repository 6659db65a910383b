import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { hasRole } from '../../platform/access/model.js';
import { audit } from '../../platform/audit/audit.js';
import { todayIn } from '../../platform/dates.js';
import { containsPattern } from '../../platform/db/like.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/http/errors.js';
import type { StrainDeps } from './index.js';
import { nextCode } from '../../platform/db/codes.js';
import { applyMove } from './moves.js';
import { effectiveLevel } from './model/labs.js';
import { MTA_CONDITIONS, MTA_VERSION, mtaConditions, mtaFor } from './model/mta.js';
import {
  actionProblem, afterApproval, mayOf, OFFICER_REASONS, officerReasons, requestProblems, SHARING_STATUSES, shipProblems, stepOf,
  type Actor, type RequestInput, type SharingAction, type SharingStatus, type SharingStep, type ShipInput,
} from './model/sharing.js';
import { sharingNotices } from './sharing.notify.js';
import { seesStrainAtAll, strainViewerOf, type StrainViewer } from './viewer.js';

/**
 * 菌种共享申请: a requester asks for an accessioned strain for one of its labs and accepts the
 * MTA; a curator approves or rejects; a class 1–2 pathogen, or a strain of BSL-3 or
 * above, also needs an appointed biosafety officer other than that curator; a curator ships from
 * an active lot of the strain (the stock leaves in the same transaction); the requester confirms
 * receipt, or withdraws before shipment. The named lab must reach the strain's level at every
 * step, since a certificate may lapse between them. Every decision lands once: a second one at
 * the same moment finds the state moved and gets 409.
 *
 * Requests carry the strain's public summary only, so a restricted strain's record never
 * leaves through them; once shipped, the viewer rule opens the full record to the requester.
 */
type Q = Kysely<DB> | Transaction<DB>;

/** Organisations that may receive strains. */
export const REQUESTER_KINDS = ['enterprise', 'institute', 'university', 'pilotBase'] as const;

export interface SharingFilter { status?: string; step?: SharingStep; strainId?: string; organisationId?: string; q?: string; limit: number; offset: number }

const notFoundRequest = () => notFound('共享申请不存在', 'Sharing request not found');

const rows = (q: Q) => q.selectFrom('sharingRequest as r')
  .innerJoin('strain as s', 's.id', 'r.strainId')
  .innerJoin('organisation as o', 'o.id', 'r.requesterOrganisationId')
  .innerJoin('biosafetyLab as b', 'b.id', 'r.labId')
  .leftJoin('strainLot as t', 't.id', 'r.lotId')
  .leftJoin('appUser as cu', 'cu.id', 'r.curatorId')
  .leftJoin('appUser as ou', 'ou.id', 'r.officerId')
  .leftJoin('appUser as ru', 'ru.id', 'r.requesterUserId')
  .selectAll('r')
  .select([
    // The strain's public summary fields only.
    's.accession', 's.genus', 's.species', 's.strainDesignation', 's.nameZh as strainNameZh', 's.hazardClass', 's.biosafetyLevel as strainBiosafetyLevel',
    's.restricted', 's.gmo', 's.exportControl', 's.nagoyaAbs',
    'o.nameZh as requesterNameZh', 'o.kind as requesterKind', 'ru.displayName as requesterUserName',
    'b.code as labCode', 'b.nameZh as labNameZh', 'b.biosafetyLevel as labLevel', 'b.status as labStatus', 'b.certificateExpiresOn as labCertificateExpiresOn',
    't.code as lotCode', 'cu.displayName as curatorName', 'ou.displayName as officerName',
  ]);
type Row = Awaited<ReturnType<ReturnType<typeof rows>['executeTakeFirstOrThrow']>>;

const labProblem = (lab: { code: string; nameZh: string; level: number }, strainLevel: number) =>
  `实验室 ${lab.code} ${lab.nameZh} 现行生物安全等级为 BSL-${lab.level}，低于菌种要求的 BSL-${strainLevel}（the lab works at BSL-${lab.level} today, below the BSL-${strainLevel} the strain needs）`;

export function sharingService(database: Database, deps: StrainDeps) {
  const { db } = database;
  const today = () => todayIn(deps.now());
  const notices = sharingNotices();

  const seesAll = (v: StrainViewer) => v.curator || v.officer || v.overseer;
  /** The requester's side: its organisation, or the curator who filed the request for it. */
  const actorOf = (v: StrainViewer, r: { requesterOrganisationId: string; filedBy: string | null }): Actor => ({
    userId: v.userId, curator: v.curator, officer: v.officer,
    ofRequester: (!!v.organisationId && v.organisationId === r.requesterOrganisationId) || (!!v.userId && r.filedBy === v.userId),
  });

  function present(r: Row, v: StrainViewer) {
    const t = today();
    const labEffectiveLevel = effectiveLevel({ biosafetyLevel: r.labLevel, status: r.labStatus, certificateExpiresOn: r.labCertificateExpiresOn }, t);
    return {
      ...r,
      statusZh: SHARING_STATUSES[r.status].zh, statusEn: SHARING_STATUSES[r.status].en, step: stepOf(r.status),
      strainNameLatin: [r.genus, r.species, r.strainDesignation].filter(Boolean).join(' '),
      labEffectiveLevel, labSufficient: labEffectiveLevel >= r.strainBiosafetyLevel,
      officerReasons: r.needsOfficerReason.map((code) => ({ code, ...OFFICER_REASONS[code] })),
      mtaConditionNames: r.mtaConditions.map((code) => ({ code, ...(MTA_CONDITIONS[code] ?? { zh: code, en: code }) })),
      may: mayOf(r, actorOf(v, r)),
    };
  }

  /** The request if the viewer may read it: every request for curators, officers and overseers; its own organisation's otherwise. */
  async function readable(v: StrainViewer, id: string, q: Q = db) {
    const r = await rows(q).where('r.id', '=', id).executeTakeFirst();
    if (!r || (!seesAll(v) && r.requesterOrganisationId !== v.organisationId)) throw notFoundRequest();
    return r;
  }

  /** The strain as a request sees it: accessioned and visible to the caller at all. */
  async function requestableStrain(v: StrainViewer, strainId: string) {
    const s = await db.selectFrom('strain').select(['id', 'accession', 'status', 'genus', 'species', 'strainDesignation', 'nameZh', 'hazardClass', 'biosafetyLevel', 'gmo', 'exportControl', 'nagoyaAbs', 'restricted', 'depositorOrganisationId'])
      .where('id', '=', strainId).executeTakeFirst();
    if (!s || !seesStrainAtAll(v, s)) throw invalid([{ path: '/strainId', message: '菌种不存在（no such strain）' }]);
    if (s.status !== 'accessioned') throw conflict(`菌种 ${s.accession ?? ''} 不在保藏中，不能申请`, 'Only an accessioned strain can be requested', [{ path: '/strainId', message: '菌种未在保藏中（not accessioned）' }]);
    const { depositorOrganisationId: _d, ...summary } = s;
    return summary;
  }

  /** Curators (and the task force) file requests for an organisation they name; everyone else for their own. */
  const filesForOthers = (ctx: Ctx) => hasRole(ctx.principal, 'admin', 'taskforce', 'curator');

  /** The organisation a request is for: the caller's own, or the one a curator files for. */
  async function requesterOf(ctx: Ctx, v: StrainViewer, named: string | null | undefined): Promise<string> {
    if (!filesForOthers(ctx)) {
      if (!v.organisationId) throw forbidden('您的账号未关联机构，不能申请菌种', 'Your account has no organisation to request for');
      if (named && named !== v.organisationId) throw forbidden('只能以本机构名义申请', 'You request for your own organisation only');
      return v.organisationId;
    }
    if (!named) throw invalid([{ path: '/organisationId', message: '代为申请时须指定申请单位（name the organisation the request is for）' }]);
    const o = await db.selectFrom('organisation').select('kind').where('id', '=', named).executeTakeFirst();
    if (!o) throw invalid([{ path: '/organisationId', message: '机构不存在（no such organisation）' }]);
    if (!(REQUESTER_KINDS as readonly string[]).includes(o.kind)) throw invalid([{ path: '/organisationId', message: '申请单位须为企业、高校院所或中试基地（an enterprise, institute, university or pilot base requests strains）' }]);
    return named;
  }

  async function labsOf(q: Q, organisationId: string) {
    const t = today();
    const labs = await q.selectFrom('biosafetyLab').select(['id', 'code', 'nameZh', 'biosafetyLevel', 'status', 'certificateExpiresOn', 'animal'])
      .where('organisationId', '=', organisationId).orderBy('biosafetyLevel', 'desc').orderBy('code').execute();
    return labs.map((l) => ({ ...l, effectiveLevel: effectiveLevel(l, t) }));
  }

  /** The named lab as it stands today: 409 (or 422 at submission) naming it when below the strain's level. */
  async function requireLabReaches(q: Q, labId: string, strainLevel: number, atSubmission: boolean) {
    const lab = await q.selectFrom('biosafetyLab').select(['code', 'nameZh', 'biosafetyLevel', 'status', 'certificateExpiresOn']).where('id', '=', labId).executeTakeFirstOrThrow();
    const level = effectiveLevel(lab, today());
    if (level >= strainLevel) return;
    const message = labProblem({ code: lab.code, nameZh: lab.nameZh, level }, strainLevel);
    if (atSubmission) throw invalid([{ path: '/labId', message }]);
    throw conflict(`实验室 ${lab.code} 已不满足菌种的生物安全等级要求（证书可能已过期）`, `Lab ${lab.code} no longer reaches the strain's biosafety level (its certificate may have lapsed)`, [{ path: '/labId', message }]);
  }

  function requireAllowed(action: SharingAction, r: Row, v: StrainViewer) {
    const why = actionProblem(action, r, actorOf(v, r));
    if (!why) return;
    if (why.status === 403) throw forbidden(why.zh, why.en);
    throw conflict(why.zh, why.en, [{ path: '/status', message: `${why.zh}（${why.en}）` }]);
  }

  /**
   * One decision in one transaction, only from the state the check saw (two at once: one lands),
   * audited, with the other side told.
   */
  async function decide(ctx: Ctx, v: StrainViewer, r: Row, action: SharingAction, set: Record<string, unknown>, extra?: (trx: Transaction<DB>) => Promise<void>) {
    const id = await db.transaction().execute(async (trx) => {
      const after = await trx.updateTable('sharingRequest').set({ ...set, updatedAt: deps.now() }).where('id', '=', r.id).where('status', '=', r.status)
        .returning(['id', 'status']).executeTakeFirst();
      if (!after) throw conflict('申请已被他人处理，请刷新后重试', 'The request changed meanwhile; reload and try again', [{ path: '/status', message: '申请状态已变更（the state changed）' }]);
      await extra?.(trx);
      await audit(trx, ctx, {
        action: `strains.sharing.${action}`, entityType: 'sharing_request', entityId: r.id,
        summary: `共享申请 ${r.code}：${SHARING_STATUSES[r.status].zh} → ${SHARING_STATUSES[after.status].zh}（${action}）`,
        before: { status: r.status }, after: set,
      });
      const fresh = await rows(trx).where('r.id', '=', r.id).executeTakeFirstOrThrow();
      await notices.after(trx, fresh, action);
      return r.id;
    });
    return present(await readable(v, id), v);
  }

  async function load(ctx: Ctx, id: string) {
    const v = await strainViewerOf(db, ctx);
    return { v, r: await readable(v, id) };
  }

  return {
    /**
     * What a requester reads before asking: the strain's summary, the MTA with the strain's
     * conditions, the organisation's labs with the level each works at today and whether it
     * suffices, and whether the officer will have to approve; for a curator, the organisations
     * it may file for.
     */
    async terms(ctx: Ctx, q: { strainId: string; organisationId?: string }) {
      const v = await strainViewerOf(db, ctx);
      const strain = await requestableStrain(v, q.strainId);
      // A curator reads the terms before naming the organisation; its labs come once it is named.
      const organisationId = filesForOthers(ctx) && !q.organisationId ? null : await requesterOf(ctx, v, q.organisationId);
      const labs = organisationId ? (await labsOf(db, organisationId)).map((l) => ({ ...l, sufficient: l.effectiveLevel >= strain.biosafetyLevel })) : [];
      const reasons = organisationId ? officerReasons(strain) : [];
      // A curator picks the organisation among those with a lab on record (no lab, no request).
      const requesters = filesForOthers(ctx) ? await db.selectFrom('organisation as o').select(['o.id', 'o.nameZh', 'o.kind'])
        .where('o.kind', 'in', [...REQUESTER_KINDS]).where((eb) => eb.exists(eb.selectFrom('biosafetyLab as b').select('b.id').whereRef('b.organisationId', '=', 'o.id')))
        .orderBy('o.nameZh').execute() : [];
      return {
        strain, organisationId, labs, requesters, mta: mtaFor(strain),
        needsOfficer: reasons.length > 0, officerReasons: reasons.map((code) => ({ code, ...OFFICER_REASONS[code] })),
      };
    },

    async list(ctx: Ctx, f: SharingFilter) {
      const v = await strainViewerOf(db, ctx);
      let q = rows(db);
      if (!seesAll(v)) q = q.where('r.requesterOrganisationId', '=', v.organisationId ?? '00000000-0000-0000-0000-000000000000');
      else if (f.organisationId) q = q.where('r.requesterOrganisationId', '=', f.organisationId);
      if (f.status) q = q.where('r.status', '=', f.status as SharingStatus);
      if (f.step) q = q.where('r.status', '=', ({ curator: 'submitted', officer: 'curatorApproved', shipment: 'approved', receipt: 'shipped' } as const)[f.step]);
      if (f.strainId) q = q.where('r.strainId', '=', f.strainId);
      if (f.q?.trim()) {
        const like = containsPattern(f.q.trim());
        q = q.where((eb) => eb.or([eb('r.code', 'ilike', like), eb('s.accession', 'ilike', like), eb('s.genus', 'ilike', like), eb('o.nameZh', 'ilike', like)]));
      }
      const found = await q.select(sql<number>`count(*) over ()`.as('total')).orderBy('r.createdAt', 'desc').orderBy('r.code', 'desc').limit(f.limit).offset(f.offset).execute();
      return { total: found[0]?.total ?? 0, items: found.map(({ total: _t, ...r }) => present(r as Row, v)) };
    },

    async get(ctx: Ctx, id: string) {
      const { v, r } = await load(ctx, id);
      const moves = seesAll(v) ? await db.selectFrom('stockMove').select(['id', 'lotId', 'delta', 'balanceAfter', 'movedOn']).where('sharingRequestId', '=', id).execute() : [];
      return { ...present(r, v), mta: mtaFor(r, r.mtaVersion), moves };
    },

    async create(ctx: Ctx, input: RequestInput) {
      const v = await strainViewerOf(db, ctx);
      const organisationId = await requesterOf(ctx, v, input.organisationId);
      const problems = requestProblems(input, MTA_VERSION);
      if (problems.length) throw invalid(problems);
      const strain = await requestableStrain(v, input.strainId);
      const labs = await labsOf(db, organisationId);
      const lab = labs.find((l) => l.id === input.labId);
      if (!lab) throw invalid([{ path: '/labId', message: '须选择申请单位自己的实验室（choose one of the requesting organisation’s labs）' }]);
      await requireLabReaches(db, lab.id, strain.biosafetyLevel, true);
      const reasons = officerReasons(strain);
      const id = await db.transaction().execute(async (trx) => {
        const code = await nextCode(trx, 'sharing_request', `SR-${today().slice(0, 4)}-`);
        const row = await trx.insertInto('sharingRequest').values({
          code, strainId: strain.id, requesterOrganisationId: organisationId, requesterUserId: v.organisationId === organisationId ? v.userId : null,
          labId: lab.id, purposeZh: input.purposeZh.trim(), vials: input.vials, mtaVersion: MTA_VERSION, mtaConditions: mtaConditions(strain), mtaAcceptedAt: deps.now(),
          needsOfficer: reasons.length > 0, needsOfficerReason: reasons, filedBy: v.userId, createdAt: deps.now(), updatedAt: deps.now(),
        }).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'strains.sharing.submit', entityType: 'sharing_request', entityId: row.id, summary: `提交菌种共享申请 ${code}（${strain.accession}）（Submitted a sharing request）`, after: row });
        await notices.after(trx, await rows(trx).where('r.id', '=', row.id).executeTakeFirstOrThrow(), 'submit');
        return row.id;
      });
      return present(await readable(v, id), v);
    },

    /** The curator's approval, or the officer's when the curator's is given and the officer's needed. */
    async approve(ctx: Ctx, id: string, input: { noteZh?: string | null } = {}) {
      const { v, r } = await load(ctx, id);
      requireAllowed('approve', r, v);
      await requireLabReaches(db, r.labId, r.strainBiosafetyLevel, false);
      const note = input.noteZh?.trim() || null;
      const set = r.status === 'submitted'
        ? { status: afterApproval(r), curatorId: v.userId, curatorDecidedAt: deps.now(), curatorNoteZh: note }
        : { status: afterApproval(r), officerId: v.userId, officerDecidedAt: deps.now(), officerNoteZh: note };
      return decide(ctx, v, r, 'approve', set);
    },

    async reject(ctx: Ctx, id: string, input: { reasonZh: string }) {
      const { v, r } = await load(ctx, id);
      requireAllowed('reject', r, v);
      const reason = input.reasonZh?.trim();
      if (!reason) throw invalid([{ path: '/reasonZh', message: '请说明不予批准的理由（say why）' }]);
      const who = r.status === 'curatorApproved' ? { officerId: v.userId, officerDecidedAt: deps.now(), officerNoteZh: reason } : r.status === 'submitted' ? { curatorId: v.userId, curatorDecidedAt: deps.now(), curatorNoteZh: reason } : {};
      return decide(ctx, v, r, 'reject', { status: 'rejected', rejectedBy: v.userId, rejectedReasonZh: reason, ...who });
    },

    /** Ships from an active lot of the strain: the request and the stock move commit together. */
    async ship(ctx: Ctx, id: string, input: ShipInput) {
      const { v, r } = await load(ctx, id);
      requireAllowed('ship', r, v);
      const problems = shipProblems(input, r.vials, today());
      if (problems.length) throw invalid(problems);
      const lot = await db.selectFrom('strainLot').select(['strainId', 'code']).where('id', '=', input.lotId).executeTakeFirst();
      if (!lot || lot.strainId !== r.strainId) throw invalid([{ path: '/lotId', message: '须从本菌种的保藏批次发运（ship from a lot of this strain）' }]);
      await requireLabReaches(db, r.labId, r.strainBiosafetyLevel, false);
      return decide(ctx, v, r, 'ship', {
        status: 'shipped', lotId: input.lotId, shippedVials: input.vials, carrierZh: input.carrierZh.trim(), trackingNo: input.trackingNo.trim(), shippedOn: input.shippedOn, shippedBy: v.userId,
      }, async (trx) => {
        await applyMove(trx, ctx, input.lotId, { kind: 'ship', delta: -input.vials, movedOn: input.shippedOn, sharingRequestId: r.id, reasonZh: `共享申请 ${r.code} 发运（shipped for ${r.code}）` }, deps.now());
      });
    },

    async receive(ctx: Ctx, id: string) {
      const { v, r } = await load(ctx, id);
      requireAllowed('receive', r, v);
      return decide(ctx, v, r, 'receive', { status: 'received', receivedAt: deps.now(), receivedBy: v.userId });
    },

    async withdraw(ctx: Ctx, id: string) {
      const { v, r } = await load(ctx, id);
      requireAllowed('withdraw', r, v);
      return decide(ctx, v, r, 'withdraw', { status: 'withdrawn', withdrawnAt: deps.now() });
    },
  };
}

export type SharingService = ReturnType<typeof sharingService>;
