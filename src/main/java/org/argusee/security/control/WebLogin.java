package org.argusee.security.control;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * A person logged in through the login form: who, with which roles (as the identity store gave them at login), the
 * CSRF token the pages send back with every state-changing request, and since when the password it proved is known
 * good (a password changed after that ends the session). Kept in the HTTP session; its presence is what makes a
 * session a logged-in one. {@code since} is null in a session written before it existed.
 */
public record WebLogin(String user, Set<String> roles, String csrfToken, Instant since) implements Serializable {

    /** The session attribute that holds it. */
    public static final String ATTRIBUTE = "argus.login";

    private static final SecureRandom RANDOM = new SecureRandom();

    public WebLogin {
        roles = Set.copyOf(roles);
    }

    /** A new login with a fresh random token (32 bytes). */
    public static WebLogin of(String user, Set<String> roles) {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        return new WebLogin(user, roles, Base64.getUrlEncoder().withoutPadding().encodeToString(token), Instant.now());
    }

    /** The same login, known good from now: the session that changed its own password keeps going. */
    public WebLogin renewed() {
        return new WebLogin(user, roles, csrfToken, Instant.now());
    }

    /** Whether the password was changed after this login proved it. */
    public boolean predates(Instant passwordChangedAt) {
        return since != null && passwordChangedAt != null && passwordChangedAt.isAfter(since);
    }

    /** The login of this session; null when there is no session or nobody logged in through it. */
    public static WebLogin in(HttpSession session) {
        if (session == null) {
            return null;
        }
        try {
            return session.getAttribute(ATTRIBUTE) instanceof WebLogin login ? login : null;
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }
}
