-- Issue 17: the statement check of inserted objects' parents (V2026_12_09_10) with the same rule, but never a nested
-- loop over a big statement. Found while measuring the 100,000-service import: right after the 110,000 objects of the
-- previous run had been deleted, autovacuum counted 14 live rows in argus.object, and the import's multi-row insert
-- ran for minutes until the transaction timed out: the planner, told the table was tiny, scanned all of it again for
-- each of the 20,000 rows of a statement. Over 1,000 rows the join is a hash join, whatever the statistics say. The
-- query is planned on every run (execute): a plan kept from the function's first run in a connection would keep its
-- join whatever the setting; the function's own setting makes the "set local" last only until it returns.

create or replace function argus.object_check_inserted_parents() returns trigger
    language plpgsql
    set enable_nestloop = on as
$$
declare
    bad record;
begin
    if (select count(*) from inserted) > 1000 then
        set local enable_nestloop = off;
    end if;
    execute 'select n.name, p.kind as parent_kind, n.kind'
        ' from inserted n join argus.object p on p.id = n.parent_id'
        ' where p.kind not in (''Top'', ''Group'', ''Host'') or (n.kind = ''Service'' and p.kind = ''Top'')'
        ' limit 1'
        into bad;
    if bad is null then
        return null;
    end if;
    if bad.parent_kind not in ('Top', 'Group', 'Host') then
        raise exception 'object "%": a % cannot hold children', bad.name, bad.parent_kind
            using errcode = 'check_violation';
    end if;
    raise exception 'object "%": a Service cannot sit at top level', bad.name
        using errcode = 'check_violation';
end
$$;
