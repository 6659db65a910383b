-- The strain bank's preservation stock and sharing (issue 7): freezers and their positions,
-- preservation lots of strains and of germplasm, viability tests, the stock ledger, and sharing
-- requests with the MTA and the biosafety approvals.

-- 保藏设备: the location register (freezers, liquid nitrogen tanks, cold rooms). A lot's position
-- is freezer / rack / box / position (F-80-01 / R3 / B12 / A7).
create table storage_location (
  id            uuid primary key default gen_random_uuid(),
  code          text not null unique,
  name_zh       text not null,
  name_en       text,
  kind          text not null check (kind in ('freezer80', 'freezer20', 'liquidNitrogen', 'coldRoom4', 'roomTemperature', 'seedVault', 'other')),
  temperature_c numeric,
  room_zh       text,
  status        text not null default 'inUse' check (status in ('inUse', 'retired')),
  note_zh       text,
  is_demo       boolean not null default false,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);

-- 保藏批次: of a strain or of a germplasm record, exactly one of them. Codes LOT-2026-0001.
create table strain_lot (
  id                        uuid primary key default gen_random_uuid(),
  code                      text not null unique,
  strain_id                 uuid references strain (id),
  germplasm_id              uuid references germplasm (id),
  method                    text not null check (method in ('freezeDried', 'glycerol80', 'liquidNitrogen', 'slant', 'seed', 'tissue', 'other')),
  passage                   integer check (passage >= 0),
  prepared_on               date not null,
  vials_prepared            integer not null check (vials_prepared > 0),
  vials_on_hand             integer not null check (vials_on_hand >= 0),
  -- Alert when vials on hand fall to or below this.
  alert_level               integer not null default 0 check (alert_level >= 0),
  viability_interval_months integer check (viability_interval_months > 0),
  next_test_due             date,
  location_id               uuid references storage_location (id),
  rack                      text,
  box                       text,
  position                  text,
  status                    text not null default 'active' check (status in ('active', 'exhausted', 'discarded')),
  -- Set by a failed viability test, cleared by a passed one.
  viability_failed          boolean not null default false,
  -- Whether the curators were told the lot is at or below its alert level: once per crossing.
  low_notified              boolean not null default false,
  note_zh                   text,
  created_by                uuid references app_user (id),
  is_demo                   boolean not null default false,
  created_at                timestamptz not null default now(),
  updated_at                timestamptz not null default now(),
  check ((strain_id is null) <> (germplasm_id is null)),
  check (position is null or (location_id is not null and rack is not null and box is not null))
);
create index strain_lot_strain_idx on strain_lot (strain_id);
create index strain_lot_germplasm_idx on strain_lot (germplasm_id);
-- A position holds at most one active lot.
create unique index strain_lot_position_idx on strain_lot (location_id, rack, box, position)
  where status = 'active' and position is not null;

-- 活力检测.
create table viability_test (
  id           uuid primary key default gen_random_uuid(),
  lot_id       uuid not null references strain_lot (id),
  tested_on    date not null,
  method       text not null check (method in ('plateCount', 'germination', 'microscopy', 'growth', 'other')),
  result_value numeric,
  result_unit  text,
  passed       boolean not null,
  vials_used   integer not null default 0 check (vials_used >= 0),
  tested_by    uuid references app_user (id),
  note_zh      text,
  created_at   timestamptz not null default now()
);
create index viability_test_lot_idx on viability_test (lot_id, tested_on);

-- 申请共享. Codes SR-2026-0001. `approved`: every approval it needs is given; shipped and
-- received count as shared (the records part's viewer reads them).
create table sharing_request (
  id                        uuid primary key default gen_random_uuid(),
  code                      text not null unique,
  strain_id                 uuid not null references strain (id),
  requester_organisation_id uuid not null references organisation (id),
  requester_user_id         uuid references app_user (id),
  lab_id                    uuid not null references biosafety_lab (id),
  status                    text not null default 'submitted'
                            check (status in ('submitted', 'curatorApproved', 'approved', 'shipped', 'received', 'rejected', 'withdrawn')),
  purpose_zh                text not null,
  vials                     integer not null check (vials > 0),
  -- The MTA accepted: its version, the strain's conditions it named, when.
  mta_version               text not null,
  mta_conditions            text[] not null default '{}',
  mta_accepted_at           timestamptz not null,
  needs_officer             boolean not null default false,
  -- Why: hazardClass, highContainment (codes; the page words them).
  needs_officer_reason      text[] not null default '{}',
  curator_id                uuid references app_user (id),
  curator_decided_at        timestamptz,
  curator_note_zh           text,
  officer_id                uuid references app_user (id),
  officer_decided_at        timestamptz,
  officer_note_zh           text,
  rejected_by               uuid references app_user (id),
  rejected_reason_zh        text,
  withdrawn_at              timestamptz,
  lot_id                    uuid references strain_lot (id),
  shipped_vials             integer check (shipped_vials > 0),
  carrier_zh                text,
  tracking_no               text,
  shipped_on                date,
  shipped_by                uuid references app_user (id),
  received_at               timestamptz,
  received_by               uuid references app_user (id),
  filed_by                  uuid references app_user (id),
  is_demo                   boolean not null default false,
  created_at                timestamptz not null default now(),
  updated_at                timestamptz not null default now()
);
create index sharing_request_strain_idx on sharing_request (strain_id, status);
create index sharing_request_org_idx on sharing_request (requester_organisation_id, status);

-- 出入库台账: every use moves stock; `balance_after` makes the ledger readable on its own.
create table stock_move (
  id                 uuid primary key default gen_random_uuid(),
  lot_id             uuid not null references strain_lot (id),
  kind               text not null check (kind in ('prepare', 'withdraw', 'ship', 'discard', 'adjust', 'test')),
  delta              integer not null,
  balance_after      integer not null check (balance_after >= 0),
  reason_zh          text,
  sharing_request_id uuid references sharing_request (id),
  viability_test_id  uuid references viability_test (id),
  moved_on           date not null,
  moved_by           uuid references app_user (id),
  created_at         timestamptz not null default now()
);
create index stock_move_lot_idx on stock_move (lot_id, created_at);
