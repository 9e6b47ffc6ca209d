/**
 * Notify: who is told what when an object changes, exactly once, and the history of it.
 * <p>
 * <b>Owns:</b> the outbox written in the transition's own transaction ({@code NotificationOutbox}, observing
 * {@code StatusChanged} synchronously); the rules of who is told and when ({@code Telling}, {@code NotifyRules},
 * {@code NotifySchedule}, {@code Escalation}, {@code Flapping}); message text ({@code MessageText},
 * {@code Placeholders}, {@code Strftime}, {@code Merged}); the one timer ({@code NotifySender}) with its
 * {@code Upkeep} (acks by rule, escalation, renotify) and {@code Deliveries} (claim with SKIP LOCKED, send, retry
 * with {@code Backoff}); the methods ({@code NotifyMethods}: mail, webhook, program, log, null, the config's Method
 * blocks, the {@code notify_method} table); the notification, delivery and method tables and APIs; the event
 * {@code NotificationsChanged} (created, acknowledged, delivered or failed; fired in the writing transaction) and the port
 * {@code NotificationAccess} through which its API applies the ACLs that web owns.
 * <p>
 * <b>May use:</b> platform, security, tree, status, darp ({@code NotifyDuty}, {@code PeerLinkChanged}). Nothing
 * below imports it.
 */
package org.argusee.notify;
