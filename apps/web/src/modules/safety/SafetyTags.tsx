import { Progress, Space, Tooltip } from 'antd';
import { useLang } from '../../app/i18n';
import { LabelTag } from '../pilot/BaseTags';
import { bi, one } from '../supervision/shared';
import type { Clock } from './api';
import { CONCLUSIONS, EVALUATION_STATES, label, SUBJECT_KINDS, TRACKS } from './labels';

export const StateTag = ({ state }: { state: string }) => <LabelTag label={label(EVALUATION_STATES, state)} testId={`safety-state-${state}`} />;
export const SubjectTag = ({ kind }: { kind: string }) => <LabelTag label={label(SUBJECT_KINDS, kind)} />;
export const ConclusionTag = ({ conclusion }: { conclusion: string | null }) => (conclusion ? <LabelTag label={label(CONCLUSIONS, conclusion)} testId={`safety-conclusion-${conclusion}`} /> : null);
/** The track in force; a standard one is not worth a tag. */
export const TrackTag = ({ track }: { track: string }) => (track === 'standard' ? null : <LabelTag label={label(TRACKS, track)} />);

/**
 * The evaluation's clock as a bar of the days used against the limit: green with room, orange in
 * its last fifth, red once overdue, grey while with the applicant (paused) or stopped.
 */
export function ClockBar({ clock, width = 200 }: { clock: Clock | null; width?: number }) {
  const lang = useLang();
  if (!clock) return <span className="cell-sub">{one(lang, { zh: '受理后开始计时', en: 'Starts at acceptance' })}</span>;
  const pct = Math.min(100, Math.round((clock.daysUsed / clock.limitDays) * 100));
  const status = clock.overdue ? 'exception' : !clock.running ? 'normal' : 'active';
  const color = clock.overdue ? '#cf1322' : clock.paused || !clock.running ? '#8c8c8c' : clock.daysLeft <= clock.limitDays / 5 ? '#d46b08' : '#389e0d';
  const text = clock.met !== null
    ? one(lang, clock.met ? { zh: `用时 ${clock.daysUsed} 天，按期完成`, en: `${clock.daysUsed} days, on time` } : { zh: `用时 ${clock.daysUsed} 天，超期 ${-clock.daysLeft} 天`, en: `${clock.daysUsed} days, ${-clock.daysLeft} late` })
    : clock.overdue
      ? one(lang, { zh: `已用 ${clock.daysUsed}/${clock.limitDays} 天，超期 ${-clock.daysLeft} 天`, en: `${clock.daysUsed}/${clock.limitDays} days, ${-clock.daysLeft} overdue` })
      : one(lang, { zh: `已用 ${clock.daysUsed}/${clock.limitDays} 天，剩 ${clock.daysLeft} 天`, en: `${clock.daysUsed}/${clock.limitDays} days, ${clock.daysLeft} left` });
  return (
    <Tooltip title={bi(lang, { zh: `受理日 ${clock.startedOn}，预计到期 ${clock.dueOn}；补充材料 ${clock.pausedDays} 天不计`, en: `Accepted ${clock.startedOn}, due ${clock.dueOn}; ${clock.pausedDays} days with the applicant excluded` })}>
      <div style={{ width }} data-testid="safety-clock">
        <Progress percent={pct} size="small" status={status} strokeColor={color} showInfo={false} />
        <Space size={4} className="cell-sub">
          {text}
          {clock.paused && <span>· {one(lang, { zh: '计时暂停', en: 'paused' })}</span>}
        </Space>
      </div>
    </Tooltip>
  );
}
