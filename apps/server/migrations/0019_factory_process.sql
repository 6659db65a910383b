-- Fermentation process data (the process part of the smart factory): readings refused at
-- ingest, counted so that nothing is dropped silently, and golden batch profiles.

-- 被拒读数: how many readings a factory's systems sent that were not stored, by source and
-- reason, with the last one's details for whoever fixes the sender. Counters, not one row per
-- reading: a misconfigured sender can post millions.
create table ingest_rejection (
  factory_id   uuid not null references factory (id) on delete cascade,
  source       text not null check (source in ('http', 'mqtt')),
  reason       text not null check (reason in ('malformed', 'unknownVariable', 'badTime', 'badValue', 'unknownBatch', 'outsideBatch')),
  count        bigint not null default 0,
  first_at     timestamptz not null,
  last_at      timestamptz not null,
  -- The last rejected reading: its batch number as sent and the message.
  last_batch   text,
  last_detail  text,
  primary key (factory_id, source, reason)
);

-- 黄金批次: the mean trajectory with its band of good batches of one recipe, aligned by phase.
create table golden_profile (
  id               uuid primary key default gen_random_uuid(),
  code             text not null unique,
  organisation_id  uuid not null references organisation (id),
  recipe           text not null,
  -- null: any equipment of the recipe.
  equipment        text,
  name_zh          text not null,
  batch_ids        uuid[] not null,
  -- [{ "name": "batch", "offsets": [ms, …] }, …]: packages/monitor's Grid.
  grid             jsonb not null,
  -- { variable: { mean: [], sd: [], lower: [], upper: [], n: [] } } on the grid's points.
  bands            jsonb not null,
  k                double precision not null,
  step_ms          integer not null,
  status           text not null default 'active' check (status in ('active', 'retired')),
  note_zh          text,
  created_by       uuid references app_user (id),
  created_at       timestamptz not null default now(),
  retired_at       timestamptz,
  is_demo          boolean not null default false
);
-- One active profile per recipe and equipment of an organisation: a batch is compared with one band.
create unique index golden_profile_active_idx on golden_profile (organisation_id, recipe, coalesce(equipment, '')) where status = 'active';

create index factory_batch_recipe_idx on factory_batch (recipe, outcome);
