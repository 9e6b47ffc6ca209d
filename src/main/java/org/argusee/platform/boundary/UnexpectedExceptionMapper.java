package org.argusee.platform.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
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

    @Context
    Request request;

    @Inject
    DatabaseState database;

    @Override
    public Response toResponse(RuntimeException e) {
        Response own = resteasysOwn(e);
        if (own != null) {
            return own;
        }
        Response down = DatabaseDown.answer(e, request.getMethod(), database);
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

    /**
     * RESTEasy answers some requests by throwing an exception that carries the answer (an OPTIONS request's Allow
     * list is one): a mapper of every RuntimeException would otherwise turn those into 500s. RESTEasy's classes are
     * not on this build's class path, hence the name and reflection.
     */
    private static Response resteasysOwn(RuntimeException e) {
        if (!e.getClass().getName().startsWith("org.jboss.resteasy.")) {
            return null;
        }
        try {
            return e.getClass().getMethod("getResponse").invoke(e) instanceof Response r ? r : null;
        } catch (ReflectiveOperationException notThatKind) {
            return null;
        }
    }
}
