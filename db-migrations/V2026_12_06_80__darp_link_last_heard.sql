-- When the master last heard from a slave whose stream ended (issue 16): /api/darp/connections shows it for a
-- slave that is down, also after the master restarts.
alter table argus.darp_link add column last_heard_at timestamptz;
