package org.argusee.platform.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.argusee.platform.control.ArgusException;

@Provider
public class ArgusExceptionMapper implements ExceptionMapper<ArgusException> {

    @Override
    public Response toResponse(ArgusException e) {
        if (e instanceof ArgusException.NotFound) {
            return ProblemDetail.response(Response.Status.NOT_FOUND, "not-found", e.getMessage(), e.errors());
        }
        if (e instanceof ArgusException.Conflict) {
            return ProblemDetail.response(Response.Status.CONFLICT, "conflict", e.getMessage(), e.errors());
        }
        if (e instanceof ArgusException.Stale) {
            return ProblemDetail.response(Response.Status.PRECONDITION_FAILED, "stale", e.getMessage(), e.errors());
        }
        return ProblemDetail.response(Response.Status.BAD_REQUEST, "invalid-input", e.getMessage(), e.errors());
    }
}
