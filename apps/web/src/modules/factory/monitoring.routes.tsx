import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth } from '../../app/session';
import { FACTORY_READERS } from './access';

// Each page its own chunk (with its charts), loaded when first opened.
const AlarmsPage = lazy(() => import('./monitoring/AlarmsPage'));
const ModelsPage = lazy(() => import('./monitoring/ModelsPage'));
const ModelPage = lazy(() => import('./monitoring/ModelPage'));

const readers = (page: ReactNode) => <RequireAuth roles={FACTORY_READERS}><Suspense>{page}</Suspense></RequireAuth>;

/** The monitoring part's pages under /factory: alarms, monitoring models and one model. */
export const monitoringPages = (
  <>
    <Route path="alarms" element={readers(<AlarmsPage />)} />
    <Route path="models" element={readers(<ModelsPage />)} />
    <Route path="models/:id" element={readers(<ModelPage />)} />
  </>
);
