import { useEffect, useState } from 'react';
import { App as AntApp, Button, Card, Dropdown, Empty, Input, Select, Space, Table, Typography, type MenuProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EllipsisOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/PageHeader';
import { api, errorMessage, qs } from '../../app/api';
import { useApi } from '../../app/useApi';
import { useLang } from '../../app/i18n';
import type { User } from './api';
import { dateTime, DemoTag, RoleTags, useNames } from './format';
import { ResetPasswordModal, UserFormModal } from './UserFormModal';
import { UserDrawer } from './UserDrawer';
import { UserState } from './UserState';

/** Users: search, roles, state; create, edit, reset a password, unlock; each user's history. */
export default function UsersPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message, modal } = AntApp.useApp();
  const names = useNames();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [role, setRole] = useState<string>();
  const users = useApi<User[]>(`/api/admin/users${qs({ q, role, limit: 500 })}`);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [viewing, setViewing] = useState<User | null>(null);

  // Search as one types, once typing pauses.
  useEffect(() => {
    const id = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(id);
  }, [typed]);

  const unlock = (u: User) => modal.confirm({
    title: t('admin.unlockConfirm', { username: u.username }),
    okText: t('admin.unlock'), cancelText: t('common.cancel'),
    onOk: async () => {
      try {
        await api.post(`/api/admin/users/${u.id}/unlock`);
        message.success(t('admin.unlocked', { username: u.username }));
        users.reload();
      } catch (e) {
        message.error(errorMessage(e));
      }
    },
  });

  const rowActions = (u: User): MenuProps['items'] => [
    { key: 'view', label: t('admin.detailsHistory') },
    { key: 'edit', label: t('common.edit') },
    { key: 'password', label: t('admin.resetPassword') },
    ...(u.locked ? [{ key: 'unlock', label: t('admin.unlock') }] : []),
  ];
  const onRowAction = (u: User, key: string) => {
    if (key === 'view') setViewing(u);
    if (key === 'edit') setEditing(u);
    if (key === 'password') setResetting(u);
    if (key === 'unlock') unlock(u);
  };

  const columns: ColumnsType<User> = [
    { title: t('admin.user'), key: 'user', width: 260,
      render: (_, u) => (
        <div className="user-cell">
          <Space size={6}>
            <Typography.Link onClick={() => setViewing(u)} className="cell-main">{u.displayName}</Typography.Link>
            {u.isDemo && <DemoTag />}
          </Space>
          <Typography.Text type="secondary" className="mono">{u.username}</Typography.Text>
        </div>
      ) },
    { title: t('admin.organisation'), dataIndex: 'organisationNameZh', render: (v?: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text> },
    { title: t('admin.roles'), dataIndex: 'roles', width: 200, render: (r: string[]) => <RoleTags roles={r} /> },
    { title: t('admin.state'), key: 'state', width: 120, render: (_, u) => <UserState user={u} /> },
    { title: t('admin.lastLogin'), dataIndex: 'lastLoginAt', width: 170, render: (v: string | null) => dateTime(lang, v) },
    { title: t('common.actions'), key: 'actions', width: 130, fixed: 'right',
      render: (_, u) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => setEditing(u)}>{t('common.edit')}</Button>
          {u.locked && <Button size="small" type="link" danger onClick={() => unlock(u)}>{t('admin.unlock')}</Button>}
          <Dropdown menu={{ items: rowActions(u), onClick: ({ key }) => onRowAction(u, key) }} trigger={['click']}>
            <Button size="small" type="text" icon={<EllipsisOutlined />} aria-label={t('common.more')} />
          </Dropdown>
        </Space>
      ) },
  ];

  return (
    <>
      <PageHeader titleKey="nav.users" description={t('admin.usersDescription')}
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-user">{t('admin.newUser')}</Button>} />
      <Card className="panel">
        <div className="table-toolbar">
          <Input.Search allowClear placeholder={t('admin.searchUsers')} value={typed} onChange={(e) => setTyped(e.target.value)}
            onSearch={(v) => setQ(v.trim())} style={{ width: 300 }} data-testid="user-search" />
          <Select allowClear placeholder={t('admin.filterRole')} value={role} onChange={setRole} style={{ width: 200 }}
            options={Object.keys(names.meta?.roles ?? {}).map((r) => ({ value: r, label: names.role(r) }))} />
          <Typography.Text type="secondary" className="table-count">{t('common.count', { count: users.data?.length ?? 0 })}</Typography.Text>
        </div>
        <Table<User>
          rowKey="id"
          columns={columns}
          dataSource={users.data ?? []}
          loading={users.loading}
          scroll={{ x: 1080 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: users.error
            ? <Empty description={users.error.message} />
            : <Empty description={q || role ? t('admin.noUsersMatch') : t('admin.noUsers')} /> }}
          data-testid="users-table"
        />
      </Card>
      {editing && (
        <UserFormModal user={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)}
          onSaved={(u) => {
            setEditing(null);
            if (viewing?.id === u.id) setViewing(u);
            users.reload();
          }} />
      )}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => { setResetting(null); users.reload(); }} />}
      {viewing && <UserDrawer user={viewing} onClose={() => setViewing(null)} />}
    </>
  );
}
