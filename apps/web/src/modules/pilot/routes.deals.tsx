import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth, type Role } from '../../app/session';
import { PARTIES } from './access';
import { PROJECT_READERS, REQUEST_READERS } from './api.deals';

// Each page its own chunk, loaded when first opened.
const ResponsesPage = lazy(() => import('./ResponsesPage'));
const ResponsePage = lazy(() => import('./ResponsePage'));
const ProjectsPage = lazy(() => import('./ProjectsPage'));
const ProjectPage = lazy(() => import('./ProjectPage'));
const ServicesPage = lazy(() => import('./ServicesPage'));
const ServiceRequestPage = lazy(() => import('./ServiceRequestPage'));

const open = (page: ReactNode) => <Suspense>{page}</Suspense>;
const only = (roles: Role[], page: ReactNode) => <RequireAuth roles={roles}><Suspense>{page}</Suspense></RequireAuth>;

/**
 * Responses (对接洽谈), pilot projects and one-stop services, under /pilot. The projects page (public
 * counts by stage, the board for those who may see it) and the services page (public figures and
 * routes, requests for the signed-in) are open; a response is the two parties' and the task
 * force's; a project or a request names its readers.
 */
export const pilotDealRoutes = (
  <>
    <Route path="responses" element={only(PARTIES, <ResponsesPage />)} />
    <Route path="responses/:id" element={only(PARTIES, <ResponsePage />)} />
    <Route path="projects" element={open(<ProjectsPage />)} />
    <Route path="projects/:id" element={only(PROJECT_READERS, <ProjectPage />)} />
    <Route path="services" element={open(<ServicesPage />)} />
    <Route path="services/requests/:id" element={only(REQUEST_READERS, <ServiceRequestPage />)} />
  </>
);
