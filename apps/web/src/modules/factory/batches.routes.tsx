/** The batches part's pages under /factory: batches, a running batch with its golden bands, golden batches. */
export const batchesPages = <></>;
