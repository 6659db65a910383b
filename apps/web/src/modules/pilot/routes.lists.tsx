import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth, type Role } from '../../app/session';
import { ACHIEVEMENT_POSTERS, DEMAND_POSTERS, TASK_FORCE } from './access';
import './Lists.css';

// Each page its own chunk, loaded when first opened.
const ListPage = lazy(() => import('./ListPage'));
const ItemNewPage = lazy(() => import('./ItemNewPage'));
const ItemPage = lazy(() => import('./ItemPage'));
const ReviewPage = lazy(() => import('./ReviewPage'));
const EditionsPage = lazy(() => import('./EditionsPage'));
const EditionPage = lazy(() => import('./EditionPage'));

const open = (page: ReactNode) => <Suspense>{page}</Suspense>;
const only = (roles: Role[], page: ReactNode) => <RequireAuth roles={roles}><Suspense>{page}</Suspense></RequireAuth>;

/**
 * The demand list, the achievement list and the editions of the three pilot lists, under /pilot:
 * the lists, items and published editions are public (an item's confidential part and its matches
 * only for those the server lets read them); posting names its roles; review is the task force's.
 * The keys keep a demand page and an achievement page from sharing state when one links to the other.
 */
export const pilotListRoutes = (
  <>
    <Route path="demands" element={open(<ListPage key="demand" kind="demand" />)} />
    <Route path="demands/new" element={only(DEMAND_POSTERS, <ItemNewPage key="demand" kind="demand" />)} />
    <Route path="demands/:id" element={open(<ItemPage key="demand" kind="demand" />)} />
    <Route path="achievements" element={open(<ListPage key="achievement" kind="achievement" />)} />
    <Route path="achievements/new" element={only(ACHIEVEMENT_POSTERS, <ItemNewPage key="achievement" kind="achievement" />)} />
    <Route path="achievements/:id" element={open(<ItemPage key="achievement" kind="achievement" />)} />
    <Route path="editions" element={open(<EditionsPage />)} />
    <Route path="editions/:id" element={open(<EditionPage />)} />
    <Route path="review" element={only(TASK_FORCE, <ReviewPage />)} />
  </>
);
