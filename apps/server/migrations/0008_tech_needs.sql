-- The key core technology need catalog (关键核心技术需求目录, task 2): needs raised by
-- enterprises, units and institutes, reviewed, and published as yearly editions that roll.

create table tech_need (
  id          uuid primary key default gen_random_uuid(),
  code        text not null unique,
  title_zh    text not null,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
