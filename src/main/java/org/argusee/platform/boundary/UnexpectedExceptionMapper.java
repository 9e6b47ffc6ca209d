package org.argusee.platform.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whatever no closer mapper takes (a failure in a CDI bean's transaction, a PersistenceException, a bug): problem
 * details, never the container's HTML page; 503 when the database cannot be reached ({@link DatabaseDown}).
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException e) {
        Response down = DatabaseDown.answer(e);
        if (down != null) {
            return down;
        }
        LOG.log(Level.SEVERE, "Request failed", e);
        return ProblemDetail.response(
                Response.Status.INTERNAL_SERVER_ERROR,
                "internal",
                "The server could not complete the request; its log has the details.",
                null);
    }
}
