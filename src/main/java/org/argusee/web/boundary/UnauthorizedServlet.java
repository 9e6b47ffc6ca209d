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
 * The error page of a 401, a 403, a 429 and a 503 (web.xml): problem details rather than the container's HTML page.
 */
@WebServlet(urlPatterns = "/auth/unauthorized")
public class UnauthorizedServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object detail = request.getAttribute(SessionOrBasicMechanism.UNAUTHORIZED_DETAIL);
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (Integer.valueOf(429).equals(status)) {
            ServletProblems.send(
                    response,
                    429,
                    "Too Many Requests",
                    "too-many-logins",
                    detail instanceof String d ? d : "Too many failed logins; try again later");
            return;
        }
        if (Integer.valueOf(403).equals(status)) {
            ServletProblems.send(
                    response,
                    403,
                    "Forbidden",
                    "forbidden",
                    detail instanceof String d ? d : "This is not allowed here");
            return;
        }
        if (Integer.valueOf(503).equals(status)) {
            ServletProblems.send(
                    response,
                    503,
                    "Service Unavailable",
                    "database-unavailable",
                    detail instanceof String d ? d : "The server cannot answer this now; try again later");
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
