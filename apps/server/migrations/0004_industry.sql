-- The industry map: enterprises and their yearly figures, chains as graphs of nodes, parks and
-- clusters, investment leads (招商) with their stages and clocks, promotion events, and funds
-- with their investments. Amounts are in 万元 throughout.

create table industry_chain (
  code       text primary key,
  domain     text not null,
  name_zh    text not null,
  name_en    text not null,
  sort_order integer not null default 0
);

create table chain_node (
  id         uuid primary key default gen_random_uuid(),
  chain_code text not null references industry_chain (code),
  code       text not null unique,
  name_zh    text not null,
  name_en    text not null,
  -- Where it sits from raw materials to applications; the graph is drawn in these columns.
  stage      text not null check (stage in ('raw', 'strain', 'process', 'product', 'application')),
  -- Extensions (延链) are downstream uses the plan wants to reach; the others are the chain itself.
  role       text not null default 'core' check (role in ('core', 'extension')),
  source_zh  text,
  tokens     text[] not null default '{}',
  sort_order integer not null default 0
);
create index chain_node_tokens_idx on chain_node using gin (tokens);

create table chain_edge (
  from_node_id uuid not null references chain_node (id) on delete cascade,
  to_node_id   uuid not null references chain_node (id) on delete cascade,
  primary key (from_node_id, to_node_id),
  check (from_node_id <> to_node_id)
);

-- Clusters (集聚区) and parks (园区). A park may belong to a cluster.
create table park (
  id             uuid primary key default gen_random_uuid(),
  code           text not null unique,
  kind           text not null check (kind in ('cluster', 'park', 'base')),
  name_zh        text not null,
  name_en        text,
  district_codes text[] not null default '{}',
  focus_zh       text,
  domains        text[] not null default '{}',
  cluster_id     uuid references park (id),
  source_zh      text,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);

