import { Route } from 'react-router-dom';

/** The innovation module's pages under /innovation (see README.md in this folder). */
export const innovationRoutes = (
  <Route path="innovation">
  </Route>
);
