package org.argusee.notify.control;

import java.util.Locale;
import java.util.Optional;

/**
 * The default texts of the original's {@code message_style} (MonEl.pm init), word for word: long (the full name
 * and severity), short (the name, for pagers) and friendly (the default: the {@code friendlyname}, "TCP/25 on
 * mail.example.com", and severity). None gives the reason: {@code messagedn: %o{friendlyname} is %s/%y - %r} does.
 */
final class MessageStyle {

    private MessageStyle() {}

    static String down(Optional<String> style) {
        return switch (style(style)) {
            case "long" -> "%o{unique} is %s/%y";
            case "short" -> "%o{uname} is %s";
            default -> "%o{friendlyname} is %s/%y";
        };
    }

    static String up(Optional<String> style) {
        return switch (style(style)) {
            case "long" -> "%o{unique} is %s";
            case "short" -> "%o{uname} is %s";
            default -> "%o{friendlyname} is %s";
        };
    }

    private static String style(Optional<String> style) {
        return style.map(s -> s.strip().toLowerCase(Locale.ROOT)).orElse("friendly");
    }
}
