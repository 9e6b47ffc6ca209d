package org.argusee.notify.control;

/**
 * One message to send to one destination, made from one or several notifications that queued up together.
 *
 * @param text    the message (%M)
 * @param extra   " RESENT", " ESCALATED" or empty (%E)
 * @param facts   the first notification's facts, for the method's own % sequences
 * @param params  the first notification's object's parameters; null when the object is gone
 * @param count   how many notifications it carries
 * @param sentBefore %C: how many times the first notification went out before ({@link Retelling})
 */
public record Outgoing(
        NotifyMethod method,
        Destination to,
        String text,
        String extra,
        MessageText.Facts facts,
        ParamLookup params,
        int count,
        int sentBefore) {

    /** The method's template filled in (NotMe expand). */
    public String expand(String template, String from) {
        return MessageText.forMethod(template, facts, params, to, text, extra, from, sentBefore);
    }
}
