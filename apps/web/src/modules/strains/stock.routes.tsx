import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth, type Role } from '../../app/session';
import { CURATORS, SHARING_READERS } from './stock/access';
import './stock/Stock.css';

// Each page its own chunk, loaded when first opened.
const StockPage = lazy(() => import('./stock/StockPage'));
const RequestsPage = lazy(() => import('./stock/RequestsPage'));
const RequestPage = lazy(() => import('./stock/RequestPage'));

const only = (roles: Role[], page: ReactNode) => <RequireAuth roles={roles}><Suspense>{page}</Suspense></RequireAuth>;

/**
 * The stock part's pages under /strains: the curators' stock (lots, freezers, alerts), and the
 * sharing requests (a requester's own, the curators' and officers' queue) with each request's page.
 */
export const stockPages = (
  <>
    <Route path="stock" element={only(CURATORS, <StockPage />)} />
    <Route path="requests" element={only(SHARING_READERS, <RequestsPage />)} />
    <Route path="requests/:id" element={only(SHARING_READERS, <RequestPage />)} />
  </>
);
