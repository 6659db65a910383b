-- Delivery of awarded challenges: milestones with reports and reviews, verdicts, the tranche
-- ledger, acceptance against the indicators, and outputs.

-- A merge hands the merged team's remaining budget to another award of the same challenge; the
-- target may then be paid its share plus what was merged into it.
alter table award add column merged_into_id uuid references award (id);
alter table award add column merged_in_wan numeric not null default 0 check (merged_in_wan >= 0);
alter table award add column settled_at timestamptz;

-- 节点: the contract's milestones, first taken from the plan applied for (due = contract date +
-- month), then edited by the organisers until the first report.
create table award_milestone (
  id              uuid primary key default gen_random_uuid(),
  award_id        uuid not null references award (id) on delete cascade,
  position        integer not null,
  title_zh        text not null,
  deliverable_zh  text,
  -- The plan's month, when the milestone came from it.
  month           integer check (month >= 1),
  due_on          date not null,
  status          text not null default 'pending' check (status in ('pending', 'submitted', 'passed', 'rework')),
  passed_on       date,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  unique (award_id, position)
);

-- 节点报告: the team's report and the organisers' review of it (passed, or needs rework with a reason).
create table milestone_report (
  id             uuid primary key default gen_random_uuid(),
  milestone_id   uuid not null references award_milestone (id) on delete cascade,
  award_id       uuid not null references award (id) on delete cascade,
  text_zh        text not null,
  file_ids       uuid[] not null default '{}',
  -- [{ indicatorId, value }]: progress towards the challenge's indicators, optional.
  progress       jsonb not null default '[]',
  submitted_by   uuid references app_user (id),
  submitted_at   timestamptz not null default now(),
  decision       text check (decision in ('passed', 'rework')),
  decision_zh    text,
  decided_by     uuid references app_user (id),
  decided_at     timestamptz,
  check (decision is null or decided_at is not null)
);
-- One report waits for review at a time.
create unique index milestone_report_one_pending on milestone_report (milestone_id) where decision is null;
create index milestone_report_award_idx on milestone_report (award_id);

-- 评估 (中期评估 and others): each active team of the challenge gets a verdict.
create table delivery_review (
  id            uuid primary key default gen_random_uuid(),
  challenge_id  uuid not null references challenge (id),
  title_zh      text not null,
  held_on       date not null,
  note_zh       text,
  recorded_by   uuid references app_user (id),
  created_at    timestamptz not null default now()
);
create index delivery_review_challenge_idx on delivery_review (challenge_id);

create table award_verdict (
  review_id       uuid not null references delivery_review (id) on delete cascade,
  award_id        uuid not null references award (id),
  verdict         text not null check (verdict in ('continue', 'stop', 'merge')),
  merge_into_id   uuid references award (id),
  -- Stop or merge: the budget granted and not paid when the verdict was given.
  remaining_wan   numeric,
  reason_zh       text,
  primary key (review_id, award_id),
  check ((verdict = 'merge') = (merge_into_id is not null))
);

-- 拨付台账: what was paid to whom and when.
create table tranche (
  id            uuid primary key default gen_random_uuid(),
  award_id      uuid not null references award (id),
  challenge_id  uuid not null references challenge (id),
  milestone_id  uuid references award_milestone (id),
  amount_wan    numeric not null check (amount_wan > 0),
  paid_on       date not null,
  voucher_no    text not null unique,
  note_zh       text,
  recorded_by   uuid references app_user (id),
  created_at    timestamptz not null default now()
);
create index tranche_award_idx on tranche (award_id);
create index tranche_challenge_idx on tranche (challenge_id, paid_on);

-- 验收: one per award, against every indicator of the challenge.
create table award_acceptance (
  id            uuid primary key default gen_random_uuid(),
  award_id      uuid not null unique references award (id),
  held_on       date not null,
  conclusion    text not null check (conclusion in ('passed', 'failed')),
  all_met       boolean not null,
  -- Passed although an indicator was missed: the organisers' stated exception.
  exception_zh  text,
  note_zh       text,
  file_ids      uuid[] not null default '{}',
  recorded_by   uuid references app_user (id),
  created_at    timestamptz not null default now(),
  check (all_met or conclusion = 'failed' or exception_zh is not null)
);

create table acceptance_result (
  acceptance_id   uuid not null references award_acceptance (id) on delete cascade,
  indicator_id    uuid not null references challenge_indicator (id),
  achieved_value  numeric not null,
  met             boolean not null,
  evidence_zh     text not null,
  primary key (acceptance_id, indicator_id)
);

-- 成果产出: what an award produced; IP kinds link to the IP register, and the platform that
-- produced it (the innovation module counts results per platform).
create table challenge_output (
  id            uuid primary key default gen_random_uuid(),
  award_id      uuid not null references award (id),
  challenge_id  uuid not null references challenge (id),
  kind          text not null check (kind in ('product', 'patent', 'standard', 'paper', 'softwareCopyright', 'plantVariety')),
  title_zh      text not null,
  ref           text,
  output_on     date,
  ip_right_id   uuid references ip_right (id),
  platform_id   uuid references innovation_platform (id),
  recorded_by   uuid references app_user (id),
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  check (ip_right_id is null or kind in ('patent', 'standard', 'softwareCopyright', 'plantVariety'))
);
create index challenge_output_award_idx on challenge_output (award_id);
create index challenge_output_challenge_idx on challenge_output (challenge_id);
create index challenge_output_platform_idx on challenge_output (platform_id);
