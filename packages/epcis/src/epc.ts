/**
 * GS1 Digital Link URIs → EPC URNs (GS1 Tag Data Standard 2.0, §6 and §7), so that an identifier
 * written either way is stored, queried and traced as one string.
 *
 * A Digital Link does not say where the GS1 Company Prefix ends, and the URN needs it. The prefix
 * is found as the longest registered company prefix the key starts with (`addCompanyPrefixes`:
 * the repository registers its factories' prefixes, taken from their SGLNs); failing that, a
 * 7-digit prefix is assumed — the length of every prefix in the standard's own examples.
 */
const DEFAULT_PREFIX_LENGTH = 7;
const companyPrefixes = new Set<string>(['0614141', '4012345', '0353579', '5012345', '4000001', '0012345', '9520123', '6971234']);

/** Registers GS1 Company Prefixes (6 to 12 digits) whose length the conversion should use. */
export function addCompanyPrefixes(prefixes: Iterable<string>): void {
  for (const p of prefixes) if (/^\d{6,12}$/.test(p)) companyPrefixes.add(p);
}

/** The company prefix of an EPC URN (`urn:epc:id:sgln:0614141.00777.0` → `0614141`), or null. */
export function companyPrefixOf(urn: string): string | null {
  const m = /^urn:epc:(?:id|class|idpat):[a-z0-9]+:(?:\d+-)?(\d{6,12})\./.exec(urn);
  return m ? m[1] : null;
}

function prefixLength(digits: string): number {
  for (let len = 12; len >= 6; len--) if (companyPrefixes.has(digits.slice(0, len))) return len;
  return DEFAULT_PREFIX_LENGTH;
}

/** TDS §5 / Table I.3.1-1: characters a URN component escapes as %XX. */
function urnEscape(s: string): string {
  return s.replace(/["%&/<>?#]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

function decode(s: string): string | null {
  try { return decodeURIComponent(s); } catch { return null; }
}

// The path of an http(s) URI, without query or fragment.
const WEB = /^https?:\/\/[^/?#]+(\/[^?#]*)/i;
// The primary key and its qualifier at the end of the path, after any resolver path prefix.
const DL = /\/(01|00|414|8003|8004|8018|253|417)\/([^/]+)(?:\/(21|10|254)\/([^/]+))?\/?$/;

/**
 * The EPC URN of a GS1 Digital Link URI (SGTIN, LGTIN, GTIN as `idpat`, SSCC, SGLN, GRAI, GIAI,
 * GSRN, GDTI, PGLN); anything else (URNs, other URIs, malformed links) is returned unchanged.
 */
export function canonicalEpc(uri: string): string {
  const web = WEB.exec(uri);
  if (!web) return uri;
  const m = DL.exec(web[1]);
  if (!m) return uri;
  const [, ai, rawKey, qualifier, rawQualifierValue] = m;
  const key = decode(rawKey);
  const q = rawQualifierValue === undefined ? undefined : decode(rawQualifierValue);
  if (key === null || q === null) return uri;
  switch (ai) {
    case '01': {
      if (!/^\d{8}$|^\d{12,14}$/.test(key)) return uri;
      const gtin = key.padStart(14, '0');
      const indicator = gtin[0], body = gtin.slice(1, 13);
      const len = prefixLength(body);
      const gcp = body.slice(0, len), item = indicator + body.slice(len);
      if (qualifier === '21' && q) return `urn:epc:id:sgtin:${gcp}.${item}.${urnEscape(q)}`;
      if (qualifier === '10' && q) return `urn:epc:class:lgtin:${gcp}.${item}.${urnEscape(q)}`;
      if (!qualifier) return `urn:epc:idpat:sgtin:${gcp}.${item}.*`;
      return uri;
    }
    case '00': {
      if (!/^\d{18}$/.test(key) || qualifier) return uri;
      const ext = key[0], body = key.slice(1, 17);
      const len = prefixLength(body);
      return `urn:epc:id:sscc:${body.slice(0, len)}.${ext}${body.slice(len)}`;
    }
    case '414': {
      if (!/^\d{13}$/.test(key) || (qualifier && qualifier !== '254')) return uri;
      const body = key.slice(0, 12), len = prefixLength(body);
      return `urn:epc:id:sgln:${body.slice(0, len)}.${body.slice(len)}.${urnEscape(q ?? '0')}`;
    }
    case '8003': {
      const g = /^0(\d{12})\d(.{0,16})$/.exec(key);
      if (!g || qualifier) return uri;
      const len = prefixLength(g[1]);
      return `urn:epc:id:grai:${g[1].slice(0, len)}.${g[1].slice(len)}.${urnEscape(g[2])}`;
    }
    case '8004': {
      if (!/^\d{6,12}.+$/.test(key) || qualifier) return uri;
      const len = prefixLength(key);
      return `urn:epc:id:giai:${key.slice(0, len)}.${urnEscape(key.slice(len))}`;
    }
    case '8018': {
      if (!/^\d{18}$/.test(key) || qualifier) return uri;
      const body = key.slice(0, 17), len = prefixLength(body);
      return `urn:epc:id:gsrn:${body.slice(0, len)}.${body.slice(len)}`;
    }
    case '253': {
      const g = /^(\d{12})\d(.{0,17})$/.exec(key);
      if (!g || qualifier) return uri;
      const len = prefixLength(g[1]);
      return `urn:epc:id:gdti:${g[1].slice(0, len)}.${g[1].slice(len)}.${urnEscape(g[2])}`;
    }
    case '417': {
      if (!/^\d{13}$/.test(key) || qualifier) return uri;
      const body = key.slice(0, 12), len = prefixLength(body);
      return `urn:epc:id:pgln:${body.slice(0, len)}.${body.slice(len)}`;
    }
  }
  return uri;
}
