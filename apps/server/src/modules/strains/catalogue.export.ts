import { neutralise, writeWorkbook, type Column } from '../../platform/excel/index.js';
import type { StrainLineage } from './schema.js';
import { ORGANISM_KINDS } from './model/labels.js';
import { restrictionReasons } from './model/restriction.js';
import { scientificName, type StrainRow } from './strains.store.js';

/**
 * The public catalogue as Darwin Core with the Microbial Common Language's extras: one row per
 * accessioned strain, columns named by their DwC terms. A restricted strain's row carries only
 * its public summary; `informationWithheld` says what was left out, so no row can carry out a
 * hidden field.
 */
export const INSTITUTION_CODE = 'CQMCC';
export const COLLECTION_CODE = 'CQMCC-Microbes';

const WITHHELD = 'locality, coordinates, eventDate, recordedBy, identifiedBy, higher taxonomy, otherCatalogNumbers, growth conditions: restricted strain (受限菌种，仅公开摘要)';

export const CATALOGUE_COLUMNS: Column[] = [
  { key: 'catalogNumber', headerZh: '保藏编号', headerEn: 'catalogNumber', type: 'string', width: 14 },
  { key: 'scientificName', headerZh: '学名', headerEn: 'scientificName', type: 'string', width: 30 },
  { key: 'genus', headerZh: '属', headerEn: 'genus', type: 'string' },
  { key: 'specificEpithet', headerZh: '种加词', headerEn: 'specificEpithet', type: 'string' },
  { key: 'infraspecificEpithet', headerZh: '亚种加词', headerEn: 'infraspecificEpithet', type: 'string' },
  { key: 'taxonRank', headerZh: '分类阶元', headerEn: 'taxonRank', type: 'string' },
  { key: 'vernacularName', headerZh: '中文名', headerEn: 'vernacularName', type: 'string' },
  { key: 'typeStatus', headerZh: '模式菌株', headerEn: 'typeStatus', type: 'string' },
  { key: 'kingdom', headerZh: '界', headerEn: 'kingdom', type: 'string' },
  { key: 'phylum', headerZh: '门', headerEn: 'phylum', type: 'string' },
  { key: 'class', headerZh: '纲', headerEn: 'class', type: 'string' },
  { key: 'order', headerZh: '目', headerEn: 'order', type: 'string' },
  { key: 'family', headerZh: '科', headerEn: 'family', type: 'string' },
  { key: 'locality', headerZh: '分离地点', headerEn: 'locality', type: 'string', width: 24 },
  { key: 'decimalLatitude', headerZh: '纬度', headerEn: 'decimalLatitude', type: 'number' },
  { key: 'decimalLongitude', headerZh: '经度', headerEn: 'decimalLongitude', type: 'number' },
  { key: 'country', headerZh: '国家', headerEn: 'country', type: 'string' },
  { key: 'countryCode', headerZh: '国家代码', headerEn: 'countryCode', type: 'string' },
  { key: 'eventDate', headerZh: '分离日期', headerEn: 'eventDate', type: 'string' },
  { key: 'recordedBy', headerZh: '分离/保藏人', headerEn: 'recordedBy', type: 'string' },
  { key: 'identifiedBy', headerZh: '鉴定人', headerEn: 'identifiedBy', type: 'string' },
  { key: 'basisOfRecord', headerZh: '记录类型', headerEn: 'basisOfRecord', type: 'string' },
  { key: 'institutionCode', headerZh: '机构代码', headerEn: 'institutionCode', type: 'string' },
  { key: 'collectionCode', headerZh: '馆藏代码', headerEn: 'collectionCode', type: 'string' },
  { key: 'otherCatalogNumbers', headerZh: '其他保藏编号', headerEn: 'otherCatalogNumbers', type: 'string', width: 24 },
  { key: 'strainDesignation', headerZh: '菌株名', headerEn: 'strainDesignation', type: 'string' },
  { key: 'organismKind', headerZh: '生物类别', headerEn: 'organismKind', type: 'string' },
  { key: 'medium', headerZh: '培养基', headerEn: 'medium', type: 'string', width: 20 },
  { key: 'growthTemperature', headerZh: '培养温度（°C）', headerEn: 'growthTemperature', type: 'number' },
  { key: 'hazardClass', headerZh: '危害程度分类', headerEn: 'hazardClass', type: 'integer' },
  { key: 'biosafetyLevel', headerZh: '生物安全等级', headerEn: 'biosafetyLevel', type: 'integer' },
  { key: 'restrictions', headerZh: '限制', headerEn: 'restrictions', type: 'string', width: 24 },
  { key: 'applications', headerZh: '应用', headerEn: 'applications', type: 'string', width: 24 },
  { key: 'informationWithheld', headerZh: '未公开信息', headerEn: 'informationWithheld', type: 'string', width: 30 },
];

