package org.argusee.platform.boundary;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.argusee.platform.control.FieldError;

/**
 * An error as RFC 9457 problem details. {@code errors} names each offending field, so a client (or a person
 * reading curl output) sees what to fix without guessing.
 */
public record ProblemDetail(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    public static Response response(Response.Status status, String type, String detail, List<FieldError> errors) {
        ProblemDetail body = new ProblemDetail(
                "urn:argus:problem:" + type,
                status.getReasonPhrase(),
                status.getStatusCode(),
                detail,
                errors == null || errors.isEmpty() ? null : List.copyOf(errors));
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }
}
