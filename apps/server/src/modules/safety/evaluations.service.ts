import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { forbidden, invalid, notFound } from '../../platform/http/errors.js';
import { todayIn } from '../../platform/dates.js';
import { queryTokens, tokensOf } from '../../platform/search/segmenter.js';
import type { SafetyDeps } from './index.js';
import { APPLICANT_ORGANISATION_KINDS, LIVE_REVIEW, type EvaluationState } from './model/labels.js';
import { EVALUATION_FIELDS, evaluationProblems, submitProblems, type EvaluationInput } from './model/evaluations.js';
import { nextNumber } from './codes.js';
import { evaluationQuery, loadEvaluation, pausesOf, toRow, type EvaluationRow } from './evaluations.store.js';
import { clockFor, present, type Audience } from './evaluations.view.js';
import { detail, loadSeen, notFoundEvaluation, requireMove, tellHandler, tellReviewers, transition } from './evaluations.shared.js';
import { requireApplicantOrganisation, safetyViewerOf, type SafetyViewer } from './viewer.js';

export interface QueueFilter {
  state?: EvaluationState; track?: string; subjectKind?: string; overdue?: boolean; q?: string; applicantOrganisationId?: string;
  limit: number; offset: number;
}
export type EvaluationPatch = Partial<EvaluationInput>;

const OPEN: readonly EvaluationState[] = ['submitted', 'accepted', 'supplementing', 'review'];
const trimmed = (x: unknown) => (typeof x === 'string' ? x.trim() : x);
/** Public words only, so that a search never finds an application by its dossier. */
const tokensFor = (f: Partial<EvaluationInput>) => tokensOf(f.titleZh, (f.fields ?? []).join(' '));

/**
 * Applications for safety evaluation (安全评价申请) and their reading. An applicant writes a
 * draft for its organisation with the dossier, asks for the green channel or priority assessment
 * with a reason, submits, answers a request for supplements, or withdraws. The body's queue
 * carries each evaluation's clock, open ones soonest due first, and the overdue ones on request.
 */
