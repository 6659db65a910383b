import { GATE_RESULTS, PROJECT_STAGE_CODES, PROJECT_STAGES } from './labels.js';

/**
 * Pilot projects: 技术攻关 → 概念验证 → 中试熟化 → 企业孵化 → 园区运营 → 产业集群, one stage at a
 * time, each move through a reviewed gate. Pure rules: no I/O.
 */
export type ProjectStage = keyof typeof PROJECT_STAGES;
export type GateResult = keyof typeof GATE_RESULTS;
export const GATE_RESULT_CODES = Object.keys(GATE_RESULTS) as GateResult[];

/**
 * Where a project may start when it is recorded. Incubation and later count towards the plan's
 * 1-to-10 indicator, so a project gets there only through a passed pilot-maturation gate.
 */
export const START_STAGES: readonly ProjectStage[] = ['research', 'poc', 'pilot'];

export const nextProjectStage = (stage: string): ProjectStage | null => {
  const i = PROJECT_STAGE_CODES.indexOf(stage as ProjectStage);
  return i >= 0 && i < PROJECT_STAGE_CODES.length - 1 ? PROJECT_STAGE_CODES[i + 1] : null;
};

/** Why a gate review cannot be held now, or null: an active project, towards its next stage only. */
export function gateProblem(p: { stage: string; status: string }, toStage?: string | null): { zh: string; en: string } | null {
  if (p.status !== 'active') return { zh: '项目已终止，不能再评审', en: 'The project is stopped; no further gate reviews' };
  const next = nextProjectStage(p.stage);
  const from = PROJECT_STAGES[p.stage as ProjectStage];
  if (!next) return { zh: `项目已处于最后阶段「${from.zh}」`, en: `The project is at the last stage (${from.en})` };
  if (toStage && toStage !== next)
    return { zh: `逐级推进：「${from.zh}」之后只能进入「${PROJECT_STAGES[next].zh}」`, en: `One stage at a time: after ${from.en} comes ${PROJECT_STAGES[next].en} only` };
  return null;
}

/** What a gate does: a pass moves the project on; a fail or a rework is recorded and it stays. */
export const stageAfterGate = (stage: string, result: GateResult): string => (result === 'pass' ? nextProjectStage(stage) ?? stage : stage);
