-- Issue 17: the reference from a parameter to its object is checked once per statement, over all rows the statement
-- wrote, instead of once per row. The foreign key's per-row check (a query and a row lock each) was 60 % of
-- inserting a 100,000-service import's 200,000 parameter rows: 5.0-5.8 s with it, 2.1-2.2 s without (COPY in a
-- rolled-back transaction on the quick start, load 15). The rules stay what the foreign key made them, for plain SQL
-- as for the server:
-- - a parameter row must name an existing object (insert or update), refused with foreign_key_violation and the
--   old constraint's name;
-- - the object is locked (key share, in id order as every other writer locks objects) until the writer commits, so
--   a concurrent delete of it waits and then takes the new rows with it;
-- - deleting an object deletes its parameters (the old "on delete cascade"), truncating the objects truncates them;
-- - an object's id cannot change while parameters name it.

alter table argus.param drop constraint param_object_id_fkey;

-- The function's own setting makes the "set local" below last only until it returns.
create function argus.param_check_objects() returns trigger
    language plpgsql
    set enable_nestloop = on as
$$
declare
    own xid := (txid_current() % 4294967296)::text::xid;
    missing bigint;
begin
    if (select count(*) from written) > 1000 then
        -- many rows (an import): the planner knows neither the transition table nor objects inserted a moment ago,
        -- and probing the objects' index 100,000 times costs several times one hash join over all of them
        set local enable_nestloop = off;
    end if;
    -- objects this transaction wrote itself are not locked: no other transaction sees them (or, if it updated them,
    -- can delete them) before this one ends; an import of 100,000 new services would otherwise lock each again.
    -- Planned on every run (execute): a plan kept from the first run in a connection would ignore the setting above
    execute 'select 1 from argus.object o where o.id in (select object_id from written) and o.xmin <> $1'
        ' order by o.id for key share of o'
        using own;
    -- counted rather than "limit 1": the planner then reads the objects once instead of probing them row by row
    execute 'select count(*) from written w where not exists (select 1 from argus.object o where o.id = w.object_id)'
        into missing;
    if missing > 0 then
        select w.object_id into missing
          from written w
         where not exists (select 1 from argus.object o where o.id = w.object_id)
         limit 1;
        raise exception 'insert or update on table "param" violates foreign key constraint "param_object_id_fkey"'
            using errcode = 'foreign_key_violation', constraint = 'param_object_id_fkey', schema = 'argus',
                table = 'param', detail = format('Key (object_id)=(%s) is not present in table "object".', missing);
    end if;
    return null;
end
$$;

create trigger param_check_inserted_objects
    after insert on argus.param
    referencing new table as written
    for each statement execute function argus.param_check_objects();

create trigger param_check_updated_objects
    after update on argus.param
    referencing new table as written
    for each statement execute function argus.param_check_objects();

create function argus.object_delete_params() returns trigger
    language plpgsql as
$$
begin
    delete from argus.param p using gone g where p.object_id = g.id;
    return null;
end
$$;

create trigger object_delete_params
    after delete on argus.object
    referencing old table as gone
    for each statement execute function argus.object_delete_params();

create function argus.object_truncate_params() returns trigger
    language plpgsql as
$$
begin
    delete from argus.param;
    return null;
end
$$;

create trigger object_truncate_params
    after truncate on argus.object
    for each statement execute function argus.object_truncate_params();

create function argus.object_keep_param_ids() returns trigger
    language plpgsql as
$$
begin
    if exists (select 1 from argus.param where object_id = old.id) then
        raise exception 'update on table "object" violates foreign key constraint "param_object_id_fkey" on table "param"'
            using errcode = 'foreign_key_violation', constraint = 'param_object_id_fkey', schema = 'argus',
                table = 'param', detail = format('Key (id)=(%s) is still referenced from table "param".', old.id);
    end if;
    return new;
end
$$;

create trigger object_keep_param_ids
    before update of id on argus.object
    for each row when (new.id is distinct from old.id)
    execute function argus.object_keep_param_ids();
