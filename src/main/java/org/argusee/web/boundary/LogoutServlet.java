package org.argusee.web.boundary;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * {@code POST /auth/logout} (with the CSRF header, checked by {@link RequestGuard}): ends the session; the live
 * sockets opened with it close as the session ends. Then to the login page.
 */
@WebServlet(urlPatterns = "/auth/logout")
public class LogoutServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyEnded) {
                // ended meanwhile (timeout): the same outcome
            }
        }
        response.setHeader("Cache-Control", "no-store");
        LoginServlet.see(response, request.getContextPath() + "/login.html");
    }
}
