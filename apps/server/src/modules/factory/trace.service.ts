import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { todayIn } from '../../platform/dates.js';
import { invalid, notFound, type ErrorDetail } from '../../platform/http/errors.js';
import { epcInfo } from './model/trace-epc.js';
import { canonicalStart } from './trace.input.js';
import { recallDocx, recallWorkbook } from './recall.report.js';
import { traceGraph, type TraceGraph } from './trace.graph.js';
import { SAFE_DEPTH, type Direction } from './trace.walk.js';
import { eventVisibleSql, factoryViewerOf, type FactoryViewer } from './viewer.js';
import type { FactoryDeps } from './index.js';

export interface TraceQuery { epc?: string; direction?: string; depth?: number }

const DIRECTIONS: Direction[] = ['backward', 'forward'];

/**
 * Trace for a caller: the graph over the events they may see, the EPCs they may trace (the
 * search behind the page's picker), and the recall report, audited as an export.
 */
export function traceService(database: Database, d: FactoryDeps) {
  const { db } = database;

  /** EPCs the viewer's events name whose identifier contains the text (a lot number, a serial, an accession). */
  async function searchEpcs(viewer: FactoryViewer, q: string, limit: number) {
    const pattern = `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const { rows } = await sql<{ epc: string; events: string; lastAt: Date }>`
      select x.epc, count(*)::text as events, max(e.event_time) as "lastAt"
      from epcis_event_epc x join epcis_event e on e.seq = x.event_seq
      where x.epc ilike ${pattern} and e.error_reason is null and ${eventVisibleSql(viewer, 'e')}
      group by x.epc order by max(e.event_time) desc limit ${limit}`.execute(db);
    return rows.map((r) => ({ epc: r.epc, label: epcInfo(r.epc).label, scheme: epcInfo(r.epc).scheme, events: Number(r.events), lastAt: new Date(r.lastAt).toISOString() }));
  }

  /** The query checked and the start EPC found: a URN or URI as given, or a lot number that names exactly one visible EPC. */
  async function resolve(viewer: FactoryViewer, q: TraceQuery) {
    const problems: ErrorDetail[] = [];
    const raw = (q.epc ?? '').trim();
    if (!raw) problems.push({ path: '/epc', message: '请输入 EPC、数字链接或批号（Enter an EPC, a Digital Link or a lot number）' });
    const direction = (q.direction ?? 'backward') as Direction;
    if (!DIRECTIONS.includes(direction)) problems.push({ path: '/direction', message: '方向只能是 backward 或 forward（Direction is backward or forward）' });
    const depth = q.depth ?? SAFE_DEPTH;
    if (!Number.isInteger(depth) || depth < 1 || depth > SAFE_DEPTH) problems.push({ path: '/depth', message: `层数须为 1–${SAFE_DEPTH} 的整数（Depth is a whole number from 1 to ${SAFE_DEPTH}）` });
    if (problems.length) throw invalid(problems);
    let epc = canonicalStart(raw);
    if (epc === null) {
      const candidates = (await searchEpcs(viewer, raw, 50)).filter((c) => c.label === raw || c.label.replace(/\s+/g, '') === raw.replace(/\s+/g, ''));
      if (candidates.length > 1) throw invalid([{ path: '/epc', message: `批号 ${raw} 对应多个 EPC，请选择其一：${candidates.slice(0, 5).map((c) => c.epc).join('、')}（Several EPCs carry this lot number: pick one）` }]);
      if (!candidates.length) throw notFound(`未找到您可查看的批号 ${raw}`, 'No EPC you may see carries this lot number');
      epc = candidates[0].epc;
    }
    return { epc, direction, depth };
  }

  async function graph(ctx: Ctx, q: TraceQuery): Promise<TraceGraph> {
    const viewer = factoryViewerOf(ctx);
    const { epc, direction, depth } = await resolve(viewer, q);
    // JIT compiling costs PostgreSQL a second or more on the walk's plan (its estimate crosses
    // jit_above_cost with the visibility sub-plans) to save microseconds: off, for this read only.
    const g = await db.transaction().execute(async (trx) => {
      await sql`set local jit = off`.execute(trx);
      return traceGraph(trx, viewer, epc, direction, depth);
    });
    // An EPC no visible event names is unknown to this caller, whether or not others recorded it.
    if (!g.events.length) throw notFound('未找到您可查看的该 EPC 的事件', 'No event you may see names this EPC');
    return g;
  }

  async function report(ctx: Ctx, q: TraceQuery, format: 'xlsx' | 'docx') {
    const g = await graph(ctx, q);
    const startLabel = epcInfo(g.start).label;
    const file = format === 'xlsx'
      ? await recallWorkbook(g, startLabel)
      : await recallDocx(g, startLabel, todayIn(d.now()), ctx.principal?.displayName ?? '');
    await db.transaction().execute(async (trx) => {
      await audit(trx, ctx, {
        action: 'factory.traceReport', entityType: 'epc', entityId: g.start,
        summary: `导出${g.direction === 'forward' ? '召回' : '溯源'}报告 ${startLabel}（${format}，${g.nodes.length} 个节点）（Exported the ${g.direction} trace report）`,
        after: { direction: g.direction, format, nodes: g.nodes.length, shipments: g.shipments.length },
      });
    });
    return file;
  }

  return {
    graph,
    report,
    epcs: (ctx: Ctx, q: { q: string; limit?: number }) => {
      if (!q.q?.trim()) throw invalid([{ path: '/q', message: '请输入批号或 EPC 的一部分（Enter part of a lot number or EPC）' }]);
      return searchEpcs(factoryViewerOf(ctx), q.q, Math.min(q.limit ?? 20, 50)).then((items) => ({ items }));
    },
  };
}

export type TraceService = ReturnType<typeof traceService>;
