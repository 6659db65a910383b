import { describe, expect, it } from 'vitest';
import { minimumLevel } from '../model/biosafety.js';
import { checksWanting } from '../model/deposits.js';
import { effectiveLevel } from '../model/labs.js';
import { publicSummary, PUBLIC_SUMMARY_FIELDS, restrictedByRule } from '../model/restriction.js';
import { OTHER_NUMBER, strainProblems } from '../model/strain-input.js';
import { lineageOf } from '../model/taxonomy.js';
import { catalogueRecord, type CatalogueRow } from '../catalogue.export.js';
import { strainBody } from './fixture.js';

/** The records part's rules, without a database: what the services and the other parts build on. */
describe('strain records rules', () => {
  const today = '2026-03-10';
  const paths = (extra: Record<string, unknown>) => strainProblems(strainBody(extra) as never, today).map((p) => p.path);

  it('needs at least the level the hazard class asks for (class 1 → BSL-4 … class 4 → BSL-1)', () => {
    expect([1, 2, 3, 4, null].map((c) => minimumLevel(c))).toEqual([4, 3, 2, 1, 1]);
    expect(paths({ hazardClass: 2, biosafetyLevel: 2 })).toEqual(['/biosafetyLevel']);
    expect(paths({ hazardClass: 2, biosafetyLevel: 3 })).toEqual([]);
    expect(paths({ hazardClass: 4, biosafetyLevel: 1 })).toEqual([]);
    expect(paths({ hazardClass: null, biosafetyLevel: 5 })).toEqual(['/biosafetyLevel']);
  });

  it('checks names, coordinates, temperature, atmosphere, dates and other collections\' numbers', () => {
    expect(paths({})).toEqual([]);
    expect(paths({ genus: 'BACILLUS', species: 'Subtilis', subspecies: 'x y' })).toEqual(['/genus', '/species', '/subspecies']);
    expect(paths({ isolationLat: -91, isolationLon: 181 })).toEqual(['/isolationLat', '/isolationLon']);
    expect(paths({ growthTemperatureC: -20 })).toEqual([]);
    expect(paths({ growthTemperatureC: 120.5 })).toEqual(['/growthTemperatureC']);
    expect(paths({ atmosphere: 'anaerobic' })).toEqual([]);
    expect(paths({ atmosphere: 'air' })).toEqual(['/atmosphere']);
    expect(paths({ isolatedOn: '2027-01-01', depositedOn: null })).toEqual(['/isolatedOn']);
    expect(paths({ isolatedOn: '2025-01-01', depositedOn: '2024-01-01' })).toEqual(['/depositedOn']);
    for (const ok of ['ATCC 8739', 'DSM 1576', 'CGMCC 1.15', 'NRRL B-14911', 'CICC 10003']) expect(OTHER_NUMBER.test(ok), ok).toBe(true);
    for (const bad of ['ATCC8739', 'atcc 8739', '8739', 'ATCC ']) expect(OTHER_NUMBER.test(bad), bad).toBe(false);
  });

  it('restricts by hazard class 1–2, BSL ≥ 3 or export control; GMO and Nagoya do not hide a record', () => {
    const base = { hazardClass: null, biosafetyLevel: 1, exportControl: false };
    expect(restrictedByRule(base)).toBe(false);
    expect(restrictedByRule({ ...base, hazardClass: 2, biosafetyLevel: 3 })).toBe(true);
    expect(restrictedByRule({ ...base, hazardClass: 3, biosafetyLevel: 2 })).toBe(false);
    expect(restrictedByRule({ ...base, biosafetyLevel: 3 })).toBe(true);
    expect(restrictedByRule({ ...base, exportControl: true })).toBe(true);
    const summary = publicSummary({ ...strainBody({ gmo: true }), id: 'x', accession: 'CQMCC 10001', status: 'accessioned', restricted: true });
    expect(Object.keys(summary).sort()).toEqual([...PUBLIC_SUMMARY_FIELDS].sort());
    for (const hidden of ['isolationPlaceZh', 'isolationLat', 'historyZh', 'keyGenes', 'literature', 'depositorNameZh', 'products']) expect(summary).not.toHaveProperty(hidden);
  });

  it('counts a lab\'s level only while operating with a certificate in date', () => {
    const lab = { biosafetyLevel: 3, status: 'operating', certificateExpiresOn: today };
    expect(effectiveLevel(lab, today)).toBe(3);
    expect(effectiveLevel(lab, '2026-03-11')).toBe(1);
    expect(effectiveLevel({ ...lab, certificateExpiresOn: null }, today)).toBe(1);
    expect(effectiveLevel({ ...lab, status: 'building' }, today)).toBe(0);
    expect(effectiveLevel({ ...lab, status: 'suspended' }, today)).toBe(0);
    expect(effectiveLevel({ biosafetyLevel: 1, status: 'operating', certificateExpiresOn: null }, today)).toBe(1);
  });

  it('marks a deposit checked only on the latest test of each kind passing', () => {
    expect(checksWanting([])).toEqual(['purity', 'viability', 'identity']);
    expect(checksWanting([{ kind: 'purity', passed: true }, { kind: 'viability', passed: true }, { kind: 'identity', passed: true }, { kind: 'purity', passed: false }])).toEqual(['purity']);
    expect(checksWanting([{ kind: 'purity', passed: false }, { kind: 'purity', passed: true }, { kind: 'viability', passed: true }, { kind: 'identity', passed: true }])).toEqual([]);
  });

  it('fills the lineage from the genus, rank by rank under what was written', () => {
    expect(lineageOf('Aspergillus', null)).toMatchObject({ domain: 'Eukaryota', phylum: 'Ascomycota', family: 'Aspergillaceae' });
    expect(lineageOf('Aspergillus', { family: 'Trichocomaceae' }).family).toBe('Trichocomaceae');
    expect(lineageOf('Unknownia', { phylum: 'X' })).toEqual({ phylum: 'X' });
  });

  it('writes a restricted strain\'s catalogue row with its summary only', () => {
    const row = { ...strainBody({ isolationPlaceZh: '某地' }), lineage: lineageOf('Bacillus', null), id: 'x', accession: 'CQMCC 10002', status: 'accessioned', restricted: true, hazardClass: 2, biosafetyLevel: 3 } as unknown as CatalogueRow;
    const r = catalogueRecord(row);
    expect(r).toMatchObject({ catalogNumber: 'CQMCC 10002', scientificName: 'Bacillus subtilis', locality: null, family: null, otherCatalogNumbers: null, hazardClass: 2 });
    expect(catalogueRecord({ ...row, restricted: false } as CatalogueRow)).toMatchObject({ locality: '某地', kingdom: 'Bacteria', family: 'Bacillaceae' });
  });
});
