package org.argusee.tree.control;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parameters whose value is a list of DARP tags ({@code darp_tags}, {@code slaves_keep_state},
 * {@code slaves_send_notifies}): words separated by spaces, each {@code *}, {@code SLAVES}, {@code MASTERS},
 * {@code LOCAL} or a tag. parameters.txt says nothing about their form; a comma list ({@code a,b}) is the
 * mistake this catches, since the original would take it for one tag no server has and test nothing.
 * Blank means the default, as in the original.
 */
final class TagListParameters {

    /** The rule for a DARP tag, as darp_peer.tag and the DARP block. */
    private static final Pattern WORD = Pattern.compile("\\*|[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private static final Set<String> KEYS = Set.of("darp_tags", "slaves_keep_state", "slaves_send_notifies");

    private TagListParameters() {}

    static Optional<String> problem(String key, String value) {
        if (!KEYS.contains(key) || value.isBlank()) {
            return Optional.empty();
        }
        for (String word : value.strip().split("\\s+")) {
            if (!WORD.matcher(word).matches()) {
                return Optional.of("'" + key + "' must be DARP tags separated by spaces (*, SLAVES, MASTERS, LOCAL"
                        + " or a server's tag: letters, digits, '_', '.', '-'), not '" + value + "': '" + word
                        + "' is not one");
            }
        }
        return Optional.empty();
    }
}
