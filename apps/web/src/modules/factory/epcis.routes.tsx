import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth } from '../../app/session';
import { FACTORY_READERS } from './access';

// Each page its own chunk, loaded when first opened.
const FactoriesPage = lazy(() => import('./epcis/FactoriesPage'));
const FactoryPage = lazy(() => import('./epcis/FactoryPage'));
const EventsPage = lazy(() => import('./epcis/EventsPage'));

const open = (page: ReactNode) => <Suspense>{page}</Suspense>;

/** The epcis part's pages under /factory: factories (index, public), a factory's page, and EPCIS events. */
export const epcisPages = (
  <>
    <Route index element={open(<FactoriesPage />)} />
    <Route path="factories/:id" element={open(<FactoryPage />)} />
    <Route path="events" element={<RequireAuth roles={FACTORY_READERS}><Suspense><EventsPage /></Suspense></RequireAuth>} />
  </>
);
