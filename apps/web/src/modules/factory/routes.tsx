import { Route } from 'react-router-dom';
import { epcisPages } from './epcis.routes';
import { tracePages } from './trace.routes';
import { batchesPages } from './batches.routes';
import { monitoringPages } from './monitoring.routes';

/**
 * The smart factory's pages under /factory (see README.md in this folder): factories and EPCIS
 * events; trace and recall; batches, their series and golden batches; monitoring models and alarms.
 */
export const factoryRoutes = (
  <Route path="factory">
    {epcisPages}
    {tracePages}
    {batchesPages}
    {monitoringPages}
  </Route>
);
