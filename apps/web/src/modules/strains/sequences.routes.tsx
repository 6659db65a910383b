import { lazy, Suspense } from 'react';
import { Route } from 'react-router-dom';

// The page is its own chunk, loaded when first opened.
const IdentifyPage = lazy(() => import('./sequences/IdentifyPage'));

/**
 * The sequences part's pages under /strains: identification (anyone reads the page; signing in
 * identifies; curators see the index and the reference sets). A strain's sequences are a panel
 * on its page (sequences/StrainSequencesPanel.tsx).
 */
export const sequencesPages = (
  <>
    <Route path="identify" element={<Suspense><IdentifyPage /></Suspense>} />
  </>
);
