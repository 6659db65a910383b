import { RESPONSE_STAGES } from './labels.js';

/**
 * Responses to list items (响应 → 洽谈 → 签约 → 完成, or closed with a reason) and the public
 * funnel built from them. Pure rules: no I/O.
 */
export type ResponseStage = keyof typeof RESPONSE_STAGES;
export const RESPONSE_FLOW = ['responded', 'negotiating', 'signed', 'done'] as const;
export type FlowStage = (typeof RESPONSE_FLOW)[number];
export const OPEN_RESPONSE_STAGES: readonly ResponseStage[] = ['responded', 'negotiating', 'signed'];
export type ResponseSide = 'owner' | 'responder';

export const isOpenResponse = (stage: string) => OPEN_RESPONSE_STAGES.includes(stage as ResponseStage);

/** The one stage a response may move to next; closing is open at every open stage besides. */
export function nextResponseStage(stage: string): FlowStage | null {
  const i = RESPONSE_FLOW.indexOf(stage as FlowStage);
  return i >= 0 && i < RESPONSE_FLOW.length - 1 ? RESPONSE_FLOW[i + 1] : null;
}

const names = (stages: readonly string[]) => ({
  zh: stages.map((s) => RESPONSE_STAGES[s as ResponseStage].zh).join('、'),
  en: stages.map((s) => RESPONSE_STAGES[s as ResponseStage].en).join(', '),
});

export interface MoveRefusal { status: 403 | 409; zh: string; en: string; allowed: ResponseStage[] }

/**
 * Why a move is refused, or null. Forward one stage at a time; 洽谈 opens only by the item
 * owner's acceptance (the responder accepted by responding), so it is the owner's move alone;
 * the later ones either party makes.
 */
export function responseMoveProblem(from: string, to: string, side: ResponseSide): MoveRefusal | null {
  const next = nextResponseStage(from);
  const allowed: ResponseStage[] = isOpenResponse(from) ? [...(next ? [next] : []), 'closed'] : [];
  if (to === 'closed') {
    return isOpenResponse(from) ? null : { status: 409, zh: `响应已${RESPONSE_STAGES[from as ResponseStage].zh}，不能关闭`, en: `The response is ${RESPONSE_STAGES[from as ResponseStage].en.toLowerCase()} and cannot be closed`, allowed };
  }
  if (to !== next) {
    const a = names(allowed);
    return {
      status: 409, allowed,
      zh: allowed.length ? `当前阶段「${RESPONSE_STAGES[from as ResponseStage].zh}」只能推进至：${a.zh}` : `响应已${RESPONSE_STAGES[from as ResponseStage].zh}，不能再推进`,
      en: allowed.length ? `From ${RESPONSE_STAGES[from as ResponseStage].en} the response may move to: ${a.en}` : `The response is ${RESPONSE_STAGES[from as ResponseStage].en.toLowerCase()} and moves no further`,
    };
  }
  if (to === 'negotiating' && side !== 'owner') return { status: 403, allowed, zh: '洽谈须由发布方接受响应后开始', en: 'Negotiation starts when the item\'s owner accepts the response' };
  return null;
}

/** How far a response got, from the moments it passed each stage (a closed one keeps them). */
export function reachedStage(r: { acceptedAt: Date | null; signedAt: Date | null; doneAt: Date | null }): FlowStage {
  return r.doneAt ? 'done' : r.signedAt ? 'signed' : r.acceptedAt ? 'negotiating' : 'responded';
}

export const flowRank = (s: FlowStage | null) => (s ? RESPONSE_FLOW.indexOf(s) + 1 : 0);
export const stageOfRank = (rank: number): FlowStage | null => RESPONSE_FLOW[rank - 1] ?? null;

export interface Funnel { posted: number; responded: number; negotiating: number; signed: number; done: number; matchingRate: number | null }

/**
 * The funnel of one list from how many posted items stopped where: each item counted once, at
 * the furthest stage any of its responses reached ('none': no response). Each count holds the
 * items that got at least that far. The matching rate is the share of posted items that reached
 * negotiation (mutual acceptance) or beyond.
 */
export function funnelOf(itemsAtFurthest: Partial<Record<FlowStage | 'none', number>>): Funnel {
  const atLeast = (s: FlowStage) => RESPONSE_FLOW.filter((x) => flowRank(x) >= flowRank(s)).reduce((n, x) => n + (itemsAtFurthest[x] ?? 0), 0);
  const posted = (itemsAtFurthest.none ?? 0) + atLeast('responded');
  const negotiating = atLeast('negotiating');
  return {
    posted, responded: atLeast('responded'), negotiating, signed: atLeast('signed'), done: atLeast('done'),
    matchingRate: posted ? Math.round((negotiating / posted) * 10_000) / 10_000 : null,
  };
}
