import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** data/strains at the repository root, reached the same way from src/ and from dist/. */
export const STRAIN_DATA_DIR = fileURLToPath(new URL('../../../../../data/strains/', import.meta.url));

/** The 16S reference records the bank ships (data/strains/SOURCES.md: 300 records, LGPL-2), as FASTA text. */
export const shipped16S = () => gunzipSync(readFileSync(`${STRAIN_DATA_DIR}16s-reference.fa.gz`)).toString('utf8');

export const SHIPPED_16S_SET = {
  nameZh: '16S 参考序列（示例）', marker: '16S' as const,
  source: 'NCBI 16S type-strain sequences via TAXXI BLAST16S/10, as shipped in dada2 (benjjneb/dada2 inst/extdata/ten_16s.100.fa.gz); a 300-record subset',
  licence: 'LGPL-2',
  description: '示例参考集：16 个属的全部记录与另外 140 个属各一条（见 data/strains/SOURCES.md）· Demo reference set: every record of 16 genera and one each of 140 others',
};
