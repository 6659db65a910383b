import { Route } from 'react-router-dom';
import { recordsPages } from './records.routes';
import { stockPages } from './stock.routes';
import { sequencesPages } from './sequences.routes';

/**
 * The strain bank's pages under /strains (see README.md in this folder): the catalogue, strains
 * and their deposits, germplasm and labs; preservation stock and sharing requests; sequences and
 * identification.
 */
export const strainRoutes = (
  <Route path="strains">
    {recordsPages}
    {stockPages}
    {sequencesPages}
  </Route>
);
