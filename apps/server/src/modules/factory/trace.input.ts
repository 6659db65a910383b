import { canonicalEpc } from '@cq-biomfg/epcis';

/**
 * The start of a trace as typed: an EPC URN or any other URI is an identifier (a GS1 Digital Link
 * becomes the URN the capture stored, by the engine's own converter); anything else is a lot
 * number, serial or accession to be looked up (null).
 */
export function canonicalStart(input: string): string | null {
  const s = input.trim();
  if (/^urn:/i.test(s) || /^https?:\/\//i.test(s)) return canonicalEpc(s);
  return null;
}
