import { useEffect, useState } from 'react';
import { Tag, Tooltip } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useLang } from '../../app/i18n';
import { dateTime, type Named } from '../supervision/shared';
import { countdown } from './ChallengeModel';
import { APPLICATION_STATUSES, AWARD_STATUSES, CHALLENGE_STATUSES, MODES } from './labels';

/** A code from a vocabulary as a tag in the current language, the other in its tooltip. */
export function NameTag({ names, code, testId }: { names: Record<string, Named>; code: string; testId?: string }) {
  const lang = useLang();
  const n = names[code] ?? { zh: code, en: code };
  return (
    <Tooltip title={lang === 'zh' ? n.en : n.zh}>
      <Tag color={n.color} data-testid={testId}>{lang === 'zh' ? n.zh : n.en}</Tag>
    </Tooltip>
  );
}

export const ModeTag = ({ mode }: { mode: string }) => <NameTag names={MODES} code={mode} />;
export const ChallengeStatusTag = ({ status, testId }: { status: string; testId?: string }) => <NameTag names={CHALLENGE_STATUSES} code={status} testId={testId} />;
export const ApplicationStatusTag = ({ status, testId }: { status: string; testId?: string }) => <NameTag names={APPLICATION_STATUSES} code={status} testId={testId} />;
export const AwardStatusTag = ({ status }: { status: string }) => <NameTag names={AWARD_STATUSES} code={status} />;

export const FieldTags = ({ fields }: { fields: string[] }) => <>{fields.map((f) => <Tag key={f} className="cq-field-tag">{f}</Tag>)}</>;

/** The deadline with the time left, ticking each second in the last hour and each minute before. */
export function Countdown({ deadline, testId }: { deadline: string; testId?: string }) {
  const lang = useLang();
  const [now, setNow] = useState(() => new Date());
  const c = countdown(deadline, now);
  const step = c.closed ? 0 : c.days === 0 && c.hours === 0 ? 1000 : 60_000;
  useEffect(() => {
    if (!step) return;
    const id = setInterval(() => setNow(new Date()), step);
    return () => clearInterval(id);
  }, [step]);
  return (
    <span className="cq-countdown" data-testid={testId}>
      <span className="mono">{dateTime(deadline)}</span>
      <Tag icon={<ClockCircleOutlined />} color={c.closed ? 'default' : c.urgent ? 'red' : 'blue'}>{lang === 'zh' ? c.zh : c.en}</Tag>
    </span>
  );
}

/** 万元 amounts as people write them. */
export const wan = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${Number(x).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元`);
