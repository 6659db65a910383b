/** The monitoring part's pages under /factory: monitoring models and alarms. */
export const monitoringPages = <></>;
