-- Exactly once under DARP (issue 14), both ways and across restarts. Per server that told (teller '' is this
-- server; otherwise the tag of the DARP master that said it told it) and object (by full name: ids differ between
-- servers), the last state notified, at the time of its transition:
--  - this server's own rows go with a slave's reports, so its master back after a failover does not tell again;
--  - a master's rows, sent to its slaves, stop a slave taking an object over from telling again what the master
--    told before it died.
-- One row per teller and object (an upsert keeps the newest), so it is bounded by the tree; rows of objects gone
-- from the tree and 'up' rows older than argus.notify.told-keep-days are pruned.
create table argus.darp_told (
    teller      text        not null,
    object_name text        not null,
    status      text        not null,
    severity    text        not null,
    told_at     timestamptz not null,
    noted_at    timestamptz not null default now(),
    -- this server's rows: whether a delivery of that notification went out (only those are shared with slaves:
    -- a slave must not keep quiet about what its master noted and then died before sending)
    sent        boolean     not null default false,
    primary key (teller, object_name),
    constraint darp_told_valid check (status in ('up', 'down')
        and severity in ('clear', 'warning', 'minor', 'major', 'critical'))
);
