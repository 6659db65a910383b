import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth } from '../../app/session';
import { DEPOSITORS } from './records/access';
import './records/Records.css';

// Each page its own chunk, loaded when first opened.
const CataloguePage = lazy(() => import('./records/CataloguePage'));
const StrainPage = lazy(() => import('./records/StrainPage'));
const DepositsPage = lazy(() => import('./records/DepositsPage'));
const GermplasmPage = lazy(() => import('./records/GermplasmPage'));
const LabsPage = lazy(() => import('./records/LabsPage'));

const open = (page: ReactNode) => <Suspense>{page}</Suspense>;

/**
 * The records part's pages under /strains: the public catalogue, a strain's page (full record or
 * public summary), deposits (submit, mine, the curators' queue), germplasm and labs. Static paths
 * (deposits, germplasm, labs, and the other parts' stock, requests, identify) win over `:id`.
 */
export const recordsPages = (
  <>
    <Route index element={open(<CataloguePage />)} />
    <Route path="deposits" element={<RequireAuth roles={DEPOSITORS}><Suspense><DepositsPage /></Suspense></RequireAuth>} />
    <Route path="germplasm" element={open(<GermplasmPage />)} />
    <Route path="labs" element={open(<LabsPage />)} />
    <Route path=":id" element={open(<StrainPage />)} />
  </>
);
