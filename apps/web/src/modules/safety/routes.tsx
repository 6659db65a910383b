import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router-dom';

// Each page its own chunk, loaded when first opened.
const EvaluationsPage = lazy(() => import('./EvaluationsPage'));
const EvaluationPage = lazy(() => import('./EvaluationPage'));

const open = (page: ReactNode) => <Suspense>{page}</Suspense>;

/**
 * The safety module's pages under /safety (see README.md in this folder). Both are open: a visitor
 * reads the public conclusions and a concluded evaluation's line; the server decides what more
 * each signed-in reader sees and may do.
 */
export const safetyRoutes = (
  <Route path="safety">
    <Route path="evaluations" element={open(<EvaluationsPage />)} />
    <Route path="evaluations/:id" element={open(<EvaluationPage />)} />
  </Route>
);
