package org.argusee.web.control;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;

/**
 * Errors a servlet filter or servlet answers itself (before JAX-RS), in the same problem-details shape as the REST
 * API's ({@code urn:argus:problem:<type>}).
 */
public final class ServletProblems {

    private ServletProblems() {}

    public static void send(HttpServletResponse response, int status, String title, String type, String detail)
            throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        Writer out = response.getWriter();
        try (var json = Json.createGenerator(out)) {
            json.writeStartObject()
                    .write("type", "urn:argus:problem:" + type)
                    .write("title", title)
                    .write("status", status)
                    .write("detail", detail)
                    .writeEnd();
        }
    }
}
