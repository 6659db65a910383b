import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError, onUnauthorized, setCsrfToken } from './api';

export type Role = 'admin' | 'taskforce' | 'unit' | 'district' | 'enterprise' | 'institute' | 'pilotBase' | 'curator' | 'expert';

export interface User {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  organisationId: string | null;
  organisationNameZh?: string | null;
  roles: Role[];
  failedLogins: number;
  lockedUntil: string | null;
  locked: boolean;
  disabled: boolean;
  lastLoginAt: string | null;
  isDemo: boolean;
  createdAt: string;
  updatedAt: string;
}

interface Me {
  user: User;
  csrfToken: string;
}

interface Session {
  /** undefined while the first /api/auth/me is in flight; null when nobody is signed in. */
  user: User | null | undefined;
  signIn: (username: string, password: string) => Promise<User>;
  signOut: () => Promise<void>;
  hasRole: (...roles: Role[]) => boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    api.get<Me>('/api/auth/me').then(
      (me) => {
        if (!live) return;
        setCsrfToken(me.csrfToken);
        setUser(me.user);
      },
      () => live && setUser(null),
    );
    const off = onUnauthorized(() => {
      setCsrfToken(null);
      setUser(null);
    });
    return () => {
      live = false;
      off();
    };
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const me = await api.post<Me>('/api/auth/login', { username, password });
    setCsrfToken(me.csrfToken);
    setUser(me.user);
    return me.user;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) throw e;
    }
    setCsrfToken(null);
    setUser(null);
  }, []);

  const value = useMemo<Session>(() => ({
    user,
    signIn,
    signOut,
    hasRole: (...roles) => !!user && user.roles.some((r) => roles.includes(r)),
  }), [user, signIn, signOut]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession() {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** Pages that need a signed-in user (and optionally a role) send visitors to the login page and back. */
export function RequireAuth({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const { user, hasRole } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (user === undefined) return <div className="page-loading"><Spin /></div>;
  if (user === null) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (roles && !hasRole(...roles)) {
    return <Result status="403" title={t('common.forbiddenTitle')} subTitle={t('common.forbiddenText')} />;
  }
  return <>{children}</>;
}
