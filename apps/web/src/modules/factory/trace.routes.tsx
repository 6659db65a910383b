/** The trace part's pages under /factory: trace and the recall report. */
export const tracePages = <></>;
