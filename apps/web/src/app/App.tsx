import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { theme } from './theme';
import { useLang } from './i18n';
import { SessionProvider, RequireAuth } from './session';
import { AppLayout } from './Layout';
import { supervisionRoutes } from '../modules/supervision/routes';
import { industryRoutes } from '../modules/industry/routes';
import { pilotRoutes } from '../modules/pilot/routes';
import { challengeRoutes } from '../modules/challenges/routes';
import { innovationRoutes } from '../modules/innovation/routes';
import { ipRoutes } from '../modules/ip/routes';
import { talentRoutes } from '../modules/talent/routes';
import { strainRoutes } from '../modules/strains/routes';
import { safetyRoutes } from '../modules/safety/routes';
import { factoryRoutes } from '../modules/factory/routes';

// Every page is its own chunk: the first load carries the shell only.
const LoginPage = lazy(() => import('./LoginPage'));
const NotFoundPage = lazy(() => import('./NotFoundPage'));
const CockpitPage = lazy(() => import('../modules/plan/CockpitPage'));
const ActionsPage = lazy(() => import('../modules/plan/ActionsPage'));
const TasksPage = lazy(() => import('../modules/plan/TasksPage'));
const TaskPage = lazy(() => import('../modules/plan/TaskPage'));
const TargetsPage = lazy(() => import('../modules/plan/TargetsPage'));
const PlanTextPage = lazy(() => import('../modules/plan/PlanTextPage'));
const UsersPage = lazy(() => import('../modules/admin/UsersPage'));
const OrganisationsPage = lazy(() => import('../modules/admin/OrganisationsPage'));
const AllTokensPage = lazy(() => import('../modules/admin/AllTokensPage'));
const MyTokensPage = lazy(() => import('../modules/admin/MyTokensPage'));

const admin = (page: ReactNode) => <RequireAuth roles={['admin']}>{page}</RequireAuth>;

function Routed() {
  return (
    <Routes>
      <Route path="/login" element={<Suspense fallback={<div className="page-loading"><Spin size="large" /></div>}><LoginPage /></Suspense>} />
      <Route element={<AppLayout />}>
        <Route index element={<CockpitPage />} />
        <Route path="plan">
          <Route index element={<ActionsPage />} />
          <Route path="actions" element={<ActionsPage />} />
          <Route path="tasks" element={<TasksPage />} />
          <Route path="tasks/:no" element={<TaskPage />} />
          <Route path="targets" element={<TargetsPage />} />
          <Route path="text" element={<PlanTextPage />} />
        </Route>
        {supervisionRoutes}
        {industryRoutes}
        {pilotRoutes}
        {challengeRoutes}
        {innovationRoutes}
        {ipRoutes}
        {talentRoutes}
        {strainRoutes}
        {safetyRoutes}
        {factoryRoutes}
        <Route path="admin">
          <Route index element={admin(<UsersPage />)} />
          <Route path="users" element={admin(<UsersPage />)} />
          <Route path="organisations" element={admin(<OrganisationsPage />)} />
          <Route path="tokens" element={admin(<AllTokensPage />)} />
        </Route>
        <Route path="me/tokens" element={<RequireAuth><MyTokensPage /></RequireAuth>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App() {
  const lang = useLang();
  // Date pickers and calendars name weeks and months in the reader's language.
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider theme={theme} locale={lang === 'zh' ? zhCN : enUS}>
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <Routed />
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
