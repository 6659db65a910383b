/**
 * One set of type parsers for both drivers, so that a row reads the same on PGlite and on
 * PostgreSQL: bigint counts and numeric amounts as numbers, dates as 'YYYY-MM-DD' strings
 * (a reporting period is a calendar date, not an instant), timestamptz as Date.
 */
export const INT8 = 20;
export const NUMERIC = 1700;
export const DATE = 1082;

export const parsers: Record<number, (value: string) => unknown> = {
  [INT8]: (v) => Number(v),
  [NUMERIC]: (v) => Number(v),
  [DATE]: (v) => v,
};
