-- Readings sent for a factory code that names no factory (an external broker passes on any topic
-- its publishers may use: a sender set up with a wrong code), counted so that they are not dropped
-- silently. Not in ingest_rejection: its rows belong to a factory (factory_id is part of its key,
-- references factory, and decides which organisation sees the row), and these have none.
-- One row per code as sent and source; only overseers see them (no organisation owns the code).
create table ingest_unknown_factory (
  factory_code  text not null,
  source        text not null check (source in ('http', 'mqtt')),
  -- Readings (items of the messages), as ingest_rejection counts them.
  count         bigint not null default 0,
  first_at      timestamptz not null,
  last_at       timestamptz not null,
  last_batch    text,
  last_detail   text,
  primary key (factory_code, source)
);
