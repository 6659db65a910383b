import { useCallback, useEffect, useState } from 'react';
import { App as AntApp, Badge, Button, Empty, List, Popover, Space, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useSession } from '../../app/session';
import type { Notification } from './api';
import { announceNotificationsChanged, NOTIFICATIONS_CHANGED, NotificationKindTag, useOpenNotification } from './CockpitShared';
import { bi, dateTime } from './shared';

const POLL_MS = 60_000;

/**
 * The header's bell: the unread count, refreshed every minute and whenever a page marks
 * notifications read, with the latest unread ones a click away. Nothing for visitors.
 * `tone="dark"` (the default) is for the dark header bar: a white bell.
 */
export function NotificationBell({ className = 'header-user', tone = 'dark' }: { className?: string; tone?: 'dark' | 'light' }) {
  const { user } = useSession();
  const lang = useLang();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [state, setState] = useState<{ items: Notification[]; unread: number }>({ items: [], unread: 0 });
  const [open, setOpen] = useState(false);
  const userId = user?.id;

  const load = useCallback(() => {
    if (!userId) return;
    // A failed poll is not worth a toast: the next one will try again.
    api.get<{ items: Notification[]; unread: number }>('/api/notifications?unread=true&limit=5').then(
      (d) => setState({ items: d.items, unread: Number(d.unread) }),
      () => undefined,
    );
  }, [userId]);

  useEffect(() => {
    if (!userId) {
      setState({ items: [], unread: 0 });
      return;
    }
    load();
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'hidden') load();
    }, POLL_MS);
    window.addEventListener(NOTIFICATIONS_CHANGED, load);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(NOTIFICATIONS_CHANGED, load);
    };
  }, [userId, load]);

  const openOne = useOpenNotification();
  if (!user) return null;

  const readAll = async () => {
    try {
      await api.post('/api/notifications/read-all');
      announceNotificationsChanged();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const content = (
    <div style={{ width: 360, maxWidth: '80vw' }} data-testid="notification-popover">
      <List<Notification>
        size="small"
        dataSource={state.items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '没有未读通知', en: 'No unread notifications' })} /> }}
        renderItem={(n) => (
          <List.Item key={n.id} style={{ cursor: 'pointer', paddingInline: 4 }} data-testid={`bell-item-${n.id}`}
            onClick={() => { setOpen(false); void openOne(n); }}>
            <List.Item.Meta
              title={<Space size={4} wrap><NotificationKindTag kind={n.kind} /><span style={{ fontWeight: 500 }}>{lang === 'zh' ? n.titleZh : n.titleEn}</span></Space>}
              description={<span style={{ fontSize: 12 }}>{dateTime(n.createdAt)}</span>}
            />
          </List.Item>
        )}
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', borderTop: '1px solid var(--line, #f0f0f0)', paddingTop: 8, marginTop: 4 }}>
        <Button size="small" type="link" disabled={!state.unread} onClick={readAll} data-testid="bell-read-all"><Bi zh="全部标为已读" en="Mark all read" /></Button>
        <Button size="small" type="link" onClick={() => { setOpen(false); navigate('/notifications'); }} data-testid="bell-all"><Bi zh="查看全部" en="See all" /></Button>
      </div>
    </div>
  );

  const label = bi(lang, { zh: `通知，未读 ${state.unread} 条`, en: `Notifications, ${state.unread} unread` });
  return (
    <Popover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen}
      title={<Space><Bi zh="未读通知" en="Unread" /><Typography.Text type="secondary">{state.unread}</Typography.Text></Space>}>
      <Button type="text" className={className} aria-label={label} title={label} data-testid="notification-bell" style={tone === 'dark' ? { color: '#fff' } : undefined}>
        <Badge count={state.unread} size="small" overflowCount={99} offset={[2, -2]}>
          <BellOutlined style={{ fontSize: 18, color: 'inherit' }} />
        </Badge>
      </Button>
    </Popover>
  );
}
