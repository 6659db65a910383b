import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth } from '../../app/session';

// Each page its own chunk, loaded when first opened.
const IpListPage = lazy(() => import('./IpListPage'));
const IpRightPage = lazy(() => import('./IpRightPage'));
const ReportsPage = lazy(() => import('./ReportsPage'));
const ReportPage = lazy(() => import('./ReportPage'));

const open = (page: ReactNode) => <Suspense>{page}</Suspense>;
const signedIn = (page: ReactNode) => <RequireAuth><Suspense>{page}</Suspense></RequireAuth>;

/** The ip module's pages under /ip (see README.md in this folder): the public list and rights; reports for those signed in. */
export const ipRoutes = (
  <Route path="ip">
    <Route index element={open(<IpListPage />)} />
    <Route path="reports" element={signedIn(<ReportsPage />)} />
    <Route path="reports/:id" element={signedIn(<ReportPage />)} />
    <Route path=":id" element={open(<IpRightPage />)} />
  </Route>
);
