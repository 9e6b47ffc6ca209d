-- The revision moves once per transaction, not once per statement, and the row says which transaction moved it
-- last (issue 17). A writer that reads the revision at the end of its transaction and finds its own id knows that
-- the revision before it was exactly one less (the row stays locked from its first bump to its commit), so the
-- tree cache can apply just that writer's change to the snapshot of the revision before, instead of reading and
-- building the whole tree again. Moving once per transaction also makes the bulk mode's reason (one row updated
-- per statement, quadratic in the statements) go away; the bulk mode stays as it is.

alter table argus.config_revision add column txid bigint;

create or replace function argus.bump_config_revision() returns trigger
    language plpgsql as
$$
begin
    if current_setting('argus.bulk_change', true) = 'on' then
        return null;
    end if;
    update argus.config_revision
       set revision = revision + 1, changed_at = clock_timestamp(), txid = txid_current()
     where id = 1 and txid is distinct from txid_current();
    perform pg_notify('argus_config', tg_table_name);
    return null;
end
$$;
