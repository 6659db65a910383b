-- Running the plan: who owns each task, the yearly work points, progress reports and their
-- review, indicators and their history, the four major lists in editions, inspections,
-- notices, reminders and public consultations. Tasks are referred to by number (1–26),
-- which is stable across plan versions.

create table task_assignment (
  task_no         integer not null check (task_no between 1 and 99),
  organisation_id uuid not null references organisation (id),
  role            text not null check (role in ('lead', 'co', 'district')),
  created_at      timestamptz not null default now(),
  primary key (task_no, organisation_id)
);

-- The weight of a task inside its action when progress rolls up (default 1).
create table task_weight (
  task_no integer primary key check (task_no between 1 and 99),
  weight  numeric not null check (weight > 0)
);

create table stored_file (
  id              uuid primary key default gen_random_uuid(),
  name            text not null,
  mime            text not null,
  size_bytes      integer not null,
  sha256          text not null,
  content         bytea not null,
  uploaded_by     uuid references app_user (id),
  organisation_id uuid references organisation (id),
  created_at      timestamptz not null default now()
);

create table work_point (
  id                    uuid primary key default gen_random_uuid(),
  code                  text not null unique,
  task_no               integer not null check (task_no between 1 and 99),
  year                  integer not null check (year between 2024 and 2027),
  kind                  text not null default 'work' check (kind in ('work', 'project')),
  title_zh              text not null,
  deliverable_zh        text not null,
  owner_organisation_id uuid not null references organisation (id),
  district_code         text references district (code),
  investment_yi_yuan    numeric check (investment_yi_yuan >= 0),
  starts_on             date not null,
  due_on                date not null,
  frequency             text not null check (frequency in ('monthly', 'quarterly')),
  indicator_code        text,
  weight                numeric not null default 1 check (weight > 0),
  -- Points [share of time elapsed, expected progress %] the task force sets; null: a straight line.
  pace_curve            jsonb,
  -- Kept by the report workflow, so that status rolls up from this table alone.
  progress_pct          numeric not null default 0 check (progress_pct between 0 and 100),
  next_report_deadline  date,
  closed_at             timestamptz,
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now(),
  check (due_on >= starts_on),
  check (extract(year from due_on) = year)
);
create index work_point_task_idx on work_point (task_no, year);
create index work_point_owner_idx on work_point (owner_organisation_id);
create index work_point_district_idx on work_point (district_code) where district_code is not null;
create index work_point_title_trgm on work_point using gin (title_zh gin_trgm_ops);

create table progress_report (
  id                 uuid primary key default gen_random_uuid(),
  work_point_id      uuid not null references work_point (id),
  period_label       text not null,
  period_start       date not null,
  period_end         date not null,
  deadline           date not null,
  state              text not null check (state in ('draft', 'submitted', 'returned', 'accepted')),
  text_zh            text not null default '',
  progress_pct       numeric not null default 0 check (progress_pct between 0 and 100),
  figures            jsonb not null default '[]',
  complete           boolean not null default false,
  file_ids           uuid[] not null default '{}',
  review_comment     text,
  returned_count     integer not null default 0,
  first_submitted_at timestamptz,
  submitted_at       timestamptz,
  accepted_at        timestamptz,
  created_by         uuid references app_user (id),
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  unique (work_point_id, period_start)
);
create index progress_report_deadline_idx on progress_report (deadline);
create index progress_report_state_idx on progress_report (state) where state = 'submitted';

-- What happened to a report, in order: the timeline its page shows.
create table progress_report_event (
  id         bigserial primary key,
  report_id  uuid not null references progress_report (id),
  action     text not null check (action in ('draft', 'edit', 'submit', 'resubmit', 'return', 'accept')),
  comment    text,
  actor_id   uuid references app_user (id),
  actor_name text not null,
  at         timestamptz not null default now()
);
create index progress_report_event_report_idx on progress_report_event (report_id, id);

create table indicator_setting (
  target_code    text primary key,
  baseline_value numeric,
  baseline_on    date,
  pace_curve     jsonb,
  updated_at     timestamptz not null default now()
);

