import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth, type Role } from '../../app/session';
import { FIGURE_READERS, MANAGERS, READERS } from './access';
import './industry.css';

// Each page its own chunk, loaded when first opened.
const IndustryMapPage = lazy(() => import('./IndustryMapPage'));
const EnterprisesPage = lazy(() => import('./EnterprisesPage'));
const EnterprisePage = lazy(() => import('./EnterprisePage'));
const ChainsPage = lazy(() => import('./ChainsPage'));
const LeadsPage = lazy(() => import('./LeadsPage'));
const LeadPage = lazy(() => import('./LeadPage'));
const TargetRecordsPage = lazy(() => import('./TargetRecordsPage'));
const ParksPage = lazy(() => import('./ParksPage'));
const ParkPage = lazy(() => import('./ParkPage'));
const FundsPage = lazy(() => import('./FundsPage'));
const FiguresPage = lazy(() => import('./FiguresPage'));
const SearchPage = lazy(() => import('./SearchPage'));

const open = (page: ReactNode) => <Suspense>{page}</Suspense>;
const only = (roles: Role[], page: ReactNode) => <RequireAuth roles={roles}><Suspense>{page}</Suspense></RequireAuth>;

/** The industry map under /industry: the map, directory, chains and parks are public; the rest name their roles. */
export const industryRoutes = (
  <Route path="industry">
    <Route index element={open(<IndustryMapPage />)} />
    <Route path="enterprises" element={open(<EnterprisesPage />)} />
    <Route path="enterprises/:id" element={open(<EnterprisePage />)} />
    <Route path="chains" element={open(<ChainsPage />)} />
    <Route path="chains/:code" element={open(<ChainsPage />)} />
    <Route path="parks" element={open(<ParksPage />)} />
    <Route path="parks/:id" element={open(<ParkPage />)} />
    <Route path="search" element={open(<SearchPage />)} />
    <Route path="leads" element={only(MANAGERS, <LeadsPage />)} />
    <Route path="leads/:id" element={only(MANAGERS, <LeadPage />)} />
    <Route path="targets/:code" element={only(READERS, <TargetRecordsPage />)} />
    <Route path="funds" element={only(READERS, <FundsPage />)} />
    <Route path="figures" element={only(FIGURE_READERS, <FiguresPage />)} />
  </Route>
);
