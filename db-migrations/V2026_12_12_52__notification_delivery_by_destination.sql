-- Sending a backlog (docs/reliability.md, "A backlog to one destination"): the sender claims a destination's first
-- due delivery, by id, one message per transaction. The index on (destination) alone made each claim read every
-- pending row of the destination to find the first; (destination, id) finds it at once and serves every look-up
-- the old one did, which it replaces.
create index notification_delivery_destination_id on argus.notification_delivery (destination, id)
    where state in ('created', 'queued', 'failed');
drop index argus.notification_delivery_destination;

-- When a destination was last sent to (its queue time runs from then): sent rows are the history, which no
-- other index covers, so this was a sequential scan of every delivery ever made, each round a destination waited.
create index notification_delivery_last_sent on argus.notification_delivery (destination, sent_at)
    where state = 'sent';
