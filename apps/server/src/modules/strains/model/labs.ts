import { sql, type RawBuilder } from 'kysely';

/**
 * 实验室生物安全等级. A lab's level counts only while the lab is operating and its certificate
 * is in date (through its expiry day): a lapsed certificate counts as no certificate. BSL-1 work
 * needs no certificate, so an operating lab without a valid one still counts as BSL-1; a lab
 * being built, suspended or closed counts as nothing (0).
 */
export type LabStatus = 'operating' | 'building' | 'suspended' | 'closed';
export const LAB_STATUSES: readonly LabStatus[] = ['operating', 'building', 'suspended', 'closed'];

export interface LabLevelFacts {
  biosafetyLevel: number;
  status: string;
  certificateExpiresOn: string | null;
}

/** The level the lab may work at on `today` ('YYYY-MM-DD'): 0 … 4. */
export function effectiveLevel(lab: LabLevelFacts, today: string): number {
  if (lab.status !== 'operating') return 0;
  if (lab.biosafetyLevel <= 1) return 1;
  return lab.certificateExpiresOn && lab.certificateExpiresOn >= today ? lab.biosafetyLevel : 1;
}

/** The SQL twin of effectiveLevel() for a biosafety_lab row aliased `alias`, for counts and indicators. */
export function effectiveLevelSql(alias: string, today: string): RawBuilder<number> {
  const a = sql.ref(alias);
  return sql<number>`(case when ${a}.status <> 'operating' then 0 when ${a}.biosafety_level <= 1 then 1
    when ${a}.certificate_expires_on >= ${today}::date then ${a}.biosafety_level else 1 end)`;
}
