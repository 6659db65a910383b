-- Review of challenge applications: reviewer assignments with their rubric scores, the public
-- notice (公示) with its proposed awardees, and objections lodged during the notice.

-- 评审分配: one expert on one application. The reviewer scores on the row itself: draft scores
-- while assigned, locked once submitted. A declined, conflicted or removed row stays as history
-- (and keeps that expert off the application when reviewers are replaced).
create table review_assignment (
  id              uuid primary key default gen_random_uuid(),
  challenge_id    uuid not null references challenge (id),
  application_id  uuid not null references application (id),
  expert_id       uuid not null references expert (id),
  -- assigned → submitted; or declined (by the reviewer), conflict (declared or found later), removed (by organisers).
  status          text not null default 'assigned' check (status in ('assigned', 'submitted', 'declined', 'conflict', 'removed')),
  source          text not null check (source in ('auto', 'manual', 'replacement')),
  -- Field fit (0–1) and the shared keywords when the engine chose the expert.
  fit             numeric,
  shared          text[] not null default '{}',
  -- { criterionKey: score } and { criterionKey: comment }; the weighted total (0–100) computed by the server.
  scores          jsonb not null default '{}',
  criterion_comments jsonb not null default '{}',
  comment_zh      text,
  total           numeric,
  submitted_at    timestamptz,
  -- Why it ended: the decline reason, the conflict, the organisers' reason.
  end_reason_zh   text,
  ended_at        timestamptz,
  replaced_by     uuid references review_assignment (id),
  assigned_by     uuid references app_user (id),
  assigned_at     timestamptz not null default now(),
  updated_at      timestamptz not null default now()
);
-- One live assignment per expert and application.
create unique index review_assignment_live_key on review_assignment (application_id, expert_id) where status in ('assigned', 'submitted');
create index review_assignment_challenge_idx on review_assignment (challenge_id, status);
create index review_assignment_expert_idx on review_assignment (expert_id, status);

-- 公示: one notice per proposal round of a challenge; re-proposing after an upheld objection
-- starts a new one and supersedes the last.
create table challenge_notice (
  id              uuid primary key default gen_random_uuid(),
  challenge_id    uuid not null references challenge (id),
  round           integer not null,
  status          text not null default 'running' check (status in ('running', 'confirmed', 'superseded', 'withdrawn')),
  starts_at       timestamptz not null,
  ends_at         timestamptz not null,
  note_zh         text,
  proposed_by     uuid references app_user (id),
  confirmed_by    uuid references app_user (id),
  confirmed_at    timestamptz,
  created_at      timestamptz not null default now(),
  unique (challenge_id, round),
  check (ends_at > starts_at)
);
create unique index challenge_notice_running_key on challenge_notice (challenge_id) where status = 'running';

-- 拟立项: an application proposed in a notice, with its share of the funding.
create table notice_proposal (
  notice_id       uuid not null references challenge_notice (id) on delete cascade,
  application_id  uuid not null references application (id),
  share_wan       numeric not null check (share_wan > 0),
  rank            integer,
  score           numeric,
  -- proposed → awarded at confirmation, or withdrawn by an upheld objection.
  status          text not null default 'proposed' check (status in ('proposed', 'withdrawn', 'awarded')),
  primary key (notice_id, application_id)
);
create index notice_proposal_application_idx on notice_proposal (application_id);

-- 异议: lodged by anyone signed in during the notice period, against the notice or one proposal.
create table notice_objection (
  id              uuid primary key default gen_random_uuid(),
  notice_id       uuid not null references challenge_notice (id),
  challenge_id    uuid not null references challenge (id),
  -- Null: against the notice as a whole.
  application_id  uuid references application (id),
  lodged_by       uuid not null references app_user (id),
  organisation_id uuid references organisation (id),
  reason_zh       text not null,
  status          text not null default 'pending' check (status in ('pending', 'upheld', 'dismissed')),
  response_zh     text,
  decided_by      uuid references app_user (id),
  decided_at      timestamptz,
  lodged_at       timestamptz not null default now()
);
create index notice_objection_notice_idx on notice_objection (notice_id, status);
