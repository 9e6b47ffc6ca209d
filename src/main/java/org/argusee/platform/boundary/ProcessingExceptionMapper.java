package org.argusee.platform.boundary;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body the JSON reader could not turn into the expected shape. */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return ProblemDetail.response(
                Response.Status.BAD_REQUEST,
                "invalid-input",
                "The request body is not valid JSON for this call: " + CallerText.of(cause.getMessage()),
                null);
    }
}
