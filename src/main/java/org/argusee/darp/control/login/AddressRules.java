package org.argusee.darp.control.login;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Whether a caller's address is one a peer may log in from: its {@code allowed_addresses} hold IP addresses, CIDR
 * blocks and hostnames (resolved at each login, so a renumbered slave needs no change here). An empty list allows
 * nobody: a slave must be pinned to where it runs.
 */
public final class AddressRules {

    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private AddressRules() {}

    /**
     * @param resolver a hostname's addresses (empty if it does not resolve); never called for literals
     */
    public static boolean allows(String allowed, InetAddress caller, Function<String, List<InetAddress>> resolver) {
        if (allowed == null || caller == null) {
            return false;
        }
        for (String entry : allowed.split("[\\s,]+")) {
            if (!entry.isEmpty() && matches(entry, caller, resolver)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String entry, InetAddress caller, Function<String, List<InetAddress>> resolver) {
        int slash = entry.indexOf('/');
        if (slash > 0) {
            String bits = entry.substring(slash + 1);
            return literal(entry.substring(0, slash))
                    && bits.matches("\\d{1,3}")
                    && inBlock(entry.substring(0, slash), Integer.parseInt(bits), caller);
        }
        if (literal(entry)) {
            InetAddress a = parse(entry);
            return a != null && a.equals(caller);
        }
        return resolver.apply(entry).contains(caller);
    }

    private static boolean inBlock(String network, int bits, InetAddress caller) {
        InetAddress net = parse(network);
        if (net == null) {
            return false;
        }
        byte[] n = net.getAddress();
        byte[] c = caller.getAddress();
        if (n.length != c.length || bits > n.length * 8) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((n[i / 8] & mask) != (c[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static boolean literal(String s) {
        return LITERAL.matcher(s).matches();
    }

    /** A literal never causes a lookup. */
    private static InetAddress parse(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The default resolver: the system's, empty when the name does not resolve. */
    public static List<InetAddress> resolve(String hostname) {
        try {
            return List.of(InetAddress.getAllByName(hostname));
        } catch (UnknownHostException e) {
            return List.of();
        }
    }
}
