-- Pilot-scale verification (中试验证, tasks 4–6): pilot bases and their platforms, capabilities,
-- services and shared equipment with bookings; the production demand list and the achievement
-- supply list with review, expiry and editions; responses between the parties; pilot projects
-- with their stage gates; one-stop service requests (一站式, 绿色通道).

-- 中试基地. A base is run by an operator organisation; pilot-base users of that organisation keep it.
create table pilot_base (
  id               uuid primary key default gen_random_uuid(),
  code             text not null unique,
  name_zh          text not null,
  name_en          text,
  operator_zh      text not null,
  organisation_id  uuid references organisation (id),
  district_code    text not null references district (code),
  address_zh       text,
  lng              double precision,
  lat              double precision,
  domains          text[] not null default '{}',
  alliance_member  boolean not null default false,
  -- 储备 → 重点 → 国家级; recognition names its date and body.
  tier             text not null default 'reserve' check (tier in ('reserve', 'key', 'national')),
  recognised_on    date,
  recognised_by_zh text,
  summary_zh       text,
  contact_zh       text,
  tokens           text[] not null default '{}',
  is_demo          boolean not null default false,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  check (tier = 'reserve' or (recognised_on is not null and recognised_by_zh is not null))
);
create index pilot_base_tokens_idx on pilot_base using gin (tokens);

