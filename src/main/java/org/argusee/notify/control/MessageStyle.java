package org.argusee.notify.control;

import java.util.Locale;
import java.util.Optional;

/**
 * The default texts of the original's {@code message_style}: long (the full name, severity and reason),
 * short (name and state only, for pagers) and friendly (the default: the label and the reason).
 */
final class MessageStyle {

    private MessageStyle() {}

    static String down(Optional<String> style) {
        return switch (style(style)) {
            case "long" -> "%o is DOWN/%y - %r";
            case "short" -> "%o{label} DOWN";
            default -> "%o{label} is DOWN - %r";
        };
    }

    static String up(Optional<String> style) {
        return switch (style(style)) {
            case "long" -> "%o is UP";
            case "short" -> "%o{label} UP";
            default -> "%o{label} is UP";
        };
    }

    private static String style(Optional<String> style) {
        return style.map(s -> s.strip().toLowerCase(Locale.ROOT)).orElse("friendly");
    }
}
