package org.argusee.darp.control;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a DARP peer's fields may hold; the same rules as the database's checks on argus.darp_peer, with reasons. */
public final class PeerRules {

    public static final int MIN_SECRET_LENGTH = 8;
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private PeerRules() {}

    public static Optional<String> tag(String tag) {
        return tag != null && TAG.matcher(tag).matches()
                ? Optional.empty()
                : Optional.of("tag must be 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit");
    }

    public static Optional<String> role(String role) {
        return "slave".equals(role) || "master".equals(role)
                ? Optional.empty()
                : Optional.of("role must be 'slave' (a server this one masters) or 'master'");
    }

    /** Each entry a hostname, an IP address, or a CIDR block like 192.0.2.0/24. */
    public static Optional<String> addresses(List<String> addresses) {
        for (String a : addresses) {
            if (a == null || !address(a)) {
                return Optional.of("'" + a + "' is not a hostname, IP address or CIDR block");
            }
        }
        return Optional.empty();
    }

    static boolean address(String a) {
        int slash = a.indexOf('/');
        String host = slash < 0 ? a : a.substring(0, slash);
        if (slash >= 0) {
            String bits = a.substring(slash + 1);
            int max = IPV4.matcher(host).matches() ? 32 : IPV6.matcher(host).matches() ? 128 : -1;
            if (max < 0 || !bits.matches("\\d{1,3}") || Integer.parseInt(bits) > max) {
                return false;
            }
            return true;
        }
        return IPV4.matcher(host).matches()
                || IPV6.matcher(host).matches()
                || HOSTNAME.matcher(host).matches();
    }

    public static Optional<String> remoteUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            // falls through to the message below
        }
        return Optional.of("remoteUrl must be an http:// or https:// URL");
    }

    public static Optional<String> timeout(int seconds) {
        return seconds >= 1 && seconds <= 86400
                ? Optional.empty()
                : Optional.of("timeoutSeconds must be between 1 and 86400");
    }

    public static Optional<String> secret(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            return Optional.of("secret must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        return secret.length() > 1000 ? Optional.of("secret must be at most 1000 characters") : Optional.empty();
    }
}
