package org.argusee.argusconf.control;

import java.util.regex.Pattern;

/**
 * One logical line, classified. The order of the tests is the language's: a line starting with {@code }}
 * closes; a known keyword (or the old {@code service:}) opens; {@code key: value}, split at the first colon
 * followed by whitespace, is data (so {@code perlexpr: if (x) {} is data, not a block); so is {@code key:value}
 * with a key-like word before the first colon, as the original split any line at its first colon (its
 * {@code split /:[ \t]*\/}; {@code url:http://host/} is the key url); then a word followed
 * by a quoted name or a {@code {} is a block with an unknown keyword; anything else is invalid.
 *
 * @param word    the leading word (keyword or unknown block keyword), else null
 * @param rest    what follows the keyword, the opening {@code {} removed
 * @param opens   the line ends with {@code {}
 */
record Statement(
        Type type,
        Keyword keyword,
        String word,
        String key,
        String value,
        boolean local,
        String rest,
        boolean opens,
        LogicalLine line) {

    enum Type {
        CLOSE,
        DATA,
        KEYWORD,
        UNKNOWN_BLOCK,
        INVALID
    }

    static Statement classify(LogicalLine line, boolean inDarp) {
        String text = line.text();
        if (text.startsWith("}")) {
            return new Statement(
                    Type.CLOSE, null, null, null, null, false, text.substring(1).trim(), false, line);
        }
        boolean opens = text.endsWith("{");
        int end = 0;
        while (end < text.length() && isLetter(text.charAt(end))) {
            end++;
        }
        String word = text.substring(0, end);
        char after = end < text.length() ? text.charAt(end) : ' ';
        Keyword keyword = word.isEmpty() ? null : Keyword.find(word, inDarp).orElse(null);
        if (keyword != null
                && (after <= ' ' || after == '"' || after == '{' || (after == ':' && keyword == Keyword.SERVICE))) {
            String rest = text.substring(after == ':' ? end + 1 : end);
            rest = opens ? rest.substring(0, rest.length() - 1).trim() : rest.trim();
            return new Statement(Type.KEYWORD, keyword, word, null, null, false, rest, opens, line);
        }
        int colon = dataColon(text);
        if (colon < 0 && KEY_THEN_COLON.matcher(text).lookingAt()) {
            colon = text.indexOf(':'); // 'key:value': the original split at the first colon, space or not
        }
        if (colon > 0) {
            String key = text.substring(0, colon).trim();
            boolean local = key.endsWith("!");
            if (local) {
                key = key.substring(0, key.length() - 1).trim();
            }
            if (key.indexOf('"') < 0) {
                return new Statement(
                        Type.DATA, null, null, key, text.substring(colon + 1).trim(), local, null, false, line);
            }
        }
        if (!word.isEmpty() && (opens || after <= ' ' && text.indexOf('"') > 0)) {
            return new Statement(Type.UNKNOWN_BLOCK, null, word, null, null, false, null, opens, line);
        }
        return new Statement(Type.INVALID, null, null, null, null, false, null, opens, line);
    }

    /**
     * A key as the original's keys are spelled, before a colon ({@code hostname:foo}); blanks before the colon are
     * allowed, as in {@code key : value} ({@code port :25503} was an invalid line while {@code port : 25503} was
     * data; docs/parity.md, "configsweep").
     */
    private static final Pattern KEY_THEN_COLON = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*[ \\t]*!?[ \\t]*:");

    /** The first colon followed by whitespace or the end of the line; -1 if none. */
    private static int dataColon(String text) {
        for (int i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
            if (i + 1 == text.length() || text.charAt(i + 1) <= ' ') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
