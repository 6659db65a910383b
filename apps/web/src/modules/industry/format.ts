import type { Lang } from '../../app/i18n';

/**
 * Amounts as the industry pages show them. The server keeps 万元; people read 亿元 for
 * anything large. In English, 亿元 (10⁸ yuan) reads as billions of yuan, as the plan pages do.
 */
export const WAN_PER_YI = 10_000;

/** 亿元 from 万元, rounded to two decimals. */
export const yi = (wan: number) => Math.round((wan / WAN_PER_YI) * 100) / 100;

export const num = (lang: Lang, v: number, digits = 2) => v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits });

/** An amount in 万元 for reading: 13.2 亿元 / 1.32 bn yuan; small ones 800 万元 / 8 m yuan; a dash when unknown. */
export function money(lang: Lang, wan: number | null | undefined): string {
  if (wan === null || wan === undefined) return '—';
  if (lang === 'en') return Math.abs(wan) >= WAN_PER_YI ? `${num(lang, wan / 100_000, 3)} bn yuan` : `${num(lang, wan / 100, 2)} m yuan`;
  return Math.abs(wan) >= WAN_PER_YI ? `${num(lang, yi(wan))} 亿元` : `${num(lang, wan)} 万元`;
}

/** A value already in 亿元: 452.75 亿元 / 45.275 bn yuan. */
export const yiText = (lang: Lang, v: number) => (lang === 'zh' ? `${num(lang, v)} 亿元` : `${num(lang, v / 10, 3)} bn yuan`);

/** The share of a target reached (0–100, whole percent). */
export const shareOf = (value: number, target: number) => (target > 0 ? Math.max(0, Math.min(100, Math.round((value / target) * 100))) : 0);
