import { Space, Tag, Tooltip } from 'antd';
import { useLang } from '../../../app/i18n';
import { one, type Named } from '../../supervision/shared';
import type { Flags, Reason } from './api';
import { ALERTS, LOT_METHODS, LOT_STATUSES, SHARING_STATUSES } from './labels';

/** The tags the stock pages share: methods, states, alert flags, and a lab's level against the strain's. */
function NamedTag({ n, code, testId }: { n: Named | undefined; code: string; testId?: string }) {
  const lang = useLang();
  return <Tag color={n?.color} data-testid={testId} data-code={code}>{n ? one(lang, n) : code}</Tag>;
}

export const MethodTag = ({ method }: { method: string }) => <NamedTag n={LOT_METHODS[method]} code={method} />;
export const LotStatusTag = ({ status }: { status: string }) => <NamedTag n={LOT_STATUSES[status]} code={status} testId="strains-lot-status" />;
export const RequestStatusTag = ({ status }: { status: string }) => <NamedTag n={SHARING_STATUSES[status]} code={status} testId="strains-request-status" />;

export function FlagTags({ flags }: { flags: Flags }) {
  const on = ([['low', flags.low], ['due', flags.testDue], ['overdue', flags.testOverdue], ['failed', flags.failed]] as const).filter(([, v]) => v);
  if (!on.length) return null;
  return <Space size={2} wrap>{on.map(([k]) => <NamedTag key={k} n={ALERTS[k]} code={k} testId={`strains-lot-flag-${k}`} />)}</Space>;
}

/** BSL-2 ≥ BSL-2 in green, or below in red: the lab as it works today against what the strain needs. */
export function LevelCompare({ lab, strain, registered }: { lab: number; strain: number; registered?: number }) {
  const lang = useLang();
  const ok = lab >= strain;
  const lapsed = registered !== undefined && registered > lab;
  const tag = (
    <Tag color={ok ? 'green' : 'red'} data-testid="strains-level-compare" data-ok={ok}>
      {lab > 0 ? `BSL-${lab}` : lang === 'zh' ? '不可用' : 'None'} {ok ? '≥' : '<'} BSL-{strain}
    </Tag>
  );
  if (!lapsed) return tag;
  return <Tooltip title={lang === 'zh' ? `登记等级 BSL-${registered}，证书过期或实验室停用后按现行等级计` : `Registered BSL-${registered}; a lapsed certificate or a closed lab counts at the level in effect`}>{tag}</Tooltip>;
}

/** Why the biosafety officer must approve, as tags with the reason in both languages on hover. */
export function OfficerReasons({ reasons }: { reasons: Reason[] }) {
  const lang = useLang();
  if (!reasons.length) return <span className="cell-sub">{lang === 'zh' ? '无需生物安全负责人审批' : 'No officer approval needed'}</span>;
  return (
    <Space size={2} wrap data-testid="strains-officer-reasons">
      {reasons.map((r) => <Tooltip key={r.code} title={lang === 'zh' ? r.en : r.zh}><Tag color="orange">{lang === 'zh' ? r.zh : r.en}</Tag></Tooltip>)}
    </Space>
  );
}
