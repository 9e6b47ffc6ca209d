-- Issue 16: the active member's URL, as it gave it (argus.pair.url), written with every claim of the lease, so the
-- standby can name the active one in its answers (a check or override sent to the standby is refused with 503
-- naming where to send it). Empty when the member was not given its URL.
alter table argus.master_lease add column holder_url text not null default '';
