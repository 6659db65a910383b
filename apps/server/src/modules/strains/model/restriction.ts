/**
 * 受限菌种. A strain is restricted when the rule says so — hazard class 1 or 2, a biosafety level
 * of 3 or more, or export control — or when a curator marks it so: a curator may restrict more
 * than the rule, never less. GMO and Nagoya/ABS terms do not hide a record; they are conditions
 * on sharing that the MTA names.
 */
export interface RestrictionFacts {
  hazardClass: number | null;
  biosafetyLevel: number;
  exportControl: boolean;
}

export function restrictedByRule(s: RestrictionFacts): boolean {
  return (s.hazardClass !== null && s.hazardClass <= 2) || s.biosafetyLevel >= 3 || s.exportControl;
}

/** The stored flag: the rule, or the curator's mark on top of it. */
export const isRestricted = (s: RestrictionFacts, markedByCurator: boolean) => restrictedByRule(s) || markedByCurator;

/** Why the strain is restricted, in words (the flags a summary shows). */
export function restrictionReasons(s: RestrictionFacts & { restricted: boolean }): { zh: string; en: string }[] {
  const out: { zh: string; en: string }[] = [];
  if (s.hazardClass !== null && s.hazardClass <= 2) out.push({ zh: `第${'一二'[s.hazardClass - 1]}类病原微生物`, en: `Hazard class ${s.hazardClass} pathogen` });
  if (s.biosafetyLevel >= 3) out.push({ zh: `须 BSL-${s.biosafetyLevel} 实验室`, en: `Needs a BSL-${s.biosafetyLevel} lab` });
  if (s.exportControl) out.push({ zh: '出口管制', en: 'Export controlled' });
  if (s.restricted && out.length === 0) out.push({ zh: '管理员限制', en: 'Restricted by the curators' });
  return out;
}

/**
 * The fields of a restricted strain's public summary, and nothing else: no isolation place or
 * coordinates, history, depositor, genes, literature (nor lots or sequences, which other parts hold).
 */
export const PUBLIC_SUMMARY_FIELDS = [
  'id', 'accession', 'genus', 'species', 'subspecies', 'strainDesignation', 'nameZh', 'organismKind', 'typeStrain',
  'hazardClass', 'biosafetyLevel', 'gmo', 'exportControl', 'nagoyaAbs', 'restricted', 'restrictionNoteZh', 'status', 'applicationsZh',
] as const;

export function publicSummary<T extends Record<string, unknown>>(s: T): Record<string, unknown> {
  return Object.fromEntries(PUBLIC_SUMMARY_FIELDS.map((k) => [k, s[k] ?? null]));
}
