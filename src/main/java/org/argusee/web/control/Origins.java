package org.argusee.web.control;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a request's {@code Origin} is this server: the scheme the request came in by with its {@code Host}
 * header, or one of the origins configured in {@code argus.web.origins} (a server behind a proxy that rewrites
 * the host). Default ports are left out on both sides before comparing.
 */
public final class Origins {

    private Origins() {}

    public static boolean sameOrigin(HttpServletRequest request, String origin, Set<String> extra) {
        return sameOrigin(request.getScheme(), request.getHeader("Host"), origin, extra);
    }

    /** @param scheme how the request came in: http, https, or for a WebSocket handshake ws, wss */
    public static boolean sameOrigin(String scheme, String host, String origin, Set<String> extra) {
        String wanted = normalise(origin);
        if (wanted == null) {
            return false; // "null" (sandboxed frames, some redirects) or garbage
        }
        if (host != null && scheme == null) {
            // a WebSocket handshake whose scheme the container does not say: the host and port must match
            String authority = wanted.substring(wanted.indexOf("://") + 3);
            if (authority.equals(normalise("http://" + host).substring(7))
                    || authority.equals(normalise("https://" + host).substring(8))) {
                return true;
            }
        }
        String web = "wss".equalsIgnoreCase(scheme) ? "https" : "ws".equalsIgnoreCase(scheme) ? "http" : scheme;
        if (host != null && scheme != null && wanted.equals(normalise(web + "://" + host))) {
            return true;
        }
        return extra.stream().map(Origins::normalise).anyMatch(wanted::equals);
    }

    /** The comma list of {@code argus.web.origins}, as a set. */
    public static Set<String> list(String configured) {
        if (configured == null) {
            return Set.of();
        }
        return Arrays.stream(configured.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    /** scheme://host[:port] in lower case, without a default port; null if it is not an origin. */
    static String normalise(String origin) {
        if (origin == null || origin.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(origin.strip());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null) {
                return null;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort =
                    port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
