package org.argusee.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpSession;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.argusee.platform.control.DatabaseTrouble;
import org.argusee.security.entity.AppUser;

/**
 * The login a session holds, checked again against the stored user once per run of the server and after every
 * change of a user. Sessions outlive a restart (Undertow's persistent sessions, configure-server.cli), so a session
 * written by the last run may name a user that was disabled, removed or given other roles meanwhile; and an
 * administrator may change a user while their page is open. So the first request of each session in a run, and the
 * first after any user was changed ({@link UserChanged}), looks the user up: a user that is gone or disabled ends the
 * session's login, and so does a password changed after the session logged in (a reset locks out whoever held an old
 * session, except the session that made the change: {@link #renew}); changed roles replace the old ones (the CSRF
 * token stays, so an open page goes on working). One
 * query per open session after a change of a user, none otherwise.
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

    /** How many users were changed in this run; a session checked before the last change is checked again. */
    private final AtomicLong changes = new AtomicLong();

    /** The session's login, checked in this run; null when there is none or its user may no longer log in. */
    public WebLogin current(HttpSession session) {
        WebLogin login = WebLogin.in(session);
        if (login == null) {
            return null;
        }
        try {
            String now = checkedMark();
            if (now.equals(session.getAttribute(CHECKED_IN))) {
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
                LOG.info(() ->
                        "A session of " + login.user() + " ends: the user is gone, disabled or has a new password");
                session.removeAttribute(WebLogin.ATTRIBUTE);
                return null;
            }
            if (!checked.equals(login)) {
                session.setAttribute(WebLogin.ATTRIBUTE, checked);
            }
            session.setAttribute(CHECKED_IN, now);
            return checked;
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    /** Marks a new login as checked (it was just checked against the identity store). */
    public void checkedNow(HttpSession session) {
        session.setAttribute(CHECKED_IN, checkedMark());
    }

    /** The session that just changed its own password stays logged in; the user's other sessions end. */
    public void renew(HttpSession session, String username) {
        WebLogin login = WebLogin.in(session);
        if (login != null && login.user().equals(username)) {
            session.setAttribute(WebLogin.ATTRIBUTE, login.renewed());
        }
    }

    void userChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserChanged change) {
        changes.incrementAndGet();
    }

    /** This run and the number of user changes in it: a session marked otherwise is checked again. */
    private String checkedMark() {
        return RUN + "/" + changes.get();
    }

    private WebLogin recheck(WebLogin login) {
        AppUser user = em.createQuery("select u from AppUser u where u.username = :name", AppUser.class)
                .setParameter("name", login.user())
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (user == null || !user.enabled() || login.predates(user.passwordChangedAt())) {
            return null;
        }
        Set<String> roles = user.roles();
        return roles.equals(login.roles())
                ? login
                : new WebLogin(login.user(), roles, login.csrfToken(), login.since());
    }
}
