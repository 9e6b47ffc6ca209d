package org.argusee.web.boundary;

import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.logging.Logger;
import org.argusee.security.boundary.Users;
import org.argusee.security.control.PasswordHashing;
import org.argusee.security.control.SessionLogins;
import org.argusee.security.control.WebLogin;
import org.argusee.web.control.LocalPaths;

/**
 * The login form's target ({@code POST /auth/login}, form fields {@code username}, {@code password}, optional
 * {@code next}): checks the password with the same identity store as HTTP Basic, then opens a new session (a new
 * id, so a session id planted before login is worth nothing) and sends the browser on. A wrong password and an
 * unknown user get the same answer.
 */
@WebServlet(urlPatterns = "/auth/login")
public class LoginServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(LoginServlet.class.getName());
    private static final int MAX_FIELD = 200;

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    Users users;

    @Inject
    PasswordHashing hashing;

    @Inject
    SessionLogins sessionLogins;

    private volatile String decoy;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getParameter("username");
        String password = request.getParameter("password");
        String next = request.getParameter("next");
        response.setHeader("Cache-Control", "no-store");
        CredentialValidationResult result = user == null
                        || password == null
                        || user.isBlank()
                        || user.length() > MAX_FIELD
                        || password.length() > MAX_FIELD
                ? CredentialValidationResult.INVALID_RESULT
                : identityStores.validate(new UsernamePasswordCredential(user.strip(), password));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            evenOutTiming(user, password);
            LOG.info(
                    () -> "Web login refused for '" + LocalPaths.printable(user) + "' from " + request.getRemoteAddr());
            see(response, request.getContextPath() + "/login.html?error=1");
            return;
        }
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(
                WebLogin.ATTRIBUTE, WebLogin.of(result.getCallerPrincipal().getName(), result.getCallerGroups()));
        sessionLogins.checkedNow(session);
        LOG.fine(() -> "Web login of " + result.getCallerPrincipal().getName());
        see(response, request.getContextPath() + LocalPaths.orRoot(next));
    }

    /**
     * The identity store checks no hash for a user it does not know, which would let the answer's time tell
     * which users exist: one check of a hash made for the purpose takes as long as a wrong password's.
     */
    private void evenOutTiming(String user, String password) {
        if (user == null || password == null || user.length() > MAX_FIELD || password.length() > MAX_FIELD) {
            return;
        }
        boolean known = users.find(user.strip()).map(u -> u.enabled()).orElse(false);
        if (!known) {
            String dummy = decoy;
            if (dummy == null) {
                dummy = hashing.hash("decoy-" + System.nanoTime());
                decoy = dummy;
            }
            hashing.matches(password, dummy);
        }
    }

    /** 303: the browser follows with a GET. */
    static void see(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
    }
}
