import { gzipSync } from 'node:zlib';
import { parseFasta } from '@cq-biomfg/seqid';
import type { Database } from '../platform/db/database.js';
import type { Ctx } from '../platform/context/ctx.js';
import type { Role } from '../platform/access/model.js';
import { fileService } from '../platform/files/files.js';
import { planService } from '../modules/plan/service.js';
import { sequencesServices } from '../modules/strains/sequences.part.js';
import { shipped16S, SHIPPED_16S_SET } from '../modules/strains/sequences.data.js';

/**
 * Demonstration sequences (data/strains/SOURCES.md: real 16S records, LGPL-2): the shipped
 * 300 records as the reference set 「16S 参考序列（示例）」, and one record of a matching genus
 * on each demo strain that has no sequence yet (the shipped file labels genus only, so the
 * record is of the strain's genus, not necessarily its species). Through the services as
 * demo.curator, so each write has its audit row and the index its segments. A second run finds
 * the set and the sequences in place and writes nothing.
 */
export async function loadDemoStrainSequences(database: Database): Promise<number> {
  const { db } = database;
  const u = await db.selectFrom('appUser').select(['id', 'username', 'displayName', 'organisationId', 'roles']).where('username', '=', 'demo.curator').executeTakeFirst();
  if (!u) return 0;
  const ctx: Ctx = { requestId: 'demo', principal: { userId: u.id, username: u.username, displayName: u.displayName, organisationId: u.organisationId, roles: u.roles as Role[], via: 'session', scopes: null } };
  const s = sequencesServices(database, { now: () => new Date(), files: fileService(database), plan: planService(database) });
  const text = shipped16S();
  let records = 0;

  if (!(await db.selectFrom('referenceSet').select('id').where('nameZh', '=', SHIPPED_16S_SET.nameZh).executeTakeFirst())) {
    const loaded = await s.referenceSets.load(ctx, { ...SHIPPED_16S_SET, fileName: '16s-reference.fa.gz' }, gzipSync(text));
    records += loaded.created + 1;
  }

  const byGenus = new Map<string, Array<{ id: string; sequence: string }>>();
  for (const r of parseFasta(text).records) {
    const genus = /g:([^,;]+)/.exec(r.id)?.[1];
    if (genus) byGenus.set(genus.toLowerCase(), [...(byGenus.get(genus.toLowerCase()) ?? []), { id: r.id.split(';')[0], sequence: r.sequence }]);
  }
  const strains = await db.selectFrom('strain as st').select(['st.id', 'st.genus', 'st.species'])
    .where('st.isDemo', '=', true).where('st.status', 'not in', ['rejected', 'withdrawn'])
    .where((eb) => eb.not(eb.exists(eb.selectFrom('strainSequence as q').select('q.id').whereRef('q.strainId', '=', 'st.id'))))
    .orderBy('st.depositNo').execute();
  for (const strain of strains) {
    // Strains of one genus take its records in turn, so no two carry the same sequence.
    const pool = byGenus.get(strain.genus.toLowerCase());
    const record = pool?.shift();
    if (!record) continue;
    await s.sequences.add(ctx, strain.id, {
      marker: '16S', fileName: '16s-reference.fa.gz',
      fasta: `>${record.id} ${strain.genus} ${strain.species ?? 'sp.'} 16S rRNA gene (demo: a type-strain record of the genus)\n${record.sequence}\n`,
    });
    records++;
  }
  return records;
}
