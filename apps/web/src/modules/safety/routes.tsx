import { Route } from 'react-router-dom';

/** The safety module's pages under /safety (see README.md in this folder). */
export const safetyRoutes = <Route path="safety" />;
