import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { invalid } from '../../platform/http/errors.js';
import type { FactoryDeps } from './index.js';
import { requireOperatorOf } from './batches.store.js';
import { parseBody, parseMessage, rejection, REJECT_REASON_CODES, REJECT_REASONS, type CandidateReading, type Parsed, type RejectReason, type Rejection } from './model/process-readings.js';
import { describeVariable, VARIABLES } from './model/process-variables.js';
import { factoryViewerOf } from './viewer.js';

/**
 * Sensor readings in (传感器数据接入), by HTTP in bulk and by MQTT, through one path: readings are
 * checked one by one; those of a batch of the factory within its run are stored, a repeated
 * (batch, variable, at) is a duplicate and the reading stored first stays (first wins: a resend
 * never rewrites history); every other reading is rejected with its reason and counted per
 * factory × source × reason. One transaction per request or message; after it commits, the
 * monitoring part hears which batches received readings.
 */
export type Source = 'http' | 'mqtt';


export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: number;
  byReason: Partial<Record<RejectReason, number>>;
  /** The first `MAX_LISTED` rejections, each with its place in the body (`/readings/12`). */
  rejections: Rejection[];
  batches: { batch: string; batchId: string; code: string; accepted: number }[];
  /** Set when the factory code named no factory: the message's readings were counted under it. */
  unknownFactory?: string;
}

export const MAX_LISTED = 1000;
/** Rows per INSERT … SELECT FROM unnest(…): large enough to amortise a statement, small enough for PGlite's memory. */
const CHUNK = 20_000;
const zh = (z: string, e: string) => `${z}（${e}）`;

/**
 * Stores readings that passed every check: new ones inserted, the rest left as duplicates. One
 * statement per batch and chunk, instants as epoch milliseconds (float8[]): parsing ten thousand
 * uuid and timestamptz literals, or a RETURNING to count rows, costs more than the insert itself.
 */
async function insertReadings(trx: Transaction<DB>, rows: { batchId: string; r: CandidateReading }[]) {
  const byBatch = new Map<string, CandidateReading[]>();
  for (const { batchId, r } of rows) (byBatch.get(batchId) ?? byBatch.set(batchId, []).get(batchId)!).push(r);
  const perBatch = new Map<string, number>();
  for (const [batchId, all] of byBatch) {
    for (let i = 0; i < all.length; i += CHUNK) {
      const part = all.slice(i, i + CHUNK);
      const res = await sql`insert into sensor_reading (batch_id, variable, at, value)
        select ${batchId}::uuid, v, to_timestamp(t / 1000.0), x
        from unnest(${part.map((r) => r.variable)}::text[], ${part.map((r) => r.at.getTime())}::float8[], ${part.map((r) => r.value)}::float8[]) as u(v, t, x)
        on conflict do nothing`.execute(trx);
      const n = Number(res.numAffectedRows ?? 0);
      if (n) perBatch.set(batchId, (perBatch.get(batchId) ?? 0) + n);
    }
  }
  return perBatch;
}

async function countRejections(trx: Transaction<DB>, factoryId: string, source: Source, rejected: Rejection[], at: Date) {
  const byReason = new Map<RejectReason, { n: number; last: Rejection }>();
  for (const r of rejected) byReason.set(r.reason, { n: (byReason.get(r.reason)?.n ?? 0) + 1, last: r });
  for (const [reason, { n, last }] of byReason) {
    await trx.insertInto('ingestRejection').values({
      factoryId, source, reason, count: String(n), firstAt: at, lastAt: at, lastBatch: last.batch, lastDetail: `${last.path} ${last.message}`.trim().slice(0, 500),
    }).onConflict((oc) => oc.columns(['factoryId', 'source', 'reason']).doUpdateSet({
      count: sql`ingest_rejection.count + excluded.count`, lastAt: sql`excluded.last_at`, lastBatch: sql`excluded.last_batch`, lastDetail: sql`excluded.last_detail`,
    })).execute();
  }
  return Object.fromEntries([...byReason].map(([k, v]) => [k, v.n])) as Partial<Record<RejectReason, number>>;
}

/** What is kept of a factory code as sent: a sender cannot grow a row without bound. */
const CODE_KEPT = 100;

