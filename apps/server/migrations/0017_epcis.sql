-- The EPCIS repository's own additions (issue #8, epcis part): what the standard query interface
-- needs beside the core tables of 0016.

-- MATCH_* parameters accept wildcard patterns (urn:epc:idpat:sgtin:0614141.107346.*), answered as
-- a prefix match: a pattern-ops index serves `epc like 'prefix%'` whatever the database collation.
create index epcis_event_epc_prefix_idx on epcis_event_epc (epc text_pattern_ops, role);
create index epcis_capture_submitter_idx on epcis_capture (submitted_by, created_at desc);

-- The key that signs query paging tokens (nextPageToken): drawn once per database, so tokens stay
-- valid across restarts and between servers that share the database.
create table epcis_secret (
  name   text primary key,
  value  text not null
);
insert into epcis_secret (name, value)
  values ('pageToken', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));

-- How many events each organisation has at each site (a GLN: 'urn:epc:id:sgln:C.L.'), counted as
-- they are captured: an event counts for the site of its readPoint and of its bizLocation (once if
-- both are there). The public factory list reads its figures here instead of counting events.
create table epcis_site_tally (
  organisation_id  uuid not null references organisation (id),
  site             text not null,
  events           integer not null default 0,
  last_record_time timestamptz not null,
  primary key (organisation_id, site)
);
