import { lazy, Suspense } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth } from '../../app/session';
import { FACTORY_READERS } from './access';

// Its own chunk (with the graph chart), loaded when first opened.
const TracePage = lazy(() => import('./trace/TracePage'));

/** The trace part's pages under /factory: trace and the recall report. */
export const tracePages = (
  <Route path="trace" element={<RequireAuth roles={FACTORY_READERS}><Suspense><TracePage /></Suspense></RequireAuth>} />
);
