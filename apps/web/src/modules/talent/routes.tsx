import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route } from 'react-router-dom';
import { RequireAuth } from '../../app/session';
import { DIRECTORY } from './access';

// Each page its own chunk, loaded when first opened.
const ExpertsPage = lazy(() => import('./ExpertsPage'));
const CommitteePage = lazy(() => import('./CommitteePage'));
const PeoplePage = lazy(() => import('./PeoplePage'));
const EducationPage = lazy(() => import('./EducationPage'));

const open = (page: ReactNode) => <Suspense>{page}</Suspense>;

/**
 * The talent module's pages under /talent (see README.md in this folder): the expert directory
 * for its readers; the committee (the roster is public, terms and consultations for the
 * directory's readers); talent (overseers; the page says so to others); education (public).
 */
export const talentRoutes = (
  <Route path="talent">
    <Route index element={<Navigate to="experts" replace />} />
    <Route path="experts" element={<RequireAuth roles={DIRECTORY}>{open(<ExpertsPage />)}</RequireAuth>} />
    <Route path="committee" element={open(<CommitteePage />)} />
    <Route path="people" element={open(<PeoplePage />)} />
    <Route path="education" element={open(<EducationPage />)} />
  </Route>
);
