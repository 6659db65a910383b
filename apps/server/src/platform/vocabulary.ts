/** A vocabulary's entry: what a code is called in the platform's two languages. */
export type Names = { zh: string; en: string };

/** A vocabulary's codes, typed as its keys (what the records store). */
export const codesOf = <T extends Record<string, Names>>(o: T) => Object.keys(o) as (keyof T & string)[];
