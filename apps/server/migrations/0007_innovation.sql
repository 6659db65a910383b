-- Innovation platforms (tasks 1–2) and intellectual property (task 26): labs and centres with
-- their hosts, levels and shared instruments; patents, standards, software copyrights and plant
-- varieties with their holders and links; infringement reports routed to the IP operations centre.

-- 科技创新平台.
create table innovation_platform (
  id                 uuid primary key default gen_random_uuid(),
  code               text not null unique,
  name_zh            text not null,
  name_en            text,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now()
);

-- 知识产权: one right (a patent, a standard, a software copyright, a plant variety).
create table ip_right (
  id                 uuid primary key default gen_random_uuid(),
  kind               text not null check (kind in ('patent', 'standard', 'softwareCopyright', 'plantVariety')),
  number             text not null,
  title_zh           text not null,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  unique (kind, number)
);
