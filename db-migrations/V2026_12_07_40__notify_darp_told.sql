-- Exactly once under DARP (issue 14): a master back after a failover must not tell again what its slave told
-- meanwhile. A slave's report of an object carries the last state it notified (told_*), kept here with the report;
-- the master's notification sender acknowledges, without sending, a notification of that same state which it has
-- not sent yet (docs/design/70-notify.md, "DARP: told once").
alter table argus.darp_report
    add column told_status   text,
    add column told_severity text,
    add column told_at       timestamptz,
    add constraint darp_report_told_valid check (
        (told_at is null and told_status is null and told_severity is null)
        or (told_at is not null and told_status in ('up', 'down')
            and told_severity in ('clear', 'warning', 'minor', 'major', 'critical')));

-- held: created on a master while a slave that may have told it meanwhile has not reported yet (just booted, or
-- the slave's link just came back or went away); not sent until the slave has reported or the hold ends.
alter table argus.notification_delivery drop constraint notification_delivery_state_valid;
alter table argus.notification_delivery add constraint notification_delivery_state_valid
    check (state in ('created', 'queued', 'sent', 'failed', 'acked', 'held'));

-- what is not sent yet, by notification: a master looks at these each round against its slaves' told states
create index notification_delivery_pending on argus.notification_delivery (notification_id)
    where state in ('held', 'created', 'queued', 'failed');
