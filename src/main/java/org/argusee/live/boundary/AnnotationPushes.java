package org.argusee.live.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Annotations are added and removed through the status API, which fires no event for them: a successful POST or
 * DELETE under {@code /api/status/{fullName}/annotations} is announced to the live sockets from here, so the
 * status component needs no knowledge of the live one.
 */
@Provider
public class AnnotationPushes implements ContainerResponseFilter {

    @Inject
    LiveHub hub;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        if ((!method.equals("POST") && !method.equals("DELETE")) || response.getStatus() >= 300) {
            return;
        }
        List<String> segments = request.getUriInfo().getPathSegments().stream()
                .map(s -> s.getPath())
                .toList();
        int at = segments.indexOf("annotations");
        if (at == 2 && segments.get(0).equals("status")) {
            hub.annotated(segments.get(1));
        }
    }
}
