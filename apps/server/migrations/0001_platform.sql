-- Platform: organisations, users, sessions, API tokens, audit log.
create extension if not exists btree_gist;
create extension if not exists pg_trgm;

create table organisation (
  id            uuid primary key default gen_random_uuid(),
  kind          text not null check (kind in ('taskForce', 'department', 'district', 'enterprise', 'institute', 'university', 'pilotBase', 'bank', 'other')),
  name_zh       text not null,
  name_en       text,
  district_code text,
  credit_code   text,
  is_demo       boolean not null default false,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  unique (kind, name_zh)
);

create table app_user (
  id              uuid primary key default gen_random_uuid(),
  username        text not null,
  display_name    text not null,
  email           text,
  organisation_id uuid references organisation (id),
  roles           text[] not null default '{}',
  password_hash   text not null,
  failed_logins   integer not null default 0,
  locked_until    timestamptz,
  disabled        boolean not null default false,
  last_login_at   timestamptz,
  is_demo         boolean not null default false,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  constraint app_user_roles_known check (roles <@ array['admin', 'taskforce', 'unit', 'district', 'enterprise', 'institute', 'pilotBase', 'curator', 'expert']::text[])
);
create unique index app_user_username_key on app_user (lower(username));

-- The cookie carries a random id; only its hash is stored, so a copy of the table opens no session.
create table user_session (
  id_hash      text primary key,
  user_id      uuid not null references app_user (id) on delete cascade,
  csrf_token   text not null,
  created_at   timestamptz not null default now(),
  expires_at   timestamptz not null,
  last_seen_at timestamptz not null default now(),
  ip           text,
  user_agent   text
);
create index user_session_user_idx on user_session (user_id);

create table api_token (
  id           uuid primary key default gen_random_uuid(),
  user_id      uuid not null references app_user (id) on delete cascade,
  name         text not null,
  prefix       text not null,
  token_hash   text not null unique,
  scopes       text[] not null,
  created_by   uuid references app_user (id),
  created_at   timestamptz not null default now(),
  expires_at   timestamptz,
  revoked_at   timestamptz,
  last_used_at timestamptz
);
create index api_token_user_idx on api_token (user_id);

-- Append-only, chained by hash: hash = sha256(prev_hash || canonical row). Writers take an
-- advisory lock so that the chain has one order even with concurrent transactions.
create table audit_log (
  id          bigint generated always as identity primary key,
  at          timestamptz not null default now(),
  actor_id    uuid,
  actor_name  text not null,
  action      text not null,
  entity_type text not null,
  entity_id   text not null,
  summary     text,
  before      jsonb,
  after       jsonb,
  request_id  text,
  prev_hash   text not null,
  hash        text not null
);
create index audit_log_entity_idx on audit_log (entity_type, entity_id, id);
