package org.argusee.probe.control.url;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The request a {@code TCP/URL} service sends, built from the original's parameters: {@code http_version}
 * (1.0 by default, like the original; 1.1 asks with {@code Connection: close}), {@code browser} (the
 * User-Agent), {@code referer}, {@code http_accept}. Credentials in the URL go as Basic authentication.
 */
public final class HttpGet {

    static final String USER_AGENT = "Argus (org.argusee)";
    private static final List<String> HEADER_PARAMS = List.of("browser", "referer", "http_accept");

    private HttpGet() {}

    /** @throws IllegalArgumentException naming the parameter that cannot make a request */
    public static void check(Map<String, String> params) {
        version(params);
        for (String key : HEADER_PARAMS) {
            String value = params.get(key);
            if (value != null && value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                throw new IllegalArgumentException("bad " + key + ": a header value cannot contain a line break");
            }
        }
    }

    /** @param userInfo the URL's {@code user:password} (%-escaped) when they may go to this target, else null */
    static String request(UrlTarget target, Map<String, String> params, String userInfo) {
        StringBuilder r = new StringBuilder(256);
        r.append("GET ")
                .append(target.target())
                .append(" HTTP/")
                .append(version(params))
                .append("\r\n");
        header(r, "Host", target.hostHeader());
        header(r, "User-Agent", params.getOrDefault("browser", USER_AGENT));
        header(r, "Accept", params.getOrDefault("http_accept", "*/*"));
        if (params.containsKey("referer")) {
            header(r, "Referer", params.get("referer"));
        }
        if (userInfo != null) {
            String user = URLDecoder.decode(userInfo.replace("+", "%2B"), StandardCharsets.UTF_8);
            header(
                    r,
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        header(r, "Connection", "close"); // the answer ends when the server closes, like the original's read
        return r.append("\r\n").toString();
    }

    private static String version(Map<String, String> params) {
        String text = params.get("http_version");
        if (text == null) {
            return "1.0";
        }
        String v = text.strip();
        if (v.equals("1.0") || v.equals("1.1")) {
            return v;
        }
        throw new IllegalArgumentException("bad http_version '" + text + "': use 1.0 or 1.1");
    }

    private static void header(StringBuilder r, String name, String value) {
        r.append(name).append(": ").append(value.strip()).append("\r\n");
    }
}
