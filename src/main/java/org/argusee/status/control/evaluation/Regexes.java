package org.argusee.status.control.evaluation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiled regexes of the result checks, shared by all services: the same few expressions (pluck, expect) are
 * used on every probe, thousands of times a second. The cache is emptied when it grows past its bound, which
 * only a config with very many distinct expressions reaches.
 */
final class Regexes {

    private static final int MAX_CACHED = 10_000;
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private Regexes() {}

    /** @throws PatternSyntaxException for an expression Java cannot compile */
    static Pattern compile(String regex, int flags) {
        String key = flags + ":" + regex;
        Pattern p = CACHE.get(key);
        if (p == null) {
            p = Pattern.compile(regex, flags);
            if (CACHE.size() >= MAX_CACHED) {
                CACHE.clear();
            }
            CACHE.put(key, p);
        }
        return p;
    }

    /** For a down reason: the first line of Java's message, which otherwise repeats the pattern with a caret. */
    static String problem(PatternSyntaxException e) {
        return e.getDescription() + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "");
    }
}