create table indicator_value (
  id              bigserial primary key,
  target_code     text not null,
  value           numeric not null,
  as_of           date not null,
  source          text not null check (source in ('computed', 'reported')),
  evidence_zh     text,
  file_id         uuid references stored_file (id),
  drill_down      text,
  recorded_by     uuid references app_user (id),
  organisation_id uuid references organisation (id),
  created_at      timestamptz not null default now()
);
create index indicator_value_target_idx on indicator_value (target_code, as_of desc, id desc);

create table major_list_edition (
  id           uuid primary key default gen_random_uuid(),
  kind         text not null check (kind in ('project', 'policy', 'reform', 'platform')),
  edition_no   integer not null check (edition_no >= 1),
  title_zh     text not null,
  status       text not null check (status in ('draft', 'published')),
  note_zh      text,
  created_by   uuid references app_user (id),
  created_at   timestamptz not null default now(),
  published_at timestamptz,
  unique (kind, edition_no)
);
-- At most one draft per list: a new edition starts from the last published one.
create unique index major_list_one_draft on major_list_edition (kind) where status = 'draft';

create table major_list_item (
  id                    uuid primary key default gen_random_uuid(),
  edition_id            uuid not null references major_list_edition (id) on delete cascade,
  item_key              text not null,
  name_zh               text not null,
  owner_organisation_id uuid references organisation (id),
  task_no               integer check (task_no between 1 and 99),
  district_code         text references district (code),
  amount_yi_yuan        numeric check (amount_yi_yuan >= 0),
  start_year            integer,
  end_year              integer,
  progress_zh           text,
  note_zh               text,
  unique (edition_id, item_key)
);

create table inspection (
  id          uuid primary key default gen_random_uuid(),
  code        text not null unique,
  kind        text not null check (kind in ('scheduled', 'special')),
  title_zh    text not null,
  scope       jsonb not null,
  planned_on  date not null,
  status      text not null check (status in ('planned', 'inProgress', 'closed')),
  findings_zh text,
  created_by  uuid references app_user (id),
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  closed_at   timestamptz
);

create table rectification (
  id                    uuid primary key default gen_random_uuid(),
  inspection_id         uuid not null references inspection (id),
  description_zh        text not null,
  owner_organisation_id uuid not null references organisation (id),
  due_on                date not null,
  status                text not null check (status in ('open', 'submitted', 'closed')),
  evidence_zh           text,
  evidence_file_id      uuid references stored_file (id),
  review_comment        text,
  closed_at             timestamptz,
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now()
);
create index rectification_inspection_idx on rectification (inspection_id);
create index rectification_owner_idx on rectification (owner_organisation_id);

create table notice (
  id           uuid primary key default gen_random_uuid(),
  number       text unique,
  kind         text not null check (kind in ('progress', 'commendation', 'criticism')),
  period_label text not null,
  title_zh     text not null,
  issuer_zh    text not null,
  recipients_zh text not null,
  paragraphs   jsonb not null,
  attachments  jsonb not null default '[]',
  status       text not null check (status in ('draft', 'approved', 'published')),
  issued_on    date,
  created_by   uuid references app_user (id),
  approved_by  uuid references app_user (id),
  approved_at  timestamptz,
  published_at timestamptz,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now()
);

create table notification (
  id              uuid primary key default gen_random_uuid(),
  organisation_id uuid references organisation (id),
  user_id         uuid references app_user (id),
  kind            text not null,
  title_zh        text not null,
  title_en        text not null,
  link            text,
  due_on          date,
  -- One reminder per event: the reminder pass runs often and must not repeat itself.
  dedupe_key      text not null unique,
  created_at      timestamptz not null default now(),
  read_at         timestamptz,
  check (organisation_id is not null or user_id is not null)
);
create index notification_org_idx on notification (organisation_id, created_at desc);
create index notification_user_idx on notification (user_id, created_at desc);

