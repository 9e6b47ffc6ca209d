package org.argusee.notify.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The original's conditional text ({@code expand_conditionals} in misc.pl), applied after the % sequences of a
 * message or a method's text: {@code %(cond?then:else)}, where cond is {@code a=b}, {@code a!=b} (equal text),
 * {@code a~re}, {@code a!~re} (the regular expression found in a) or a bare value (true unless empty or "0");
 * {@code \?} and {@code \:} stand for themselves. So {@code %(%y=critical?URGENT :)%m} prefixes critical ones.
 * As in the original a part cannot hold a ")" and conditionals do not nest; a bad regular expression matches
 * nothing.
 */
public final class Conditionals {

    private static final Pattern CONDITIONAL = Pattern.compile("%\\(([^)]*)\\)");
    private static final Pattern QUESTION = Pattern.compile("(?<!\\\\)\\?");
    private static final Pattern COLON = Pattern.compile("(?<!\\\\):");
    /** The first that matches decides, in the original's order; greedy, so the last operator splits. */
    private static final Pattern NOT_EQUAL = Pattern.compile("(.*)!=(.*)");

    private static final Pattern EQUAL = Pattern.compile("(.*)=(.*)");
    private static final Pattern NOT_MATCH = Pattern.compile("(.*)!~(.*)");
    private static final Pattern MATCH = Pattern.compile("(.*)~(.*)");
    /** More than this many in one text is not a message but a loop (a replacement that forms a new one). */
    private static final int MAX = 1000;

    private Conditionals() {}

    public static String expand(String text) {
        if (text == null || !text.contains("%(")) {
            return text;
        }
        String out = text;
        for (int n = 0; n < MAX; n++) {
            Matcher m = CONDITIONAL.matcher(out);
            if (!m.find()) {
                break;
            }
            out = out.substring(0, m.start()) + choose(m.group(1)) + out.substring(m.end());
        }
        return out;
    }

    private static String choose(String inside) {
        String[] condRest = QUESTION.split(inside, 2);
        String cond = unescape(condRest[0]);
        String then = "";
        String otherwise = "";
        if (condRest.length > 1) {
            String[] branches = COLON.split(condRest[1], 2);
            then = unescape(branches[0]);
            otherwise = branches.length > 1 ? unescape(branches[1]) : "";
        }
        return holds(cond) ? then : otherwise;
    }

    private static boolean holds(String cond) {
        Matcher m;
        if ((m = NOT_EQUAL.matcher(cond)).matches()) {
            return !m.group(1).equals(m.group(2));
        }
        if ((m = EQUAL.matcher(cond)).matches()) {
            return m.group(1).equals(m.group(2));
        }
        if ((m = NOT_MATCH.matcher(cond)).matches()) {
            return !found(m.group(1), m.group(2));
        }
        if ((m = MATCH.matcher(cond)).matches()) {
            return found(m.group(1), m.group(2));
        }
        return !cond.isEmpty() && !cond.equals("0");
    }

    private static boolean found(String text, String regex) {
        try {
            return Pattern.compile(regex).matcher(text).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static String unescape(String s) {
        return s.replace("\\?", "?").replace("\\:", ":");
    }
}
