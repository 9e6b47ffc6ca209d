package org.argusee.notify.control;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The texts of a notification. {@link #message} is its own text, made once when it is created (Notify.pm expand):
 * the message ({@code messagedn}...) put into the format first, so its % sequences are expanded too, then %i id,
 * %t time, %o object, %p priority, %s status (DOWN, UP), %y severity, %r reason, %d DARP tag. {@link #forMethod}
 * fills a method's command, input or format when sending (NotMe.pm expand): %M message, %R address, %N method,
 * %E extra tag (" RESENT", " ESCALATED", " RESENT ESCALATED": {@link Retelling}), %F sender, %I id, %C times sent
 * before, %S status, %Y severity, %P priority, %D DARP tag, %T time, %O{param}. Both end with the original's
 * conditional text {@code %(cond?then:else)} ({@link Conditionals}).
 */
public final class MessageText {

    private MessageText() {}

    /** What a notification is, for the expansions. */
    public record Facts(
            long id,
            String objectName,
            String status,
            String severity,
            String priority,
            String reason,
            Instant created,
            String darpTag,
            ZoneId zone) {}

    public static String message(String format, String message, Facts f, ParamLookup params) {
        // not inside a %t{...}, where %m is the month
        String withMessage = format.replaceAll("%m(?![^{]*})", java.util.regex.Matcher.quoteReplacement(message));
        Map<Character, String> letters = new HashMap<>();
        letters.put('i', Long.toString(f.id()));
        letters.put('p', f.priority());
        letters.put('s', f.status().toUpperCase(Locale.ROOT));
        letters.put('y', f.severity());
        letters.put('r', f.reason());
        letters.put('v', "");
        if (f.darpTag() != null) {
            letters.put('d', f.darpTag());
        }
        return Conditionals.expand(Placeholders.MESSAGE.expand(
                withMessage,
                letters,
                f.objectName(),
                params == null ? null : k -> params.get(k).orElse(null),
                f.created(),
                f.zone()));
    }

    public static String forMethod(
            String template,
            Facts f,
            ParamLookup params,
            Destination to,
            String message,
            String extra,
            String from,
            int sentBefore) {
        Map<Character, String> letters = new HashMap<>();
        letters.put('A', "");
        letters.put('C', Integer.toString(sentBefore));
        letters.put('E', extra);
        letters.put('F', from);
        letters.put('I', Long.toString(f.id()));
        letters.put('M', message);
        letters.put('N', to.method());
        letters.put('P', f.priority());
        letters.put('R', to.address());
        letters.put('S', f.status());
        letters.put('V', f.status());
        letters.put('Y', f.severity());
        if (f.darpTag() != null) {
            letters.put('D', f.darpTag());
        }
        return Conditionals.expand(Placeholders.METHOD.expand(
                template,
                letters,
                f.objectName(),
                params == null ? null : k -> params.get(k).orElse(null),
                f.created(),
                f.zone()));
    }
}
