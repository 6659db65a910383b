import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth, type Role } from '../../app/session';
import { PARTIES } from './access';
import './BasePages.css';

// Each page its own chunk, loaded when first opened.
const AtlasPage = lazy(() => import('./AtlasPage'));
const BasesPage = lazy(() => import('./BasesPage'));
const BasePage = lazy(() => import('./BasePage'));
const EquipmentPage = lazy(() => import('./EquipmentPage'));
const BookingsPage = lazy(() => import('./BookingsPage'));

const open = (page: ReactNode) => <Suspense>{page}</Suspense>;
const only = (roles: Role[], page: ReactNode) => <RequireAuth roles={roles}><Suspense>{page}</Suspense></RequireAuth>;

/**
 * Under /pilot: the map (中试图谱), the bases and their profiles and equipment calendars are
 * public; bookings are the parties' (requesters and the bases' keepers).
 */
export const pilotBaseRoutes = (
  <>
    <Route index element={open(<AtlasPage />)} />
    <Route path="bases" element={open(<BasesPage />)} />
    <Route path="bases/:id" element={open(<BasePage />)} />
    <Route path="equipment/:id" element={open(<EquipmentPage />)} />
    <Route path="bookings" element={only(PARTIES, <BookingsPage />)} />
  </>
);
