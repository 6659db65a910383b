import type { ErrorDetail } from '../../../platform/http/errors.js';

/** A factory's fields as its organisation (or an overseer) writes them. */
export interface FactoryInput {
  nameZh: string;
  nameEn?: string | null;
  kind: 'smartFactory' | 'digitalWorkshop';
  districtCode?: string | null;
  addressZh?: string | null;
  sgln?: string | null;
  status?: 'active' | 'inactive';
}

export const FACTORY_FIELDS = ['nameZh', 'nameEn', 'kind', 'districtCode', 'addressZh', 'sgln', 'status'] as const;
export const FACTORY_KINDS = ['smartFactory', 'digitalWorkshop'] as const;

/** urn:epc:id:sgln:{company prefix}.{location reference}.{extension}; prefix + reference are the 12 digits of the GLN less its check digit. */
const SGLN = /^urn:epc:id:sgln:(\d{6,12})\.(\d{0,6})\.([!%-?A-Z_a-z"]{1,20})$/;

export function sglnProblem(sgln: string): string | null {
  const m = SGLN.exec(sgln);
  if (!m || m[1].length + m[2].length !== 12) return '须为 SGLN URN，如 urn:epc:id:sgln:6901234.00001.0（must be an SGLN URN such as urn:epc:id:sgln:6901234.00001.0: company prefix and location reference of 12 digits together, then an extension）';
  return null;
}

/**
 * The site a factory's events belong to: every readPoint and bizLocation under its GLN (any
 * extension: a fermenter hall, a warehouse bay), i.e. the SGLN without its extension.
 */
export function sitePrefixOf(sgln: string | null | undefined): string | null {
  const m = sgln ? SGLN.exec(sgln) : null;
  return m ? `urn:epc:id:sgln:${m[1]}.${m[2]}.` : null;
}

export function factoryProblems(f: Partial<FactoryInput>, known: { districts: Set<string> }): ErrorDetail[] {
  const p: ErrorDetail[] = [];
  if (f.nameZh !== undefined && !f.nameZh.trim()) p.push({ path: '/nameZh', message: '工厂名称必填（the factory name is required）' });
  if (f.kind !== undefined && !FACTORY_KINDS.includes(f.kind)) p.push({ path: '/kind', message: '类型须为智能工厂或数字化车间（smartFactory or digitalWorkshop）' });
  if (f.districtCode && !known.districts.has(f.districtCode)) p.push({ path: '/districtCode', message: '区县代码不存在（no such district）' });
  if (f.sgln) { const why = sglnProblem(f.sgln); if (why) p.push({ path: '/sgln', message: why }); }
  return p;
}
