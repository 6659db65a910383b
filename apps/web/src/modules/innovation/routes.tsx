import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route } from 'react-router-dom';

// Each page its own chunk, loaded when first opened.
const PlatformsPage = lazy(() => import('./PlatformsPage'));
const PlatformPage = lazy(() => import('./PlatformPage'));

const open = (page: ReactNode) => <Suspense>{page}</Suspense>;

/** The innovation module's pages under /innovation (see README.md in this folder); all public, the server decides who may change what. */
export const innovationRoutes = (
  <Route path="innovation">
    <Route index element={<Navigate to="platforms" replace />} />
    <Route path="platforms" element={open(<PlatformsPage />)} />
    <Route path="platforms/:id" element={open(<PlatformPage />)} />
  </Route>
);