export function evaluationsService(database: Database, d: SafetyDeps) {
  const { db } = database;
  const today = () => todayIn(d.now());

  /** The fields of a stored application with a patch over them, cleaned as they will be stored. */
  function merged(row: EvaluationRow | null, patch: EvaluationPatch): Partial<EvaluationInput> {
    const out: Record<string, unknown> = {};
    for (const f of EVALUATION_FIELDS) out[f] = trimmed(patch[f] !== undefined ? patch[f] : row?.[f as keyof EvaluationRow] ?? undefined);
    out.fields = [...new Set(((out.fields as string[] | undefined) ?? []).map((x) => x.trim()))];
    out.fileIds = [...new Set((out.fileIds as string[] | undefined) ?? [])];
    if (out.contactEmail === '') out.contactEmail = null;
    if (out.strainId === '') out.strainId = null;
    return out as Partial<EvaluationInput>;
  }

  async function checked(ctx: Ctx, f: Partial<EvaluationInput>, changedFiles: boolean) {
    const p = evaluationProblems(f);
    if (f.strainId && !p.some((x) => x.path === '/strainId')) {
      const s = await db.selectFrom('strain').select('status').where('id', '=', f.strainId).executeTakeFirst();
      if (!s || s.status === 'rejected' || s.status === 'withdrawn') p.push({ path: '/strainId', message: '菌种库中没有此菌种（no such strain in the bank）' });
    }
    if (p.length) throw invalid(p);
    if (changedFiles) await d.files.citable(ctx, f.fileIds, '/fileIds');
    return f;
  }

  const columns = (f: Partial<EvaluationInput>) => ({
    subjectKind: f.subjectKind as EvaluationRow['subjectKind'], strainId: f.strainId ?? null, titleZh: f.titleZh!, descriptionZh: f.descriptionZh!, fields: f.fields ?? [],
    contactNameZh: f.contactNameZh!, contactPhone: f.contactPhone!, contactEmail: f.contactEmail ?? null, fileIds: f.fileIds ?? [],
    trackRequested: (f.trackRequested ?? 'standard') as EvaluationRow['trackRequested'], trackReasonZh: f.trackRequested && f.trackRequested !== 'standard' ? f.trackReasonZh ?? null : null,
    tokens: tokensFor(f),
  });

  /** The application for its applicant, who may change it: others get 404 if they may not see it, 403 if they may. */
  async function loadOwn(v: SafetyViewer, id: string) {
    const org = requireApplicantOrganisation(v);
    const e = await loadEvaluation(db, id);
    if (!e) throw notFoundEvaluation();
    if (e.applicantOrganisationId !== org) throw notFoundEvaluation();
    return e;
  }

  const reload = async (v: SafetyViewer, id: string) => {
    const { e, audience } = await loadSeen(db, v, id);
    return detail(db, d, v, e, audience, today());
  };

  /** Live reviewers per evaluation: how many, and how many have submitted. */
  async function reviewCounts(ids: readonly string[]) {
    if (!ids.length) return new Map<string, { live: number; submitted: number }>();
    const rows = await db.selectFrom('safetyReview').select(['evaluationId', sql<number>`count(*)::int`.as('live'), sql<number>`count(*) filter (where status = 'submitted')::int`.as('submitted')])
      .where('evaluationId', 'in', [...ids]).where('status', 'in', [...LIVE_REVIEW]).groupBy('evaluationId').execute();
    return new Map(rows.map((r) => [r.evaluationId, { live: r.live, submitted: r.submitted }]));
  }

  async function listed(rows: EvaluationRow[], audience: Audience) {
    const ids = rows.map((e) => e.id);
    const [pauses, counts] = await Promise.all([pausesOf(db, ids), reviewCounts(ids)]);
    const t = today();
    return rows.map((e) => ({ ...present(e, audience, t, { pauses: pauses.get(e.id)! }), reviewers: counts.get(e.id) ?? { live: 0, submitted: 0 } }));
  }

  return {
    /**
     * Every submitted evaluation with its clock, for the body and overseers: open ones soonest due
     * first (awaiting acceptance by the day they came in), then the closed ones, latest first.
     * The clock is the model's, so the queue is ordered and filtered here rather than in SQL:
     * a body handles hundreds of evaluations a year, not millions.
     */
    async queue(ctx: Ctx, f: QueueFilter) {
      const v = await safetyViewerOf(db, ctx);
      if (!v.overseer) throw forbidden('无权查看安全评价队列', 'You may not read the evaluation queue');
      let q = evaluationQuery(db).where('e.state', '<>', 'draft');
      if (f.state) q = q.where('e.state', '=', f.state);
      if (f.track) q = q.where('e.track', '=', f.track as EvaluationRow['track']);
      if (f.subjectKind) q = q.where('e.subjectKind', '=', f.subjectKind as EvaluationRow['subjectKind']);
      if (f.applicantOrganisationId) q = q.where('e.applicantOrganisationId', '=', f.applicantOrganisationId);
      const tokens = f.q ? queryTokens(f.q) : [];
      if (tokens.length) q = q.where(sql<boolean>`e.tokens @> ${sql.val(tokens)}::text[]`);
      const rows = (await q.execute()).map(toRow);
      const pauses = await pausesOf(db, rows.map((e) => e.id));
      const t = today();
      const keyed = rows.map((e) => {
        const clock = clockFor(e, pauses.get(e.id)!, t);
        const open = OPEN.includes(e.state);
        return { e, clock, open, due: clock?.dueOn ?? (e.submittedAt ? todayIn(e.submittedAt) : t) };
      }).filter((x) => f.overdue === undefined || !!x.clock?.overdue === f.overdue);
      keyed.sort((a, b) => Number(b.open) - Number(a.open)
        || (a.open ? a.due.localeCompare(b.due) : b.e.updatedAt.getTime() - a.e.updatedAt.getTime())
        || a.e.code.localeCompare(b.e.code));
      const pageRows = keyed.slice(f.offset, f.offset + f.limit).map((x) => x.e);
      return { total: keyed.length, items: await listed(pageRows, v.body ? 'body' : 'overseer') };
    },

    /** The caller's organisation's applications, in every state, latest first. */
    async mine(ctx: Ctx, f: { state?: EvaluationState; limit: number; offset: number }) {
      const v = await safetyViewerOf(db, ctx);
      const org = requireApplicantOrganisation(v);
      let q = evaluationQuery(db).where('e.applicantOrganisationId', '=', org);
      if (f.state) q = q.where('e.state', '=', f.state);
      const found = await q.select(sql<number>`count(*) over ()`.as('total')).orderBy('e.updatedAt', 'desc').orderBy('e.code', 'desc').limit(f.limit).offset(f.offset).execute();
      return { total: found[0]?.total ?? 0, items: await listed(found.map(({ total: _t, ...r }) => toRow(r)), 'applicant') };
    },

    async get(ctx: Ctx, id: string) {
      return reload(await safetyViewerOf(db, ctx), id);
    },

    /** A dossier file, for whoever sees the dossier (the file service alone lets only the uploader's organisation read it). */
    async file(ctx: Ctx, id: string, fileId: string) {
      const v = await safetyViewerOf(db, ctx);
      const { e, audience } = await loadSeen(db, v, id);
      if (audience === 'public' || !e.fileIds.includes(fileId)) throw notFound('附件不存在', 'File not found');
      const f = await db.selectFrom('storedFile').selectAll().where('id', '=', fileId).executeTakeFirst();
      if (!f) throw notFound('附件不存在', 'File not found');
      return f;
    },

    async create(ctx: Ctx, input: EvaluationInput) {
      const v = await safetyViewerOf(db, ctx);
      const org = requireApplicantOrganisation(v);
      const kind = await db.selectFrom('organisation').select('kind').where('id', '=', org).executeTakeFirst();
      if (!(APPLICANT_ORGANISATION_KINDS as readonly string[]).includes(kind?.kind ?? ''))
        throw forbidden('只有企业、高校院所、中试基地可申请安全评价', 'Only enterprises, institutes, universities and pilot bases apply for safety evaluation');
      const f = await checked(ctx, merged(null, input), true);
      const id = await db.transaction().execute(async (trx) => {
        const code = await nextNumber(trx, 'code', today().slice(0, 4));
        const row = await trx.insertInto('safetyEvaluation').values({ ...columns(f), code, applicantOrganisationId: org, createdBy: v.userId, createdAt: d.now(), updatedAt: d.now() })
          .returning('id').executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'safety.evaluation.create', entityType: 'safetyEvaluation', entityId: row.id, summary: `起草安全评价申请 ${code} ${f.titleZh}（Drafted a safety evaluation application）`, after: { code, applicantOrganisationId: org, ...f } });
        return row.id;
      });
      return reload(v, id);
    },

    /** The applicant edits its draft. */
    async update(ctx: Ctx, id: string, patch: EvaluationPatch) {
      const v = await safetyViewerOf(db, ctx);
      const e = await loadOwn(v, id);
      requireMove('edit', e.state);
      const f = await checked(ctx, merged(e, patch), patch.fileIds !== undefined);
      await db.transaction().execute(async (trx) => {
        const changed = Object.keys(patch).filter((k) => (EVALUATION_FIELDS as readonly string[]).includes(k));
        await transition(trx, ctx, d, e, 'edit', Object.fromEntries(Object.entries(columns(f)).filter(([k]) => changed.includes(k) || k === 'tokens' || (k === 'trackReasonZh' && changed.includes('trackRequested')))), { zh: '修改草稿', en: 'edited the draft' });
      });
      return reload(v, id);
    },

    async submit(ctx: Ctx, id: string) {
      const v = await safetyViewerOf(db, ctx);
      const e = await loadOwn(v, id);
      requireMove('submit', e.state);
      const f = merged(e, {});
      const p = [...evaluationProblems(f), ...submitProblems(f)];
      if (p.length) throw invalid(p);
      await db.transaction().execute((trx) => transition(trx, ctx, d, e, 'submit', { state: 'submitted', submittedAt: d.now() }, { zh: '提交申请', en: 'submitted' }));
      return reload(v, id);
    },

    /**
     * The applicant withdraws an application not yet concluded. Its clock stops; reviewers who
     * have not submitted are taken off and told.
     */
    async withdraw(ctx: Ctx, id: string, input: { reasonZh?: string | null } = {}) {
      const v = await safetyViewerOf(db, ctx);
      const e = await loadOwn(v, id);
      requireMove('withdraw', e.state);
      const reason = input.reasonZh?.trim() || null;
      const t = today();
      await db.transaction().execute(async (trx) => {
        await transition(trx, ctx, d, e, 'withdraw', { state: 'withdrawn', resumeState: null, closedReasonZh: reason, closedOn: t }, { zh: '申请人撤回', en: 'withdrawn by the applicant' });
        await trx.updateTable('safetyEvaluationPause').set({ endedOn: t }).where('evaluationId', '=', e.id).where('endedOn', 'is', null).execute();
        const ended = await trx.updateTable('safetyReview').set({ status: 'removed', endReasonZh: '申请已撤回', endedAt: d.now() })
          .where('evaluationId', '=', e.id).where('status', '=', 'assigned').returning('expertId').execute();
        if (ended.length) {
          const users = await trx.selectFrom('expert').select('userId').where('id', 'in', ended.map((r) => r.expertId)).execute();
          await tellReviewers(trx, e, users.map((u) => u.userId), 'ended', '申请已撤回');
        }
        await tellHandler(trx, e, 'withdrawn', '已被申请人撤回', 'withdrawn by the applicant');
      });
      return reload(v, id);
    },

    /**
     * The applicant answers a request for supplements, with any new dossier files: the
     * application goes back to where it was (accepted or under review) and its clock runs again.
     */
    async supplement(ctx: Ctx, id: string, input: { answerZh: string; fileIds?: string[] }) {
      const v = await safetyViewerOf(db, ctx);
      const e = await loadOwn(v, id);
      requireMove('supplement', e.state);
      const answer = input.answerZh?.trim();
      if (!answer) throw invalid([{ path: '/answerZh', message: '请说明补充了什么（say what is supplemented）' }]);
      const added = await d.files.citable(ctx, input.fileIds, '/fileIds');
      const fileIds = [...new Set([...e.fileIds, ...added])];
      await db.transaction().execute(async (trx) => {
        await transition(trx, ctx, d, e, 'supplement', { state: e.resumeState, resumeState: null, fileIds }, { zh: `提交补充材料：${answer.slice(0, 100)}`, en: 'answered with supplements' });
        await trx.updateTable('safetyEvaluationPause').set({ endedOn: today(), answerZh: answer }).where('evaluationId', '=', e.id).where('endedOn', 'is', null).execute();
        await tellHandler(trx, e, 'supplemented', '的申请人已提交补充材料，评价计时恢复', 'the applicant answered; the clock runs again');
      });
      return reload(v, id);
    },
  };
}

export type EvaluationsService = ReturnType<typeof evaluationsService>;
