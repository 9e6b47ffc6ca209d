package org.argusee.notify.control;

/**
 * The notification list's object filter: by default any object whose full name contains the text, ignoring case
 * ({@code mail} finds {@code Top:Servers:Mail:SMTP}); {@code exact} for one object's own list (the object page),
 * where a substring would also take in its descendants and its namesakes.
 */
public record ObjectFilter(String text, boolean exact) {

    public static final int MAX_LENGTH = 4000;

    /** @return null when there is nothing to filter by (no text, or only blanks) */
    public static ObjectFilter of(String text, boolean exact) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("object: at most " + MAX_LENGTH + " characters, not " + text.length());
        }
        return new ObjectFilter(exact ? text : text.strip(), exact);
    }

    /** For {@code ILIKE}: the text with its wildcards and the escape character taken literally, in {@code %...%}. */
    public String likePattern() {
        StringBuilder b = new StringBuilder("%");
        for (char ch : text.toCharArray()) {
            if (ch == '%' || ch == '_' || ch == '\\') {
                b.append('\\');
            }
            b.append(ch);
        }
        return b.append('%').toString();
    }
}
