package org.argusee.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.argusee.platform.control.FieldError;
import org.junit.jupiter.api.Test;

/**
 * Found by issue 15's fuzzing run: {@code ?limit=abc} answered 404 Not Found, as if the resource did not exist.
 * (RESTEasy's exceptions need its runtime, so this tests the reading of its message; MalformedInputIT the answer.)
 */
class BadQueryValueTest {

    @Test
    void aQueryValueThatCannotBeConvertedIsABadRequestNamingTheParameter() {
        FieldError error = BadQueryValue.of(
                        "RESTEASY003870: Unable to extract parameter from http request: jakarta.ws.rs.QueryParam(\"limit\") value"
                                + " is 'abc'")
                .orElseThrow();
        assertEquals("limit", error.field());
        assertTrue(error.message().startsWith("query parameter 'limit' has a value"), error.message());
    }

    @Test
    void aRealNotFoundStaysNotFound() {
        assertTrue(BadQueryValue.of("no object named 'x'").isEmpty());
        assertTrue(BadQueryValue.of("Could not find resource for full path: http://127.0.0.1/api/nope")
                .isEmpty());
    }
}
