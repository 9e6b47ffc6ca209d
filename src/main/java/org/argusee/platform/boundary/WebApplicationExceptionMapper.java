package org.argusee.platform.boundary;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.argusee.platform.control.FieldError;

/**
 * The errors JAX-RS raises itself (unknown path, wrong method or media type, unreadable JSON body) get the same
 * problem-details shape as the application's own.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int code = original == null ? 500 : original.getStatus();
        Response.Status status = Response.Status.fromStatusCode(code);
        if (status == null) {
            status = Response.Status.BAD_REQUEST;
        }
        String detail = CallerText.of(e.getMessage());
        Throwable cause = rootCause(e);
        if (cause instanceof JsonbException
                || cause instanceof ProcessingException
                || cause instanceof jakarta.json.JsonException) {
            status = Response.Status.BAD_REQUEST;
            detail = "The request body is not valid JSON for this call: " + CallerText.of(cause.getMessage());
        }
        java.util.Optional<FieldError> badQuery = BadQueryValue.of(e);
        if (badQuery.isPresent()) {
            return ProblemDetail.response(
                    Response.Status.BAD_REQUEST,
                    "invalid-input",
                    badQuery.get().message(),
                    java.util.List.of(badQuery.get()));
        }
        Response response = ProblemDetail.response(
                status, code == 404 ? "not-found" : "http-" + status.getStatusCode(), detail, null);
        if (original != null && original.getHeaderString("Allow") != null) {
            return Response.fromResponse(response)
                    .header("Allow", original.getHeaderString("Allow"))
                    .build();
        }
        return response;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
