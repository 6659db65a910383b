import { useEffect, useState } from 'react';
import { App as AntApp, Badge, Button, Card, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { CheckOutlined, RightOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { api, errorMessage, qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import type { Notification } from './api';
import { announceNotificationsChanged, NOTIFICATIONS_CHANGED, NotificationKindTag, useOpenNotification } from './CockpitShared';
import { bi, dateTime } from './shared';

interface Page { items: Notification[]; total: number; unread: number }
const SIZES = [20, 50, 100];

/** 我的通知: reminders, returns and reviews addressed to the caller or the caller's organisation. */
export default function NotificationsPage() {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === 'true';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const size = SIZES.includes(Number(params.get('size'))) ? Number(params.get('size')) : 20;
  const list = useApi<Page>(`/api/notifications${qs({ unread: unreadOnly || undefined, limit: size, offset: (page - 1) * size })}`);
  const open = useOpenNotification();
  const [marking, setMarking] = useState(false);
  const d = list.data;
  const unread = Number(d?.unread ?? 0);
  // The server's total counts every notification; with the unread filter the pages run over the unread ones.
  const total = unreadOnly ? unread : Number(d?.total ?? 0);

  const { reload } = list;
  useEffect(() => {
    window.addEventListener(NOTIFICATIONS_CHANGED, reload);
    return () => window.removeEventListener(NOTIFICATIONS_CHANGED, reload);
  }, [reload]);

  const set = (changes: Record<string, string | number | undefined>) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    for (const [k, v] of Object.entries(changes)) if (v === undefined) next.delete(k); else next.set(k, String(v));
    return next;
  }, { replace: true });

  const readAll = async () => {
    setMarking(true);
    try {
      const r = await api.post<{ marked: number }>('/api/notifications/read-all');
      message.success(bi(lang, { zh: `已将 ${r.marked} 条通知标为已读`, en: `Marked ${r.marked} read` }));
      announceNotificationsChanged();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setMarking(false);
    }
  };

  return (
    <>
      <PageHeader title={{ zh: '我的通知', en: 'Notifications' }}
        description={bi(lang, { zh: '报送提醒、退回意见和待办事项通知，发给本人或本单位。点击一条即标为已读并前往处理。', en: 'Reminders, returns and items to act on, sent to you or your organisation. Opening one marks it read.' })}
        extra={<Button icon={<CheckOutlined />} onClick={readAll} loading={marking} disabled={!unread} data-testid="notifications-read-all"><Bi zh="全部标为已读" en="Mark all read" /></Button>} />
      <Card className="panel">
        <div className="table-toolbar">
          <Segmented<string> value={unreadOnly ? 'unread' : 'all'} onChange={(v) => set({ unread: v === 'unread' ? 'true' : undefined, page: undefined })} data-testid="notifications-filter"
            options={[{ value: 'all', label: bi(lang, { zh: '全部', en: 'All' }) }, { value: 'unread', label: `${bi(lang, { zh: '未读', en: 'Unread' })} ${unread}` }]} />
          <Typography.Text type="secondary" className="table-count">
            {lang === 'zh' ? `共 ${Number(d?.total ?? 0)} 条，未读 ${unread} 条` : `${Number(d?.total ?? 0)} in all, ${unread} unread`}
          </Typography.Text>
        </div>
        <List<Notification>
          loading={list.loading}
          dataSource={d?.items ?? []}
          locale={{ emptyText: list.error ? <Empty description={list.error.message} /> : (
            <Empty description={unreadOnly
              ? bi(lang, { zh: '没有未读通知，所有事项都已查看。', en: 'No unread notifications; you are up to date.' })
              : bi(lang, { zh: '暂无通知。报送时限临近、报告被退回或有待办事项时，会在这里提醒。', en: 'No notifications yet. Deadlines, returns and items to act on will appear here.' })}>
              {unreadOnly && <Button onClick={() => set({ unread: undefined, page: undefined })}><Bi zh="查看全部通知" en="Show all" /></Button>}
            </Empty>
          ) }}
          pagination={total > size || page > 1 ? {
            current: page, pageSize: size, total, showSizeChanger: true, pageSizeOptions: SIZES,
            onChange: (p, s) => set({ page: p === 1 ? undefined : p, size: s === 20 ? undefined : s }),
            showTotal: (t) => (lang === 'zh' ? `共 ${t} 条` : `${t} in all`),
          } : false}
          renderItem={(n) => (
            <List.Item key={n.id} data-testid={`notification-${n.id}`} data-unread={!n.readAt || undefined}
              onClick={() => open(n)} style={{ cursor: 'pointer', background: n.readAt ? undefined : 'var(--brand-soft, #f0f5ff)', paddingInline: 12, borderRadius: 6 }}
              actions={[
                n.link ? <Button key="go" size="small" type="link" icon={<RightOutlined />} iconPlacement="end" onClick={(e) => { e.stopPropagation(); void open(n); }}><Bi zh="查看" en="Open" /></Button> : null,
              ].filter(Boolean)}>
              <List.Item.Meta
                avatar={<Badge dot={!n.readAt} offset={[-2, 2]}><span style={{ display: 'inline-block', width: 8 }} /></Badge>}
                title={<Space size={6} wrap>
                  <NotificationKindTag kind={n.kind} />
                  <span style={{ fontWeight: n.readAt ? 400 : 600 }}>{lang === 'zh' ? n.titleZh : n.titleEn}</span>
                </Space>}
                description={<Space size={12} wrap style={{ fontSize: 12 }}>
                  <span className="bi-aside" style={{ marginLeft: 0 }}>{lang === 'zh' ? n.titleEn : n.titleZh}</span>
                  <span>{dateTime(n.createdAt)}</span>
                  {n.dueOn && <Tag>{lang === 'zh' ? `时限 ${n.dueOn}` : `Due ${n.dueOn}`}</Tag>}
                  {n.readAt ? <span>{lang === 'zh' ? '已读' : 'Read'}</span> : <Tag color="blue">{lang === 'zh' ? '未读' : 'Unread'}</Tag>}
                </Space>}
              />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
