package org.argusee.argusconf.control;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The words that open a block or name an object, matched ignoring case as the original does. The phase is
 * the order rule inside a block: data lines first, then configuration blocks, then objects.
 */
enum Keyword {
    GROUP("Group", Keyword.OBJECTS),
    HOST("Host", Keyword.OBJECTS),
    SERVICE("Service", Keyword.OBJECTS),
    ALIAS("Alias", Keyword.OBJECTS),
    CRON("cron", Keyword.OBJECTS),
    METHOD("Method", Keyword.BLOCKS),
    RESOLV("Resolv", Keyword.BLOCKS),
    DARP("DARP", Keyword.BLOCKS),
    SNMPOID("snmpoid", Keyword.BLOCKS),
    SCHEDULE("schedule", Keyword.BLOCKS),
    MASTER("master", Keyword.BLOCKS),
    SLAVE("slave", Keyword.BLOCKS),
    INCLUDE("Include", Keyword.DATA);

    static final int DATA = 0;
    static final int BLOCKS = 1;
    static final int OBJECTS = 2;

    private final String label;
    private final int phase;

    Keyword(String label, int phase) {
        this.label = label;
        this.phase = phase;
    }

    String label() {
        return label;
    }

    int phase() {
        return phase;
    }

    /** By lower-case label: looked up for nearly every statement, some 440,000 in a 100,000-service file. */
    private static final Map<String, Keyword> BY_LABEL = new HashMap<>();

    static {
        for (Keyword k : values()) {
            BY_LABEL.put(k.label.toLowerCase(Locale.ROOT), k);
        }
    }

    /** {@code master} and {@code slave} are keywords only inside a DARP block; elsewhere they are unknown. */
    static Optional<Keyword> find(String word, boolean inDarp) {
        Keyword k = BY_LABEL.get(word.toLowerCase(Locale.ROOT));
        return k == null || (k == MASTER || k == SLAVE) && !inDarp ? Optional.empty() : Optional.of(k);
    }
}
