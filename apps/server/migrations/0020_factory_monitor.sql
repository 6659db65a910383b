-- Multivariate process monitoring (the monitoring part of the smart factory): PCA models of good
-- batches, the scores of running batches against them, and alarms with their notes.

-- 监控模型: a PCA model of good batches of one recipe (packages/monitor's MonitorModel). The
-- limits and the rule are columns (lists and filters read them); the trajectory and loadings,
-- large and read only to score, are jsonb.
create table monitor_model (
  id               uuid primary key default gen_random_uuid(),
  code             text not null unique,
  organisation_id  uuid not null references organisation (id),
  recipe           text not null,
  name_zh          text not null,
  batch_ids        uuid[] not null,
  variables        text[] not null,
  components       integer not null,
  confidence       double precision not null,
  t2_limit         double precision not null,
  spe_limit        double precision not null,
  -- The alarm rule: this many points in a row above a limit.
  consecutive      integer not null,
  -- { grid, mean, scale, eigenvalues, loadings, explained, observations, speMethod, trainingExceedance }.
  params           jsonb not null,
  status           text not null default 'active' check (status in ('active', 'retired')),
  note_zh          text,
  created_by       uuid references app_user (id),
  created_at       timestamptz not null default now(),
  retired_by       uuid references app_user (id),
  retired_at       timestamptz,
  is_demo          boolean not null default false
);
-- One active model per recipe of an organisation: a running batch is scored against one model.
create unique index monitor_model_active_idx on monitor_model (organisation_id, recipe) where status = 'active';

-- 监控得分: one grid point of a batch scored against a model; charts read these. The
-- contributions are kept with the point so that any point of the chart can be explained.
create table monitor_score (
  batch_id         uuid not null references factory_batch (id) on delete cascade,
  model_id         uuid not null references monitor_model (id) on delete cascade,
  point            integer not null,
  at               timestamptz not null,
  t2               double precision not null,
  spe              double precision not null,
  t2_contributions double precision[] not null,
  spe_contributions double precision[] not null,
  primary key (batch_id, model_id, point)
);

-- 报警: the alarm rule fired on a batch. open → acknowledged (who, when, a note) → closed.
create table monitor_alarm (
  id               uuid primary key default gen_random_uuid(),
  code             text not null unique,
  batch_id         uuid not null references factory_batch (id) on delete cascade,
  model_id         uuid not null references monitor_model (id),
  factory_id       uuid not null references factory (id),
  organisation_id  uuid not null references organisation (id),
  statistic        text not null check (statistic in ('t2', 'spe')),
  point            integer not null,
  at               timestamptz not null,
  value            double precision not null,
  limit_value      double precision not null,
  -- Every variable's contribution at the point, largest first: [{ variable, value, share }].
  contributions    jsonb not null,
  state            text not null default 'open' check (state in ('open', 'acknowledged', 'closed')),
  acknowledged_by  uuid references app_user (id),
  acknowledged_at  timestamptz,
  closed_by        uuid references app_user (id),
  closed_at        timestamptz,
  created_at       timestamptz not null default now(),
  is_demo          boolean not null default false,
  -- A point raises an alarm once, however often the batch is scored again.
  unique (batch_id, model_id, statistic, point)
);
create index monitor_alarm_org_idx on monitor_alarm (organisation_id, state, created_at desc);
create index monitor_alarm_batch_idx on monitor_alarm (batch_id, at);

create table monitor_alarm_note (
  id          uuid primary key default gen_random_uuid(),
  alarm_id    uuid not null references monitor_alarm (id) on delete cascade,
  kind        text not null check (kind in ('acknowledge', 'note', 'close')),
  note_zh     text not null,
  author_id   uuid references app_user (id),
  created_at  timestamptz not null default now()
);
create index monitor_alarm_note_alarm_idx on monitor_alarm_note (alarm_id, created_at);
