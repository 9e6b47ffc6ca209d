package org.argusee.web.boundary;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.argusee.security.control.SessionOrBasicMechanism;
import org.argusee.web.control.ServletProblems;

/**
 * The error page of a 401 and of a 429 from the login mechanism (web.xml): problem details rather than the
 * container's HTML page.
 */
@WebServlet(urlPatterns = "/auth/unauthorized")
public class UnauthorizedServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object detail = request.getAttribute(SessionOrBasicMechanism.UNAUTHORIZED_DETAIL);
        if (Integer.valueOf(429).equals(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE))) {
            ServletProblems.send(
                    response,
                    429,
                    "Too Many Requests",
                    "too-many-logins",
                    detail instanceof String d ? d : "Too many failed logins; try again later");
            return;
        }
        ServletProblems.send(
                response,
                401,
                "Unauthorized",
                "unauthorized",
                detail instanceof String d ? d : "Log in first (the login form, or HTTP Basic)");
    }
}