create table enterprise (
  id              uuid primary key default gen_random_uuid(),
  credit_code     text not null unique check (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
  name_zh         text not null,
  name_en         text,
  former_names    text[] not null default '{}',
  district_code   text not null references district (code),
  park_id         uuid references park (id),
  domains         text[] not null default '{}',
  products        text[] not null default '{}',
  origin          text not null default 'local' check (origin in ('local', 'attracted')),
  landed_on       date,
  -- The platform organisation whose enterprise users edit this profile.
  organisation_id uuid unique references organisation (id),
  summary_zh      text,
  website         text,
  -- jieba tokens of the name, former names, products and chain nodes (search mode).
  tokens          text[] not null default '{}',
  name_tokens     text[] not null default '{}',
  is_demo         boolean not null default false,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  check (origin = 'attracted' or landed_on is null)
);
create index enterprise_district_idx on enterprise (district_code);
create index enterprise_park_idx on enterprise (park_id);
create index enterprise_tokens_idx on enterprise using gin (tokens);
create index enterprise_name_tokens_idx on enterprise using gin (name_tokens);
create index enterprise_domains_idx on enterprise using gin (domains);

create table enterprise_chain_node (
  enterprise_id uuid not null references enterprise (id) on delete cascade,
  node_id       uuid not null references chain_node (id),
  primary key (enterprise_id, node_id)
);
create index enterprise_chain_node_node_idx on enterprise_chain_node (node_id);

create table enterprise_designation (
  enterprise_id uuid not null references enterprise (id) on delete cascade,
  kind          text not null check (kind in ('srdi', 'littleGiant', 'singleChampion', 'highTech', 'chainLeader')),
  level         text not null check (level in ('national', 'municipal')),
  year          integer not null check (year between 1990 and 2100),
  primary key (enterprise_id, kind, level)
);
create index enterprise_designation_kind_idx on enterprise_designation (kind);

-- 两高两低 transformation: the programme and its milestones.
create table transformation_programme (
  id            uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references enterprise (id) on delete cascade,
  category      text not null check (category in ('highPollution', 'highEmission', 'lowEnd', 'lowEfficiency')),
  goal_zh       text not null,
  started_on    date not null,
  milestones    jsonb not null default '[]',
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
create index transformation_programme_enterprise_idx on transformation_programme (enterprise_id);

-- One row per enterprise and year. Only verified rows count toward targets.
create table enterprise_figure (
  id               uuid primary key default gen_random_uuid(),
  enterprise_id    uuid not null references enterprise (id) on delete cascade,
  year             integer not null check (year between 2015 and 2100),
  revenue_wan      numeric check (revenue_wan >= 0),
  output_value_wan numeric check (output_value_wan >= 0),
  rd_spend_wan     numeric check (rd_spend_wan >= 0),
  employees        integer check (employees >= 0),
  source           text not null check (source in ('selfReported', 'districtVerified', 'statistics')),
  state            text not null check (state in ('submitted', 'verified', 'rejected')),
  reject_reason    text,
  submitted_by     uuid references app_user (id),
  verified_by      uuid references app_user (id),
  verified_at      timestamptz,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  unique (enterprise_id, year),
  check (revenue_wan is not null or output_value_wan is not null)
);
create index enterprise_figure_year_idx on enterprise_figure (year, state) include (enterprise_id, revenue_wan, output_value_wan);

create table invest_event (
  id          uuid primary key default gen_random_uuid(),
  name_zh     text not null unique,
  held_on     date,
  place_zh    text,
  organiser_zh text,
  created_at  timestamptz not null default now()
);

create table investment_lead (
  id                   uuid primary key default gen_random_uuid(),
  code                 text not null unique,
  target_name_zh       text not null,
  target_credit_code   text,
  -- The same company chased twice has the same key: its credit code, or its normalised name.
  target_key           text not null,
  chain_node_id        uuid references chain_node (id),
  owner_district_code  text not null references district (code),
  coordinator_user_id  uuid references app_user (id),
  stage                text not null check (stage in ('clue', 'negotiating', 'signed', 'started', 'funded', 'producing')),
  stage_entered_on     date not null,
  status               text not null default 'active' check (status in ('active', 'joint', 'withdrawn', 'closed')),
  -- A joint lead (联合协同招商) counts under the primary one the coordinator chose.
  primary_lead_id      uuid references investment_lead (id),
  contracted_wan       numeric check (contracted_wan >= 0),
  arrived_wan          numeric check (arrived_wan >= 0),
  expected_revenue_wan numeric check (expected_revenue_wan >= 0),
  next_action_zh       text,
  next_action_on       date,
  first_response_at    timestamptz,
  last_activity_at     timestamptz not null default now(),
  event_id             uuid references invest_event (id),
  enterprise_id        uuid references enterprise (id),
  closed_reason        text,
  is_demo              boolean not null default false,
  created_by           uuid references app_user (id),
  created_at           timestamptz not null default now(),
  updated_at           timestamptz not null default now()
);
create index investment_lead_district_idx on investment_lead (owner_district_code, stage);
create index investment_lead_key_idx on investment_lead (target_key);
create index investment_lead_node_idx on investment_lead (chain_node_id);

create table investment_lead_activity (
  id         uuid primary key default gen_random_uuid(),
  lead_id    uuid not null references investment_lead (id) on delete cascade,
  kind       text not null check (kind in ('note', 'stage', 'coordination', 'close')),
  text_zh    text not null,
  stage      text,
  at         timestamptz not null default now(),
  by_user_id uuid references app_user (id)
);
create index lead_activity_lead_idx on investment_lead_activity (lead_id, at);

-- Days a lead may sit in a stage without activity before its clock turns overdue.
create table investment_lead_clock (
  stage      text primary key check (stage in ('clue', 'negotiating', 'signed', 'started', 'funded', 'producing')),
  days       integer not null check (days between 1 and 365),
  updated_at timestamptz not null default now()
);
insert into investment_lead_clock (stage, days) values
  ('clue', 7), ('negotiating', 30), ('signed', 60), ('started', 90), ('funded', 90), ('producing', 180);

create table fund (
  id            uuid primary key default gen_random_uuid(),
  code          text not null unique,
  name_zh       text not null,
  kind          text not null check (kind in ('mother', 'guidance', 'venture', 'industry')),
  size_wan      numeric check (size_wan >= 0),
  manager_zh    text,
  focus_zh      text,
  domains       text[] not null default '{}',
  district_code text references district (code),
  source_zh     text,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);

create table fund_investment (
  id            uuid primary key default gen_random_uuid(),
  fund_id       uuid not null references fund (id) on delete cascade,
  enterprise_id uuid references enterprise (id),
  lead_id       uuid references investment_lead (id),
  amount_wan    numeric not null check (amount_wan > 0),
  invested_on   date not null,
  note_zh       text,
  created_at    timestamptz not null default now(),
  check (enterprise_id is not null or lead_id is not null)
);
create index fund_investment_fund_idx on fund_investment (fund_id);

-- The targets' roll-up reads this table, not 400,000 figures: counts and sums of figures per
-- year, district, domain (the enterprise's first), origin and verification state, kept by the
-- triggers below in the same transaction as every change to a figure or to the enterprise
-- fields it is grouped by. A test holds it equal to the aggregate of the records.
create table industry_scale_cell (
  year          integer not null,
  district_code text not null,
  domain        text not null,
  origin        text not null,
  state         text not null,
  figures       integer not null default 0,
  scale_wan     numeric not null default 0,
  -- scale that came from output value because no revenue was reported
  from_output_wan numeric not null default 0,
  tier100       integer not null default 0,
  tier50        integer not null default 0,
  primary key (year, district_code, domain, origin, state)
);

-- Transition tables are visible to the trigger's own statements, EXECUTE included: one
-- statement per side (old rows out, new rows in), whatever the number of rows.
create function cqb_scale_figures() returns trigger language plpgsql as $$
declare
  side record;
begin
  for side in select * from (values ('old_rows', -1), ('new_rows', 1)) as v(tbl, sign)
    where (v.tbl = 'old_rows' and tg_op in ('UPDATE', 'DELETE')) or (v.tbl = 'new_rows' and tg_op in ('INSERT', 'UPDATE'))
  loop
    execute format($q$
      insert into industry_scale_cell as c (year, district_code, domain, origin, state, figures, scale_wan, from_output_wan, tier100, tier50)
      select f.year, e.district_code, coalesce(e.domains[1], 'unassigned'), e.origin, f.state,
             %1$s * count(*), %1$s * coalesce(sum(coalesce(f.revenue_wan, f.output_value_wan)), 0),
             %1$s * coalesce(sum(f.output_value_wan) filter (where f.revenue_wan is null), 0),
             %1$s * count(*) filter (where f.revenue_wan >= 1000000), %1$s * count(*) filter (where f.revenue_wan >= 500000)
      from %2$I f join enterprise e on e.id = f.enterprise_id
      group by 1, 2, 3, 4, 5
      on conflict (year, district_code, domain, origin, state) do update set
        figures = c.figures + excluded.figures, scale_wan = c.scale_wan + excluded.scale_wan, from_output_wan = c.from_output_wan + excluded.from_output_wan,
        tier100 = c.tier100 + excluded.tier100, tier50 = c.tier50 + excluded.tier50 $q$, side.sign, side.tbl);
  end loop;
  return null;
end $$;

create trigger enterprise_figure_scale_insert after insert on enterprise_figure
  referencing new table as new_rows for each statement execute function cqb_scale_figures();
create trigger enterprise_figure_scale_update after update on enterprise_figure
  referencing old table as old_rows new table as new_rows for each statement execute function cqb_scale_figures();
create trigger enterprise_figure_scale_delete after delete on enterprise_figure
  referencing old table as old_rows for each statement execute function cqb_scale_figures();

-- An enterprise that moves district, changes its first domain or its origin moves its figures' cells.
create function cqb_scale_enterprise() returns trigger language plpgsql as $$
begin
  if (old.district_code, coalesce(old.domains[1], 'unassigned'), old.origin) is distinct from (new.district_code, coalesce(new.domains[1], 'unassigned'), new.origin) then
    insert into industry_scale_cell as c (year, district_code, domain, origin, state, figures, scale_wan, from_output_wan, tier100, tier50)
    select f.year, g.district_code, g.domain, g.origin, f.state, g.sign * count(*), g.sign * coalesce(sum(coalesce(f.revenue_wan, f.output_value_wan)), 0),
           g.sign * coalesce(sum(f.output_value_wan) filter (where f.revenue_wan is null), 0),
           g.sign * count(*) filter (where f.revenue_wan >= 1000000), g.sign * count(*) filter (where f.revenue_wan >= 500000)
    from enterprise_figure f,
         (values (old.district_code, coalesce(old.domains[1], 'unassigned'), old.origin, -1), (new.district_code, coalesce(new.domains[1], 'unassigned'), new.origin, 1)) as g(district_code, domain, origin, sign)
    where f.enterprise_id = new.id
    group by f.year, g.district_code, g.domain, g.origin, f.state, g.sign
    on conflict (year, district_code, domain, origin, state) do update set
      figures = c.figures + excluded.figures, scale_wan = c.scale_wan + excluded.scale_wan, from_output_wan = c.from_output_wan + excluded.from_output_wan,
      tier100 = c.tier100 + excluded.tier100, tier50 = c.tier50 + excluded.tier50;
  end if;
  return null;
end $$;

create trigger enterprise_scale_move after update of district_code, domains, origin on enterprise
  for each row execute function cqb_scale_enterprise();
