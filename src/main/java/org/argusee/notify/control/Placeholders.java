package org.argusee.notify.control;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The original's % expansion (MonEl::expand for the notification's own text, NotMe::expand for a method's command,
 * input and format): a time {@code %t} or {@code %t{strftime}} and its zone {@code %z}, an object parameter
 * {@code %o{param}} (the object's full name when bare, "Param Not Found" when it has none), and single letters
 * from a table. Which letters mean time, zone and object differs: lower case in messages, upper case in methods.
 * Letters not in the table stay as written; {@code %&} is an empty separator.
 */
public final class Placeholders {

    static final String DEFAULT_TIME = "%d/%b %R";
    private static final String NOT_FOUND = "Param Not Found";

    private final char time;
    private final char zone;
    private final char object;

    private Placeholders(char time, char zone, char object) {
        this.time = time;
        this.zone = zone;
        this.object = object;
    }

    /** For messages: %t %z %o. */
    public static final Placeholders MESSAGE = new Placeholders('t', 'z', 'o');
    /** For methods: %T %Z %O. */
    public static final Placeholders METHOD = new Placeholders('T', 'Z', 'O');

    /**
     * @param params the object's effective parameters (null: absent); may be null when the object is gone
     */
    public String expand(
            String text,
            Map<Character, String> letters,
            String objectName,
            Function<String, String> params,
            Instant at,
            ZoneId zoneId) {
        if (text == null) {
            return "";
        }
        Pattern braced = Pattern.compile("%([" + time + object + "])(\\{([^}]*)\\})?|%([A-Za-z&%])");
        Matcher m = braced.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) != null) {
                char c = m.group(1).charAt(0);
                String arg = m.group(3);
                replacement = c == time
                        ? Strftime.format(arg == null ? DEFAULT_TIME : arg, at.atZone(zoneId))
                        : objectParam(arg, objectName, params);
            } else {
                char c = m.group(4).charAt(0);
                if (c == '&') {
                    replacement = "";
                } else if (c == zone) {
                    replacement = Strftime.format(zone == 'z' ? "%z" : "%Z", at.atZone(zoneId));
                } else if (letters.containsKey(c)) {
                    replacement = letters.get(c) == null ? "" : letters.get(c);
                } else {
                    replacement = m.group();
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String objectParam(String arg, String objectName, Function<String, String> params) {
        if (arg == null) {
            return objectName;
        }
        String value = params == null ? null : params.apply(arg.strip());
        return value == null ? NOT_FOUND : value;
    }
}
