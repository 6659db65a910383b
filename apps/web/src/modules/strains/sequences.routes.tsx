/** The sequences part's pages under /strains (relative paths). */
export const sequencesPages = <></>;
