package org.argusee.tree.control;

import java.util.Locale;
import java.util.Set;

/** Argus booleans: yes/true/on/1 and no/false/off/0, any case, surrounding whitespace ignored. */
public final class BooleanValue {

    private static final Set<String> TRUE = Set.of("yes", "true", "on", "1");
    private static final Set<String> FALSE = Set.of("no", "false", "off", "0");

    private BooleanValue() {}

    /** @throws IllegalArgumentException for anything else */
    public static boolean parse(String text) {
        String word = normalise(text);
        if (TRUE.contains(word)) {
            return true;
        }
        if (FALSE.contains(word)) {
            return false;
        }
        throw new IllegalArgumentException("bad boolean '" + text + "': use yes or no (also true/false, on/off, 1/0)");
    }

    public static boolean isValid(String text) {
        String word = normalise(text);
        return TRUE.contains(word) || FALSE.contains(word);
    }

    private static String normalise(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }
}
