import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { queryTokens } from '../../platform/search/segmenter.js';
import type { SafetyDeps } from './index.js';
import { evaluationQuery, toRow } from './evaluations.store.js';
import { publicView } from './evaluations.view.js';
import { CONCLUSIONS_FILE, conclusionsWorkbook } from './safety.excel.js';

export interface ConclusionFilter { subjectKind?: string; conclusion?: string; track?: string; q?: string; limit: number; offset: number }

/**
 * The public list of conclusions (安全评价结论公开): every concluded evaluation's subject,
 * applicant, conclusion, certificate and date, latest first, with Chinese search on the title
 * and field keywords, and its Excel export. Nothing of the dossier or the findings.
 */
export function conclusionsService(database: Database, _d: SafetyDeps) {
  const { db } = database;

  async function list(_ctx: Ctx, f: ConclusionFilter) {
    let q = evaluationQuery(db).where('e.state', '=', 'concluded');
    if (f.subjectKind) q = q.where('e.subjectKind', '=', f.subjectKind as never);
    if (f.conclusion) q = q.where('e.conclusion', '=', f.conclusion as never);
    if (f.track) q = q.where('e.track', '=', f.track as never);
    const tokens = f.q ? queryTokens(f.q) : [];
    if (tokens.length) q = q.where(sql<boolean>`e.tokens @> ${sql.val(tokens)}::text[]`);
    const rows = await q.select(sql<number>`count(*) over ()`.as('total')).orderBy('e.concludedOn', 'desc').orderBy('e.code', 'desc').limit(f.limit).offset(f.offset).execute();
    return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _t, ...r }) => publicView(toRow(r))) };
  }

  return {
    list,
    async exportXlsx(ctx: Ctx, f: Omit<ConclusionFilter, 'limit' | 'offset'>) {
      const { items } = await list(ctx, { ...f, limit: 100_000, offset: 0 });
      return { buffer: await conclusionsWorkbook(items), fileName: CONCLUSIONS_FILE };
    },
  };
}

export type ConclusionsService = ReturnType<typeof conclusionsService>;
