package org.argusee.darp.control;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a slave may reach its master over plain HTTP (issue 15, finding 1). Anyone on the path of a plain-HTTP
 * link can change the config the master serves (and so the checks the slave runs) and the reports; the login
 * itself stays safe, but not what follows it. So plain HTTP is refused unless the master is on this machine
 * (loopback) or {@link #SETTING} says the network in between is trusted. Names are not resolved: only
 * {@code localhost} and loopback literals count as loopback.
 */
public final class PlainHttp {

    public static final String SETTING = "argus.darp.allow-plain-http";

    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    private PlainHttp() {}

    /** Why this master URL is refused, or empty; the URL is assumed well formed ({@link PeerRules#remoteUrl}). */
    public static Optional<String> refusal(String url, boolean allowed) {
        URI uri = URI.create(url);
        if (allowed || !"http".equalsIgnoreCase(uri.getScheme()) || loopback(uri.getHost())) {
            return Optional.empty();
        }
        return Optional.of("'" + url + "' is plain HTTP to another machine: anyone on the way could change the"
                + " config this slave runs; use https:// (or set " + SETTING + "=true if the network in between is"
                + " trusted)");
    }

    static boolean loopback(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return h.equals("localhost")
                || h.equals("[::1]")
                || h.equals("::1")
                || LOOPBACK_V4.matcher(h).matches();
    }
}
