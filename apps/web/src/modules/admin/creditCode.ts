/**
 * 统一社会信用代码 (GB 32100-2015), checked in the browser by the same code the server runs, so
 * that a form and the API can never disagree (the rule is pure and imports nothing).
 */
export { isValidCreditCode } from '../../../../server/src/platform/identity/credit-code';