-- 中试平台: a base's service platforms (a fermentation line, a cell-culture suite …).
create table pilot_platform (
  id          uuid primary key default gen_random_uuid(),
  base_id     uuid not null references pilot_base (id) on delete cascade,
  code        text not null unique,
  name_zh     text not null,
  name_en     text,
  summary_zh  text,
  tokens      text[] not null default '{}',
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
create index pilot_platform_base_idx on pilot_platform (base_id);

-- What a platform can do: unit operations, organisms, the working volumes it covers (L), its
-- quality grade and the biosafety level it may work at. The matching engine reads these.
create table pilot_capability (
  id              uuid primary key default gen_random_uuid(),
  platform_id     uuid not null references pilot_platform (id) on delete cascade,
  name_zh         text not null,
  processes       text[] not null default '{}',
  organisms       text[] not null default '{}',
  volume_min_l    numeric not null check (volume_min_l >= 0),
  volume_max_l    numeric not null,
  quality_grade   text not null default 'none' check (quality_grade in ('GMP', 'GLP', 'none')),
  biosafety_level integer not null default 1 check (biosafety_level between 1 and 4),
  description_zh  text,
  tokens          text[] not null default '{}',
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  check (volume_min_l <= volume_max_l)
);
create index pilot_capability_platform_idx on pilot_capability (platform_id);

-- Services a base sells, with price and lead time.
create table pilot_service (
  id             uuid primary key default gen_random_uuid(),
  base_id        uuid not null references pilot_base (id) on delete cascade,
  name_zh        text not null,
  description_zh text,
  price_yuan     numeric check (price_yuan >= 0),
  price_unit_zh  text,
  lead_time_days integer check (lead_time_days >= 0),
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);
create index pilot_service_base_idx on pilot_service (base_id);

-- 共享设备, priced per hour for each user category.
create table equipment (
  id                    uuid primary key default gen_random_uuid(),
  base_id               uuid not null references pilot_base (id) on delete cascade,
  platform_id           uuid references pilot_platform (id) on delete set null,
  code                  text not null unique,
  name_zh               text not null,
  type_zh               text not null,
  model                 text,
  capacity_zh           text,
  capacity_l            numeric check (capacity_l >= 0),
  status                text not null default 'available' check (status in ('available', 'maintenance', 'retired')),
  price_member_yuan     numeric check (price_member_yuan >= 0),
  price_enterprise_yuan numeric check (price_enterprise_yuan >= 0),
  price_institute_yuan  numeric check (price_institute_yuan >= 0),
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now()
);
create index equipment_base_idx on equipment (base_id);

-- A booking holds its slot from request until it is rejected or cancelled; the database refuses
-- two held bookings of one item that overlap, whatever the code above it does.
create table equipment_booking (
  id              uuid primary key default gen_random_uuid(),
  code            text not null unique,
  equipment_id    uuid not null references equipment (id) on delete cascade,
  during          tstzrange not null check (not isempty(during) and lower_inc(during) and not upper_inc(during)),
  booked_by       uuid not null references app_user (id),
  organisation_id uuid references organisation (id),
  user_category   text not null check (user_category in ('member', 'enterprise', 'institute')),
  purpose_zh      text not null,
  state           text not null default 'requested' check (state in ('requested', 'approved', 'rejected', 'cancelled', 'checkedIn', 'completed')),
  price_yuan      numeric,
  decided_by      uuid references app_user (id),
  decided_at      timestamptz,
  reason_zh       text,
  checked_in_at   timestamptz,
  usage_hours     numeric check (usage_hours >= 0),
  usage_note_zh   text,
  completed_at    timestamptz,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  constraint equipment_booking_no_overlap exclude using gist (equipment_id with =, during with &&)
    where (state in ('requested', 'approved', 'checkedIn', 'completed'))
);
create index equipment_booking_user_idx on equipment_booking (booked_by);

-- 生产需求清单 items. The summary is public once published; the detail opens only to parties the
-- enterprise accepts.
create table pilot_demand (
  id                uuid primary key default gen_random_uuid(),
  code              text not null unique,
  organisation_id   uuid not null references organisation (id),
  enterprise_id     uuid references enterprise (id),
  posted_by         uuid references app_user (id),
  title_zh          text not null,
  problem_zh        text not null,
  target_product_zh text,
  processes         text[] not null default '{}',
  organism          text not null default 'none',
  scale_l           numeric not null check (scale_l > 0),
  budget_wan        numeric check (budget_wan >= 0),
  deadline          date not null,
  domain            text not null,
  district_code     text not null references district (code),
  biosafety_level   integer not null default 1 check (biosafety_level between 1 and 4),
  quality_grade     text not null default 'none' check (quality_grade in ('GMP', 'GLP', 'none')),
  trl_needed        integer check (trl_needed between 1 and 9),
  summary_zh        text not null,
  detail_zh         text,
  state             text not null default 'draft' check (state in ('draft', 'submitted', 'published', 'returned', 'expired', 'closed')),
  review_note_zh    text,
  reviewed_by       uuid references app_user (id),
  reviewed_at       timestamptz,
  published_at      timestamptz,
  expires_on        date,
  tokens            text[] not null default '{}',
  is_demo           boolean not null default false,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now()
);
create index pilot_demand_state_idx on pilot_demand (state);
create index pilot_demand_org_idx on pilot_demand (organisation_id);
create index pilot_demand_tokens_idx on pilot_demand using gin (tokens);

-- 成果供给清单 items, posted by an institute or an enterprise.
create table pilot_achievement (
  id                uuid primary key default gen_random_uuid(),
  code              text not null unique,
  organisation_id   uuid not null references organisation (id),
  posted_by         uuid references app_user (id),
  title_zh          text not null,
  result_zh         text not null,
  detail_zh         text,
  trl               integer not null check (trl between 1 and 9),
  scale_reached_l   numeric check (scale_reached_l >= 0),
  ip_zh             text,
  domain            text not null,
  processes         text[] not null default '{}',
  organisms         text[] not null default '{}',
  partner_wanted_zh text,
  district_code     text not null references district (code),
  state             text not null default 'draft' check (state in ('draft', 'submitted', 'published', 'returned', 'expired', 'closed')),
  review_note_zh    text,
  reviewed_by       uuid references app_user (id),
  reviewed_at       timestamptz,
  published_at      timestamptz,
  expires_on        date,
  tokens            text[] not null default '{}',
  is_demo           boolean not null default false,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now()
);
create index pilot_achievement_state_idx on pilot_achievement (state);
create index pilot_achievement_org_idx on pilot_achievement (organisation_id);
create index pilot_achievement_tokens_idx on pilot_achievement using gin (tokens);

-- Editions of the three lists: 《中试图谱》 (atlas), 《生产需求清单》 (demands), 《成果供给清单》
-- (achievements). A published edition is frozen: its items are kept as they were.
create table pilot_list_edition (
  id           uuid primary key default gen_random_uuid(),
  list         text not null check (list in ('atlas', 'demands', 'achievements')),
  number       integer not null check (number > 0),
  title_zh     text not null,
  state        text not null default 'draft' check (state in ('draft', 'published')),
  published_at timestamptz,
  published_by uuid references app_user (id),
  created_at   timestamptz not null default now(),
  unique (list, number)
);
create unique index pilot_list_edition_one_draft on pilot_list_edition (list) where state = 'draft';

create table pilot_list_edition_item (
  edition_id uuid not null references pilot_list_edition (id) on delete cascade,
  item_id    uuid not null,
  position   integer not null,
  -- The item's public fields as published (never the confidential detail).
  snapshot   jsonb not null,
  primary key (edition_id, item_id)
);
create index pilot_list_edition_item_item_idx on pilot_list_edition_item (item_id);

-- A party responds to a published demand or achievement. 响应 → 洽谈 → 签约 → 完成, or closed
-- with a reason. When the item's owner accepts, the confidential detail opens to the responder.
create table pilot_response (
  id                uuid primary key default gen_random_uuid(),
  code              text not null unique,
  target_kind       text not null check (target_kind in ('demand', 'achievement')),
  demand_id         uuid references pilot_demand (id),
  achievement_id    uuid references pilot_achievement (id),
  platform_id       uuid references pilot_platform (id),
  owner_org_id      uuid not null references organisation (id),
  responder_org_id  uuid not null references organisation (id),
  responder_user_id uuid references app_user (id),
  message_zh        text not null,
  stage             text not null default 'responded' check (stage in ('responded', 'negotiating', 'signed', 'done', 'closed')),
  accepted_at       timestamptz,
  accepted_by       uuid references app_user (id),
  closed_reason_zh  text,
  outcome           text check (outcome in ('contract', 'pilotProject', 'noDeal')),
  outcome_note_zh   text,
  contract_wan      numeric check (contract_wan >= 0),
  pilot_project_id  uuid,
  signed_at         timestamptz,
  done_at           timestamptz,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  check ((target_kind = 'demand' and demand_id is not null) or (target_kind = 'achievement' and achievement_id is not null)),
  check (owner_org_id <> responder_org_id)
);
create index pilot_response_demand_idx on pilot_response (demand_id);
create index pilot_response_achievement_idx on pilot_response (achievement_id);
create index pilot_response_responder_idx on pilot_response (responder_org_id);
-- One open response per responder and item; after a deal is done or closed, a new one may start.
create unique index pilot_response_one_open on pilot_response (target_kind, coalesce(demand_id, achievement_id), responder_org_id)
  where stage not in ('closed', 'done');

create table pilot_response_message (
  id          uuid primary key default gen_random_uuid(),
  response_id uuid not null references pilot_response (id) on delete cascade,
  author_id   uuid references app_user (id),
  org_id      uuid references organisation (id),
  text_zh     text not null,
  at          timestamptz not null default now()
);
create index pilot_response_message_response_idx on pilot_response_message (response_id, at);

-- Pilot projects: 技术攻关 → 概念验证 → 中试熟化 → 企业孵化 → 园区运营 → 产业集群, each move
-- through a reviewed stage gate.
create table pilot_project (
  id               uuid primary key default gen_random_uuid(),
  code             text not null unique,
  name_zh          text not null,
  demand_id        uuid references pilot_demand (id),
  achievement_id   uuid references pilot_achievement (id),
  base_id          uuid references pilot_base (id),
  response_id      uuid references pilot_response (id),
  lead_org_id      uuid references organisation (id),
  district_code    text references district (code),
  domain           text,
  stage            text not null default 'research' check (stage in ('research', 'poc', 'pilot', 'incubation', 'park', 'cluster')),
  stage_entered_on date not null,
  status           text not null default 'active' check (status in ('active', 'stopped')),
  stopped_reason_zh text,
  summary_zh       text,
  is_demo          boolean not null default false,
  created_by       uuid references app_user (id),
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now()
);
create index pilot_project_stage_idx on pilot_project (stage) where status = 'active';
alter table pilot_response add constraint pilot_response_project_fk foreign key (pilot_project_id) references pilot_project (id);

create table pilot_project_gate (
  id               uuid primary key default gen_random_uuid(),
  project_id       uuid not null references pilot_project (id) on delete cascade,
  from_stage       text not null,
  to_stage         text not null,
  result           text not null check (result in ('pass', 'fail', 'rework')),
  reviewer_id      uuid references app_user (id),
  reviewer_name_zh text not null,
  reviewed_on      date not null,
  evidence_zh      text not null,
  evidence_file_id uuid references stored_file (id),
  note_zh          text,
  created_at       timestamptz not null default now()
);
create index pilot_project_gate_project_idx on pilot_project_gate (project_id, created_at);

-- One-stop services: each category is routed to its responsible body with a service-level clock.
create table service_route (
  category        text primary key,
  kind            text not null check (kind in ('approval', 'business', 'clearance')),
  name_zh         text not null,
  name_en         text not null,
  organisation_id uuid not null references organisation (id),
  sla_days        integer not null check (sla_days > 0),
  sort_order      integer not null default 0
);

create table service_request (
  id                uuid primary key default gen_random_uuid(),
  code              text not null unique,
  category          text not null references service_route (category),
  title_zh          text not null,
  detail_zh         text not null,
  green_channel     boolean not null default false,
  requester_org_id  uuid not null references organisation (id),
  requester_user_id uuid references app_user (id),
  project_id        uuid references pilot_project (id),
  district_code     text references district (code),
  handler_org_id    uuid not null references organisation (id),
  state             text not null default 'submitted' check (state in ('submitted', 'accepted', 'done', 'rejected', 'withdrawn')),
  sla_days          integer not null,
  due_at            timestamptz not null,
  accepted_at       timestamptz,
  done_at           timestamptz,
  outcome_zh        text,
  is_demo           boolean not null default false,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now()
);
create index service_request_handler_idx on service_request (handler_org_id, state);
create index service_request_requester_idx on service_request (requester_org_id);

create table service_request_event (
  id         uuid primary key default gen_random_uuid(),
  request_id uuid not null references service_request (id) on delete cascade,
  state      text not null,
  note_zh    text,
  by_user_id uuid references app_user (id),
  at         timestamptz not null default now()
);
create index service_request_event_request_idx on service_request_event (request_id, at);

-- The last full re-matching: each published demand's best achievements and capabilities, for
-- the task force's view of demands nothing serves yet. The live routes rank on request.
create table pilot_match (
  demand_id   uuid not null references pilot_demand (id) on delete cascade,
  supply_kind text not null check (supply_kind in ('achievement', 'capability')),
  rank        integer not null,
  supply_id   uuid not null,
  score       numeric not null,
  computed_at timestamptz not null,
  primary key (demand_id, supply_kind, rank)
);

-- Matching keeps its pools of words in memory between requests. Any statement that changes what
-- a pool holds bumps its version, so a request learns in one lookup whether to rebuild.
create table pilot_pool_version (
  pool    text primary key check (pool in ('achievement', 'capability', 'demand')),
  version bigint not null default 0
);
insert into pilot_pool_version (pool) values ('achievement'), ('capability'), ('demand');

create function pilot_pool_bump() returns trigger language plpgsql as $$
begin
  update pilot_pool_version set version = version + 1 where pool = tg_argv[0];
  return null;
end $$;

create trigger pilot_achievement_pool after insert or update or delete or truncate on pilot_achievement for each statement execute function pilot_pool_bump('achievement');
create trigger pilot_demand_pool after insert or update or delete or truncate on pilot_demand for each statement execute function pilot_pool_bump('demand');
create trigger pilot_capability_pool after insert or update or delete or truncate on pilot_capability for each statement execute function pilot_pool_bump('capability');
create trigger pilot_platform_pool after insert or update or delete or truncate on pilot_platform for each statement execute function pilot_pool_bump('capability');
create trigger pilot_base_pool after insert or update or delete or truncate on pilot_base for each statement execute function pilot_pool_bump('capability');
