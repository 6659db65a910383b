/**
 * Sequences and reference sets: the markers a sequence is filed under, the limits a FASTA must
 * keep, and the taxonomy a reference header tells. Pure rules; the services use them.
 */

export const MARKERS = ['16S', 'ITS', 'LSU', 'gene', 'plasmid', 'genome', 'other'] as const;
export type Marker = (typeof MARKERS)[number];

export const MARKER_NAMES: Record<Marker, { zh: string; en: string }> = {
  '16S': { zh: '16S rRNA 基因', en: '16S rRNA gene' },
  ITS: { zh: 'ITS 区（真菌）', en: 'ITS region (fungi)' },
  LSU: { zh: '28S/LSU rRNA 基因', en: 'LSU (28S) rRNA gene' },
  gene: { zh: '标记基因', en: 'Marker gene' },
  plasmid: { zh: '质粒', en: 'Plasmid' },
  genome: { zh: '基因组', en: 'Genome' },
  other: { zh: '其他', en: 'Other' },
};

/** The marker seqid's identity call is made for: its thresholds are known for 16S and ITS only. */
export const callMarkerOf = (m: Marker): '16S' | 'ITS' | 'other' => (m === '16S' || m === 'ITS' ? m : 'other');

export const LIMITS = {
  /** One record of a strain's sequence (a bacterial genome fits): longer is 413. */
  recordBases: 15_000_000,
  /** Records in one FASTA added to a strain (a draft genome comes in contigs). */
  recordsPerAdd: 5_000,
  /** A reference set: records and bases per record (marker genes, not genomes). */
  referenceRecords: 100_000,
  referenceBases: 100_000,
  /** Identification: queries per call and bases per query. */
  queries: 50,
  queryBases: 20_000,
  top: 50,
  /**
   * Longer sequences (genomes, large plasmids) are kept and exported but not searched: a query
   * is a marker gene, and a whole genome in the k-mer index would cost memory for no call.
   */
  indexedBases: 100_000,
} as const;

/** Index keys: which row a hit is. */
export const sequenceKey = (id: string) => `s:${id}`;
export const referenceKey = (id: string) => `r:${id}`;
export function parseKey(key: string): { kind: 'sequence' | 'reference'; id: string } | null {
  if (key.startsWith('s:')) return { kind: 'sequence', id: key.slice(2) };
  if (key.startsWith('r:')) return { kind: 'reference', id: key.slice(2) };
  return null;
}

export interface Taxonomy { domain?: string; phylum?: string; class?: string; order?: string; family?: string; genus?: string; species?: string }

const SINTAX_RANKS: Record<string, keyof Taxonomy> = { d: 'domain', k: 'domain', p: 'phylum', c: 'class', o: 'order', f: 'family', g: 'genus', s: 'species' };

/**
 * A reference record's own id and taxonomy, from its FASTA id and description:
 * - SINTAX: `>AB001;tax=d:Bacteria,p:Firmicutes,…,g:Bacillus,s:Bacillus_subtilis;` (the id is what
 *   comes before `;`, underscores in names are spaces);
 * - NCBI-style: `>NR_112116.2 Bacillus subtilis strain IAM 12118 16S ribosomal RNA` (genus, then
 *   species unless it is `sp.`; a leading `[` or `Candidatus` is skipped);
 * - a bare id: no taxonomy.
 */
export function referenceHeader(fastaId: string, description: string): { id: string; taxonomy: Taxonomy } {
  const header = `${fastaId} ${description}`.trim();
  const tax = /;tax=([^;\s]*);?/.exec(header);
  if (tax) {
    const taxonomy: Taxonomy = {};
    for (const part of tax[1].split(',')) {
      const m = /^([a-z]):(.+)$/.exec(part.trim());
      const rank = m && SINTAX_RANKS[m[1]];
      if (rank) taxonomy[rank] = m[2].replace(/_/g, ' ').replace(/^"|"$/g, '').trim();
    }
    if (taxonomy.species && taxonomy.genus && !taxonomy.species.startsWith(`${taxonomy.genus} `)) taxonomy.species = `${taxonomy.genus} ${taxonomy.species}`;
    return { id: fastaId.split(';')[0] || fastaId, taxonomy };
  }
  const words = description.replace(/[[\]]/g, '').split(/\s+/).filter(Boolean);
  if (words[0] === 'Candidatus') words.shift();
  const [genus, epithet] = words;
  if (!genus || !/^[A-Z][a-z]+$/.test(genus)) return { id: fastaId, taxonomy: {} };
  const taxonomy: Taxonomy = { genus };
  if (epithet && /^[a-z][a-z-]+$/.test(epithet) && epithet !== 'sp') taxonomy.species = `${genus} ${epithet}`;
  return { id: fastaId, taxonomy };
}

/** A strain's scientific name as the catalogue writes it. */
export const strainName = (s: { genus: string; species: string | null; subspecies?: string | null; strainDesignation?: string | null }) =>
  [s.genus, s.species, s.subspecies ? `subsp. ${s.subspecies}` : null, s.strainDesignation].filter(Boolean).join(' ');

/** A FASTA header for an exported sequence: the accession (or deposit number), the name, the marker. */
export function exportHeader(s: { accession: string | null; depositNo: string; genus: string; species: string | null; strainDesignation: string | null }, q: { id: string; marker: Marker; geneName: string | null; fastaId: string }) {
  const number = (s.accession ?? s.depositNo).replace(/\s+/g, '_');
  const marker = q.marker === 'gene' ? `gene=${q.geneName}` : `marker=${q.marker}`;
  return { id: `${number}|${q.id.slice(0, 8)}`, description: `${strainName(s)} ${marker} source_id=${q.fastaId}` };
}

/** A strain's species as references name it ("Bacillus subtilis"): genus and epithet, or nothing. */
export const binomialOf = (genus: string | null, species: string | null) => (genus && species ? `${genus} ${species}` : null);
