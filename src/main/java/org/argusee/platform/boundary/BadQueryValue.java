package org.argusee.platform.boundary;

import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.argusee.platform.control.FieldError;

/**
 * A query value the resource method's parameter cannot take ({@code ?limit=abc}). JAX-RS answers it 404, as if the
 * resource did not exist (the spec's rule for query and matrix parameters), which sends a caller looking for the
 * wrong mistake; the fuzzing run of issue 15 found it. It is a bad request: 400, naming the parameter.
 */
final class BadQueryValue {

    /** RESTEasy's text: {@code Unable to extract parameter from http request: jakarta.ws.rs.QueryParam("limit") ...}. */
    private static final Pattern EXTRACTION = Pattern.compile(
            "Unable to extract parameter from http request: (?:[\\w.]+\\.)?(?:Query|Matrix)Param\\(\"([^\"]{1,100})\"\\)");

    private BadQueryValue() {}

    /** The field at fault if {@code e} is a query value that could not be converted; empty for a real 404. */
    static Optional<FieldError> of(WebApplicationException e) {
        // by its words, not its class: on the deployed server it is not always a jakarta.ws.rs.NotFoundException
        return of(e.getMessage());
    }

    /** For a 404 with this message (RESTEasy's own words; the cause is not always kept). */
    static Optional<FieldError> of(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher m = EXTRACTION.matcher(message);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new FieldError(
                m.group(1),
                "query parameter '" + m.group(1) + "' has a value this call cannot take (a number, true/false or a"
                        + " date is expected, within its range)"));
    }
}
