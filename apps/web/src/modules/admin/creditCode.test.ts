import { describe, expect, it } from 'vitest';
import { isValidCreditCode } from './creditCode';

describe('unified social credit code', () => {
  it('accepts a code whose check character is right', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
  });

  it('refuses a wrong check character, a wrong length and letters the standard leaves out', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M000100I43')).toBe(false);
  });
});
