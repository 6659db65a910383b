import { Alert, Descriptions, Drawer, Empty, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/useApi';
import { qs } from '../../app/api';
import { useLang } from '../../app/i18n';
import { changedFields, type AuditEntry, type User } from './api';
import { dateTime, DemoTag, RoleTags } from './format';
import { UserState } from './UserState';

const ACTION_COLORS: Record<string, string> = {
  'user.create': 'green', 'user.update': 'blue', 'user.resetPassword': 'orange', 'user.changePassword': 'blue', 'user.unlock': 'orange',
  'auth.login': 'gray', 'auth.logout': 'gray', 'auth.loginFailed': 'red', 'auth.locked': 'red',
};

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A user's record and its history, as the audit trail tells it: who did what, when. */
export function UserDrawer({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const history = useApi<AuditEntry[]>(`/api/audit${qs({ entityType: 'user', entityId: user.id, limit: 200 })}`);

  return (
    <Drawer open size={640} onClose={onClose} destroyOnHidden
      title={<Space>{user.displayName}<Typography.Text type="secondary">{user.username}</Typography.Text>{user.isDemo && <DemoTag />}</Space>}>
      <Descriptions column={1} size="small" bordered className="user-descriptions" items={[
        { key: 'username', label: t('auth.username'), children: user.username },
        { key: 'displayName', label: t('admin.displayName'), children: user.displayName },
        { key: 'email', label: t('admin.email'), children: user.email ?? '—' },
        { key: 'org', label: t('admin.organisation'), children: user.organisationNameZh ?? '—' },
        { key: 'roles', label: t('admin.roles'), children: <RoleTags roles={user.roles} /> },
        { key: 'state', label: t('admin.state'), children: <UserState user={user} /> },
        { key: 'lastLogin', label: t('admin.lastLogin'), children: dateTime(lang, user.lastLoginAt) },
        { key: 'created', label: t('admin.createdAt'), children: dateTime(lang, user.createdAt) },
      ]} />
      <Typography.Title level={5} className="drawer-section-title">{t('admin.history')}</Typography.Title>
      {history.error && <Alert type="error" showIcon title={history.error.message} />}
      {history.loading && !history.data && <Skeleton active />}
      {history.data && history.data.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('admin.noHistory')} />}
      {history.data && history.data.length > 0 && (
        <Timeline className="audit-timeline" data-testid="audit-timeline" items={history.data.map((e) => {
          const changes = changedFields(e.before, e.after).filter((c) => e.action !== 'user.create');
          return {
            key: e.id,
            color: ACTION_COLORS[e.action] ?? 'blue',
            title: <span className="audit-when">{dateTime(lang, e.at)}</span>,
            content: (
              <div className="audit-entry">
                <div className="audit-summary">{e.summary ?? e.action}</div>
                <div className="audit-meta">
                  <Tag>{e.action}</Tag>
                  <Typography.Text type="secondary">{t('admin.by', { actor: e.actorName })}</Typography.Text>
                </div>
                {changes.length > 0 && (
                  <ul className="audit-changes">
                    {changes.map((c) => (
                      <li key={c.field}><code>{c.field}</code>: <del>{show(c.from)}</del> → <ins>{show(c.to)}</ins></li>
                    ))}
                  </ul>
                )}
              </div>
            ),
          };
        })} />
      )}
    </Drawer>
  );
}
