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
  -- Who declared it: an expert withdraws only what it declared itself, never what the task force
  -- or a review recorded.
  declared_by      uuid references app_user (id),
  -- Declared from a blind review: the organisation is the applicant's, which the expert must not
  -- learn, so the expert's own view of the record does not name it.
  from_blind_review boolean not null default false,
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
  -- Who recorded it: an expert removes only joint work it recorded itself.
  recorded_by      uuid references app_user (id),
  created_at       timestamptz not null default now(),
  check (organisation_id is not null or person_id is not null)
);
create index expert_collaboration_expert_idx on expert_collaboration (expert_id);

-- What the directory keeps beside the core: contact and a short profile (never public).
alter table expert add column contact_zh text;
alter table expert add column profile_zh text;

-- 重庆市生物制造产业专家委员会 (task 19). One is seeded; the table allows more (a later sub-committee).
create table expert_committee (
  id               uuid primary key default gen_random_uuid(),
  code             text not null unique,
  name_zh          text not null,
  name_en          text,
  mandate_zh       text,
  created_at       timestamptz not null default now()
);

-- A term of a member. Renewing adds the next term as a new row, so past terms stay on record.
create table committee_membership (
  id               uuid primary key default gen_random_uuid(),
  committee_id     uuid not null references expert_committee (id),
  expert_id        uuid not null references expert (id),
  role             text not null check (role in ('chair', 'viceChair', 'member')),
  term_start       date not null,
  term_end         date not null,
  renewed_from     uuid references committee_membership (id),
  created_at       timestamptz not null default now(),
  check (term_end >= term_start)
);
create index committee_membership_expert_idx on committee_membership (expert_id);
create index committee_membership_committee_idx on committee_membership (committee_id, term_end);

-- 咨询记录: decision advice to the municipal government, or advice on a major project.
create table committee_consultation (
  id               uuid primary key default gen_random_uuid(),
  code             text not null unique,
  committee_id     uuid not null references expert_committee (id),
  kind             text not null check (kind in ('decision', 'project')),
  subject_zh       text not null,
  held_on          date not null,
  advice_zh        text not null,
  task_no          integer check (task_no between 1 and 26),
  created_by       uuid references app_user (id),
  is_demo          boolean not null default false,
  created_at       timestamptz not null default now()
);
create index committee_consultation_held_idx on committee_consultation (held_on desc);

create table committee_consultation_expert (
  consultation_id  uuid not null references committee_consultation (id) on delete cascade,
  expert_id        uuid not null references expert (id),
  primary key (consultation_id, expert_id)
);

-- 高端人才与团队 (task 20, action 6): who was attracted, under which programme, with what support.
create table talent (
  id               uuid primary key default gen_random_uuid(),
  code             text not null unique,
  name_zh          text not null,
  name_en          text,
  kind             text not null check (kind in ('national', 'academician', 'leadGoose', 'highEnd')),
  programme        text not null check (programme in ('yuyue', 'newChongqing', 'millionTalents', 'other')),
  programme_other_zh text,
  organisation_id  uuid references organisation (id),
  organisation_zh  text not null,
  field_zh         text not null,
  title_zh         text,
  team_size        integer check (team_size > 0),
  arrival_on       date,
  status           text not null check (status in ('recruiting', 'arrived', 'left')),
  left_on          date,
  expert_id        uuid references expert (id),
  note_zh          text,
  tokens           text[] not null default '{}',
  is_demo          boolean not null default false,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  check (status <> 'arrived' or arrival_on is not null),
  check (programme <> 'other' or programme_other_zh is not null)
);
create index talent_kind_idx on talent (kind, status);
create index talent_tokens_idx on talent using gin (tokens);

-- 一人一策: the items of a talent's support package.
create table talent_support_item (
  id               uuid primary key default gen_random_uuid(),
  talent_id        uuid not null references talent (id) on delete cascade,
  item             text not null check (item in ('funding', 'housing', 'lab', 'subsidy', 'team', 'other')),
  description_zh   text,
  amount_wan       numeric(12, 2) check (amount_wan >= 0),
  sort_order       integer not null default 0
);
create index talent_support_item_talent_idx on talent_support_item (talent_id);

-- 教育培训 (task 18): degree programmes and joint training schemes of the universities the plan names.
create table education_programme (
  id               uuid primary key default gen_random_uuid(),
  code             text not null unique,
  organisation_id  uuid not null references organisation (id),
  kind             text not null check (kind in ('bachelor', 'master', 'doctoral', 'joint', 'training')),
  name_zh          text not null,
  partner_zh       text,
  start_year       integer not null check (start_year between 1950 and 2100),
  enrolment        integer check (enrolment >= 0),
  note_zh          text,
  is_demo          boolean not null default false,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now()
);
create index education_programme_org_idx on education_programme (organisation_id);
