import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFasta, type FastaRecord } from '@cq-biomfg/seqid';
import { testDatabases, useHarness, type Client } from '../../../test/harness.js';
import { multipart } from '../../supervision/test/fixture.js';
import { loadDemoStrainSequences } from '../../../demo/strain-sequences.js';
import { sequencesServices } from '../sequences.part.js';
import { shipped16S } from '../sequences.data.js';
import { makeStrain, strainPeople, type StrainMade, type StrainPeople } from './fixture.js';

/**
 * Sequences on strains (FASTA in every form, the 422/413/409 answers, delete, exports),
 * reference sets, and the persisted index: loaded, not rebuilt, after a restart; caught up when
 * a segment's write was lost; rebuilt on demand.
 */

/** Tests that write index segments (megabytes of bytea through PGlite) or a 15 Mbp body: allowed more time on a busy machine. */
const HEAVY = 120_000;

const REFS = parseFasta(shipped16S()).records;
const genusOf = (r: FastaRecord) => /g:([^,;]+)/.exec(r.id)![1];
const firstOf = (genus: string, nth = 0) => REFS.filter((r) => genusOf(r) === genus)[nth];
const SWAP: Record<string, string> = { A: 'C', C: 'G', G: 'T', T: 'A' };
/** About 1 % substitutions, every 97th unambiguous base. */
const mutated = (s: string) => [...s].map((c, i) => (i % 97 === 50 && SWAP[c] ? SWAP[c] : c)).join('');
const COMPLEMENT: Record<string, string> = { A: 'T', C: 'G', G: 'C', T: 'A', N: 'N' };
const reverseComplement = (s: string) => [...s].reverse().map((c) => COMPLEMENT[c] ?? 'N').join('');
const fasta = (...rs: Array<{ id: string; seq: string }>) => rs.map((r) => `>${r.id}\n${r.seq.match(/.{1,70}/g)!.join('\n')}\n`).join('');

async function ok(res: { statusCode: number; body: string; json(): any }, status: number, what: string) {
  if (res.statusCode !== status) throw new Error(`${what}: ${res.statusCode} ${res.body.slice(0, 500)}`);
  return res.json();
}

