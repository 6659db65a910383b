import { useEffect, useState } from 'react';
import { api } from '../../app/api';
import type { Role } from '../../app/session';
import { BASE_KEEPERS, HANDLERS, OVERSEERS, PARTIES, usePilotRoles } from './access';
import type { FlowStage, GateResult, ProjectStage, RequestClock, RequestState, ResponseOutcome, ResponseSide, ResponseStage, ServiceKind, TargetKind } from './labels.deals';

/**
 * The answers of the responses, projects and one-stop routes (apps/server/src/modules/pilot/
 * responses.service.ts, projects.service.ts, onestop.service.ts), and who may read them.
 */

/** Overseers and base keepers see every project, parties their own (projects.routes.ts PROJECT_READERS). */
export const PROJECT_READERS: Role[] = [...new Set([...OVERSEERS, ...BASE_KEEPERS, ...PARTIES])];
/** Requesters and handlers read requests; each sees its own side (onestop.routes.ts REQUEST_READERS). */
export const REQUEST_READERS: Role[] = [...new Set([...PARTIES, ...HANDLERS])];

export interface Page<T> { total: number; items: T[] }

// ---- Responses ----------------------------------------------------------------------------------

export interface ResponseRow {
  id: string; code: string; targetKind: TargetKind; demandId: string | null; achievementId: string | null; platformId: string | null;
  ownerOrgId: string; responderOrgId: string; responderUserId: string | null; messageZh: string; stage: ResponseStage;
  acceptedAt: string | null; acceptedBy: string | null; closedReasonZh: string | null; outcome: ResponseOutcome | null; outcomeNoteZh: string | null;
  contractWan: number | null; pilotProjectId: string | null; signedAt: string | null; doneAt: string | null; createdAt: string; updatedAt: string;
  ownerOrgNameZh: string; responderOrgNameZh: string; platformCode: string | null; platformNameZh: string | null; pilotProjectCode: string | null;
  itemId: string; itemCode: string; itemTitleZh: string;
  /** For a demand: the achievement the responder offers with it. */
  offeredAchievementCode: string | null; offeredAchievementTitleZh: string | null;
}

export interface ResponseDetail extends ResponseRow {
  side: ResponseSide | null; stageZh: string; stageEn: string;
  may: { accept: boolean; decline: boolean; sign: boolean; complete: boolean; close: boolean; talk: boolean };
}

export interface ResponseMessage { id: string; textZh: string; at: string; authorId: string | null; authorName: string | null; orgId: string | null; orgNameZh: string | null }

export interface MoveBody {
  stage: Exclude<FlowStage, 'responded' | 'negotiating'>; contractWan?: number | null; outcome?: ResponseOutcome; outcomeNoteZh?: string | null;
  projectNameZh?: string | null; projectStage?: ProjectStage;
}

// ---- Pilot projects -----------------------------------------------------------------------------

export interface ProjectRow {
  id: string; code: string; nameZh: string; demandId: string | null; achievementId: string | null; baseId: string | null; responseId: string | null;
  leadOrgId: string | null; districtCode: string | null; domain: string | null; stage: ProjectStage; stageEnteredOn: string; status: 'active' | 'stopped';
  stoppedReasonZh: string | null; summaryZh: string | null; isDemo: boolean; createdBy: string | null; createdAt: string; updatedAt: string;
  baseCode: string | null; baseNameZh: string | null; leadOrgNameZh: string | null; demandCode: string | null; demandTitleZh: string | null;
  achievementCode: string | null; achievementTitleZh: string | null;
}

export interface ProjectBoard { total: number; stages: { stage: ProjectStage; zh: string; en: string; count: number; projects: ProjectRow[] }[] }
export interface ProjectCounts { stages: { stage: ProjectStage; zh: string; en: string; count: number }[]; oneToTen: number; stopped: number }

export interface Gate {
  id: string; fromStage: ProjectStage; toStage: ProjectStage; result: GateResult; reviewerId: string | null; reviewerNameZh: string; reviewedOn: string;
  evidenceZh: string; evidenceFileId: string | null; evidenceFileName: string | null; noteZh: string | null; createdAt: string; resultZh: string; resultEn: string;
}

