/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, S, V,
 * Z), the last a check character computed from the first 17 with fixed weights (mod 31).
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** Why a code is not valid, in zh and en; null when it is. */
export function creditCodeProblem(code: string): { zh: string; en: string } | null {
  if (code.length !== 18) return { zh: '统一社会信用代码应为 18 位', en: 'a unified social credit code has 18 characters' };
  if (!SHAPE.test(code)) return { zh: '统一社会信用代码含有不允许的字符（不使用 I、O、S、V、Z）', en: 'the code has characters outside GB 32100 (no I, O, S, V, Z)' };
  if (creditCodeCheckChar(code) !== code[17]) return { zh: `校验码错误，应为 ${creditCodeCheckChar(code)}`, en: `wrong check character; it should be ${creditCodeCheckChar(code)}` };
  return null;
}

export const isValidCreditCode = (code: string) => creditCodeProblem(code) === null;

/** Upper case without spaces: how people paste codes. */
export const normaliseCreditCode = (code: string) => code.replace(/\s+/g, '').toUpperCase();
