import { Space, Tag, Tooltip } from 'antd';
import { useLang } from '../../app/i18n';
import { one } from '../supervision/shared';
import type { Clock, Designation, FigureSource, FigureState, LeadStage, LeadStatus, Standing, Tier } from './api';
import { CLOCKS, DESIGNATIONS, FIGURE_SOURCES, FIGURE_STATES, LEAD_STAGES, LEAD_STATUSES, LEVELS, STANDINGS, TIERS, type Label } from './labels';

/** One label as a tag in the reader's language, the other language on hover. */
export function LabelTag({ label, color, testId }: { label: Label; color?: string; testId?: string }) {
  const lang = useLang();
  return (
    <Tooltip title={lang === 'zh' ? label.en : label.zh}>
      <Tag color={color ?? label.color} data-testid={testId}>{one(lang, label)}</Tag>
    </Tooltip>
  );
}

export function DesignationTags({ list }: { list: Designation[] }) {
  const lang = useLang();
  if (!list.length) return null;
  return (
    <Space size={[0, 4]} wrap className="tag-list">
      {list.map((d) => {
        const n = DESIGNATIONS[d.kind];
        const level = LEVELS[d.level];
        return (
          <Tooltip key={`${d.kind}/${d.level}`} title={lang === 'zh' ? `${n.zh} · ${level.zh} · ${d.year} 年` : `${n.en} · ${level.en} · ${d.year}`}>
            <Tag color={n?.color} data-designation={d.kind}>{lang === 'zh' ? `${n?.short ?? d.kind}（${level?.zh ?? d.level}）` : `${n?.en ?? d.kind} (${level?.en ?? d.level})`}</Tag>
          </Tooltip>
        );
      })}
    </Space>
  );
}

export const TierTag = ({ tier }: { tier: Tier }) => (tier ? <LabelTag label={TIERS[tier]} /> : null);
export const FigureStateTag = ({ state }: { state: FigureState }) => <span data-state={state}><LabelTag label={FIGURE_STATES[state]} /></span>;
export const FigureSourceTag = ({ source }: { source: FigureSource }) => <LabelTag label={FIGURE_SOURCES[source]} />;
export const LeadStageTag = ({ stage }: { stage: LeadStage }) => <LabelTag label={LEAD_STAGES[stage]} color="geekblue" />;
export const LeadStatusTag = ({ status }: { status: LeadStatus }) => <LabelTag label={LEAD_STATUSES[status]} />;

export function StandingTag({ standing, withAction }: { standing: Standing; withAction?: boolean }) {
  const lang = useLang();
  const s = STANDINGS[standing];
  return (
    <Tooltip title={lang === 'zh' ? `${s.en} · ${s.action.en}` : `${s.zh} · ${s.action.zh}`}>
      <Tag color={s.color} data-standing={standing}>{one(lang, s)}{withAction && ` · ${one(lang, s.action)}`}</Tag>
    </Tooltip>
  );
}

/** A lead's response clock: red overdue, orange due, green on time, with the days left. */
export function ClockTag({ clock }: { clock: Clock }) {
  const lang = useLang();
  const c = CLOCKS[clock.state];
  const days = clock.daysLeft;
  const text = clock.state === 'stopped' || days === null ? one(lang, c)
    : clock.state === 'overdue' ? (lang === 'zh' ? `超时 ${-days} 天` : `${-days} d overdue`)
    : (lang === 'zh' ? `剩 ${days} 天` : `${days} d left`);
  return (
    <Tooltip title={clock.dueAt ? `${lang === 'zh' ? '响应期限' : 'Respond by'} ${clock.dueAt.slice(0, 10)}` : undefined}>
      <Tag color={c.color} data-clock={clock.state}>{text}</Tag>
    </Tooltip>
  );
}
