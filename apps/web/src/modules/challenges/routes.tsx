import { Route } from 'react-router-dom';

/** The challenges module's pages under /challenges (see README.md in this folder). */
export const challengeRoutes = (
  <Route path="challenges">
  </Route>
);
