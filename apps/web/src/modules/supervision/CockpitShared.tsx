import { useCallback } from 'react';
import { App as AntApp, Tag, Tooltip } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../../app/api';
import { useLang } from '../../app/i18n';
import type { CalendarEvent, ColourCounts, Notification } from './api';
import { COLOURS } from './ColourTag';
import { bi, one, type Named } from './shared';

/** What the cockpit, inbox, notification and settings pages share (what every supervision page shares is in ./shared). */

/**
 * Marking notifications read on one page must move the header bell at once, not at its next
 * poll: pages announce the change on window and the bell listens.
 */
export const NOTIFICATIONS_CHANGED = 'cqb:notifications-changed';
export const announceNotificationsChanged = () => window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));

/** Opening a notification marks it read, then goes where it points (if anywhere). */
export function useOpenNotification(after?: () => void) {
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  return useCallback(async (n: Notification) => {
    if (!n.readAt) {
      try {
        await api.post(`/api/notifications/${n.id}/read`);
        announceNotificationsChanged();
        after?.();
      } catch (e) {
        message.error(errorMessage(e));
        return;
      }
    }
    if (n.link?.startsWith('/')) navigate(n.link);
    else if (n.link) window.open(n.link, '_blank', 'noopener');
  }, [after, message, navigate]);
}

/** 2025-07-15 → 2025-Q3, as the server names quarters. */
export function quarterOf(iso: string) {
  const [y, m] = iso.split('-').map(Number);
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}

/** The quarter of `asOf` and every earlier one back to the plan's first (2024-Q1), newest first. */
export function quartersUpTo(asOf: string) {
  const [y, q] = quarterOf(asOf).split('-Q').map(Number);
  const out: string[] = [];
  for (let year = y; year >= 2024; year--) for (let k = year === y ? q : 4; k >= 1; k--) out.push(`${year}-Q${k}`);
  return out;
}

export const quarterLabel = (lang: 'zh' | 'en', quarter: string) => {
  const [y, q] = quarter.split('-Q');
  return lang === 'zh' ? `${y}年第${'一二三四'[Number(q) - 1] ?? q}季度` : `Q${q} ${y}`;
};

export const CALENDAR_KINDS: Record<CalendarEvent['kind'], Named & { color: string; hex: string }> = {
  workPointDue: { zh: '要点完成时限', en: 'Work point due', color: 'purple', hex: '#722ed1' },
  reportDue: { zh: '报告截止', en: 'Report due', color: 'blue', hex: '#1677ff' },
  rectificationDue: { zh: '整改时限', en: 'Rectification due', color: 'orange', hex: '#fa8c16' },
};

const NOTIFICATION_KINDS: Record<string, Named> = {
  reportDue: { zh: '报告提醒', en: 'Report due' },
  workPointDue: { zh: '时限提醒', en: 'Work point due' },
  rectificationDue: { zh: '整改提醒', en: 'Rectification due' },
  rectificationAssigned: { zh: '整改交办', en: 'Rectification assigned' },
  rectificationReturned: { zh: '整改退回', en: 'Rectification returned' },
  reportReturned: { zh: '报告退回', en: 'Report returned' },
  reportSubmitted: { zh: '报告待审', en: 'Report to review' },
};
const WHEN: Record<string, Named & { color: string }> = {
  before: { zh: '即将到期', en: 'Coming up', color: 'blue' },
  on: { zh: '今日到期', en: 'Due today', color: 'orange' },
  after: { zh: '已逾期', en: 'Overdue', color: 'red' },
};

/** A notification's kind ("reportDue.after") as a tag: what it is about and, for reminders, when. */
export function NotificationKindTag({ kind }: { kind: string }) {
  const lang = useLang();
  const [base, when] = kind.split('.');
  const name = NOTIFICATION_KINDS[base] ?? { zh: base, en: base };
  const w = when ? WHEN[when] : undefined;
  const color = w?.color ?? (base.endsWith('Returned') ? 'red' : base === 'reportSubmitted' ? 'gold' : 'default');
  return (
    <Tooltip title={w ? bi(lang, { zh: `${name.zh}·${w.zh}`, en: `${name.en} · ${w.en}` }) : one(lang === 'zh' ? 'en' : 'zh', name)}>
      <Tag color={color}>{one(lang, name)}{w ? ` · ${one(lang, w)}` : ''}</Tag>
    </Tooltip>
  );
}

/** The number of work points in each colour, zeros left out; each count links where given. */
export function ColourCountTags({ counts, href }: { counts: ColourCounts; href?: (colour: keyof ColourCounts) => string }) {
  const lang = useLang();
  const shown = (Object.keys(COLOURS) as (keyof typeof COLOURS)[]).filter((c): c is keyof ColourCounts => c !== 'none' && counts[c as keyof ColourCounts] > 0);
  if (!shown.length) return <span className="bi-aside" style={{ marginLeft: 0 }}>—</span>;
  return (
    <span className="tag-list">
      {shown.map((c) => {
        const tag = <Tag color={COLOURS[c].color} key={c} data-colour={c}>{one(lang, COLOURS[c])} {counts[c]}</Tag>;
        return <Tooltip key={c} title={bi(lang, COLOURS[c])}>{href ? <Link to={href(c)} onClick={(e) => e.stopPropagation()}>{tag}</Link> : tag}</Tooltip>;
      })}
    </span>
  );
}
