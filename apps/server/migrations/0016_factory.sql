-- Smart factory (智能工厂 / 数字化车间, task 3): factories and their EPCIS 2.0 event repository
-- for product traceability (产品全流程追溯), and fermentation batches with their sensor series for
-- process monitoring (生产过程监控). Capture jobs, trace, golden batches and monitoring models
-- follow in later files.

-- 智能工厂 / 数字化车间: a site of an enterprise that posts events and sensor data.
create table factory (
  id               uuid primary key default gen_random_uuid(),
  code             text not null unique,
  organisation_id  uuid not null references organisation (id),
  name_zh          text not null,
  name_en          text,
  kind             text not null default 'smartFactory' check (kind in ('smartFactory', 'digitalWorkshop')),
  district_code    text,
  address_zh       text,
  -- The site's GS1 location (urn:epc:id:sgln:…): its events' readPoint / bizLocation start with it.
  sgln             text,
  status           text not null default 'active' check (status in ('active', 'inactive')),
  is_demo          boolean not null default false,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  unique (organisation_id, name_zh)
);
create index factory_org_idx on factory (organisation_id);

-- A capture job (POST /epcis/capture): a document is stored whole or not at all.
create table epcis_capture (
  id               uuid primary key default gen_random_uuid(),
  organisation_id  uuid not null references organisation (id),
  submitted_by     uuid references app_user (id),
  via              text not null check (via in ('session', 'token')),
  state            text not null default 'running' check (state in ('running', 'success', 'failed')),
  event_count      integer not null default 0,
  -- Events new to the repository: an eventID already captured is not stored twice.
  stored_count     integer not null default 0,
  -- The problem document (RFC 9457) when the job failed.
  problem          jsonb,
  created_at       timestamptz not null default now(),
  finished_at      timestamptz
);
create index epcis_capture_org_idx on epcis_capture (organisation_id, created_at desc);

-- EPCIS events. `seq` orders the repository (paging); `document` is the event as captured, in
-- the standard's JSON. The columns beside it are what queries filter on.
create table epcis_event (
  seq                     bigserial primary key,
  event_id                text not null unique,
  event_type              text not null check (event_type in ('ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent')),
  action                  text check (action in ('ADD', 'OBSERVE', 'DELETE')),
  event_time              timestamptz not null,
  event_time_zone_offset  text not null,
  record_time             timestamptz not null default now(),
  biz_step                text,
  disposition             text,
  read_point              text,
  biz_location            text,
  -- An error declaration carried by the event (it corrects an earlier one): its reason.
  error_reason            text,
  organisation_id         uuid not null references organisation (id),
  capture_id              uuid not null references epcis_capture (id),
  document                jsonb not null
);
create index epcis_event_time_idx on epcis_event (event_time);
create index epcis_event_record_time_idx on epcis_event (record_time);
create index epcis_event_org_idx on epcis_event (organisation_id, seq);
create index epcis_event_biz_step_idx on epcis_event (biz_step);
create index epcis_event_read_point_idx on epcis_event (read_point);
create index epcis_event_biz_location_idx on epcis_event (biz_location);

-- Every EPC an event names, with its role: instance EPCs (epc, parent, child, input, output) and
-- class-level ones with their quantity (quantity, childQuantity, inputQuantity, outputQuantity).
-- A lot is a class-level EPC (urn:epc:class:lgtin:…). Trace walks this table.
create table epcis_event_epc (
  event_seq  bigint not null references epcis_event (seq) on delete cascade,
  epc        text not null,
  role       text not null check (role in ('epc', 'parent', 'child', 'input', 'output', 'quantity', 'childQuantity', 'inputQuantity', 'outputQuantity')),
  quantity   double precision,
  uom        text
);
create index epcis_event_epc_epc_idx on epcis_event_epc (epc, role, event_seq);
create index epcis_event_epc_event_idx on epcis_event_epc (event_seq);

create table epcis_event_biz_transaction (
  event_seq  bigint not null references epcis_event (seq) on delete cascade,
  type       text not null default '',
  value      text not null
);
create index epcis_event_biz_tx_idx on epcis_event_biz_transaction (type, value);
create index epcis_event_biz_tx_event_idx on epcis_event_biz_transaction (event_seq);

-- 批次: a process run (a fermentation, a recovery step …) on one piece of equipment.
create table factory_batch (
  id                uuid primary key default gen_random_uuid(),
  code              text not null unique,
  factory_id        uuid not null references factory (id),
  -- The factory's own batch number: what its systems send (HTTP body, MQTT topic).
  external_id       text not null,
  equipment         text not null,
  recipe            text not null,
  product_zh        text,
  strain_id         uuid references strain (id),
  strain_accession  text,
  -- The lot it yields (class-level EPC), which links the batch to trace.
  lot_epc           text,
  -- [{ "name": "growth", "startedAt": "…" }, …] in order.
  phases            jsonb not null default '[]',
  state             text not null default 'running' check (state in ('planned', 'running', 'completed', 'aborted')),
  started_at        timestamptz,
  ended_at          timestamptz,
  outcome           text check (outcome in ('good', 'bad')),
  outcome_note_zh   text,
  created_by        uuid references app_user (id),
  is_demo           boolean not null default false,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  unique (factory_id, external_id)
);
create index factory_batch_factory_idx on factory_batch (factory_id, started_at desc);

-- 传感器读数: one value of one variable at one instant. The key makes a repeated reading a no-op.
create table sensor_reading (
  batch_id  uuid not null references factory_batch (id) on delete cascade,
  variable  text not null,
  at        timestamptz not null,
  value     double precision not null,
  primary key (batch_id, variable, at)
);
