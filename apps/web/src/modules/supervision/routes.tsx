import { lazy, Suspense } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth } from '../../app/session';
import type { Role } from '../../app/session';

// Each page its own chunk, loaded when first opened.
const CockpitPage = lazy(() => import('./SupervisionCockpitPage'));
const InboxPage = lazy(() => import('./InboxPage'));
const NotificationsPage = lazy(() => import('./NotificationsPage'));
const SettingsPage = lazy(() => import('./SettingsPage'));
const YearPlanPage = lazy(() => import('./YearPlanPage'));
const WorkPointsPage = lazy(() => import('./WorkPointsPage'));
const WorkPointPage = lazy(() => import('./WorkPointPage'));
const ReportsPage = lazy(() => import('./ReportsPage'));
const ReportPage = lazy(() => import('./ReportPage'));
const IndicatorsPage = lazy(() => import('./IndicatorsPage'));
const IndicatorPage = lazy(() => import('./IndicatorPage'));
const MajorListsPage = lazy(() => import('./MajorListsPage'));
const InspectionsPage = lazy(() => import('./InspectionsPage'));
const InspectionPage = lazy(() => import('./InspectionPage'));
const NoticesPage = lazy(() => import('./NoticesPage'));
const NoticePage = lazy(() => import('./NoticePage'));
const ConsultationsPage = lazy(() => import('./ConsultationsPage'));
const ConsultationPage = lazy(() => import('./ConsultationPage'));

export const PARTICIPANTS: Role[] = ['admin', 'taskforce', 'unit', 'district'];
export const TASK_FORCE: Role[] = ['admin', 'taskforce'];

const only = (roles: Role[] | undefined, page: React.ReactNode) => <RequireAuth roles={roles}><Suspense>{page}</Suspense></RequireAuth>;

/** Supervision pages under /supervision; notices and consultations are public. */
export const supervisionRoutes = (
  <>
    <Route path="supervision">
      <Route index element={only(PARTICIPANTS, <CockpitPage />)} />
      <Route path="inbox" element={only(PARTICIPANTS, <InboxPage />)} />
      <Route path="year-plan" element={only(PARTICIPANTS, <YearPlanPage />)} />
      <Route path="work-points" element={only(PARTICIPANTS, <WorkPointsPage />)} />
      <Route path="work-points/:id" element={only(PARTICIPANTS, <WorkPointPage />)} />
      <Route path="reports" element={only(PARTICIPANTS, <ReportsPage />)} />
      <Route path="reports/:id" element={only(PARTICIPANTS, <ReportPage />)} />
      <Route path="indicators" element={only(PARTICIPANTS, <IndicatorsPage />)} />
      <Route path="indicators/:code" element={only(PARTICIPANTS, <IndicatorPage />)} />
      <Route path="major-lists" element={only(undefined, <MajorListsPage />)} />
      <Route path="inspections" element={only(PARTICIPANTS, <InspectionsPage />)} />
      <Route path="inspections/:id" element={only(PARTICIPANTS, <InspectionPage />)} />
      <Route path="settings" element={only(TASK_FORCE, <SettingsPage />)} />
    </Route>
    <Route path="notifications" element={only(undefined, <NotificationsPage />)} />
    <Route path="notices" element={<Suspense><NoticesPage /></Suspense>} />
    <Route path="notices/:id" element={<Suspense><NoticePage /></Suspense>} />
    <Route path="consultations" element={<Suspense><ConsultationsPage /></Suspense>} />
    <Route path="consultations/:id" element={<Suspense><ConsultationPage /></Suspense>} />
  </>
);
