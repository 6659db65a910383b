import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth, type Role } from '../../app/session';
import { APPLICANTS, ORGANISERS, OVERSEERS, REVIEWERS } from './access';
import { catalogRoutes } from './catalog/routes';
import './Challenges.css';

// Each page its own chunk, loaded when first opened.
const ChallengesPage = lazy(() => import('./ChallengesPage'));
const ChallengePage = lazy(() => import('./ChallengePage'));
const ChallengeFormPage = lazy(() => import('./ChallengeFormPage'));
const ApplicationPage = lazy(() => import('./ApplicationPage'));
const MyApplicationsPage = lazy(() => import('./MyApplicationsPage'));
const ReviewDeskPage = lazy(() => import('./ReviewDeskPage'));
const ReviewScorePage = lazy(() => import('./ReviewScorePage'));
const BoardPage = lazy(() => import('./BoardPage'));
const AwardPage = lazy(() => import('./AwardPage'));
const ResultsPage = lazy(() => import('./ResultsPage'));

const open = (page: ReactNode) => <Suspense>{page}</Suspense>;
const only = (roles: Role[] | undefined, page: ReactNode) => <RequireAuth roles={roles}><Suspense>{page}</Suspense></RequireAuth>;
/** Roles that read an award's delivery (the server's AWARD_READERS; it admits only the team among applicants). */
const AWARD_READERS: Role[] = [...OVERSEERS, 'enterprise', 'institute'];

/**
 * The challenges module's pages under /challenges (see README.md in this folder): the open list,
 * the challenge page (also opened on a tab by /:id/review and /:id/notice, the notifications'
 * links), results and awards are public; forms, the workbench and the board name their roles and
 * the server decides each object. The catalog's pages are under /challenges/needs.
 */
export const challengeRoutes = (
  <Route path="challenges">
    <Route index element={open(<ChallengesPage />)} />
    {catalogRoutes}
    <Route path="new" element={only(ORGANISERS, <ChallengeFormPage />)} />
    <Route path="applications" element={only(APPLICANTS, <MyApplicationsPage />)} />
    <Route path="applications/:id" element={only(undefined, <ApplicationPage key="application" />)} />
    <Route path="review" element={only(REVIEWERS, <ReviewDeskPage />)} />
    <Route path="review/:id" element={only(REVIEWERS, <ReviewScorePage />)} />
    <Route path="board" element={only(OVERSEERS, <BoardPage />)} />
    <Route path="awards/:id" element={only(AWARD_READERS, <AwardPage />)} />
    <Route path="results" element={open(<ResultsPage />)} />
    <Route path=":id" element={open(<ChallengePage key="overview" />)} />
    <Route path=":id/review" element={open(<ChallengePage key="review" tab="review" />)} />
    <Route path=":id/notice" element={open(<ChallengePage key="notice" tab="notice" />)} />
    <Route path=":id/edit" element={only(ORGANISERS, <ChallengeFormPage />)} />
    <Route path=":challengeId/apply" element={only(APPLICANTS, <ApplicationPage key="apply" />)} />
  </Route>
);
