package org.argusee.platform.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import org.argusee.platform.control.FieldError;

/**
 * Refuses a path or query value holding U+0000 before any resource looks it up: PostgreSQL's text cannot hold the
 * character, so the lookup failed in the driver ("invalid byte sequence for encoding UTF8: 0x00") and the caller
 * got a 500. Found by issue 15's fuzzing run ({@code DELETE /api/users/%00}, peers, notification methods).
 */
@Provider
public class NulCharacters implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String bad = first(request.getUriInfo().getPathParameters(), "path");
        if (bad == null) {
            bad = first(request.getUriInfo().getQueryParameters(), "query");
        }
        if (bad != null) {
            String message = bad + " contains the character U+0000, which no name or value may hold";
            String field = bad.substring(bad.indexOf('\'') + 1, bad.lastIndexOf('\''));
            request.abortWith(ProblemDetail.response(
                    Response.Status.BAD_REQUEST, "invalid-input", message, List.of(new FieldError(field, message))));
        }
    }

    private static String first(MultivaluedMap<String, String> values, String where) {
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            for (String v : e.getValue()) {
                if (v != null && v.indexOf('\u0000') >= 0) {
                    return where + " parameter '" + e.getKey() + "'";
                }
            }
        }
        return null;
    }
}
