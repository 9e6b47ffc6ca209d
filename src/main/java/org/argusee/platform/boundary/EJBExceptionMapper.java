package org.argusee.platform.boundary;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An unexpected failure inside a bean: logged in full, answered without internals; 503 when the database cannot be
 * reached ({@link DatabaseDown}).
 */
@Provider
public class EJBExceptionMapper implements ExceptionMapper<EJBException> {

    private static final Logger LOG = Logger.getLogger(EJBExceptionMapper.class.getName());

    @Context
    Request request;

    @Inject
    DatabaseState database;

    @Override
    public Response toResponse(EJBException e) {
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
}
