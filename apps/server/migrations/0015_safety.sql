-- Safety evaluation (安全评价, task 25): applications to evaluate a new core strain, a raw
-- material or a process; the evaluation body's formal check, time limit and green channel;
-- conflict-free expert reviewers with their findings; the body's conclusion and certificate.

-- 安全评价申请. The clock runs from acceptance; the days the application spends with the
-- applicant for supplements (safety_evaluation_pause) do not count.
create table safety_evaluation (
  id                         uuid primary key default gen_random_uuid(),
  code                       text not null unique,
  subject_kind               text not null check (subject_kind in ('coreStrain', 'rawMaterial', 'process')),
  -- A new core strain may name its record in the bank: a link only.
  strain_id                  uuid references strain (id),
  title_zh                   text not null,
  description_zh             text not null,
  -- Field keywords (领域关键词) reviewers are matched on.
  fields                     text[] not null default '{}',
  applicant_organisation_id  uuid not null references organisation (id),
  created_by                 uuid references app_user (id),
  contact_name_zh            text not null,
  contact_phone              text not null,
  contact_email              text,
  -- The dossier (申报材料): stored files.
  file_ids                   uuid[] not null default '{}',
  state                      text not null default 'draft'
                             check (state in ('draft', 'submitted', 'accepted', 'supplementing', 'review', 'concluded', 'returned', 'withdrawn')),
  -- While supplementing: the state the application goes back to when the applicant answers.
  resume_state               text check (resume_state in ('accepted', 'review')),
  -- Green channel / priority assessment: what the applicant asked for and why, and the body's decision.
  track_requested            text not null default 'standard' check (track_requested in ('standard', 'priority', 'greenChannel')),
  track_reason_zh            text,
  track_decision             text check (track_decision in ('granted', 'refused')),
  track_decision_note_zh     text,
  track_decided_by           uuid references app_user (id),
  track_decided_at           timestamptz,
  -- The track in force and its time limit in days (set at acceptance, changed by a later grant).
  track                      text not null default 'standard' check (track in ('standard', 'priority', 'greenChannel')),
  time_limit_days            integer check (time_limit_days > 0),
  submitted_at               timestamptz,
  accepted_on                date,
  accepted_by                uuid references app_user (id),
  -- Why the body returned it (不予受理) or why the applicant withdrew it.
  closed_reason_zh           text,
  closed_on                  date,
  conclusion                 text check (conclusion in ('safe', 'safeWithConditions', 'notSafe')),
  conditions_zh              text,
  findings_zh                text,
  -- The reviewers' findings summarised when the body concluded: per aspect and recommendation.
  review_summary             jsonb,
  certificate_no             text unique,
  concluded_on               date,
  concluded_by               uuid references app_user (id),
  tokens                     text[] not null default '{}',
  is_demo                    boolean not null default false,
  created_at                 timestamptz not null default now(),
  updated_at                 timestamptz not null default now(),
  check (strain_id is null or subject_kind = 'coreStrain'),
  check ((state = 'supplementing') = (resume_state is not null)),
  check ((conclusion is not null) = (state = 'concluded')),
  check (conclusion <> 'safeWithConditions' or conditions_zh is not null),
  check ((certificate_no is not null) = (conclusion in ('safe', 'safeWithConditions')))
);
create index safety_evaluation_state_idx on safety_evaluation (state);
create index safety_evaluation_applicant_idx on safety_evaluation (applicant_organisation_id);
create index safety_evaluation_tokens_idx on safety_evaluation using gin (tokens);

-- Time with the applicant for supplements (补充材料): the clock stops from started_on to ended_on.
create table safety_evaluation_pause (
  id               uuid primary key default gen_random_uuid(),
  evaluation_id    uuid not null references safety_evaluation (id) on delete cascade,
  started_on       date not null,
  ended_on         date,
  reason_zh        text not null,
  requested_by     uuid references app_user (id),
  answer_zh        text,
  check (ended_on is null or ended_on >= started_on)
);
create index safety_evaluation_pause_eval_idx on safety_evaluation_pause (evaluation_id);
-- At most one open pause per evaluation.
create unique index safety_evaluation_pause_open_idx on safety_evaluation_pause (evaluation_id) where ended_on is null;

-- 评审专家: an expert on an evaluation, once. assigned → submitted (findings locked), or
-- declined by the expert, replaced or removed by the body.
create table safety_review (
  id               uuid primary key default gen_random_uuid(),
  evaluation_id    uuid not null references safety_evaluation (id) on delete cascade,
  expert_id        uuid not null references expert (id),
  status           text not null default 'assigned' check (status in ('assigned', 'submitted', 'declined', 'replaced', 'removed')),
  source           text not null check (source in ('proposal', 'manual')),
  fit              double precision,
  shared           text[] not null default '{}',
  assigned_by      uuid references app_user (id),
  assigned_at      timestamptz not null default now(),
  -- [{ aspect, assessment, noteZh }]
  findings         jsonb,
  recommendation   text check (recommendation in ('safe', 'safeWithConditions', 'notSafe')),
  conditions_zh    text,
  summary_zh       text,
  submitted_at     timestamptz,
  end_reason_zh    text,
  ended_at         timestamptz,
  replaced_by      uuid references safety_review (id),
  unique (evaluation_id, expert_id),
  check ((status = 'submitted') = (submitted_at is not null))
);
create index safety_review_expert_idx on safety_review (expert_id, status);
