package org.argusee.web.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.argusee.security.control.PasswordCheck;
import org.argusee.security.control.SessionLogins;
import org.argusee.security.control.WebLogin;
import org.argusee.web.control.LocalPaths;

/**
 * The login form's target ({@code POST /auth/login}, form fields {@code username}, {@code password}, optional
 * {@code next}): checks the password as HTTP Basic is checked ({@link PasswordCheck}: same limits on failures, same
 * time for unknown users), then opens a new session (a new id, so a session id planted before login is worth
 * nothing) and sends the browser on. A wrong password and an unknown user get the same answer; a caller past the
 * failed-login limits is sent back to the form with how long to wait.
 */
@WebServlet(urlPatterns = "/auth/login")
public class LoginServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(LoginServlet.class.getName());

    @Inject
    PasswordCheck passwords;

    @Inject
    SessionLogins sessionLogins;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getParameter("username");
        String password = request.getParameter("password");
        String next = request.getParameter("next");
        response.setHeader("Cache-Control", "no-store");
        PasswordCheck.Outcome outcome =
                passwords.check(user == null ? null : user.strip(), password, request.getRemoteAddr());
        if (outcome instanceof PasswordCheck.Outcome.Throttled throttled) {
            long seconds = Math.max(1, throttled.retryAfter().toSeconds());
            LOG.info(() -> "Web login of '" + LocalPaths.printable(user) + "' from " + request.getRemoteAddr()
                    + " refused unchecked: too many failures");
            see(response, request.getContextPath() + "/login.html?error=wait&retry=" + seconds + keep(next));
            return;
        }
        if (outcome instanceof PasswordCheck.Outcome.Unavailable) {
            LOG.info(() -> "Web login of '" + LocalPaths.printable(user) + "' refused: the database cannot be reached");
            see(response, request.getContextPath() + "/login.html?error=database" + keep(next));
            return;
        }
        if (!(outcome instanceof PasswordCheck.Outcome.Valid valid)) {
            LOG.info(
                    () -> "Web login refused for '" + LocalPaths.printable(user) + "' from " + request.getRemoteAddr());
            see(response, request.getContextPath() + "/login.html?error=1" + keep(next));
            return;
        }
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(WebLogin.ATTRIBUTE, WebLogin.of(valid.user(), valid.roles()));
        sessionLogins.checkedNow(session);
        LOG.fine(() -> "Web login of " + valid.user());
        see(response, request.getContextPath() + LocalPaths.orRoot(next));
    }

    /**
     * The page the user was on its way to, kept through a failed attempt (a mistyped password used to land them on
     * the dashboard instead of the object a link named); only a local path, as for the success.
     */
    static String keep(String next) {
        String local = LocalPaths.orRoot(next);
        return "/".equals(local) ? "" : "&next=" + URLEncoder.encode(local, StandardCharsets.UTF_8);
    }

    /** 303: the browser follows with a GET. */
    static void see(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
    }
}