const FUNGAL_PHYLA = ['Ascomycota', 'Basidiomycota', 'Mucoromycota', 'Zygomycota', 'Chytridiomycota'];
/** DwC's kingdom: Bacteria, Archaea, Fungi, Plantae (algae), Viruses; the domain otherwise. */
function kingdomOf(kind: string, lineage: StrainLineage) {
  if (kind === 'virus') return 'Viruses';
  if (lineage.domain === 'Bacteria' || lineage.domain === 'Archaea') return lineage.domain;
  if (lineage.phylum && FUNGAL_PHYLA.includes(lineage.phylum)) return 'Fungi';
  if (kind === 'yeast' || kind === 'filamentousFungus') return 'Fungi';
  if (kind === 'microalga') return 'Plantae';
  return lineage.domain ?? '';
}

const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });
const countryOf = (code: string | null) => { try { return code ? countryNames.of(code) ?? code : ''; } catch { return code ?? ''; } };

export type CatalogueRow = StrainRow & { identifiedByName?: string | null };

/** One strain as a catalogue row: every DwC/MCL column, the hidden ones empty for a restricted strain. */
export function catalogueRecord(s: CatalogueRow): Record<string, string | number | null> {
  const open = !s.restricted;
  const lineage = (s.lineage ?? {}) as StrainLineage;
  const base = {
    catalogNumber: s.accession, scientificName: scientificName(s), genus: s.genus, specificEpithet: s.species, infraspecificEpithet: s.subspecies,
    taxonRank: s.subspecies ? 'subspecies' : s.species ? 'species' : 'genus', vernacularName: s.nameZh,
    typeStatus: s.typeStrain ? 'type strain' : null,
    basisOfRecord: 'LivingSpecimen', institutionCode: INSTITUTION_CODE, collectionCode: COLLECTION_CODE,
    strainDesignation: s.strainDesignation, organismKind: ORGANISM_KINDS[s.organismKind as keyof typeof ORGANISM_KINDS]?.en ?? s.organismKind,
    hazardClass: s.hazardClass, biosafetyLevel: s.biosafetyLevel,
    restrictions: [...restrictionReasons(s).map((r) => r.en), ...(s.gmo ? ['GMO'] : []), ...(s.nagoyaAbs ? ['Nagoya/ABS'] : [])].join(' | ') || null,
    applications: s.applicationsZh.join(' | ') || null,
  };
  if (!open) {
    return { ...base, kingdom: null, phylum: null, class: null, order: null, family: null, locality: null, decimalLatitude: null, decimalLongitude: null,
      country: null, countryCode: null, eventDate: null, recordedBy: null, identifiedBy: null, otherCatalogNumbers: null, medium: null, growthTemperature: null,
      informationWithheld: WITHHELD };
  }
  return {
    ...base, kingdom: kingdomOf(s.organismKind, lineage) || null, phylum: lineage.phylum ?? null, class: lineage.class ?? null, order: lineage.order ?? null, family: lineage.family ?? null,
    locality: s.isolationPlaceZh, decimalLatitude: s.isolationLat, decimalLongitude: s.isolationLon, country: countryOf(s.isolationCountry) || null, countryCode: s.isolationCountry,
    eventDate: s.isolatedOn, recordedBy: s.depositorNameZh, identifiedBy: s.identifiedByName ?? null,
    otherCatalogNumbers: s.otherNumbers.join(' | ') || null, medium: s.mediumZh, growthTemperature: s.growthTemperatureC === null ? null : Number(s.growthTemperatureC),
    informationWithheld: null,
  };
}

const csvCell = (v: unknown) => {
  if (v === null || v === undefined) return '';
  const t = typeof v === 'string' ? neutralise(v) : String(v);
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};

/** RFC 4180 CSV, UTF-8 with a byte-order mark (so that spreadsheet programs read the Chinese), header row of DwC terms. */
export function catalogueCsv(rows: readonly CatalogueRow[]): string {
  const keys = CATALOGUE_COLUMNS.map((c) => c.key);
  const lines = [keys.join(','), ...rows.map((r) => { const rec = catalogueRecord(r); return keys.map((k) => csvCell(rec[k])).join(','); })];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function catalogueWorkbook(rows: readonly CatalogueRow[]): Promise<Buffer> {
  return writeWorkbook([{ name: '菌种目录', titleZh: '重庆市生物菌种资源库 菌种目录（Darwin Core）', columns: CATALOGUE_COLUMNS, rows: rows.map(catalogueRecord) }]);
}

export const catalogueFileName = (today: string, ext: 'csv' | 'xlsx') => `CQMCC菌种目录-${today}.${ext}`;
