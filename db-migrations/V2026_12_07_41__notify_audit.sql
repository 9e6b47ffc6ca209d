-- notifyaudit (issue 14, the original's audit channel): a message to the notifyaudit addresses on every change of
-- what an object shows or of its severity, acknowledged at once. Kept apart from the transitions told
-- (audit = true): they neither count for flapping nor take the place of the notification of the same transition.
alter table argus.notification add column audit boolean not null default false;
alter table argus.notification drop constraint notification_transition_unique;
alter table argus.notification add constraint notification_transition_unique
    unique (object_name, transition_at, status, severity, audit);
