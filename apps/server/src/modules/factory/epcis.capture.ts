import type { Selectable } from 'kysely';
import { addCompanyPrefixes, companyPrefixOf, validateDocument, type Problem } from '@cq-biomfg/epcis';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import type { FactoryDeps } from './index.js';
import type { EpcisCaptureTable } from './schema.js';
import { factoryViewerOf } from './viewer.js';
import { storeEvents } from './epcis.store.js';
import { EpcisProblemError, epcisProblem, noSuchResource } from './epcis.problems.js';

/** What one capture call may carry (announced by OPTIONS and on refusals, as the binding's headers say). */
export const CAPTURE_LIMITS = { events: 10_000, bytes: 16 * 1024 * 1024 };

type JobRow = Selectable<EpcisCaptureTable> & { submittedByName?: string | null };

/** A capture job as the REST binding presents it (CaptureJob), with the repository's counts beside. */
export function presentJob(j: JobRow) {
  const problem = j.problem as Problem | null;
  return {
    captureID: j.id,
    createdAt: new Date(j.createdAt as Date).toISOString(),
    finishedAt: j.finishedAt ? new Date(j.finishedAt as Date).toISOString() : null,
    running: j.state === 'running',
    success: j.state === 'success',
    captureErrorBehaviour: 'rollback' as const,
    errors: problem ? [problem] : [],
    state: j.state,
    eventCount: j.eventCount,
    storedCount: j.storedCount,
    via: j.via,
    organisationId: j.organisationId,
    submittedBy: j.submittedBy,
    ...(j.submittedByName !== undefined ? { submittedByName: j.submittedByName } : {}),
  };
}
export type CaptureJob = ReturnType<typeof presentJob>;

const eventListLength = (input: unknown) => {
  const list = (input as { epcisBody?: { eventList?: unknown } } | null)?.epcisBody?.eventList;
  return Array.isArray(list) ? list.length : 0;
};

/**
 * The capture interface: a document is validated whole by the engine and stored whole, in one
 * transaction with its job row and audit, or not at all; a refused document leaves a failed job
 * that says why. Usable without HTTP (the trace part's demo captures through it).
 */
