package org.argusee.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpSession;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.argusee.platform.control.DatabaseTrouble;
import org.argusee.security.entity.AppUser;

/**
 * The login a session holds, checked again against the stored user once per run of the server. Sessions outlive a
 * restart (Undertow's persistent sessions, configure-server.cli), so a session written by the last run may name a
 * user that was disabled, removed or given other roles meanwhile: the first request of each session in a run looks
 * the user up; a user that is gone or disabled ends the session's login, changed roles replace the old ones (the
 * CSRF token stays, so an open page goes on working).
 */
@ApplicationScoped
public class SessionLogins {

    private static final Logger LOG = Logger.getLogger(SessionLogins.class.getName());
    /** The session attribute naming the run that last checked the login. */
    static final String CHECKED_IN = "argus.login.checkedIn";
    /** Names this run of the server; a restored session carries another run's name. */
    private static final String RUN = UUID.randomUUID().toString();

    @PersistenceContext
    EntityManager em;

    /** The session's login, checked in this run; null when there is none or its user may no longer log in. */
    public WebLogin current(HttpSession session) {
        WebLogin login = WebLogin.in(session);
        if (login == null) {
            return null;
        }
        try {
            if (RUN.equals(session.getAttribute(CHECKED_IN))) {
                return login;
            }
            WebLogin checked;
            try {
                checked = recheck(login);
            } catch (RuntimeException e) {
                if (!DatabaseTrouble.isUnreachable(e)) {
                    throw e;
                }
                return login; // checked again once the database is back: an outage does not log everyone out
            }
            if (checked == null) {
                LOG.info(() -> "A session of " + login.user() + " ends: the user is gone or disabled");
                session.removeAttribute(WebLogin.ATTRIBUTE);
                return null;
            }
            if (!checked.equals(login)) {
                session.setAttribute(WebLogin.ATTRIBUTE, checked);
            }
            session.setAttribute(CHECKED_IN, RUN);
            return checked;
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    /** Marks a new login as checked in this run (it was just checked against the identity store). */
    public static void checkedNow(HttpSession session) {
        session.setAttribute(CHECKED_IN, RUN);
    }

    private WebLogin recheck(WebLogin login) {
        AppUser user = em.createQuery("select u from AppUser u where u.username = :name", AppUser.class)
                .setParameter("name", login.user())
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (user == null || !user.enabled()) {
            return null;
        }
        Set<String> roles = user.roles();
        return roles.equals(login.roles()) ? login : new WebLogin(login.user(), roles, login.csrfToken());
    }
}
