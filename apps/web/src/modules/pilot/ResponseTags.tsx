import { Tooltip, Tag } from 'antd';
import { useLang } from '../../app/i18n';
import { LabelTag } from '../industry/tags';
import { one } from '../supervision/shared';
import { RESPONSE_OUTCOMES, RESPONSE_STAGES, SIDES, TARGET_KINDS, type ResponseOutcome, type ResponseSide, type ResponseStage, type TargetKind } from './labels.deals';

/** A response's stage: 响应 → 洽谈 → 签约 → 完成, or 已关闭. */
export const ResponseStageTag = ({ stage }: { stage: ResponseStage }) => (
  <span data-stage={stage}><LabelTag label={RESPONSE_STAGES[stage] ?? { zh: stage, en: stage }} /></span>
);

export const ResponseOutcomeTag = ({ outcome }: { outcome: ResponseOutcome | null }) => (outcome ? <LabelTag label={RESPONSE_OUTCOMES[outcome]} /> : null);

export const TargetKindTag = ({ kind }: { kind: TargetKind }) => <LabelTag label={TARGET_KINDS[kind]} />;

export const ResponseSideTag = ({ side }: { side: ResponseSide | null }) => (side ? <LabelTag label={SIDES[side]} /> : null);

/** The stages in a row, for a page's description: 响应 → 洽谈 → 签约 → 完成 / 已关闭. */
export function ResponseFlowLegend() {
  const lang = useLang();
  const s = RESPONSE_STAGES;
  return (
    <Tooltip title={lang === 'zh' ? 'Responded → Negotiating → Signed → Done / Closed' : '响应 → 洽谈 → 签约 → 完成 / 已关闭'}>
      <span className="response-flow-legend">
        {(['responded', 'negotiating', 'signed', 'done'] as const).map((k, i) => (
          <span key={k}>{i > 0 && ' → '}<Tag color={s[k].color} style={{ marginInlineEnd: 0 }}>{one(lang, s[k])}</Tag></span>
        ))}
        {' / '}<Tag style={{ marginInlineEnd: 0 }}>{one(lang, s.closed)}</Tag>
      </span>
    </Tooltip>
  );
}
