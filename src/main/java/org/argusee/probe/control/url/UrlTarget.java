package org.argusee.probe.control.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An http or https URL as a {@code TCP/URL} service fetches it: where to connect, what to ask for, and the
 * credentials it may carry ({@code http://user:password@host/}). {@link #toString()} never shows them.
 *
 * @param host     as written in the URL (an IPv6 address keeps its brackets)
 * @param target   the request target: path and query, escaped, at least {@code /}
 * @param userInfo {@code user:password} still %-escaped, null for none
 */
public record UrlTarget(boolean https, String host, int port, String target, String userInfo) {

    private static final Pattern CREDENTIALS = Pattern.compile("//[^/@]*@");

    /** @throws IllegalArgumentException naming the parameter, without the password it may hold */
    public static UrlTarget parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("TCP/URL needs a url: set 'url'");
        }
        try {
            return of(new URI(text.strip()), "bad url '" + redacted(text.strip()) + "': ");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad url '" + redacted(text.strip()) + "': " + e.getReason(), e);
        }
    }

    /**
     * Where a redirect's {@code Location} points, relative to this URL.
     *
     * @throws IllegalArgumentException saying why the location cannot be followed
     */
    UrlTarget resolve(String location) {
        try {
            URI base = new URI((https ? "https://" : "http://") + (userInfo == null ? "" : userInfo + "@") + host + ":"
                    + port + target);
            URI next = base.resolve(new URI(location.strip()));
            return of(next, "cannot follow redirect to '" + redacted(location.strip()) + "': ");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "cannot follow redirect to '" + redacted(location.strip()) + "': " + e.getReason(), e);
        }
    }

    /** The value of the Host header: the port only when it is not the scheme's own. */
    String hostHeader() {
        return port == (https ? 443 : 80) ? host : host + ":" + port;
    }

    /** Same scheme, host and port: credentials go only there, as a browser sends them. */
    boolean sameOrigin(UrlTarget other) {
        return https == other.https && host.equalsIgnoreCase(other.host) && port == other.port;
    }

    @Override
    public String toString() {
        return (https ? "https://" : "http://") + hostHeader() + target;
    }

    private static UrlTarget of(URI uri, String problem) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(problem + "use an http:// or https:// URL");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(problem + "no host name (or not one a URL can carry)");
        }
        boolean https = scheme.equals("https");
        URI ascii = URI.create(uri.toASCIIString());
        String path = ascii.getRawPath() == null || ascii.getRawPath().isEmpty() ? "/" : ascii.getRawPath();
        String target = ascii.getRawQuery() == null ? path : path + "?" + ascii.getRawQuery();
        int port = uri.getPort() < 0 ? (https ? 443 : 80) : uri.getPort();
        return new UrlTarget(https, uri.getHost().toLowerCase(Locale.ROOT), port, target, uri.getRawUserInfo());
    }

    /** A URL for a message: any {@code user:password@} replaced. */
    static String redacted(String url) {
        return CREDENTIALS.matcher(url).replaceFirst("//***@");
    }
}
