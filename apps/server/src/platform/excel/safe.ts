/**
 * Text that leaves the platform in a spreadsheet must not become a formula when someone
 * opens or edits it, nor break the XML it is stored in.
 */

// XML 1.0 cannot hold these; ExcelJS would write a file Excel refuses to open.
// Lone surrogates and U+FFFE/U+FFFF are not XML characters either.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// OWASP "CSV injection": a cell starting with one of these is read as a formula
// (or, on editing, turned into one) by Excel and its kin.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Removes the characters a worksheet cannot hold. */
export const stripUnsafe = (text: string): string => text.replace(UNSAFE, '');

/**
 * Exported cell text never starts a formula: such strings get a leading apostrophe.
 * Anything that is not a string (numbers, dates, booleans) is returned as it is.
 */
export function neutralise(value: string): string;
export function neutralise<T>(value: T): T;
export function neutralise(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = stripUnsafe(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

// Reading XML turns a written carriage return into a line feed: "'\r…" comes back as "'\n…".
const WRITTEN_START = /^[=+\-@\t\r\n]/;

/**
 * Undoes `neutralise` on import, so a value exported and imported again comes back the same.
 * Only an apostrophe in front of a formula character is ours; any other is the user's text.
 */
export const unneutralise = (text: string): string =>
  text.startsWith("'") && WRITTEN_START.test(text.slice(1)) ? text.slice(1) : text;

/** Cuts text to at most `units` UTF-16 units (Excel's measure) without splitting a surrogate pair. */
export function clip(text: string, units: number): string {
  if (text.length <= units) return text;
  const cut = text.slice(0, units);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
