-- The key core technology need catalog (关键核心技术需求目录, task 2): needs raised by
-- enterprises, units and institutes, reviewed, and published as yearly editions that roll.

create table tech_need (
  id                  uuid primary key default gen_random_uuid(),
  code                text not null unique,
  title_zh            text not null,
  -- dnaRna, screening, design, materials, or other with the field named.
  field               text not null check (field in ('dnaRna', 'screening', 'design', 'materials', 'other')),
  field_other_zh      text,
  domain              text not null check (domain in ('biochem', 'biopharma', 'bioagrifood', 'bioenergy')),
  -- 卡脖子 problem statement and 国内外现状.
  problem_zh          text not null,
  current_level_zh    text not null,
  -- [{ nameZh, targetValue, unit }]
  indicators          jsonb not null default '[]',
  expected_outcome_zh text not null,
  organisation_id     uuid not null references organisation (id),
  -- The raiser's contact: read by the raiser and the organisers, never public.
  contact_name_zh     text,
  contact_phone       text,
  contact_email       text,
  suggested_mode      text check (suggested_mode in ('single', 'parallel')),
  funding_wan         numeric check (funding_wan >= 0),
  status              text not null default 'draft' check (status in ('draft', 'submitted', 'accepted', 'returned', 'withdrawn')),
  review_note_zh      text,
  reviewed_by         uuid references app_user (id),
  reviewed_at         timestamptz,
  submitted_at        timestamptz,
  accepted_at         timestamptz,
  withdrawn_note_zh   text,
  raised_by           uuid references app_user (id),
  tokens              text[] not null default '{}',
  is_demo             boolean not null default false,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  check (field <> 'other' or coalesce(btrim(field_other_zh), '') <> '')
);
create index tech_need_status_idx on tech_need (status);
create index tech_need_organisation_idx on tech_need (organisation_id);
create index tech_need_tokens_idx on tech_need using gin (tokens);

-- 需求目录版次: one draft at a time; publishing numbers it within its year and freezes it.
create table tech_need_edition (
  id            uuid primary key default gen_random_uuid(),
  year          integer,
  number        integer check (number > 0),
  title_zh      text not null,
  status        text not null default 'draft' check (status in ('draft', 'published')),
  -- The published edition this one started from (its items carried over).
  based_on_id   uuid references tech_need_edition (id),
  published_at  timestamptz,
  published_by  uuid references app_user (id),
  created_by    uuid references app_user (id),
  is_demo       boolean not null default false,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  unique (year, number),
  check (status = 'draft' or (year is not null and number is not null and published_at is not null))
);
create unique index tech_need_edition_one_draft on tech_need_edition ((true)) where status = 'draft';

create table tech_need_edition_item (
  edition_id  uuid not null references tech_need_edition (id) on delete cascade,
  need_id     uuid not null references tech_need (id),
  position    integer not null,
  -- carried (from the edition it started from) or added (accepted since).
  origin      text not null check (origin in ('carried', 'added')),
  -- The need's public fields as published (never the contact).
  snapshot    jsonb not null,
  tokens      text[] not null default '{}',
  primary key (edition_id, need_id)
);
create index tech_need_edition_item_need_idx on tech_need_edition_item (need_id);
create index tech_need_edition_item_tokens_idx on tech_need_edition_item using gin (tokens);
