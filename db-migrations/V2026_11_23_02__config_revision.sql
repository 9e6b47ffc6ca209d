-- One counter that moves whenever the configuration changes, by the API or by plain SQL.
-- The server polls it (one tiny row) and rebuilds its in-memory tree when it moved; listeners on the
-- 'argus_config' channel get a NOTIFY too.
-- A bulk change (an import of thousands of rows in JDBC batches) sets argus.bulk_change for its transaction and
-- bumps the revision once at its end: updating the one row per statement would cost time quadratic in the number
-- of statements, as each update of a row already updated in the same transaction walks its chain of versions.

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
    if current_setting('argus.bulk_change', true) = 'on' then
        return null;
    end if;
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
