import { Route } from 'react-router-dom';
import { pilotBaseRoutes } from './routes.bases';
import { pilotDealRoutes } from './routes.deals';
import { pilotListRoutes } from './routes.lists';

/** The pilot module under /pilot: map and bases, the two lists and their editions, responses, projects, one-stop services. */
export const pilotRoutes = (
  <Route path="pilot">
    {pilotBaseRoutes}
    {pilotListRoutes}
    {pilotDealRoutes}
  </Route>
);
