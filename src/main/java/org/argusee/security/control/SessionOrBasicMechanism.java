package org.argusee.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * How callers prove who they are: HTTP Basic on every request (scripts, curl), or the HTTP session a person opened
 * with the login form (the pages, the live socket). Basic wins when both are present. Without either, a protected
 * call gets 401 as problem details; the Basic challenge goes only to clients that are not a page's script, so a
 * browser does not pop up its own password dialog over the login page. A caller past the failed-login limits gets
 * 429 with Retry-After ({@link PasswordCheck}); while the database cannot be reached, a caller it cannot check gets
 * 503. Basic over plain HTTP from where {@link PlainHttpBasic} does not take it gets 403 before any check.
 */
@ApplicationScoped
public class SessionOrBasicMechanism implements HttpAuthenticationMechanism {

    static final String REALM = "Argus";
    /** The request attribute that tells the 401 error page what to say. */
    public static final String UNAUTHORIZED_DETAIL = "argus.unauthorized.detail";

    @Inject
    PasswordCheck passwords;

    @Inject
    SessionLogins sessionLogins;

    @Inject
    PlainHttpBasic plainHttp;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            Optional<String> plain = plainHttp.refusal(request);
            if (plain.isPresent()) {
                return refuse(request, response, 403, 0, plain.get());
            }
            String[] pair = basic(authorization.substring(6).strip());
            PasswordCheck.Outcome outcome = pair == null
                    ? passwords.check(null, null, request.getRemoteAddr())
                    : passwords.check(pair[0], pair[1], request.getRemoteAddr());
            if (outcome instanceof PasswordCheck.Outcome.Valid valid) {
                return context.notifyContainerAboutLogin(valid.user(), valid.roles());
            }
            if (outcome instanceof PasswordCheck.Outcome.Throttled throttled) {
                return tooManyFailures(request, response, throttled);
            }
            if (outcome instanceof PasswordCheck.Outcome.Unavailable) {
                return refuse(
                        request,
                        response,
                        503,
                        30,
                        "The user database cannot be reached: only users who logged in within the last hour can log"
                                + " in now");
            }
            return unauthorized(request, response, context, "The user name or password is wrong");
        }
        WebLogin login = sessionLogins.current(request.getSession(false));
        if (login != null) {
            return context.notifyContainerAboutLogin(login.user(), login.roles());
        }
        if (context.isProtected()) {
            return unauthorized(request, response, context, "Log in first (the login form, or HTTP Basic)");
        }
        return context.doNothing();
    }

    /** user and password of a Basic header, or null when it is not one. */
    private static String[] basic(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? null : new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * 429 with Retry-After, through the container's error handling as the 401 is (web.xml maps both to problem
     * details); sendError keeps the header.
     */
    private static AuthenticationStatus tooManyFailures(
            HttpServletRequest request, HttpServletResponse response, PasswordCheck.Outcome.Throttled throttled) {
        long seconds = Math.max(1, throttled.retryAfter().toSeconds());
        return refuse(
                request,
                response,
                429,
                seconds,
                "Too many failed logins from this address or for this user; try again in " + seconds + " s");
    }

    private static AuthenticationStatus refuse(
            HttpServletRequest request, HttpServletResponse response, int status, long retryAfter, String detail) {
        if (retryAfter > 0) {
            response.setHeader("Retry-After", Long.toString(retryAfter));
        }
        request.setAttribute(UNAUTHORIZED_DETAIL, detail);
        try {
            response.sendError(status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** 401 through the container's error handling, which answers it as problem details (web.xml error page). */
    private static AuthenticationStatus unauthorized(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context, String detail) {
        if (!fromPageScript(request)) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        }
        request.setAttribute(UNAUTHORIZED_DETAIL, detail);
        return context.responseUnauthorized();
    }

    /** A page's fetch (the browser says so in Sec-Fetch-Mode), or a script that marks itself with X-Requested-With. */
    static boolean fromPageScript(HttpServletRequest request) {
        String mode = request.getHeader("Sec-Fetch-Mode");
        return (mode != null && !mode.equalsIgnoreCase("navigate")) || request.getHeader("X-Requested-With") != null;
    }
}
