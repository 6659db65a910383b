import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth } from '../../app/session';
import { FACTORY_READERS } from './access';

// Each page its own chunk (with its charts), loaded when first opened.
const BatchesPage = lazy(() => import('./batches/BatchesPage'));
const BatchPage = lazy(() => import('./batches/BatchPage'));
const GoldenPage = lazy(() => import('./batches/GoldenPage'));
const GoldenProfilePage = lazy(() => import('./batches/GoldenProfilePage'));

const readers = (page: ReactNode) => <RequireAuth roles={FACTORY_READERS}><Suspense>{page}</Suspense></RequireAuth>;

/** The batches part's pages under /factory: batches, a running batch with its golden bands, golden batches. */
export const batchesPages = (
  <>
    <Route path="batches" element={readers(<BatchesPage />)} />
    <Route path="batches/:id" element={readers(<BatchPage />)} />
    <Route path="golden" element={readers(<GoldenPage />)} />
    <Route path="golden/:id" element={readers(<GoldenProfilePage />)} />
  </>
);
