import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { App as AntApp, Avatar, Button, Dropdown, Layout, Menu, Segmented, Space, Spin, Tag, Tooltip, type MenuProps } from 'antd';
import { KeyOutlined, LoginOutlined, LogoutOutlined, ReadOutlined, UserOutlined, LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { NAV, openGroup, selectedKey, type NavItem } from './nav';
import { useSession } from './session';
import { setLang, useLang } from './i18n';
import { errorMessage } from './api';
import { ErrorBoundary } from './ErrorBoundary';

// The bell polls notifications; it loads after the shell, so the first paint stays small.
const NotificationBell = lazy(() => import('../modules/supervision/CockpitNotificationBell').then((m) => ({ default: m.NotificationBell })));

const ChangePasswordModal = lazy(() => import('./ChangePasswordModal'));

export function Logo() {
  return (
    <svg width="30" height="30" viewBox="0 0 64 64" aria-hidden="true">
      <rect width="64" height="64" rx="14" fill="#ffffff" fillOpacity="0.14" />
      <path d="M22 8c0 14 20 14 20 26s-20 12-20 24M42 8c0 14-20 14-20 26s20 12 20 24" stroke="#fff" strokeWidth="4" fill="none" strokeLinecap="round" />
      <path d="M25 18h14M25 46h14" stroke="#8ab8ff" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

function LanguageSwitch() {
  const lang = useLang();
  return (
    <Segmented
      size="small"
      className="lang-switch"
      value={lang}
      onChange={(v) => setLang(v as 'zh' | 'en')}
      options={[{ label: '中文', value: 'zh' }, { label: 'EN', value: 'en' }]}
      aria-label="语言 Language"
    />
  );
}

function UserMenu() {
  const { user, signOut } = useSession();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = AntApp.useApp();
  const [changing, setChanging] = useState(false);

  if (user === undefined) return <Spin size="small" />;
  if (user === null) {
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <Button type="primary" ghost className="header-button" icon={<LoginOutlined />} onClick={() => navigate(`/login?next=${next}`)}>
        {t('auth.signIn')}
      </Button>
    );
  }
  const items: MenuProps['items'] = [
    { key: 'who', disabled: true, label: <div className="user-menu-who"><b>{user.displayName}</b><span>{user.username}</span></div> },
    { type: 'divider' },
    { key: 'tokens', icon: <KeyOutlined />, label: t('nav.myTokens') },
    { key: 'password', icon: <LockOutlined />, label: t('auth.changePassword') },
    { key: 'docs', icon: <ReadOutlined />, label: t('nav.apiDocs') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('auth.signOut'), danger: true },
  ];
  const onClick: MenuProps['onClick'] = async ({ key }) => {
    if (key === 'tokens') navigate('/me/tokens');
    if (key === 'password') setChanging(true);
    if (key === 'docs') window.open('/api/docs', '_blank', 'noopener');
    if (key === 'logout') {
      try {
        await signOut();
        message.success(t('auth.signedOut'));
        navigate('/');
      } catch (e) {
        message.error(errorMessage(e));
      }
    }
  };
  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Button type="text" className="header-user" data-testid="user-menu">
          <Avatar size={28} icon={<UserOutlined />} className="header-avatar" />
          <span className="header-user-name">{user.displayName}</span>
        </Button>
      </Dropdown>
      {changing && (
        <Suspense fallback={null}>
          <ChangePasswordModal open onClose={() => setChanging(false)} />
        </Suspense>
      )}
    </>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const { user, hasRole } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const [openKeys, setOpenKeys] = useState<string[]>(() => ['plan', openGroup(location.pathname)].filter(Boolean) as string[]);

  useEffect(() => {
    const g = openGroup(location.pathname);
    if (g) setOpenKeys((keys) => (keys.includes(g) ? keys : [...keys, g]));
    window.scrollTo(0, 0);
  }, [location.pathname]);

  const items = useMemo(() => {
    const build = (list: NavItem[]): MenuProps['items'] =>
      list
        .filter((i) => !i.roles || hasRole(...i.roles))
        .map((i) => ({
          key: i.key,
          icon: i.icon,
          label: t(i.label),
          children: i.children ? build(i.children) : undefined,
        }));
    return build(NAV);
  }, [t, hasRole]);

  const selected = selectedKey(location.pathname);

  return (
    <Layout className="app-shell">
      <Layout.Header className="app-header">
        <Link to="/" className="brand" aria-label={t('app.name')}>
          <Logo />
          <span className="brand-text">
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-sub">{t('app.subtitle')}</span>
          </span>
        </Link>
        <Space size={16} className="header-right">
          {user?.isDemo && (
            <Tooltip title={t('app.demoHint')}>
              <Tag color="gold" className="demo-tag" data-testid="demo-tag">{t('app.demo')}</Tag>
            </Tooltip>
          )}
          {user && <Suspense fallback={null}><NotificationBell /></Suspense>}
          <LanguageSwitch />
          <UserMenu />
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          width={232}
          className="app-sider"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          theme="light"
        >
          <Menu
            mode="inline"
            items={items}
            selectedKeys={selected ? [selected] : []}
            openKeys={collapsed ? undefined : openKeys}
            onOpenChange={(keys) => setOpenKeys(keys as string[])}
            onClick={({ key }) => key.startsWith('/') && navigate(key)}
            className="app-menu"
          />
        </Layout.Sider>
        <Layout.Content className="app-content">
          <ErrorBoundary key={location.pathname}>
            <Suspense fallback={<div className="page-loading"><Spin size="large" /></div>}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
          <footer className="app-footer">{t('app.footer')}</footer>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
