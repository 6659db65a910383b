-- Innovation platforms (tasks 1–2) and intellectual property (task 26): labs and centres with
-- their hosts, levels and shared instruments; patents, standards, software copyrights and plant
-- varieties with their holders and links; infringement reports routed to the IP operations centre.

-- 科技创新平台.
create table innovation_platform (
  id                 uuid primary key default gen_random_uuid(),
  code               text not null unique,
  name_zh            text not null unique,
  name_en            text,
  kind               text not null check (kind in ('lab', 'engineeringCentre', 'technologyCentre', 'proofOfConcept', 'newRnd')),
  -- 国家级 / 市级 / 培育: only recognised national and municipal platforms count toward the plan's target.
  level              text not null check (level in ('national', 'municipal', 'incubating')),
  -- Technology fields as keywords (合成生物学, 酶工程 …); domains are the plan's four.
  fields             text[] not null default '{}',
  domains            text[] not null default '{}',
  recognised_on      date,
  recognised_by_zh   text,
  status             text not null default 'operating' check (status in ('building', 'operating', 'revoked')),
  district_code      text references district (code),
  summary_zh         text,
  contact_zh         text,
  -- Where a seeded record comes from (the plan's task), so that a reader can check it.
  source_zh          text,
  tokens             text[] not null default '{}',
  is_demo            boolean not null default false,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now()
);
create index innovation_platform_tokens_idx on innovation_platform using gin (tokens);

-- Host organisations of a platform, in the order the recognition names them.
create table innovation_platform_host (
  platform_id        uuid not null references innovation_platform (id) on delete cascade,
  organisation_id    uuid not null references organisation (id),
  position           integer not null,
  primary key (platform_id, organisation_id)
);
create index innovation_platform_host_org_idx on innovation_platform_host (organisation_id);

-- Shared instruments (共享仪器) a platform opens to others.
create table platform_instrument (
  id                 uuid primary key default gen_random_uuid(),
  platform_id        uuid not null references innovation_platform (id) on delete cascade,
  name_zh            text not null,
  model              text,
  value_wan          numeric(14, 2) check (value_wan is null or value_wan >= 0),
  open_to_share      boolean not null default true,
  booking_contact_zh text,
  note_zh            text,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now()
);
create index platform_instrument_platform_idx on platform_instrument (platform_id);

-- 知识产权: one right (a patent, a standard, a software copyright, a plant variety).
create table ip_right (
  id                 uuid primary key default gen_random_uuid(),
  kind               text not null check (kind in ('patent', 'standard', 'softwareCopyright', 'plantVariety')),
  number             text not null,
  title_zh           text not null,
  title_en           text,
  -- Patents: invention | utility | design; standards: national | industry | local | group.
  subtype            text,
  -- Set from the kind when left out (trigger below): a patent starts filed, a standard drafting.
  status             text not null,
  filed_on           date,
  -- Granted (patent, variety), published (standard) or registered (software copyright).
  granted_on         date,
  inventors          text[] not null default '{}',
  abstract_zh        text,
  tokens             text[] not null default '{}',
  created_by         uuid references app_user (id),
  is_demo            boolean not null default false,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  unique (kind, number),
  check ((kind = 'patent' and (subtype is null or subtype in ('invention', 'utility', 'design')))
      or (kind = 'standard' and (subtype is null or subtype in ('national', 'industry', 'local', 'group')))
      or (kind in ('softwareCopyright', 'plantVariety') and subtype is null)),
  check ((kind in ('patent', 'plantVariety') and status in ('filed', 'granted', 'lapsed'))
      or (kind = 'standard' and status in ('drafting', 'published', 'withdrawn'))
      or (kind = 'softwareCopyright' and status in ('filed', 'registered', 'revoked'))),
  check (granted_on is null or filed_on is null or granted_on >= filed_on)
);
create index ip_right_tokens_idx on ip_right using gin (tokens);
create index ip_right_status_idx on ip_right (kind, status);

create function ip_right_default_status() returns trigger language plpgsql as $$
begin
  if new.status is null then
    new.status := case new.kind when 'standard' then 'drafting' else 'filed' end;
  end if;
  return new;
end $$;
create trigger ip_right_default_status before insert on ip_right for each row execute function ip_right_default_status();

-- Holders (权利人 / 起草单位), in their order on the certificate.
create table ip_holder (
  ip_right_id        uuid not null references ip_right (id) on delete cascade,
  organisation_id    uuid not null references organisation (id),
  position           integer not null,
  primary key (ip_right_id, organisation_id)
);
create index ip_holder_org_idx on ip_holder (organisation_id);

-- What a right belongs to or came from. Generic on purpose: the challenges delivery part links
-- rights to challenges and awards without a schema change here.
create table ip_link (
  ip_right_id        uuid not null references ip_right (id) on delete cascade,
  target_kind        text not null check (target_kind in ('organisation', 'enterprise', 'achievement', 'platform', 'challenge', 'award')),
  target_id          uuid not null,
  created_by         uuid references app_user (id),
  created_at         timestamptz not null default now(),
  primary key (ip_right_id, target_kind, target_id)
);
create index ip_link_target_idx on ip_link (target_kind, target_id);

-- 侵权举报, routed to the IP operations centre.
create table ip_infringement_report (
  id                 uuid primary key default gen_random_uuid(),
  code               text not null unique,
  ip_right_id        uuid not null references ip_right (id),
  reporter_id        uuid not null references app_user (id),
  reporter_org_id    uuid references organisation (id),
  infringer_zh       text not null,
  description_zh     text not null,
  file_ids           uuid[] not null default '{}',
  status             text not null default 'received' check (status in ('received', 'investigating', 'resolved', 'dismissed')),
  -- The handling outcome, or why the report was dismissed.
  outcome_zh         text,
  check (status <> 'dismissed' or coalesce(btrim(outcome_zh), '') <> ''),
  handled_by         uuid references app_user (id),
  is_demo            boolean not null default false,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now()
);
create index ip_infringement_report_right_idx on ip_infringement_report (ip_right_id);
create index ip_infringement_report_reporter_idx on ip_infringement_report (reporter_id);

create table ip_report_event (
  id                 uuid primary key default gen_random_uuid(),
  -- The history's order: moves in one second (or under a fixed test clock) keep theirs.
  seq                bigint generated always as identity,
  report_id          uuid not null references ip_infringement_report (id) on delete cascade,
  at                 timestamptz not null default now(),
  actor_id           uuid references app_user (id),
  actor_name         text not null,
  from_status        text,
  to_status          text not null,
  note_zh            text
);
create index ip_report_event_report_idx on ip_report_event (report_id, seq);
