import { LabelTag } from '../industry/tags';
import { GATE_RESULTS, PROJECT_STAGES, PROJECT_STATUSES, type GateResult, type ProjectStage } from './labels.deals';

/** A pilot project's stage: 技术攻关 → 概念验证 → 中试熟化 → 企业孵化 → 园区运营 → 产业集群. */
export const ProjectStageTag = ({ stage }: { stage: ProjectStage }) => (
  <span data-stage={stage}><LabelTag label={PROJECT_STAGES[stage] ?? { zh: stage, en: stage }} /></span>
);

export const ProjectStatusTag = ({ status }: { status: 'active' | 'stopped' }) => <span data-status={status}><LabelTag label={PROJECT_STATUSES[status]} /></span>;

export const GateResultTag = ({ result }: { result: GateResult }) => <span data-result={result}><LabelTag label={GATE_RESULTS[result]} /></span>;
