package org.argusee.notify.control;

/**
 * What a message says of the times its notification went out before (Notify.pm renotify, escalate, transmit): the
 * extra tag (%E) is " RESENT" for a renotify, followed by " ESCALATED" once the notification has escalated, for
 * every message from then on (the renotifies to the first destinations too); %C is how many times it went out
 * before this message: 0 the first time, n at the n-th renotify, and an escalation counts the first message and
 * the renotifies so far (the original counts the first message and each renotify, not the escalations).
 */
public final class Retelling {

    private static final String RESENT = " RESENT";
    private static final String ESCALATED = " ESCALATED";

    private Retelling() {}

    /**
     * @param round     0 the first message or an escalation step, n the n-th renotify
     * @param tag       the delivery's own tag (" ESCALATED" for an escalation step's destinations), or null
     * @param escalated whether the notification has escalated by now
     */
    public static String extra(int round, String tag, boolean escalated) {
        boolean step = tag != null && tag.contains(ESCALATED.strip());
        return (round > 0 ? RESENT : "") + (escalated || step ? ESCALATED : "");
    }

    /**
     * @param renotified how many renotify rounds the notification has had by now
     * @return %C: the times the notification went out before this message
     */
    public static int sentBefore(int round, String tag, int renotified) {
        if (round > 0) {
            return round;
        }
        boolean step = tag != null && tag.contains(ESCALATED.strip());
        return step ? 1 + renotified : 0;
    }
}
