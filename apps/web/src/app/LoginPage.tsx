import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from './api';
import { useSession } from './session';
import { setLang, useLang } from './i18n';
import { Logo } from './Layout';

/** Only same-site paths, so a crafted link cannot send a user elsewhere after sign-in. */
function safeNext(next: string | null) {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { user, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ type: 'error' | 'warning'; title: string; text?: string } | null>(null);

  if (user) return <Navigate to={next} replace />;

  const onFinish = async (v: { username: string; password: string }) => {
    setBusy(true);
    setFailure(null);
    try {
      await signIn(v.username.trim(), v.password);
      navigate(next, { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.status === 423) setFailure({ type: 'warning', title: e.message, text: t('auth.lockedHint') });
      else if (e instanceof ApiError && e.status === 401) setFailure({ type: 'error', title: e.message, text: t('auth.invalidHint') });
      else setFailure({ type: 'error', title: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <div className="login-lang">
        <Segmented size="small" value={lang} onChange={(v) => setLang(v as 'zh' | 'en')}
          options={[{ label: '中文', value: 'zh' }, { label: 'EN', value: 'en' }]} />
      </div>
      <div className="login-intro">
        <Link to="/" className="login-brand"><Logo /><span>{t('app.name')}</span></Link>
        <Typography.Title level={1} className="login-headline">{t('auth.headline')}</Typography.Title>
        <Typography.Paragraph className="login-lede">{t('auth.lede')}</Typography.Paragraph>
        <ul className="login-points">
          <li>{t('auth.point1')}</li>
          <li>{t('auth.point2')}</li>
          <li>{t('auth.point3')}</li>
        </ul>
      </div>
      <Card className="login-card" variant="borderless">
        <Typography.Title level={3} className="login-card-title">
          {t('auth.signIn')}
          <span className="page-title-aside">{lang === 'zh' ? 'Sign in' : '登录'}</span>
        </Typography.Title>
        {failure && (
          <Alert className="login-alert" type={failure.type} showIcon title={failure.title} description={failure.text} data-testid="login-error" />
        )}
        <Form layout="vertical" size="large" requiredMark={false} onFinish={onFinish} onValuesChange={() => setFailure(null)}>
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus id="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" id="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">{t('auth.signIn')}</Button>
        </Form>
        <Typography.Paragraph type="secondary" className="login-foot">
          {t('auth.publicNote')} <Link to="/">{t('auth.backToCockpit')}</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
