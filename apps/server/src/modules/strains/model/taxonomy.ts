import type { StrainLineage } from '../schema.js';

/**
 * Lineage (domain … family) of the genera the bank holds most, so that a depositor names the
 * genus and the record carries its higher taxonomy (LPSN / Index Fungorum names). What the
 * depositor writes wins, rank by rank; a genus not listed keeps only what was written.
 */
const B = 'Bacteria';
const E = 'Eukaryota';
const GENERA: Record<string, StrainLineage> = {
  Bacillus: { domain: B, phylum: 'Bacillota', class: 'Bacilli', order: 'Bacillales', family: 'Bacillaceae' },
  Corynebacterium: { domain: B, phylum: 'Actinomycetota', class: 'Actinomycetes', order: 'Mycobacteriales', family: 'Corynebacteriaceae' },
  Streptomyces: { domain: B, phylum: 'Actinomycetota', class: 'Actinomycetes', order: 'Kitasatosporales', family: 'Streptomycetaceae' },
  Escherichia: { domain: B, phylum: 'Pseudomonadota', class: 'Gammaproteobacteria', order: 'Enterobacterales', family: 'Enterobacteriaceae' },
  Klebsiella: { domain: B, phylum: 'Pseudomonadota', class: 'Gammaproteobacteria', order: 'Enterobacterales', family: 'Enterobacteriaceae' },
  Salmonella: { domain: B, phylum: 'Pseudomonadota', class: 'Gammaproteobacteria', order: 'Enterobacterales', family: 'Enterobacteriaceae' },
  Pseudomonas: { domain: B, phylum: 'Pseudomonadota', class: 'Gammaproteobacteria', order: 'Pseudomonadales', family: 'Pseudomonadaceae' },
  Brucella: { domain: B, phylum: 'Pseudomonadota', class: 'Alphaproteobacteria', order: 'Hyphomicrobiales', family: 'Brucellaceae' },
  Lactobacillus: { domain: B, phylum: 'Bacillota', class: 'Bacilli', order: 'Lactobacillales', family: 'Lactobacillaceae' },
  Lactiplantibacillus: { domain: B, phylum: 'Bacillota', class: 'Bacilli', order: 'Lactobacillales', family: 'Lactobacillaceae' },
  Lactococcus: { domain: B, phylum: 'Bacillota', class: 'Bacilli', order: 'Lactobacillales', family: 'Streptococcaceae' },
  Streptococcus: { domain: B, phylum: 'Bacillota', class: 'Bacilli', order: 'Lactobacillales', family: 'Streptococcaceae' },
  Staphylococcus: { domain: B, phylum: 'Bacillota', class: 'Bacilli', order: 'Bacillales', family: 'Staphylococcaceae' },
  Clostridium: { domain: B, phylum: 'Bacillota', class: 'Clostridia', order: 'Eubacteriales', family: 'Clostridiaceae' },
  Bifidobacterium: { domain: B, phylum: 'Actinomycetota', class: 'Actinomycetes', order: 'Bifidobacteriales', family: 'Bifidobacteriaceae' },
  Zymomonas: { domain: B, phylum: 'Pseudomonadota', class: 'Alphaproteobacteria', order: 'Sphingomonadales', family: 'Zymomonadaceae' },
  Mycobacterium: { domain: B, phylum: 'Actinomycetota', class: 'Actinomycetes', order: 'Mycobacteriales', family: 'Mycobacteriaceae' },
  Saccharomyces: { domain: E, phylum: 'Ascomycota', class: 'Saccharomycetes', order: 'Saccharomycetales', family: 'Saccharomycetaceae' },
  Komagataella: { domain: E, phylum: 'Ascomycota', class: 'Pichiomycetes', order: 'Pichiales', family: 'Phaffomycetaceae' },
  Yarrowia: { domain: E, phylum: 'Ascomycota', class: 'Dipodascomycetes', order: 'Dipodascales', family: 'Dipodascaceae' },
  Aspergillus: { domain: E, phylum: 'Ascomycota', class: 'Eurotiomycetes', order: 'Eurotiales', family: 'Aspergillaceae' },
  Penicillium: { domain: E, phylum: 'Ascomycota', class: 'Eurotiomycetes', order: 'Eurotiales', family: 'Aspergillaceae' },
  Trichoderma: { domain: E, phylum: 'Ascomycota', class: 'Sordariomycetes', order: 'Hypocreales', family: 'Hypocreaceae' },
  Monascus: { domain: E, phylum: 'Ascomycota', class: 'Eurotiomycetes', order: 'Eurotiales', family: 'Aspergillaceae' },
  Rhizopus: { domain: E, phylum: 'Mucoromycota', class: 'Mucoromycetes', order: 'Mucorales', family: 'Rhizopodaceae' },
  Chlorella: { domain: E, phylum: 'Chlorophyta', class: 'Trebouxiophyceae', order: 'Chlorellales', family: 'Chlorellaceae' },
};

const RANKS = ['domain', 'phylum', 'class', 'order', 'family'] as const;

export function lineageOf(genus: string, given: StrainLineage | null | undefined): StrainLineage {
  const known = GENERA[genus] ?? {};
  const out: StrainLineage = {};
  for (const r of RANKS) {
    const v = given?.[r]?.trim() || known[r];
    if (v) out[r] = v;
  }
  return out;
}

export const knownGenera = () => Object.keys(GENERA);
