-- The action plan as data. Every plan row belongs to a plan version, so that a revised plan
-- file becomes a new version and the old one stays readable.
create table district (
  code     text primary key check (code ~ '^50[0-9]{4}$'),
  name_zh  text not null unique,
  short_zh text not null,
  name_en  text not null,
  type     text not null check (type in ('区', '县', '自治县'))
);

create table body (
  code          text primary key,
  name_zh       text not null,
  name_en       text not null,
  type          text not null,
  district_code text references district (code),
  aliases_zh    text[] not null default '{}'
);

create table plan_version (
  id           serial primary key,
  code         text not null,
  version      integer not null,
  checksum     text not null,
  title_zh     text not null,
  title_en     text not null,
  publisher_zh text not null,
  publisher_en text not null,
  status       text not null,
  status_zh    text not null,
  horizon_from integer not null,
  horizon_to   integer not null,
  published_on date,
  document     jsonb not null,
  source_text  text not null,
  created_at   timestamptz not null default now(),
  unique (code, version),
  unique (code, checksum)
);

create table plan_domain (
  plan_version_id integer not null references plan_version (id),
  code            text not null,
  ordinal         integer not null,
  name_zh         text not null,
  name_en         text not null,
  primary key (plan_version_id, code)
);

create table plan_action (
  plan_version_id integer not null references plan_version (id),
  no              integer not null check (no between 1 and 8),
  code            text not null,
  title_zh        text not null,
  title_en        text not null,
  intro_zh        text not null,
  domains         text[] not null default '{}',
  primary key (plan_version_id, no)
);

create table plan_task (
  plan_version_id integer not null references plan_version (id),
  no              integer not null check (no between 1 and 99),
  action_no       integer not null,
  title_zh        text not null,
  title_en        text not null,
  text_zh         text not null,
  domains         text[] not null default '{}',
  places          jsonb not null default '[]',
  products        text[] not null default '{}',
  fields          text[] not null default '{}',
  primary key (plan_version_id, no),
  foreign key (plan_version_id, action_no) references plan_action (plan_version_id, no)
);

create table plan_task_body (
  plan_version_id integer not null,
  task_no         integer not null,
  body_code       text not null references body (code),
  primary key (plan_version_id, task_no, body_code),
  foreign key (plan_version_id, task_no) references plan_task (plan_version_id, no)
);
create index plan_task_body_body_idx on plan_task_body (body_code);

create table plan_target (
  plan_version_id integer not null references plan_version (id),
  code            text not null,
  action_no       integer not null,
  ordinal         integer not null,
  statement_zh    text not null,
  statement_en    text not null,
  indicator_zh    text not null,
  indicator_en    text not null,
  quantified      boolean not null,
  comparator      text check (comparator in ('gt', 'gte', 'eq', 'lt', 'lte')),
  value           numeric,
  unit            text,
  unit_en         text,
  year            integer not null,
  threshold       jsonb,
  source_sentence text not null,
  primary key (plan_version_id, code),
  foreign key (plan_version_id, action_no) references plan_action (plan_version_id, no),
  check (quantified = (value is not null))
);

create table plan_safeguard (
  plan_version_id integer not null references plan_version (id),
  no              integer not null,
  title_zh        text not null,
  title_en        text not null,
  text_zh         text not null,
  primary key (plan_version_id, no)
);
