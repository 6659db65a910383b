import { Route } from 'react-router-dom';

/** The ip module's pages under /ip (see README.md in this folder). */
export const ipRoutes = (
  <Route path="ip">
  </Route>
);
