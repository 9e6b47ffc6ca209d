package org.argusee.notify.boundary;

/**
 * Fired inside the transaction that stores a notification and its deliveries (the outbox, the audit channel): once
 * it commits, {@link NotifySender} looks at once, even while its rounds wait for lack of anything to do.
 */
public record NotificationQueued() {}