describe.each(testDatabases)('strain sequences, reference sets and the persisted index, on $name', (kind) => {
  const h = useHarness(kind);
  let p: StrainPeople;
  let curator: Client;
  let coryne: StrainMade, ecoli: StrainMade, pending: StrainMade;
  const CORYNE = firstOf('Corynebacterium');
  const ECOLI = firstOf('Escherichia');
  const count = async (table: 'strainSequence' | 'referenceSet' | 'referenceSequence') => Number((await h.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    p = await strainPeople(h);
    curator = p.as.curator;
    coryne = await makeStrain(h, p, { genus: 'Corynebacterium', species: 'glutamicum', nameZh: '谷氨酸棒杆菌' });
    ecoli = await makeStrain(h, p, { genus: 'Escherichia', species: 'coli', nameZh: '大肠杆菌' });
    pending = await makeStrain(h, p, { genus: 'Streptomyces', species: 'griseus' }, { status: 'received' });
  });

  it('adds sequences from FASTA as JSON, text or a gzipped file, reading line endings, case, U and IUPAC codes', async () => {
    // JSON, two records, CRLF, lower case, U for T, an ambiguity code, a gap, spaces.
    const body = `>coryne16S Corynebacterium glutamicum 16S\r\n${CORYNE.sequence.slice(0, 700).toLowerCase()}\r\n${CORYNE.sequence.slice(700)}\r\n>short partial\r\nACGU RYKM-ACGT.acgt\r\n`;
    const added = await ok(await curator.post(`/api/strains/${coryne.id}/sequences`, { fasta: body, marker: '16S' }), 201, 'add json');
    expect(added.created).toBe(2);
    const listed = await ok(await curator.get(`/api/strains/${coryne.id}/sequences`), 200, 'list');
    expect(listed.items.map((q: { fastaId: string; length: number; marker: string }) => [q.fastaId, q.length, q.marker]).sort())
      .toEqual([['coryne16S', CORYNE.sequence.length, '16S'], ['short', 16, '16S']]);
    const exported = parseFasta((await curator.get(`/api/strains/${coryne.id}/sequences.fasta`)).body).records;
    expect(exported.map((r) => r.sequence).sort()).toEqual(['ACGTRYKMACGTACGT', CORYNE.sequence].sort());
    expect(exported[0].id).toMatch(/^CQMCC_\d+\|/);
    expect(exported[0].description).toContain('Corynebacterium glutamicum');

    // text/plain with the marker in the query; a CR-only file.
    const text = await curator.request('POST', `/api/strains/${ecoli.id}/sequences?marker=16S`, `>ecoli16S\r${ECOLI.sequence}\r`, { 'content-type': 'text/plain' });
    expect((await ok(text, 201, 'add text')).items[0]).toMatchObject({ fastaId: 'ecoli16S', length: ECOLI.sequence.length, marker: '16S' });

    // A gzipped file through multipart; a marker gene needs its name.
    const gene = fasta({ id: 'rpoB-partial', seq: mutated(ECOLI.sequence).slice(100, 600) });
    const noName = multipart('rpoB.fa.gz', gzipSync(gene), 'application/gzip');
    expect((await curator.request('POST', `/api/strains/${ecoli.id}/sequences?marker=gene`, noName.payload, noName.headers)).json().error.details[0].path).toBe('/geneName');
    const file = multipart('rpoB.fa.gz', gzipSync(gene), 'application/gzip');
    const viaFile = await ok(await curator.request('POST', `/api/strains/${ecoli.id}/sequences?marker=gene&geneName=rpoB`, file.payload, file.headers), 201, 'add file');
    expect(viaFile.items[0]).toMatchObject({ marker: 'gene', geneName: 'rpoB', sourceFileName: 'rpoB.fa.gz', length: 500 });
  });

  it('refuses a wrong FASTA with 422 naming the record, line and position, a record over the cap with 413, the same sequence twice with 409; nothing is written', async () => {
    const before = await count('strainSequence');
    const wrong = await curator.post(`/api/strains/${ecoli.id}/sequences`, { marker: '16S', fasta: '>a\nACGT\n>b\nACGTAC\nGGJTT\n>c\n\n>a\nAC\n' });
    expect(wrong.statusCode).toBe(422);
    const details = wrong.json().error.details as Array<{ path: string; message: string }>;
    expect(details.map((d) => d.path)).toEqual(['/fasta/records/2', '/fasta/records/3', '/fasta/records/4']);
    expect(details[0].message).toContain('第 5 行第 3 列');
    expect(details[0].message).toContain('序列第 9 位');
    expect(details[0].message).toContain('“J”');
    expect(details[1].message).toMatch(/为空|empty/);
    expect(details[2].message).toMatch(/重复|twice/);
    expect((await curator.post(`/api/strains/${ecoli.id}/sequences`, { marker: '16S', fasta: 'ACGT\n>x\nACGT' })).json().error.details[0].message).toContain('第 1 行');

    // A genome one base over the cap, in 80-column lines as FASTA files carry it.
    const genome = await curator.post(`/api/strains/${ecoli.id}/sequences`, { marker: 'genome', fasta: `>chr\n${'ACGTACGTAC'.repeat(8).concat('\n').repeat(187_500)}A\n` });
    expect(genome.statusCode).toBe(413);
    expect(genome.json().error.details[0]).toMatchObject({ path: '/fasta/records/1' });

    const twice = await curator.post(`/api/strains/${ecoli.id}/sequences`, { marker: '16S', fasta: `>new\nACGTACGTAAAA\n>again\n${ECOLI.sequence}\n` });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details).toEqual([expect.objectContaining({ path: '/fasta/records/2' })]);
    expect((await curator.post(`/api/strains/${ecoli.id}/sequences`, { marker: '16S', fasta: '>x\nACGTTT\n>y\nacgttt\n' })).statusCode).toBe(409);
    expect(await count('strainSequence')).toBe(before);
  }, HEAVY);

  it('loads reference sets from SINTAX, NCBI-style and bare headers, with progress, and refuses a wrong file whole', async () => {
    const shipped = multipart('16s-reference.fa.gz', gzipSync(shipped16S()), 'application/gzip');
    const q = new URLSearchParams({ nameZh: '16S 测试参考集', marker: '16S', source: 'dada2 ten_16s subset', licence: 'LGPL-2' });
    // Progress streams as NDJSON lines, the last one the result.
    const streamed = await curator.request('POST', `/api/reference-sets?${q}&fileName=16s-reference.fa.gz`, shipped.payload, { ...shipped.headers, accept: 'application/x-ndjson' });
    const lines = streamed.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.some((l) => l.progress?.phase === 'write')).toBe(true);
    expect(lines.at(-1).result).toMatchObject({ created: REFS.length, problems: [] });
    const row = await h.database.db.selectFrom('referenceSequence').select(['fastaId', 'genus', 'taxonomy']).where('fastaId', '=', CORYNE.id.split(';')[0]).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ genus: 'Corynebacterium', taxonomy: expect.objectContaining({ domain: 'Bacteria', genus: 'Corynebacterium' }) });

    const small = multipart('ncbi.fa', Buffer.from(`>NR_1.1 Escherichia coli strain K-12 16S ribosomal RNA\n${mutated(ECOLI.sequence)}\n>bare1\n${CORYNE.sequence.slice(0, 900)}\n>NR_2.1 Streptomyces sp. ABC 16S\nACGTACGTAC\n`), 'text/plain');
    const loaded = await ok(await curator.request('POST', `/api/reference-sets?${new URLSearchParams({ nameZh: '小参考集', marker: '16S', source: 'hand-made', licence: 'CC0' })}`, small.payload, small.headers), 200, 'small set');
    const taxa = await h.database.db.selectFrom('referenceSequence').select(['fastaId', 'genus', 'species']).where('setId', '=', loaded.setId).orderBy('fastaId').execute();
    expect(taxa).toEqual([
      { fastaId: 'NR_1.1', genus: 'Escherichia', species: 'Escherichia coli' },
      { fastaId: 'NR_2.1', genus: 'Streptomyces', species: null },
      { fastaId: 'bare1', genus: null, species: null },
    ]);

    const before = [await count('referenceSet'), await count('referenceSequence')];
    const bad = multipart('bad.fa', Buffer.from('>ok\nACGT\n>broken\nAC!GT\n'), 'text/plain');
    const refused = await curator.request('POST', `/api/reference-sets?${new URLSearchParams({ nameZh: '坏文件', marker: '16S', source: 'x', licence: 'x' })}`, bad.payload, bad.headers);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details[0].message).toContain('第 4 行第 3 列');
    const again = multipart('ncbi.fa', Buffer.from('>z\nACGT\n'), 'text/plain');
    expect((await curator.request('POST', `/api/reference-sets?${new URLSearchParams({ nameZh: '小参考集', marker: '16S', source: 'x', licence: 'x' })}`, again.payload, again.headers)).statusCode).toBe(409);
    expect([await count('referenceSet'), await count('referenceSequence')]).toEqual(before);

    const sets = await ok(await h.anonymous.get('/api/reference-sets'), 200, 'sets');
    expect(sets.items.map((s: { nameZh: string; recordCount: number }) => [s.nameZh, s.recordCount]).sort()).toEqual([['16S 测试参考集', REFS.length], ['小参考集', 3]]);
  }, HEAVY);

  it('identifies a diverged, reversed query as its source strain, with identity, coverage and the call in words', async () => {
    const query = reverseComplement(mutated(CORYNE.sequence));
    const res = await ok(await p.as.institute.post('/api/strains/identify', { fasta: `>q1 unknown isolate\n${query}\n`, top: 5 }), 200, 'identify');
    const [q] = res.queries;
    expect(q).toMatchObject({ id: 'q1', length: query.length });
    const best = q.hits[0];
    expect(best.kind).toBe('strain');
    expect(best.strain).toMatchObject({ id: coryne.id, accession: coryne.accession, genus: 'Corynebacterium' });
    expect(best.identity).toBeGreaterThan(98.5);
    expect(best.identity).toBeLessThan(99.5);
    expect(best.queryCoverage).toBeGreaterThan(95);
    expect(best.call.level).toBe('species');
    expect(best.call.zh).toContain('Corynebacterium glutamicum');
    // The reference set's copy of the same record is among the hits, with its taxonomy.
    expect(q.hits.find((x: { kind: string }) => x.kind === 'reference')?.reference.taxonomy.genus).toBe('Corynebacterium');
    expect(res.searched.references).toBeGreaterThan(REFS.length);

    // text/plain with the options in the query; the marker narrows the search.
    const plain = await ok(await p.as.institute.request('POST', '/api/strains/identify?top=3&marker=gene', `>q2\n${ECOLI.sequence.slice(100, 600)}\n`, { 'content-type': 'text/plain' }), 200, 'identify text');
    expect(plain.queries[0].hits.map((x: { marker: string; geneName: string }) => [x.marker, x.geneName])).toEqual([['gene', 'rpoB']]);

    const many = fasta(...Array.from({ length: 51 }, (_, i) => ({ id: `q${i}`, seq: 'ACGTACGTAC' })));
    expect((await p.as.institute.post('/api/strains/identify', { fasta: many })).statusCode).toBe(422);
    expect((await p.as.institute.post('/api/strains/identify', { fasta: `>long\n${'ACGT'.repeat(5001)}\n` })).statusCode).toBe(413);
  });

  it('keeps the index across a restart: segments are loaded, not rebuilt, and a lost segment write is caught up', async () => {
    const query = { fasta: `>q\n${mutated(ECOLI.sequence)}\n`, top: 5 };
    const first = (await h.services.strains.identification.identify(p.ctx.curator, query)).queries[0].hits;
    const status = await ok(await curator.get('/api/strains/index'), 200, 'status');
    expect(status.segments.length).toBeGreaterThan(0);
    expect(status.references).toBe(REFS.length + 3);
    expect(status.memoryBytes).toBeGreaterThan(0);
    const stored = await h.database.db.selectFrom('seqIndexSegment').select(['no', 'sequenceCount', 'referenceCount']).orderBy('no').execute();
    expect(stored.length).toBe(status.segments.length);

    const restart = () => sequencesServices(h.database, { now: () => new Date(), files: h.services.files, plan: h.services.plan });
    const second = restart();
    const loaded = await second.identification.indexStatus(p.ctx.curator);
    expect(loaded.loaded).toMatchObject({ segments: stored.length, caughtUp: 0, dropped: 0, stale: 0 });
    expect((await second.identification.identify(p.ctx.curator, query)).queries[0].hits).toEqual(first);

    // A sequence committed but never written to a segment (a crash in between) is added at load.
    await h.database.db.deleteFrom('seqIndexSegment').where('no', '=', stored[0].no).execute();
    const third = restart();
    const caught = await third.identification.indexStatus(p.ctx.curator);
    expect(caught.loaded.caughtUp).toBe(stored[0].sequenceCount + stored[0].referenceCount);
    expect((await third.identification.identify(p.ctx.curator, query)).queries[0].hits.map((x) => [x.kind, x.identity])).toEqual(first.map((x) => [x.kind, x.identity]));

    // A rebuild streams its progress and leaves the same answers.
    const rebuilt = await curator.request('POST', '/api/strains/index/rebuild', {}, { accept: 'application/x-ndjson' });
    const last = JSON.parse(rebuilt.body.trim().split('\n').at(-1)!);
    expect(last.result.sequences).toBe(status.sequences + status.references);
    expect((await h.services.strains.identification.identify(p.ctx.curator, query)).queries[0].hits.map((x) => [x.kind, x.identity])).toEqual(first.map((x) => [x.kind, x.identity]));
  }, HEAVY);

  it('deletes a sequence and a reference set, and neither is found any more, now or after a restart', async () => {
    const list = await ok(await curator.get(`/api/strains/${ecoli.id}/sequences`), 200, 'list');
    const gene = list.items.find((q: { marker: string }) => q.marker === 'gene');
    await ok(await curator.delete(`/api/strain-sequences/${gene.id}`), 200, 'delete');
    expect((await curator.delete(`/api/strain-sequences/${gene.id}`)).statusCode).toBe(404);
    const sets = (await ok(await curator.get('/api/reference-sets'), 200, 'sets')).items as Array<{ id: string; nameZh: string }>;
    await ok(await curator.delete(`/api/reference-sets/${sets.find((s) => s.nameZh === '小参考集')!.id}`), 200, 'delete set');

    const query = { fasta: `>q\n${ECOLI.sequence.slice(100, 600)}\n`, top: 50 };
    const keys = (r: Awaited<ReturnType<typeof h.services.strains.identification.identify>>) => r.queries[0].hits.map((x) => ('sequenceId' in x ? x.sequenceId : x.reference.fastaId));
    for (const s of [h.services.strains, sequencesServices(h.database, { now: () => new Date(), files: h.services.files, plan: h.services.plan })]) {
      const found = keys(await s.identification.identify(p.ctx.curator, query));
      expect(found).not.toContain(gene.id);
      expect(found).not.toContain('NR_1.1');
    }
    const audit = await h.database.db.selectFrom('auditLog').select('action').where('entityId', 'in', [ecoli.id, coryne.id]).where('action', 'like', 'strains.sequence.%').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['strains.sequence.add', 'strains.sequence.add', 'strains.sequence.add', 'strains.sequence.delete']);
  }, HEAVY);

  it('exports the visible sequences as FASTA by marker, genus and strain; a strain being deposited only to its depositor and the curators', async () => {
    await ok(await curator.post(`/api/strains/${pending.id}/sequences`, { fasta: `>sg\n${firstOf('Streptomyces').sequence}\n`, marker: '16S' }), 201, 'pending');
    const ids = (text: string) => parseFasta(text).records.map((r) => r.description.split(' ').slice(0, 2).join(' '));
    expect(ids((await h.anonymous.get('/api/strains/sequences.fasta')).body).sort()).toEqual(['Corynebacterium glutamicum', 'Corynebacterium glutamicum', 'Escherichia coli']);
    expect(ids((await curator.get('/api/strains/sequences.fasta?genus=streptomyces')).body)).toEqual(['Streptomyces griseus']);
    expect(ids((await p.as.enterprise.get(`/api/strains/sequences.fasta?marker=16S&strainIds=${pending.id}&strainIds=${ecoli.id}`)).body).sort()).toEqual(['Escherichia coli', 'Streptomyces griseus']);
    expect((await p.as.institute.get(`/api/strains/${pending.id}/sequences`)).statusCode).toBe(404);
    expect((await p.as.institute.get(`/api/strains/${pending.id}/sequences.fasta`)).statusCode).toBe(404);
    const res = await h.anonymous.get(`/api/strains/${ecoli.id}/sequences.fasta`);
    expect(res.headers['content-type']).toContain('text/x-fasta');
    expect(res.headers['content-disposition']).toContain('.fasta');
  });

  it('loads the demo reference set and a 16S on each demo strain of a shipped genus, once', async () => {
    await h.user('demo.curator', ['curator'], p.org.bank);
    const demo = [
      await makeStrain(h, p, { genus: 'Streptomyces', species: 'coelicolor' }),
      await makeStrain(h, p, { genus: 'Bacillus', species: 'subtilis' }),
    ];
    await h.database.db.updateTable('strain').set({ isDemo: true }).where('id', 'in', demo.map((x) => x.id)).execute();
    expect(await loadDemoStrainSequences(h.database)).toBe(REFS.length + 1 + 1);
    expect(await loadDemoStrainSequences(h.database)).toBe(0);
    const on = await h.database.db.selectFrom('strainSequence').select(['strainId', 'marker']).where('strainId', 'in', demo.map((x) => x.id)).execute();
    // The shipped file has Streptomyces records and none of Bacillus.
    expect(on).toEqual([{ strainId: demo[0].id, marker: '16S' }]);
    const set = await h.database.db.selectFrom('referenceSet').select(['recordCount', 'licence']).where('nameZh', '=', '16S 参考序列（示例）').executeTakeFirstOrThrow();
    expect(set).toEqual({ recordCount: REFS.length, licence: 'LGPL-2' });
  }, HEAVY);
});
