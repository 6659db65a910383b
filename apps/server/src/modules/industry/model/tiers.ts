/**
 * Revenue tiers of the plan's enterprise targets (action 4): 100 亿元 and 50 亿元, in 万元 as
 * figures are kept. The plan says "超过"; the issue counts "≥": the boundary counts.
 */
export const TIER_100_WAN = 1_000_000;
export const TIER_50_WAN = 500_000;
export const WAN_PER_YI = 10_000;

export type Tier = '100' | '50' | null;
export const tierOf = (revenueWan: number | null | undefined): Tier =>
  revenueWan == null ? null : revenueWan >= TIER_100_WAN ? '100' : revenueWan >= TIER_50_WAN ? '50' : null;

/** 亿元 from 万元, rounded to two decimals for display. */
export const yi = (wan: number) => Math.round((wan / WAN_PER_YI) * 100) / 100;

/**
 * The scale an enterprise contributes: its biomanufacturing revenue, or its output value
 * when only that was reported (the roll-up says how much came from output value).
 */
export const scaleOf = (f: { revenueWan: number | null; outputValueWan: number | null }) => f.revenueWan ?? f.outputValueWan ?? 0;
