-- Issue 17: the parent check of inserted objects runs once per statement, over all rows the statement inserted,
-- instead of once per row. An import of 100,000 services inserts its objects in a few multi-row statements; the
-- per-row trigger cost a query each (most of the object inserts' time). Updates of parent_id or kind keep the
-- per-row check (a move must also be checked for cycles, and moves come one at a time).

drop trigger object_check_parent on argus.object;

create trigger object_check_parent
    before update of parent_id, kind on argus.object
    for each row execute function argus.object_check_parent();

create function argus.object_check_inserted_parents() returns trigger
    language plpgsql as
$$
declare
    bad record;
begin
    select n.name, p.kind as parent_kind, n.kind
    into bad
    from inserted n
             join argus.object p on p.id = n.parent_id
    where p.kind not in ('Top', 'Group', 'Host')
       or (n.kind = 'Service' and p.kind = 'Top')
    limit 1;
    if not found then
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

create trigger object_check_inserted_parents
    after insert on argus.object
    referencing new table as inserted
    for each statement execute function argus.object_check_inserted_parents();
