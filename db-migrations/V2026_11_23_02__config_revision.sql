-- One counter that moves whenever the configuration changes, by the API or by plain SQL.
-- The server polls it (one tiny row) and rebuilds its in-memory tree when it moved; listeners on the
-- 'argus_config' channel get a NOTIFY too.

create table argus.config_revision (
    id         integer     not null primary key default 1,
    revision   bigint      not null,
    changed_at timestamptz not null default now(),
    constraint config_revision_single_row check (id = 1)
);

insert into argus.config_revision (id, revision) values (1, 1);

create function argus.bump_config_revision() returns trigger
    language plpgsql as
$$
begin
    update argus.config_revision set revision = revision + 1, changed_at = clock_timestamp() where id = 1;
    perform pg_notify('argus_config', tg_table_name);
    return null;
end
$$;

create trigger object_changed
    after insert or update or delete or truncate on argus.object
    for each statement execute function argus.bump_config_revision();

create trigger param_changed
    after insert or update or delete or truncate on argus.param
    for each statement execute function argus.bump_config_revision();
