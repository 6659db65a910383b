import type { Named } from '../../supervision/shared';

/** The markers a sequence is filed under (the server's model/sequences.ts). */
export const MARKERS = ['16S', 'ITS', 'LSU', 'gene', 'plasmid', 'genome', 'other'] as const;
export type Marker = (typeof MARKERS)[number];

export const MARKER_NAMES: Record<Marker, Named> = {
  '16S': { zh: '16S rRNA 基因', en: '16S rRNA gene', color: 'blue' },
  ITS: { zh: 'ITS 区（真菌）', en: 'ITS region (fungi)', color: 'purple' },
  LSU: { zh: '28S/LSU rRNA 基因', en: 'LSU (28S) rRNA gene', color: 'geekblue' },
  gene: { zh: '标记基因', en: 'Marker gene', color: 'cyan' },
  plasmid: { zh: '质粒', en: 'Plasmid', color: 'orange' },
  genome: { zh: '基因组', en: 'Genome', color: 'gold' },
  other: { zh: '其他', en: 'Other', color: 'default' },
};

/** An identification call's level (seqid's callFor): same species, same genus, no match. */
export const CALL_LEVELS: Record<'species' | 'genus' | 'none', Named> = {
  species: { zh: '同种', en: 'Same species', color: 'green' },
  genus: { zh: '同属', en: 'Same genus', color: 'blue' },
  none: { zh: '无匹配', en: 'No match', color: 'default' },
};
