import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth, type Role } from '../../../app/session';
import { NEED_RAISERS } from './access';

// Each page its own chunk, loaded when first opened.
const CatalogPage = lazy(() => import('./CatalogPage'));
const NeedNewPage = lazy(() => import('./NeedNewPage'));
const NeedPage = lazy(() => import('./NeedPage'));
const DiffPage = lazy(() => import('./DiffPage'));

const open = (page: ReactNode) => <Suspense>{page}</Suspense>;
const only = (roles: Role[], page: ReactNode) => <RequireAuth roles={roles}><Suspense>{page}</Suspense></RequireAuth>;

/**
 * The technology-need catalog under /challenges/needs (inside the module's `challenges` route):
 * the catalog by edition, the comparison of editions and a need's page are public (the server
 * decides what each caller reads); raising a need names its roles.
 */
export const catalogRoutes = (
  <>
    <Route path="needs" element={open(<CatalogPage />)} />
    <Route path="needs/new" element={only(NEED_RAISERS, <NeedNewPage />)} />
    <Route path="needs/diff" element={open(<DiffPage />)} />
    <Route path="needs/:id" element={open(<NeedPage />)} />
  </>
);
