package org.argusee.web.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Pages get a Content-Security-Policy. Pages need a logged-in user: a page asked for without one is sent to the login page, which comes back to it
 * afterwards ({@code next}). The login page and what it needs (styles, its script, libraries) are open; the API,
 * the login calls and the live socket answer for themselves (401, or a closed socket).
 */
@WebFilter(filterName = "PageGuard", urlPatterns = "/*", asyncSupported = true)
public class PageGuard extends HttpFilter {

    /**
     * Scripts only from this server's files (no inline script, no eval), so a name from a config that slips past
     * escaping still cannot run; styles may be inline (libraries set them); no framing by other sites.
     */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    private static final List<String> OPEN_PREFIXES = List.of("/api/", "/auth/", "/css/", "/webjars/");
    private static final List<String> OPEN_PATHS =
            List.of("/login.html", "/js/login.js", "/live", "/favicon.ico", "/api", "/auth");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            response.setHeader("Content-Security-Policy", POLICY);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "same-origin");
        }
        if (!open(path) && page(path)) {
            // asked again at each visit (a 304 when unchanged), so a page never comes from the browser's cache
            // without the login check: after a logout, Back showed the page as it was
            response.setHeader("Cache-Control", "no-cache");
        }
        if (request.getUserPrincipal() != null || open(path)) {
            chain.doFilter(request, response);
            return;
        }
        String query = request.getQueryString();
        String next = path + (query == null ? "" : "?" + query);
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(request.getContextPath() + "/login.html"
                + (path.isEmpty() || path.equals("/")
                        ? ""
                        : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
    }

    static boolean page(String path) {
        return path.isEmpty() || path.endsWith("/") || path.endsWith(".html");
    }

    static boolean open(String path) {
        return OPEN_PATHS.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith);
    }
}
