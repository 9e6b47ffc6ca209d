-- Issue 17: the reference from an object to its parent is checked once per statement, over all rows the statement
-- inserted, instead of once per row. The foreign key's per-row check (a query and a row lock each) was about a third
-- of inserting a 100,000-service import's 110,000 objects (5.0 s with it, 3.2 s without, psql on the quick start).
-- The rules stay what the foreign key and the checks before made them, for plain SQL as for the server:
-- - an object's parent must exist (insert, or update of parent_id), refused with foreign_key_violation and the old
--   constraint's name; only Top, groups and hosts hold children; a service never sits at top level;
-- - the parent is locked (key share, in id order as every other writer locks objects) until the writer commits, so
--   a concurrent delete of it waits and then takes the new children with it;
-- - deleting an object deletes its children, and theirs (the old "on delete cascade"); the rows of other tables
--   that name an object keep their own foreign keys;
-- - an object's id cannot change while children name it.
-- Parents inserted by the same statement are read from the statement's own rows; the others (an import's root, or
-- the hosts an earlier statement of the same import inserted) are few and looked up by the primary key: no query
-- here scans the object table, whatever its statistics say (the hang of V2026_12_11_12).

alter table argus.object drop constraint object_parent_id_fkey;

-- Joins here are between the statement's rows and themselves (the planner knows how many) or by the primary key
-- through an array, never a nested loop: a transition table has no index, and 20,000 rows probed 20,000 times each
-- took 20-40 s a statement.
create or replace function argus.object_check_inserted_parents() returns trigger
    language plpgsql
    set enable_nestloop = off as
$$
declare
    own xid := (txid_current() % 4294967296)::text::xid;
    outside bigint[];
    present bigint;
    missing bigint;
    bad record;
begin
    select coalesce(array_agg(distinct n.parent_id), '{}')
      into outside
      from inserted n
     where n.parent_id is not null
       and not exists (select 1 from inserted p where p.id = n.parent_id);
    -- objects this transaction wrote itself are not locked: no other transaction sees them before this one ends
    perform 1 from argus.object o where o.id = any(outside) and o.xmin <> own order by o.id for key share of o;
    select count(*) into present from argus.object o where o.id = any(outside);
    if present < cardinality(outside) then
        select m.id into missing
          from unnest(outside) m(id)
         where not exists (select 1 from argus.object o where o.id = m.id)
         limit 1;
        raise exception 'insert or update on table "object" violates foreign key constraint "object_parent_id_fkey"'
            using errcode = 'foreign_key_violation', constraint = 'object_parent_id_fkey', schema = 'argus',
                table = 'object', detail = format('Key (parent_id)=(%s) is not present in table "object".', missing);
    end if;
    select n.name, p.kind as parent_kind
      into bad
      from inserted n
               join (select i.id, i.kind from inserted i
                     union all
                     select o.id, o.kind from argus.object o where o.id = any(outside)) p on p.id = n.parent_id
     where p.kind not in ('Top', 'Group', 'Host')
        or (n.kind = 'Service' and p.kind = 'Top')
     limit 1;
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

-- A move (one row at a time): the kind and cycle checks stay in object_check_parent, before the update.
create function argus.object_check_moved_parent() returns trigger
    language plpgsql as
$$
begin
    perform 1 from argus.object where id = new.parent_id for key share;
    if not found then
        raise exception 'insert or update on table "object" violates foreign key constraint "object_parent_id_fkey"'
            using errcode = 'foreign_key_violation', constraint = 'object_parent_id_fkey', schema = 'argus',
                table = 'object', detail = format('Key (parent_id)=(%s) is not present in table "object".',
                    new.parent_id);
    end if;
    return null;
end
$$;

create trigger object_check_moved_parent
    after update of parent_id on argus.object
    for each row when (new.parent_id is not null and new.parent_id is distinct from old.parent_id)
    execute function argus.object_check_moved_parent();

-- The function's own setting makes the "set local" below last only until it returns.
create function argus.object_delete_children() returns trigger
    language plpgsql
    set enable_nestloop = on as
$$
declare
    n bigint;
begin
    select count(*) into n from gone;
    if n = 0 then
        return null; -- the deletes below end here, a level below the deepest object
    end if;
    if n > 1000 then
        -- many rows (a big subtree): one hash join over the objects, never a scan of them for each deleted row,
        -- whatever the statistics say; planned on every run (execute), so the setting counts
        set local enable_nestloop = off;
    end if;
    execute 'delete from argus.object o where o.parent_id in (select id from gone)';
    return null;
end
$$;

create trigger object_delete_children
    after delete on argus.object
    referencing old table as gone
    for each statement execute function argus.object_delete_children();

create function argus.object_keep_child_ids() returns trigger
    language plpgsql as
$$
begin
    if exists (select 1 from argus.object where parent_id = old.id) then
        raise exception 'update on table "object" violates foreign key constraint "object_parent_id_fkey" on table "object"'
            using errcode = 'foreign_key_violation', constraint = 'object_parent_id_fkey', schema = 'argus',
                table = 'object', detail = format('Key (id)=(%s) is still referenced from table "object".', old.id);
    end if;
    return new;
end
$$;

create trigger object_keep_child_ids
    before update of id on argus.object
    for each row when (new.id is distinct from old.id)
    execute function argus.object_keep_child_ids();
