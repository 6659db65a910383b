/** The stock part's pages under /strains (relative paths). */
export const stockPages = <></>;
