package org.argusee.notify.control;

import java.util.List;

/**
 * What a notification will do, worked out from the object's parameters at the transition: its text (before the
 * id is known: {@code %i} is filled in when stored), its first destinations, and the rules that run later.
 *
 * @param autoack          acknowledged once sent: up messages always, down ones with {@code autoack}
 * @param renotifySeconds  resend period while unacknowledged; null for none
 * @param escalate         the {@code escalate} value ("30 mail:mgr; 60 mail:ceo"), null for none
 * @param ackOnBetter      acknowledged once the object shows a better severity ({@code ack_on_better})
 * @param ackOnWorse       acknowledged once it shows a worse one ({@code ack_on_worse})
 * @param unackTimeout     seconds up after which it is acknowledged by itself; null for never
 */
public record NotifyPlan(
        Telling telling,
        String format,
        String message,
        List<Destination> destinations,
        boolean autoack,
        Integer renotifySeconds,
        String escalate,
        boolean ackonup,
        boolean ackOnBetter,
        boolean ackOnWorse,
        Integer unackTimeout,
        String priority) {

    public NotifyPlan {
        destinations = List.copyOf(destinations);
    }
}