export function readingsService(database: Database, d: FactoryDeps) {
  const { db } = database;

  /** The factory a caller posts for: its own organisation's, by code; any other reads as none (null). */
  async function factoryFor(ctx: Ctx, code: string, trusted: boolean) {
    const f = await db.selectFrom('factory').select(['id', 'code', 'organisationId']).where('code', '=', code).executeTakeFirst();
    if (!f || (!trusted && f.organisationId !== ctx.principal?.organisationId)) return null;
    if (!trusted) requireOperatorOf(ctx, f.organisationId);
    return f;
  }

  /**
   * A message for a factory code that names none of the sender's factories. HTTP answers the
   * sender; MQTT cannot, so its readings are counted under the code as sent (overseers see them
   * with the other counters), in one transaction with its audit.
   */
  async function countUnknownFactory(ctx: Ctx, factoryCode: string, parsed: Parsed): Promise<IngestResult> {
    const code = factoryCode.slice(0, CODE_KEPT);
    const n = Math.max(1, parsed.readings.length + parsed.rejected.length);
    const lastBatch = parsed.readings.at(-1)?.batch ?? parsed.rejected.at(-1)?.batch ?? null;
    const at = d.now();
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('ingestUnknownFactory').values({
        factoryCode: code, source: 'mqtt', count: String(n), firstAt: at, lastAt: at, lastBatch, lastDetail: zh('工厂编码不存在', 'No factory with this code'),
      }).onConflict((oc) => oc.columns(['factoryCode', 'source']).doUpdateSet({
        count: sql`ingest_unknown_factory.count + excluded.count`, lastAt: sql`excluded.last_at`, lastBatch: sql`excluded.last_batch`,
      })).execute();
      await audit(trx, ctx, {
        action: 'factory.readings.unknownFactory', entityType: 'factoryCode', entityId: code,
        summary: `工厂编码 ${code} 不存在，拒收读数 ${n} 条（mqtt: ${n} rejected, no factory with this code）`,
        after: { source: 'mqtt', rejected: n, batch: lastBatch },
      });
    });
    return { accepted: 0, duplicates: 0, rejected: n, byReason: {}, rejections: [], batches: [], unknownFactory: code };
  }

  async function ingest(ctx: Ctx, factoryCode: string, parsed: Parsed, source: Source, trusted = false): Promise<IngestResult> {
    const f = await factoryFor(ctx, factoryCode, trusted);
    if (!f && source === 'mqtt') return countUnknownFactory(ctx, factoryCode, parsed);
    if (!f) throw invalid([{ path: '/factory', message: zh('本单位没有此编码的工厂', 'your organisation has no factory with this code') }]);
    const numbers = [...new Set(parsed.readings.map((r) => r.batch))];
    const batches = numbers.length ? await db.selectFrom('factoryBatch').select(['id', 'code', 'externalId', 'startedAt', 'endedAt'])
      .where('factoryId', '=', f.id).where('externalId', 'in', numbers).execute() : [];
    const byNumber = new Map(batches.map((b) => [b.externalId, b]));
    const rejected = [...parsed.rejected];
    const good: { batchId: string; r: CandidateReading }[] = [];
    for (const r of parsed.readings) {
      const b = byNumber.get(r.batch);
      if (!b) rejected.push(rejection(r.path, 'unknownBatch', r.batch));
      else if (!b.startedAt || r.at < b.startedAt || (b.endedAt && r.at > b.endedAt)) rejected.push(rejection(r.path, 'outsideBatch', r.batch, r.at.toISOString()));
      else good.push({ batchId: b.id, r });
    }
    const now = d.now();
    const { perBatch, byReason } = await db.transaction().execute(async (trx) => {
      const perBatch = good.length ? await insertReadings(trx, good) : new Map<string, number>();
      const byReason = rejected.length ? await countRejections(trx, f.id, source, rejected, now) : {};
      const accepted = [...perBatch.values()].reduce((a, b) => a + b, 0);
      await audit(trx, ctx, {
        action: 'factory.readings.ingest', entityType: 'factory', entityId: f.id,
        summary: `工厂 ${f.code} 接收读数 ${accepted} 条，重复 ${good.length - accepted} 条，拒收 ${rejected.length} 条（${source}: ${accepted} stored, ${good.length - accepted} duplicates, ${rejected.length} rejected）`,
        after: { source, accepted, duplicates: good.length - accepted, rejected: rejected.length, byReason, batches: [...perBatch.keys()] },
      });
      return { perBatch, byReason };
    });
    const touched = [...perBatch.keys()];
    if (touched.length) await tellListeners(touched);
    const accepted = [...perBatch.values()].reduce((a, b) => a + b, 0);
    rejected.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
    return {
      accepted, duplicates: good.length - accepted, rejected: rejected.length, byReason, rejections: rejected.slice(0, MAX_LISTED),
      batches: batches.filter((b) => perBatch.has(b.id)).map((b) => ({ batch: b.externalId, batchId: b.id, code: b.code, accepted: perBatch.get(b.id)! })),
    };
  }

  /** Monitoring scores what arrived. Its failure must not undo or fail an ingest that committed. */
  async function tellListeners(batchIds: string[]) {
    for (const listener of d.readingsListeners) {
      try {
        await listener(batchIds);
      } catch (e) {
        console.error('factory: a readings listener failed', (e as Error).message);
      }
    }
  }

  /** Readings for codes that name no factory: no organisation owns them, so only overseers see them. */
  async function unknownFactories() {
    const rows = await db.selectFrom('ingestUnknownFactory').selectAll().orderBy('factoryCode').orderBy('source').execute();
    return rows.map((r) => ({ ...r, count: Number(r.count), reason: 'unknownFactory', reasonZh: '工厂编码不存在', reasonEn: 'No factory with this code' }));
  }

  return {
    /** HTTP bulk: `{ factory, readings?: [{ batch, variable, at, value }], series?: [{ batch, variable, points: [[at, value]] }] }`. */
    ingest(ctx: Ctx, body: { factory: string; readings?: unknown[]; series?: unknown[] }) {
      return ingest(ctx, body.factory, parseBody(body, d.now()), 'http');
    },

    /**
     * One MQTT message on a batch's topic. `trusted`: it came through an external broker whose
     * own access control stands for the publisher (the embedded broker authenticates the token).
     */
    ingestMessage(ctx: Ctx, factoryCode: string, batch: string, payload: Buffer | string, trusted = false) {
      return ingest(ctx, factoryCode, parseMessage(batch, payload, d.now()), 'mqtt', trusted);
    },

    /**
     * Rejected readings per factory × source × reason: overseers see all factories, others their
     * own; overseers also see readings sent for codes that name no factory (`unknownFactories`).
     */
    async rejections(ctx: Ctx, x: { factoryId?: string }) {
      const v = factoryViewerOf(ctx);
      let q = db.selectFrom('ingestRejection as r').innerJoin('factory as f', 'f.id', 'r.factoryId')
        .selectAll('r').select(['f.code as factoryCode', 'f.nameZh as factoryNameZh']);
      if (!v.overseer) q = q.where('f.organisationId', '=', v.organisationId ?? '00000000-0000-0000-0000-000000000000');
      if (x.factoryId) q = q.where('r.factoryId', '=', x.factoryId);
      const rows = await q.orderBy('f.code').orderBy('r.source').orderBy('r.reason').execute();
      const items = rows.map((r) => ({ ...r, count: Number(r.count), reasonZh: REJECT_REASONS[r.reason].zh, reasonEn: REJECT_REASONS[r.reason].en }));
      const perFactory = new Map<string, { factoryId: string; factoryCode: string; factoryNameZh: string; total: number }>();
      for (const r of items) {
        const t = perFactory.get(r.factoryId) ?? { factoryId: r.factoryId, factoryCode: r.factoryCode, factoryNameZh: r.factoryNameZh, total: 0 };
        t.total += r.count;
        perFactory.set(r.factoryId, t);
      }
      return { items, factories: [...perFactory.values()], unknownFactories: v.overseer && !x.factoryId ? await unknownFactories() : [] };
    },

    /** The variables vocabulary and the rejection reasons, for senders and pages. */
    vocabulary: () => ({
      variables: Object.keys(VARIABLES).map(describeVariable),
      reasons: REJECT_REASON_CODES.map((reason) => ({ reason, ...REJECT_REASONS[reason] })),
    }),
  };
}
