package org.argusee.notify.boundary;

import java.time.Instant;
import java.util.List;

/**
 * A notification as the API shows it, with the state of each destination and round (lists too: the web page
 * shows them per row).
 *
 * @param state active (waiting for an acknowledgement) or acked
 */
public record NotificationView(
        long id,
        String object,
        Instant transitionAt,
        String status,
        String severity,
        String reason,
        String message,
        Instant created,
        String state,
        String ackedBy,
        Instant ackedAt,
        int renotified,
        int escalated,
        List<DeliveryView> deliveries) {

    public NotificationView with(List<DeliveryView> theirs) {
        return new NotificationView(
                id,
                object,
                transitionAt,
                status,
                severity,
                reason,
                message,
                created,
                state,
                ackedBy,
                ackedAt,
                renotified,
                escalated,
                theirs);
    }

    /** One destination of one round (0 the first message, n the n-th renotify). */
    public record DeliveryView(
            String destination,
            int round,
            String tag,
            String state,
            int attempts,
            String lastError,
            Instant nextAttempt,
            Instant sentAt) {}

    public record Page(int total, int offset, int limit, List<NotificationView> items) {}

    /** What a bulk acknowledgement did. */
    public record Acked(int acked) {}

    /** The body of POST /api/notifications/ack: the ids, or all: true for every active one. */
    public record AckRequest(List<Long> ids, Boolean all) {}
}
