/**
 * EPC URIs → constrained canonical GS1 Digital Link URIs, as the CBV 2.0 event hash (§8.9) writes
 * every identifier (rules 17 and 18 of the algorithm): `https://id.gs1.org/...`, no query string,
 * only the finest level of identification. This is the opposite direction of `canonicalEpc`
 * (epc.ts), which the repository uses for storage; the hash needs this one because the reference
 * pre-hash strings are written with Digital Links, and a Digital Link needs no company prefix
 * length, so the result does not depend on which prefixes are registered.
 */

/** GS1 modulo-10 check digit of a digit string (weights 3,1,3,… from the right). */
export function gs1CheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[digits.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return String((10 - (sum % 10)) % 10);
}

const withCheck = (digits: string) => digits + gs1CheckDigit(digits);

/** GS1 Digital Link Table 7-1: characters of a URN component that a Digital Link percent-encodes. */
function dlEncode(s: string): string {
  return s.replace(/[!()*+,:]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

const ID = 'https://id.gs1.org/';
// A URN component: plain characters or %XX escapes (TDS Table I.3.1-1).
const PART = "(?:%[0-9A-Fa-f]{2}|[!')(*+,.0-9:;=A-Za-z_-])";

/** Company prefix + reference of a fixed total length (`gcp.ref`, the prefix 6 to 12 digits). */
function split(body: string, total: number): [string, string] | null {
  const m = /^(\d{6,12})\.(\d*)$/.exec(body);
  return m && m[1].length + m[2].length === total ? [m[1], m[2]] : null;
}

/** GTIN-14 from an SGTIN/LGTIN `gcp.indicator+itemref` pair. */
function gtin([gcp, itemRef]: [string, string]): string {
  return withCheck(itemRef[0] + gcp + itemRef.slice(1));
}

/** Each EPC scheme with the Digital Link it becomes (null: not a well-formed URN of that scheme). */
const EPC_SCHEMES: [RegExp, (m: RegExpExecArray) => string | null][] = [
  [new RegExp(`^urn:epc:id:sgtin:(\\d+\\.\\d+)\\.(${PART}{1,20})$`), (m) => {
    const p = split(m[1], 13);
    return p && `${ID}01/${gtin(p)}/21/${dlEncode(m[2])}`;
  }],
  [new RegExp(`^urn:epc:class:lgtin:(\\d+\\.\\d+)\\.(${PART}{1,20})$`), (m) => {
    const p = split(m[1], 13);
    return p && `${ID}01/${gtin(p)}/10/${dlEncode(m[2])}`;
  }],
  [/^urn:epc:idpat:sgtin:(\d+\.\d+)\.\*$/, (m) => {
    const p = split(m[1], 13);
    return p && `${ID}01/${gtin(p)}`;
  }],
  [/^urn:epc:id:sscc:(\d+\.\d+)$/, (m) => {
    const p = split(m[1], 17);
    return p && `${ID}00/${withCheck(p[1][0] + p[0] + p[1].slice(1))}`;
  }],
  [new RegExp(`^urn:epc:id:sgln:(\\d+\\.\\d*)\\.(${PART}{1,20})$`), (m) => {
    const p = split(m[1], 12);
    if (!p) return null;
    const gln = withCheck(p[0] + p[1]);
    return m[2] === '0' ? `${ID}414/${gln}` : `${ID}414/${gln}/254/${dlEncode(m[2])}`;
  }],
  [new RegExp(`^urn:epc:id:grai:(\\d+\\.\\d*)\\.(${PART}{1,16})$`), (m) => {
    const p = split(m[1], 12);
    return p && `${ID}8003/${withCheck('0' + p[0] + p[1])}${dlEncode(m[2])}`;
  }],
  [new RegExp(`^urn:epc:id:giai:(\\d{6,12})\\.(${PART}+)$`), (m) => (m[1].length + m[2].length <= 30 ? `${ID}8004/${m[1]}${dlEncode(m[2])}` : null)],
  [/^urn:epc:id:gsrn:(\d+\.\d+)$/, (m) => {
    const p = split(m[1], 17);
    return p && `${ID}8018/${withCheck(p[0] + p[1])}`;
  }],
  [/^urn:epc:id:gsrnp:(\d+\.\d+)$/, (m) => {
    const p = split(m[1], 17);
    return p && `${ID}8017/${withCheck(p[0] + p[1])}`;
  }],
  [new RegExp(`^urn:epc:id:gdti:(\\d+\\.\\d*)\\.(${PART}{0,17})$`), (m) => {
    const p = split(m[1], 12);
    return p && `${ID}253/${withCheck(p[0] + p[1])}${dlEncode(m[2])}`;
  }],
  [/^urn:epc:id:sgcn:(\d+\.\d*)\.(\d{1,12})$/, (m) => {
    const p = split(m[1], 12);
    return p && `${ID}255/${withCheck(p[0] + p[1])}${m[2]}`;
  }],
  [/^urn:epc:id:pgln:(\d+\.\d*)$/, (m) => {
    const p = split(m[1], 12);
    return p && `${ID}417/${withCheck(p[0] + p[1])}`;
  }],
  [/^urn:epc:id:gsin:(\d+\.\d+)$/, (m) => {
    const p = split(m[1], 16);
    return p && `${ID}402/${withCheck(p[0] + p[1])}`;
  }],
  [new RegExp(`^urn:epc:id:ginc:(\\d{6,12})\\.(${PART}+)$`), (m) => (m[1].length + m[2].length <= 30 ? `${ID}401/${m[1]}${dlEncode(m[2])}` : null)],
  [/^urn:epc:id:cpi:(\d{6,12})\.((?:%2[3dfDF]|%3[0-9]|%4[1-9A-Fa-f]|%5[0-9Aa]|[0-9A-Z-])+)\.(\d{1,12})$/,
    (m) => (m[1].length + m[2].length <= 30 ? `${ID}8010/${dlEncode(m[1] + m[2])}/8011/${m[3]}` : null)],
];

/** The Digital Link of an EPC URI (`urn:epc:id:…`, `urn:epc:class:lgtin:…`, `urn:epc:idpat:sgtin:…`), or null. */
export function epcUriToDigitalLink(uri: string): string | null {
  for (const [re, toDl] of EPC_SCHEMES) {
    const m = re.exec(uri);
    if (m) return toDl(m);
  }
  return null;
}

// Digital Link path short names (GS1 Digital Link 1.2 §6) and their AIs.
const SHORT_NAMES: Record<string, string> = {
  gtin: '01', itip: '8006', cpid: '8010', gln: '414', party: '417', gsrnp: '8017', gsrn: '8018', gcn: '255', sscc: '00',
  gdti: '253', ginc: '401', gsin: '402', grai: '8003', giai: '8004', cpv: '22', lot: '10', ser: '21',
};
const PRIMARY_KEYS = ['00', '01', '253', '255', '401', '402', '414', '417', '8003', '8004', '8006', '8010', '8017', '8018'];
const LOOKS_LIKE_DL = new RegExp(`^https?://[^/?#]*(?:/[^?#]*)?/(?:${[...PRIMARY_KEYS, ...Object.keys(SHORT_NAMES)].join('|')})/\\d{4}`);
const CANONICAL = new RegExp(`^https://id\\.gs1\\.org/(?:${PRIMARY_KEYS.join('|')})/\\d{4}`);

// The syntax a constrained canonical Digital Link must have (one line per key / key qualifier).
const C = `["'\\-.0-9;-?A-Z_a-z]`;
const VALID = [
  /^00\/\d{18}$/, new RegExp(`^01/\\d{14}(?:/(?:21|10)/${C}{0,20}|/235/${C}{0,28})?$`), new RegExp(`^253/\\d{13}${C}{0,17}$`),
  /^255\/\d{13}\d{0,12}$/, new RegExp(`^401/${C}{0,30}$`), /^402\/\d{17}$/, new RegExp(`^414/\\d{13}(?:/254/${C}{0,20})?$`), /^417\/\d{13}$/,
  new RegExp(`^8003/\\d{14}${C}{0,16}$`), new RegExp(`^8004/${C}{0,30}$`), new RegExp(`^8006/\\d{18}(?:/(?:21|10)/${C}{0,20})?$`),
  /^8010\/[#\-/0-9A-Z]{0,30}(?:\/8011\/\d{0,12})?$/, /^801[78]\/\d{18}$/,
].map((re) => (s: string) => re.test(s));

/**
 * A GS1 Digital Link as its constrained canonical form: the resolver's domain replaced by
 * id.gs1.org, short names by AIs, no query string, GTINs padded to 14 digits, no CPV, and no lot
 * when a serial is present. Null when the URI is not a Digital Link or the result is not valid.
 */
export function constrainDigitalLink(uri: string): string | null {
  if (!LOOKS_LIKE_DL.test(uri)) return null;
  let dl = uri.replace(/[?#].*$/, '');
  dl = dl.replace(/\/([a-z]+)\//g, (seg, name: string) => (SHORT_NAMES[name] ? `/${SHORT_NAMES[name]}/` : seg));
  if (!CANONICAL.test(dl)) {
    const key = PRIMARY_KEYS.find((ai) => dl.includes(`/${ai}/`));
    if (!key) return null;
    dl = ID.slice(0, -1) + dl.slice(dl.indexOf(`/${key}/`));
  }
  let path = dl.slice(ID.length).replace(/\/$/, '');
  path = path.replace(/^01\/(\d{8}|\d{12,13})(?=\/|$)/, (_, g: string) => `01/${g.padStart(14, '0')}`);
  path = path.replace(/^(01\/\d{14}|8006\/\d{18})\/22\/[^/]*/, '$1');
  path = path.replace(/^(01\/\d{14}|8006\/\d{18})\/10\/[^/]*(?=\/21\/)/, '$1');
  return VALID.some((ok) => ok(path)) ? ID + path : null;
}

/** Any identifier the hash canonicalises (EPC URI or Digital Link) as its Digital Link; null for anything else. */
export function hashDigitalLink(value: string): string | null {
  return value.startsWith('urn:epc:') ? epcUriToDigitalLink(value) : constrainDigitalLink(value);
}
