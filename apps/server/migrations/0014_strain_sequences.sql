-- The strain bank's sequences (issue #7): sequences attached to strains, reference sets loaded
-- from public FASTA files, and the persisted identification index (segments of
-- @cq-biomfg/seqid's SeqIndex) that survives restarts.

-- 菌种序列. Residues are upper-case IUPAC (U read as T, gaps removed) as parseFasta gives them;
-- the same residues twice on one strain are refused by the sha-256.
create table strain_sequence (
  id               uuid primary key default gen_random_uuid(),
  strain_id        uuid not null references strain (id) on delete cascade,
  -- 16S rRNA, ITS, LSU, a named marker gene, a plasmid, a genome, other.
  marker           text not null check (marker in ('16S', 'ITS', 'LSU', 'gene', 'plasmid', 'genome', 'other')),
  gene_name        text,
  -- The record's id and description in the FASTA it came from.
  fasta_id         text not null,
  description      text,
  length           integer not null check (length > 0),
  residues         text not null,
  sha256           text not null,
  source_file_name text,
  created_by       uuid references app_user (id),
  created_at       timestamptz not null default now(),
  unique (strain_id, sha256),
  check (marker <> 'gene' or gene_name is not null)
);
create index strain_sequence_strain_idx on strain_sequence (strain_id);

-- 参考序列集: a public reference FASTA (e.g. 16S type strains) loaded by a curator, with where it
-- comes from and under which licence.
create table reference_set (
  id            uuid primary key default gen_random_uuid(),
  name_zh       text not null unique,
  marker        text not null check (marker in ('16S', 'ITS', 'LSU', 'gene', 'plasmid', 'genome', 'other')),
  source        text not null,
  licence       text not null,
  description   text,
  file_name     text,
  record_count  integer not null default 0,
  loaded_by     uuid references app_user (id),
  loaded_at     timestamptz not null default now()
);

-- A reference set's records, each with the taxonomy its header gives (SINTAX, NCBI-style or none).
create table reference_sequence (
  id          uuid primary key default gen_random_uuid(),
  set_id      uuid not null references reference_set (id) on delete cascade,
  fasta_id    text not null,
  description text,
  -- { domain, phylum, class, order, family, genus, species } as far as the header tells.
  taxonomy    jsonb not null default '{}',
  genus       text,
  species     text,
  length      integer not null check (length > 0),
  residues    text not null,
  unique (set_id, fasta_id)
);

-- 鉴定索引分段. Each row is one SeqIndex (its toBytes()) over keys 's:<strain_sequence.id>' and
-- 'r:<reference_sequence.id>'; the keys inside the blob are what it covers, the counts say it in
-- brief. The newest segment is the tail new sequences go to; small segments are merged. Rows
-- not covered by any segment (a crash between a commit and the segment's write) are caught up
-- when the index is loaded.
create table seq_index_segment (
  no              integer primary key,
  bytes           bytea not null,
  sequence_count  integer not null default 0,
  reference_count integer not null default 0,
  -- The reference sets it holds records of.
  reference_set_ids uuid[] not null default '{}',
  residue_count   bigint not null default 0,
  built_at        timestamptz not null default now()
);
