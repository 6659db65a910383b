-- Open challenges (揭榜挂帅) and parallel funding (并行资助), task 2: a challenge posted from a
-- catalog need with measurable acceptance indicators; applications by consortia; the awards that
-- review and the public notice lead to. Review, notice and delivery tables follow in later files.

create table challenge (
  id                       uuid primary key default gen_random_uuid(),
  code                     text not null unique,
  need_id                  uuid references tech_need (id),
  title_zh                 text not null,
  title_en                 text,
  summary_zh               text,
  -- Field keywords reviewers are matched on (领域关键词).
  fields                   text[] not null default '{}',
  domain                   text,
  -- single: 揭榜挂帅, one team; parallel: 并行资助, several teams each with its share.
  mode                     text not null check (mode in ('single', 'parallel')),
  funding_wan              numeric not null check (funding_wan >= 0),
  max_teams                integer not null default 1 check (max_teams >= 1),
  duration_months          integer not null check (duration_months between 1 and 120),
  eligibility_zh           text,
  max_members              integer not null default 4 check (max_members >= 0),
  requires_user_enterprise boolean not null default false,
  deadline                 timestamptz not null,
  -- Reviewers see applications without applicant names.
  blind                    boolean not null default true,
  reviewers_per_application integer not null default 5 check (reviewers_per_application between 1 and 15),
  -- [{ key, nameZh, nameEn, weight, max }]
  rubric                   jsonb not null default '[]',
  notice_days              integer not null default 7 check (notice_days between 1 and 60),
  status                   text not null default 'draft',
  organiser_id             uuid references organisation (id),
  created_by               uuid references app_user (id),
  published_at             timestamptz,
  -- open → review: when the organiser closed applications (the formal check starts).
  review_started_at        timestamptz,
  cancelled_at             timestamptz,
  cancel_reason_zh         text,
  tokens                   text[] not null default '{}',
  is_demo                  boolean not null default false,
  created_at               timestamptz not null default now(),
  updated_at               timestamptz not null default now(),
  check (mode = 'parallel' or max_teams = 1)
);
create index challenge_status_idx on challenge (status);
create index challenge_tokens_idx on challenge using gin (tokens);

-- Measurable acceptance indicators: the goal, and what acceptance compares against.
create table challenge_indicator (
  id            uuid primary key default gen_random_uuid(),
  challenge_id  uuid not null references challenge (id) on delete cascade,
  position      integer not null,
  name_zh       text not null,
  comparator    text not null check (comparator in ('>=', '<=', '=')),
  target_value  numeric not null,
  unit          text not null default '',
  method_zh     text,
  unique (challenge_id, position)
);

-- A deadline moved while the challenge was open, with the reason (also in the audit log).
create table challenge_deadline_change (
  id             uuid primary key default gen_random_uuid(),
  challenge_id   uuid not null references challenge (id) on delete cascade,
  from_deadline  timestamptz not null,
  to_deadline    timestamptz not null,
  reason_zh      text not null,
  changed_by     uuid references app_user (id),
  changed_at     timestamptz not null default now()
);
create index challenge_deadline_change_challenge_idx on challenge_deadline_change (challenge_id);

-- 揭榜申请: one per lead organisation per challenge.
create table application (
  id                  uuid primary key default gen_random_uuid(),
  code                text not null unique,
  challenge_id        uuid not null references challenge (id),
  lead_organisation_id uuid not null references organisation (id),
  created_by          uuid references app_user (id),
  title_zh            text not null,
  plan_zh             text not null default '',
  budget_wan          numeric not null default 0 check (budget_wan >= 0),
  current_trl         integer check (current_trl between 1 and 9),
  target_trl          integer check (target_trl between 1 and 9),
  status              text not null default 'draft',
  submitted_at        timestamptz,
  formal_note_zh      text,
  formal_checked_by   uuid references app_user (id),
  formal_checked_at   timestamptz,
  -- The model's checklist as the organiser saw it when deciding.
  formal_checklist    jsonb,
  -- The lead itself is the user enterprise (应用企业) of the consortium.
  lead_user_enterprise boolean not null default false,
  withdrawn_at        timestamptz,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  unique (challenge_id, lead_organisation_id)
);
create index application_challenge_idx on application (challenge_id);

-- Consortium members besides the lead; a user enterprise is flagged.
create table application_member (
  application_id   uuid not null references application (id) on delete cascade,
  organisation_id  uuid not null references organisation (id),
  user_enterprise  boolean not null default false,
  role_zh          text,
  primary key (application_id, organisation_id)
);
create index application_member_organisation_idx on application_member (organisation_id);

-- The team's people; a person who is in the expert pool is linked (conflict checks read it).
create table application_person (
  id               uuid primary key default gen_random_uuid(),
  application_id   uuid not null references application (id) on delete cascade,
  name_zh          text not null,
  organisation_id  uuid references organisation (id),
  expert_id        uuid references expert (id),
  role_zh          text not null default '成员',
  position         integer not null default 0
);
create index application_person_application_idx on application_person (application_id);

-- The plan's milestones and budget lines, as applied for.
create table application_milestone (
  id              uuid primary key default gen_random_uuid(),
  application_id  uuid not null references application (id) on delete cascade,
  position        integer not null,
  title_zh        text not null,
  month           integer not null check (month >= 1),
  deliverable_zh  text,
  unique (application_id, position)
);

create table application_budget_line (
  id              uuid primary key default gen_random_uuid(),
  application_id  uuid not null references application (id) on delete cascade,
  position        integer not null,
  item_zh         text not null,
  amount_wan      numeric not null check (amount_wan >= 0),
  unique (application_id, position)
);

-- 立项: a funded team; in parallel funding each team has its share. Contract on the award.
create table award (
  id               uuid primary key default gen_random_uuid(),
  code             text not null unique,
  challenge_id     uuid not null references challenge (id),
  application_id   uuid not null unique references application (id),
  share_wan        numeric not null check (share_wan >= 0),
  status           text not null default 'active',
  awarded_at       timestamptz not null default now(),
  contract_no      text unique,
  contract_signed_on date,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now()
);
create index award_challenge_idx on award (challenge_id);
