import { Route } from 'react-router-dom';

/** The talent module's pages under /talent (see README.md in this folder). */
export const talentRoutes = (
  <Route path="talent">
  </Route>
);