export interface ProjectDetail extends ProjectRow { stageZh: string; stageEn: string; gates: Gate[]; may: { review: boolean; stop: boolean } }

// ---- One-stop services --------------------------------------------------------------------------

export interface ServiceRoute {
  category: string; kind: ServiceKind; nameZh: string; nameEn: string; organisationId: string; organisationNameZh: string; slaDays: number; sortOrder: number;
  kindZh: string; kindEn: string; greenChannelDays: number;
}

export interface ServiceFigures { requests: number; done: number; medianDays: number | null; withinSlaShare: number | null }
export interface ServiceStats {
  total: ServiceFigures;
  kinds: (ServiceFigures & { kind: ServiceKind; zh: string; en: string })[];
  categories: (ServiceFigures & { category: string; zh: string; en: string; kind: string | null })[];
}

export interface ServiceRequestRow {
  id: string; code: string; category: string; titleZh: string; detailZh: string; greenChannel: boolean; requesterOrgId: string; requesterUserId: string | null;
  projectId: string | null; districtCode: string | null; handlerOrgId: string; state: RequestState; slaDays: number; dueAt: string; acceptedAt: string | null;
  doneAt: string | null; outcomeZh: string | null; isDemo: boolean; createdAt: string; updatedAt: string;
  kind: ServiceKind; categoryZh: string; categoryEn: string; requesterOrgNameZh: string; handlerOrgNameZh: string; projectCode: string | null; clock: RequestClock | null;
  /** What the reader may do to it now, as the server decides. */
  may: { accept: boolean; finish: boolean; reject: boolean; withdraw: boolean };
}

export interface RequestEvent { id: string; state: RequestState; noteZh: string | null; at: string; byName: string | null }

export interface ServiceRequestDetail extends ServiceRequestRow {
  events: RequestEvent[]; stateZh: string;
}

// ---- What the forms pick from -------------------------------------------------------------------

export interface BaseSummary { id: string; code: string; nameZh: string; operatorZh: string }
export interface PlatformOption { id: string; code: string; nameZh: string; baseId: string; baseNameZh: string }
interface BaseProfile extends BaseSummary { platforms: { id: string; code: string; nameZh: string }[]; may: { edit: boolean } }

/**
 * The bases the caller keeps and their platforms, for a pilot-base user (the task force keeps
 * every base but speaks for none). The server names no "my bases" route, so base profiles are
 * read (those operated under the organisation's name first) and kept where they say the caller
 * may edit them.
 */
export function useKeptBases(enabled: boolean) {
  const { user } = usePilotRoles();
  const [state, setState] = useState<{ bases: BaseSummary[]; platforms: PlatformOption[]; loading: boolean }>({ bases: [], platforms: [], loading: enabled });
  const userId = user?.id;
  const orgName = user?.organisationNameZh ?? null;
  useEffect(() => {
    if (!enabled || !userId) {
      setState({ bases: [], platforms: [], loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    (async () => {
      const list = await api.get<Page<BaseSummary>>('/api/pilot/bases?limit=500');
      const keptOf = async (bases: BaseSummary[]) => (await Promise.all(bases.map((b) => api.get<BaseProfile>(`/api/pilot/bases/${b.id}`).catch(() => null))))
        .filter((p): p is BaseProfile => !!p?.may?.edit);
      // The bases whose operator bears the organisation's name are asked first; the rest only if none of those is the caller's.
      const named = list.items.filter((b) => !!orgName && b.operatorZh === orgName);
      let kept = await keptOf(named);
      if (!kept.length) kept = await keptOf(list.items.filter((b) => !named.includes(b)));
      return {
        bases: kept.map(({ id, code, nameZh, operatorZh }) => ({ id, code, nameZh, operatorZh })),
        platforms: kept.flatMap((b) => b.platforms.map((p) => ({ id: p.id, code: p.code, nameZh: p.nameZh, baseId: b.id, baseNameZh: b.nameZh }))),
      };
    })().then(
      (r) => live && setState({ ...r, loading: false }),
      () => live && setState({ bases: [], platforms: [], loading: false }),
    );
    return () => {
      live = false;
    };
  }, [enabled, userId, orgName]);
  return state;
}
