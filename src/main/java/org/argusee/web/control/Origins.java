package org.argusee.web.control;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a request's {@code Origin} is this server: the scheme the request came in by with its {@code Host}
 * header, or one of the origins configured in {@code argus.web.origins} (a server behind a proxy that rewrites
 * the host). Default ports are left out on both sides before comparing.
 */
public final class Origins {

    private Origins() {
    }

    public static boolean sameOrigin(HttpServletRequest request, String origin, Set<String> extra) {
        String wanted = normalise(origin);
        if (wanted == null) {
            return false; // "null" (sandboxed frames, some redirects) or garbage
        }
        String host = request.getHeader("Host");
        if (host != null && wanted.equals(normalise(request.getScheme() + "://" + host))) {
            return true;
        }
        return extra.stream().map(Origins::normalise).anyMatch(wanted::equals);
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
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                    || (scheme.equals("https") && port == 443);
            return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
