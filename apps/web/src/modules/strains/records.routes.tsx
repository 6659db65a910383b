/** The records part's pages under /strains (relative paths). */
export const recordsPages = <></>;
