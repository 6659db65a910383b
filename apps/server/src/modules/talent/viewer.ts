import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { hasRole } from '../../platform/access/model.js';
import { forbidden } from '../../platform/http/errors.js';

/**
 * Who is asking, as the talent module sees it. The task force keeps everything; units keep
 * experts, talent and education records; districts read; an expert reads the directory and
 * keeps its own record (conflicts, joint work) through the account linked to it.
 */
export interface TalentViewer {
  userId: string | null;
  taskForce: boolean;
  /** Task force or unit: writes experts, talent and education records. */
  keeper: boolean;
  /** Sees every expert record in full (contact, conflicts, joint work). */
  overseer: boolean;
  /** Holds the expert role: reads the directory, even before a record is linked. */
  expertRole: boolean;
  /** The expert record linked to the caller's account, if any. */
  expertId: string | null;
}

export async function talentViewerOf(db: Kysely<DB>, ctx: Ctx): Promise<TalentViewer> {
  const p = ctx.principal;
  if (!p) return { userId: null, taskForce: false, keeper: false, overseer: false, expertRole: false, expertId: null };
  const own = hasRole(p, 'expert') ? await db.selectFrom('expert').select('id').where('userId', '=', p.userId).executeTakeFirst() : undefined;
  return {
    userId: p.userId,
    taskForce: hasRole(p, 'admin', 'taskforce'),
    keeper: hasRole(p, 'admin', 'taskforce', 'unit'),
    overseer: hasRole(p, 'admin', 'taskforce', 'unit', 'district'),
    expertRole: hasRole(p, 'expert'),
    expertId: own?.id ?? null,
  };
}

/** Reads the full record: overseers for anyone, an expert for its own. */
export const seesInFull = (v: TalentViewer, expertId: string) => v.overseer || v.expertId === expertId;

export function requireTaskForce(v: TalentViewer) {
  if (!v.taskForce) throw forbidden('仅工作专班可执行此操作', 'Only the task force may do this');
}
export function requireOverseer(v: TalentViewer) {
  if (!v.overseer) throw forbidden('无权查看人才信息', 'You may not read talent records');
}
export function requireKeeper(v: TalentViewer) {
  if (!v.keeper) throw forbidden('仅工作专班和责任单位可执行此操作', 'Only the task force and responsible units may do this');
}
export function requireDirectoryReader(v: TalentViewer) {
  if (!v.overseer && !v.expertRole) throw forbidden('无权查看专家库', 'You may not read the expert directory');
}
