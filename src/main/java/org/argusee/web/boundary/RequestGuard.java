package org.argusee.web.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.argusee.security.control.WebLogin;
import org.argusee.web.control.Origins;
import org.argusee.web.control.ServletProblems;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cross-site requests cannot act as the user, on the pages and the REST API alike. Any request whose
 * {@code Origin} is another site is refused (browsers send Origin with every cross-site POST, fetch and WebSocket
 * handshake, so a form on another page that posts a config import as text/plain is stopped here). A
 * state-changing request carried by the session cookie must also send the session's token in
 * {@code X-CSRF-Token}, which a cross-site form cannot set. HTTP Basic callers without a session (scripts) need
 * no token: a browser never sends Basic credentials it was not given by the user for this server's challenge,
 * and their cross-site attempts carry an Origin.
 */
@WebFilter(filterName = "RequestGuard", urlPatterns = "/*", asyncSupported = true)
public class RequestGuard extends HttpFilter {

    public static final String TOKEN_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Inject
    @ConfigProperty(name = "argus.web.origins")
    Optional<String> origins;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin != null && !Origins.sameOrigin(request, origin, extraOrigins())) {
            ServletProblems.send(
                    response,
                    403,
                    "Forbidden",
                    "cross-origin",
                    "Requests from another site (Origin " + origin + ") are refused");
            return;
        }
        if (!SAFE.contains(request.getMethod()) && request.getHeader("Authorization") == null) {
            WebLogin login = WebLogin.in(request.getSession(false));
            if (login != null && !tokenMatches(request.getHeader(TOKEN_HEADER), login.csrfToken())) {
                ServletProblems.send(
                        response,
                        403,
                        "Forbidden",
                        "csrf",
                        "A change made with the login session needs the header " + TOKEN_HEADER
                                + " with the token from GET /api/session");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private Set<String> extraOrigins() {
        return Origins.list(origins == null ? null : origins.orElse(null));
    }

    private static boolean tokenMatches(String sent, String expected) {
        return sent != null
                && MessageDigest.isEqual(
                        sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
