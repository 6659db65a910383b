-- Experts, the expert committee, talent and education (tasks 18–20, action 6). The expert pool
-- reviews challenge applications (and, later, safety evaluations); its declared conflicts and its
-- recorded joint publications and projects keep reviewers away from work they are close to.

-- 专家. An expert who reviews signs in with the linked account (role expert).
create table expert (
  id               uuid primary key default gen_random_uuid(),
  code             text not null unique,
  user_id          uuid unique references app_user (id),
  organisation_id  uuid references organisation (id),
  organisation_zh  text not null,
  name_zh          text not null,
  name_en          text,
  title_zh         text,
  -- Field keywords (领域关键词): what reviewer assignment matches on.
  fields           text[] not null default '{}',
  domains          text[] not null default '{}',
  available        boolean not null default true,
  max_load         integer check (max_load > 0),
  tokens           text[] not null default '{}',
  is_demo          boolean not null default false,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now()
);
create index expert_fields_idx on expert using gin (fields);
create index expert_tokens_idx on expert using gin (tokens);

-- A conflict the expert declared: an organisation, or a person (another expert record).
create table expert_conflict (
  id               uuid primary key default gen_random_uuid(),
  expert_id        uuid not null references expert (id) on delete cascade,
  organisation_id  uuid references organisation (id),
  person_id        uuid references expert (id),
  note_zh          text,
  declared_at      timestamptz not null default now(),
  check (organisation_id is not null or person_id is not null)
);
create index expert_conflict_expert_idx on expert_conflict (expert_id);

-- Joint publications and projects recorded in the platform, with an organisation or a person.
create table expert_collaboration (
  id               uuid primary key default gen_random_uuid(),
  expert_id        uuid not null references expert (id) on delete cascade,
  kind             text not null check (kind in ('publication', 'project')),
  ref              text,
  title_zh         text not null,
  year             integer,
  organisation_id  uuid references organisation (id),
  person_id        uuid references expert (id),
  created_at       timestamptz not null default now(),
  check (organisation_id is not null or person_id is not null)
);
create index expert_collaboration_expert_idx on expert_collaboration (expert_id);
