/**
 * What an identifier in a trace is, read from the identifier alone: the GS1 EPC URN schemes
 * (lgtin lots, sgtin items, sscc logistic units, grai/giai assets) and the strain bank's
 * accessions. A node's final kind also depends on where it sits in the walk (see trace-kinds.ts).
 *
 * A strain accession appears in EPCIS as the bank's URI for it, `https://cqmcc.example/strain/CQMCC10001`
 * for the accession `CQMCC 10001`: an EPCIS 2.0 EPC may be any URI, and a seed-culture
 * TransformationEvent names it as an input (in `inputEPCList`, or in `inputQuantityList` with
 * the vials used). A trace links it to the strain's page.
 */

export const STRAIN_URI_BASE = 'https://cqmcc.example/strain/';

export type EpcScheme = 'lot' | 'item' | 'container' | 'asset' | 'strain' | 'other';

export interface EpcInfo {
  scheme: EpcScheme;
  /** What a person reads: the lot number, the serial, the SSCC, the accession. */
  label: string;
  /** The company prefix and item reference (GTIN parts) of a lot or item, when the EPC has them. */
  gtinParts?: string;
  /** A strain's accession as the bank writes it ('CQMCC 10001'). */
  accession?: string;
}

/** The URI a strain accession takes in EPCIS events: 'CQMCC 10001' → …/strain/CQMCC10001. */
export const strainEpc = (accession: string) => `${STRAIN_URI_BASE}${accession.replace(/\s+/g, '')}`;

const STRAIN = /^https?:\/\/cqmcc\.example\/strain\/([A-Za-z]+)\s*(\d+)$/;

export function epcInfo(epc: string): EpcInfo {
  const strain = STRAIN.exec(epc);
  if (strain) {
    const accession = `${strain[1].toUpperCase()} ${strain[2]}`;
    return { scheme: 'strain', label: accession, accession };
  }
  const urn = /^urn:epc:(id|class|idpat):([a-z0-9]+):(.+)$/i.exec(epc);
  if (!urn) return { scheme: 'other', label: epc };
  const [, , scheme, rest] = urn;
  const parts = rest.split('.');
  switch (scheme.toLowerCase()) {
    case 'lgtin': return { scheme: 'lot', label: parts.slice(2).join('.') || rest, gtinParts: parts.slice(0, 2).join('.') };
    case 'sgtin': return { scheme: 'item', label: parts.slice(2).join('.') || rest, gtinParts: parts.slice(0, 2).join('.') };
    case 'sscc': return { scheme: 'container', label: parts.join('') };
    case 'grai': case 'giai': return { scheme: 'asset', label: parts.slice(1).join('.') || rest };
    default: return { scheme: 'other', label: rest };
  }
}

/** The GLN part of an SGLN (`urn:epc:id:sgln:6901234.00001.F1` → `urn:epc:id:sgln:6901234.00001.`). */
export function glnPrefix(sgln: string): string {
  const i = sgln.lastIndexOf('.');
  return i < 0 ? sgln : sgln.slice(0, i + 1);
}

/** Whether a read point or business location lies at a factory whose site SGLN is `sgln` (same GLN, any extension). */
export const locatedAt = (location: string | null | undefined, sgln: string | null | undefined) =>
  !!location && !!sgln && (location === sgln || location.startsWith(glnPrefix(sgln)));
