package org.argusee.platform.boundary;

import java.util.regex.Pattern;

/**
 * What of a framework's error message reaches the caller (docs/security.md, finding 9): the JSON reader's and
 * RESTEasy's messages say where the input went wrong, which the caller needs, but also name the server's classes
 * and the framework's message codes, which the caller does not. Qualified class names become their simple name,
 * message codes go, and the text is capped.
 */
final class CallerText {

    static final int MAX = 300;
    /** {@code class org.argusee.x.Foo}, {@code java.lang.String}, {@code org.argusee.x.Foo$Bar}. */
    private static final Pattern QUALIFIED = Pattern.compile(
            "\\b(?:class |interface )?(?:[a-z_][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_]*)(?:\\$[A-Za-z0-9_$]*)?");

    private static final Pattern CODES = Pattern.compile("\\b(?:RESTEASY|WFLY[A-Z]*|UT|YASSON)\\d{3,}: ?");

    private CallerText() {}

    static String of(String message) {
        if (message == null || message.isBlank()) {
            return "no further detail";
        }
        String text = CODES.matcher(message).replaceAll("");
        text = QUALIFIED.matcher(text).replaceAll("$1");
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() <= MAX ? text : text.substring(0, MAX) + "…";
    }
}