create table mail_outbox (
  id              uuid primary key default gen_random_uuid(),
  notification_id uuid references notification (id),
  to_address      text not null,
  subject         text not null,
  body_text       text not null,
  status          text not null check (status in ('pending', 'sent', 'recorded', 'failed')),
  error           text,
  created_at      timestamptz not null default now(),
  sent_at         timestamptz
);

create table supervision_setting (
  key        text primary key,
  value      jsonb not null,
  updated_at timestamptz not null default now()
);

create table consultation (
  id             uuid primary key default gen_random_uuid(),
  code           text not null unique,
  title_zh       text not null,
  summary_zh     text,
  draft_text     text not null,
  opens_on       date not null,
  closes_on      date not null,
  plan_code      text,
  plan_version   integer,
  contact        jsonb,
  status         text not null check (status in ('draft', 'published')),
  created_by     uuid references app_user (id),
  created_at     timestamptz not null default now(),
  published_at   timestamptz,
  check (closes_on >= opens_on)
);

create table consultation_comment (
  id                uuid primary key default gen_random_uuid(),
  consultation_id   uuid not null references consultation (id),
  author_name       text,
  organisation_name text,
  contact           text,
  section_ref       text,
  body              text not null check (char_length(body) between 1 and 2000),
  ip_hash           text,
  answer_zh         text,
  disposition       text check (disposition in ('adopted', 'partlyAdopted', 'notAdopted', 'explained')),
  answered_by       uuid references app_user (id),
  answered_at       timestamptz,
  created_at        timestamptz not null default now()
);
create index consultation_comment_idx on consultation_comment (consultation_id, created_at);

-- How many of a work point's reporting periods have their deadline on or before `upto`.
-- Periods are calendar months or quarters from starts_on to due_on; each is due on the 5th
-- of the month after it ends. Mirrors periodsDueBy() in modules/supervision/model/periods.ts,
-- which a test holds it to; in SQL so that on-time rates over many work points stay one query.
create function cqb_month_index(d date) returns integer language sql immutable as $$
  select extract(year from d)::int * 12 + extract(month from d)::int - 1
$$;

create function cqb_periods_due(frequency text, starts_on date, due_on date, upto date)
returns integer language sql immutable as $$
  -- One expression, without FROM, so that the planner inlines it into queries over many rows.
  select greatest(0, least(
    cqb_month_index(due_on) / (case when frequency = 'quarterly' then 3 else 1 end)
      - cqb_month_index(starts_on) / (case when frequency = 'quarterly' then 3 else 1 end) + 1,
    cqb_month_index(upto - 4) / (case when frequency = 'quarterly' then 3 else 1 end)
      - cqb_month_index(starts_on) / (case when frequency = 'quarterly' then 3 else 1 end)
  ))
$$;

-- Share of the time from starts_on to due_on passed on `today` (0–1); timeShare() in pace.ts.
create function cqb_time_share(starts_on date, due_on date, today date)
returns numeric language sql immutable as $$
  select case
    when due_on <= starts_on then case when today >= due_on then 1.0 else 0.0 end
    else least(1.0, greatest(0.0, (today - starts_on)::numeric / (due_on - starts_on)))
  end
$$;

-- Expected progress % on `today` along a pace curve of [share, %] points, or a straight line
-- when there is none; expectedPct() in pace.ts.
create function cqb_expected_pct(curve jsonb, starts_on date, due_on date, today date)
returns numeric language sql immutable as $$
  select case when curve is null then 100 * x.share else coalesce((
    select s.y0 + (s.y1 - s.y0) * (x.share - s.x0) / (s.x1 - s.x0)
    from (
      select lag((e ->> 0)::numeric) over w as x0, lag((e ->> 1)::numeric) over w as y0,
             (e ->> 0)::numeric as x1, (e ->> 1)::numeric as y1
      from jsonb_array_elements(curve) with ordinality as a (e, ord)
      window w as (order by ord)
    ) s
    where s.x0 is not null and x.share between s.x0 and s.x1
    order by s.x0 limit 1), 100 * x.share) end
  from (select cqb_time_share(starts_on, due_on, today) as share) x
$$;
