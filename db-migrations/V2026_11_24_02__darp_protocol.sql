-- DARP protocol v1 (docs/design/05-darp.md).
-- On a master: per slave, the last report sequence number applied and its connection history (darp_link), and
-- each slave's latest report per object (darp_report). last_seq moves in the same transaction as the reports it
-- covers, so a report is applied at most once, also across restarts of either side.
-- On a slave: the last config fetched from its master (darp_slave_config), so it keeps its version across restarts.
-- None of these is configuration: no revision trigger.

create table argus.darp_link (
    tag             text        not null primary key
                                references argus.darp_peer (tag) on delete cascade on update cascade,
    last_seq        bigint      not null default 0,
    last_address    text,
    connected_at    timestamptz,
    disconnected_at timestamptz,
    down_reason     text,
    constraint darp_link_seq_valid check (last_seq >= 0)
);

create table argus.darp_report (
    slave_tag   text        not null references argus.darp_peer (tag) on delete cascade on update cascade,
    object_id   bigint      not null references argus.object (id) on delete cascade,
    status      text        not null,
    severity    text        not null,
    reason      text,
    override    boolean     not null default false,
    reported_at timestamptz not null,
    received_at timestamptz not null default now(),
    seq         bigint      not null,
    primary key (slave_tag, object_id),
    constraint darp_report_status_valid check (status in ('up', 'down')),
    constraint darp_report_severity_valid check (severity in ('clear', 'warning', 'minor', 'major', 'critical'))
);

create index darp_report_object on argus.darp_report (object_id);

create table argus.darp_slave_config (
    id         integer     not null primary key default 1,
    master_url text        not null,
    version    text        not null,
    fetched_at timestamptz not null,
    document   text        not null,
    constraint darp_slave_config_one_row check (id = 1)
);
