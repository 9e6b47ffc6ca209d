-- A read-only view for people working in SQL: every object with its full name (Top:Group:Service).

create view argus.object_full_name as
with recursive tree (id, full_name, depth) as (
    select id, name, 0 from argus.object where parent_id is null
    union all
    select o.id, t.full_name || ':' || o.name, t.depth + 1
    from argus.object o join tree t on o.parent_id = t.id
)
select o.id, t.full_name, o.kind, o.type, o.parent_id, t.depth
from tree t join argus.object o on o.id = t.id;
