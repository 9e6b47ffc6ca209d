-- Issue 16: the active/standby master pair. One row: which server of the pair is active (holder), since which
-- election (epoch, raised by every takeover) and until when its lease runs (expires_at, database time, so the
-- two servers' clocks never matter). Only servers started with argus.pair.enabled=true read or write it; every
-- write of the active one checks holder and epoch in its own transaction (fencing, docs/design/10-platform.md).
create table argus.master_lease (
    id int primary key check (id = 1),
    holder text not null,
    epoch bigint not null check (epoch >= 0),
    expires_at timestamptz not null,
    taken_at timestamptz not null
);

insert into argus.master_lease (id, holder, epoch, expires_at, taken_at)
values (1, '', 0, '-infinity', now());
