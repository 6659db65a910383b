-- The strain bank (生物菌种资源库, tasks 21–23): strains with the fields culture collections
-- exchange (Microbial Common Language / WFCC), their deposit workflow and its checks; germplasm
-- (plants, animals, insects); labs and biosafety facilities; the biosafety officers. Stock,
-- sharing and sequences follow in later files.

-- 实验室与生物安全设施. A sharing request names one of the requester's labs; its level decides
-- what it may receive. A certificate past its expiry counts as no certificate.
create table biosafety_lab (
  id                     uuid primary key default gen_random_uuid(),
  code                   text not null unique,
  organisation_id        uuid not null references organisation (id),
  name_zh                text not null,
  name_en                text,
  -- BSL-1 … BSL-4 (P1 … P4); animal facilities say so (ABSL).
  biosafety_level        integer not null check (biosafety_level between 1 and 4),
  animal                 boolean not null default false,
  certificate_no         text,
  certified_on           date,
  certificate_expires_on date,
  address_zh             text,
  -- building: planned or under construction (its level does not count yet).
  status                 text not null default 'operating' check (status in ('operating', 'building', 'suspended', 'closed')),
  is_demo                boolean not null default false,
  created_at             timestamptz not null default now(),
  updated_at             timestamptz not null default now(),
  check (certificate_expires_on is null or certified_on is null or certificate_expires_on >= certified_on)
);
create index biosafety_lab_org_idx on biosafety_lab (organisation_id);

-- 生物安全负责人: people the task force appoints; strains of hazard class 1–2, or needing a lab
-- above the requester's, need one of them to approve a sharing request.
create table biosafety_officer (
  user_id      uuid primary key references app_user (id),
  appointed_by uuid references app_user (id),
  appointed_at timestamptz not null default now(),
  note_zh      text
);

-- The bank's own numbers (CQMCC 10001 …): drawn from a sequence, so a number once given is never
-- given again, even when its strain is later withdrawn.
create sequence strain_accession_seq start 10001;

-- 菌种. One row from deposit to accession; `accession` is set when the strain is accessioned.
create table strain (
  id                     uuid primary key default gen_random_uuid(),
  accession              text unique,
  deposit_no             text not null unique,
  status                 text not null default 'submitted'
                         check (status in ('submitted', 'received', 'checked', 'accessioned', 'rejected', 'withdrawn')),
  -- bacterium, archaeon, yeast, filamentous fungus, actinomycete, microalga, virus/phage, other.
  organism_kind          text not null,
  genus                  text not null,
  species                text,
  subspecies             text,
  strain_designation     text,
  name_zh                text,
  -- { domain, phylum, class, order, family }
  lineage                jsonb not null default '{}',
  type_strain            boolean not null default false,
  -- Numbers in other collections: ['ATCC 8739', 'DSM 1576'].
  other_numbers          text[] not null default '{}',
  -- Deposit history: who deposited it, from where, when (MCL "history of deposit").
  depositor_organisation_id uuid references organisation (id),
  depositor_user_id      uuid references app_user (id),
  depositor_name_zh      text,
  history_zh             text,
  deposited_on           date,
  -- Isolation.
  isolation_source_zh    text,
  isolation_place_zh     text,
  isolation_lat          double precision check (isolation_lat between -90 and 90),
  isolation_lon          double precision check (isolation_lon between -180 and 180),
  isolation_country      text,
  isolated_on            date,
  -- Growth conditions.
  medium_zh              text,
  growth_temperature_c   numeric,
  atmosphere             text,
  -- Applications and traits.
  applications_zh        text[] not null default '{}',
  products               text[] not null default '{}',
  enzymes                text[] not null default '{}',
  tolerances             text[] not null default '{}',
  key_genes              text[] not null default '{}',
  -- [{ citation, doi? }]
  literature             jsonb not null default '[]',
  -- 病原微生物危害程度分类 1–4 (1 most dangerous); null: not a pathogen.
  hazard_class           integer check (hazard_class between 1 and 4),
  biosafety_level        integer not null default 1 check (biosafety_level between 1 and 4),
  gmo                    boolean not null default false,
  export_control         boolean not null default false,
  -- Nagoya protocol / access and benefit-sharing terms apply.
  nagoya_abs             boolean not null default false,
  restriction_note_zh    text,
  -- Restricted: visitors and requesters without access see only the public summary (model rule).
  restricted             boolean not null default false,
  -- Receipt: when the material arrived, in what condition, what arrived (tubes, ampoules …).
  received_on            date,
  received_condition_zh  text,
  received_material_zh   text,
  received_by            uuid references app_user (id),
  checked_at             timestamptz,
  checked_by             uuid references app_user (id),
  rejected_reason_zh     text,
  withdrawn_reason_zh    text,
  withdrawn_at           timestamptz,
  accessioned_at         timestamptz,
  accessioned_by         uuid references app_user (id),
  tokens                 text[] not null default '{}',
  is_demo                boolean not null default false,
  created_at             timestamptz not null default now(),
  updated_at             timestamptz not null default now()
);
create index strain_status_idx on strain (status);
create index strain_genus_idx on strain (genus, species);
create index strain_depositor_idx on strain (depositor_organisation_id);
create index strain_tokens_idx on strain using gin (tokens);

-- 种质资源: plants, animals, insects (桑, 蚕, medicinal plants …) with where they were collected.
create table germplasm (
  id                  uuid primary key default gen_random_uuid(),
  code                text not null unique,
  kind                text not null check (kind in ('plant', 'animal', 'insect', 'microbe', 'other')),
  name_zh             text not null,
  latin_name          text,
  variety_zh          text,
  site_zh             text,
  site_lat            double precision check (site_lat between -90 and 90),
  site_lon            double precision check (site_lon between -180 and 180),
  collected_on        date,
  keeper_organisation_id uuid references organisation (id),
  traits_zh           text,
  restricted          boolean not null default false,
  status              text not null default 'kept' check (status in ('kept', 'lost', 'withdrawn')),
  tokens              text[] not null default '{}',
  is_demo             boolean not null default false,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now()
);
create index germplasm_tokens_idx on germplasm using gin (tokens);

-- 检测: purity, viability and identity tests of a deposit. Several per kind may be recorded (a
-- retest); the latest of each kind counts.
create table strain_check (
  id          uuid primary key default gen_random_uuid(),
  strain_id   uuid not null references strain (id),
  kind        text not null check (kind in ('purity', 'viability', 'identity')),
  passed      boolean not null,
  method_zh   text not null,
  result_zh   text not null,
  tested_on   date not null,
  tested_by   uuid not null references app_user (id),
  created_at  timestamptz not null default now()
);
create index strain_check_strain_idx on strain_check (strain_id, kind, created_at);