export function captureService(database: Database, d: FactoryDeps) {
  const { db } = database;

  // Digital Links name no company prefix; the engine splits them by the prefixes it knows, and
  // the factories' sites are ours (registered here once, and by the factories service on change).
  let prefixesKnown: Promise<void> | null = null;
  const knowSitePrefixes = () => (prefixesKnown ??= db.selectFrom('factory').select('sgln').where('sgln', 'is not', null).execute()
    .then((rows) => addCompanyPrefixes(rows.flatMap((r) => (r.sgln ? [companyPrefixOf(r.sgln) ?? ''] : [])))));

  function capturer(ctx: Ctx) {
    const v = factoryViewerOf(ctx);
    if (!ctx.principal) throw epcisProblem('SecurityException', '请先登录（Authentication required）', undefined, 401);
    if (!v.organisationId) throw epcisProblem('SecurityException', '账号未关联机构，不能提交事件（Your account belongs to no organisation, so it cannot capture events）');
    return { organisationId: v.organisationId, userId: ctx.principal.userId, via: ctx.principal.via === 'token' ? 'token' as const : 'session' as const };
  }

  /** A refused document's job: failed, with the problem, audited; nothing else is written. */
  async function recordFailure(ctx: Ctx, who: ReturnType<typeof capturer>, p: Problem, eventCount: number) {
    return db.transaction().execute(async (trx) => {
      const now = d.now();
      const job = await trx.insertInto('epcisCapture').values({
        organisationId: who.organisationId, submittedBy: who.userId, via: who.via, state: 'failed', eventCount, storedCount: 0,
        problem: JSON.stringify(p) as never, createdAt: now, finishedAt: now,
      }).returningAll().executeTakeFirstOrThrow();
      await audit(trx, ctx, { action: 'factory.epcisCaptureRefused', entityType: 'epcis_capture', entityId: job.id, summary: `EPCIS 文档被拒：${p.title}（EPCIS document refused）`, after: { type: p.type, errors: p.errors?.length ?? 0 } });
      return job;
    });
  }

  const refused = (job: { id: string }, p: Problem) => new EpcisProblemError({ ...p, instance: `/epcis/capture/${job.id}` }, { location: `/epcis/capture/${job.id}` });

  async function capture(ctx: Ctx, input: unknown): Promise<CaptureJob> {
    const who = capturer(ctx);
    const given = eventListLength(input);
    if (given > CAPTURE_LIMITS.events) {
      throw new EpcisProblemError({ ...epcisProblem('CaptureLimitExceededException', `一次最多提交 ${CAPTURE_LIMITS.events} 个事件，本文档有 ${given} 个（At most ${CAPTURE_LIMITS.events} events per capture; this document has ${given}）`).problem },
        { 'GS1-EPCIS-Capture-Limit': String(CAPTURE_LIMITS.events) });
    }
    await knowSitePrefixes();
    const result = validateDocument(input, { accept: ['EPCISDocument'] });
    if (!result.ok) throw refused(await recordFailure(ctx, who, result.problem, given), result.problem);
    const events = result.events;
    try {
      const job = await db.transaction().execute(async (trx) => {
        const now = d.now();
        const created = await trx.insertInto('epcisCapture').values({
          organisationId: who.organisationId, submittedBy: who.userId, via: who.via, state: 'running', eventCount: events.length, createdAt: now,
        }).returning('id').executeTakeFirstOrThrow();
        const { stored, declared } = await storeEvents(trx, events, { captureId: created.id, organisationId: who.organisationId, recordTime: now });
        const done = await trx.updateTable('epcisCapture').set({ state: 'success', storedCount: stored, finishedAt: d.now() })
          .where('id', '=', created.id).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, {
          action: 'factory.epcisCapture', entityType: 'epcis_capture', entityId: created.id,
          summary: `采集 EPCIS 事件 ${stored}/${events.length} 条${declared ? `，声明 ${declared} 条已存事件有误` : ''}（captured ${stored} of ${events.length} EPCIS events${declared ? `, declared ${declared} stored event(s) erroneous` : ''}; the rest were already in the repository）`,
          after: { eventCount: events.length, storedCount: stored, declaredCount: declared },
        });
        return done;
      });
      return presentJob(job);
    } catch (e) {
      // Refused while storing (an eventID another organisation holds): rolled back, and the job says why.
      if (e instanceof EpcisProblemError) throw refused(await recordFailure(ctx, who, e.problem, events.length), e.problem);
      const p = epcisProblem('ImplementationException', '存储事件时出错，所有事件均未保存（Storing the events failed; none was stored）').problem;
      const job = await recordFailure(ctx, who, p, events.length);
      throw Object.assign(refused(job, p), { cause: e });
    }
  }

  /** The caller's organisation's capture jobs, newest first (an administrator sees every job). */
  async function jobs(ctx: Ctx, q: { limit: number; offset: number }) {
    const v = factoryViewerOf(ctx);
    let rows = db.selectFrom('epcisCapture as c').leftJoin('appUser as u', 'u.id', 'c.submittedBy').selectAll('c').select('u.displayName as submittedByName');
    if (!ctx.principal?.roles.includes('admin')) rows = rows.where('c.organisationId', '=', v.organisationId ?? '00000000-0000-0000-0000-000000000000');
    const [items, total] = await Promise.all([
      rows.orderBy('c.createdAt', 'desc').orderBy('c.id').limit(q.limit).offset(q.offset).execute(),
      rows.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { total: Number(total.n), items: items.map(presentJob) };
  }

  async function job(ctx: Ctx, id: string) {
    const v = factoryViewerOf(ctx);
    const row = /^[0-9a-f-]{36}$/i.test(id)
      ? await db.selectFrom('epcisCapture as c').leftJoin('appUser as u', 'u.id', 'c.submittedBy').selectAll('c').select('u.displayName as submittedByName').where('c.id', '=', id).executeTakeFirst()
      : undefined;
    // Another organisation's job is as absent as a job that never was.
    if (!row || (!ctx.principal?.roles.includes('admin') && row.organisationId !== v.organisationId)) throw noSuchResource('采集任务不存在', 'No such capture job');
    return presentJob(row);
  }

  return { capture, jobs, job };
}
