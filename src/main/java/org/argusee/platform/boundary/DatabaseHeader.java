package org.argusee.platform.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Marks every API answer given while the database cannot be reached with {@value #NAME}: {@value #UNAVAILABLE}, so a
 * client (the web pages' banner, a script) knows the statuses it reads come from memory and are not stored yet.
 * Nothing is added while the database answers.
 */
@Provider
public class DatabaseHeader implements ContainerResponseFilter {

    public static final String NAME = "Argus-Database";
    public static final String UNAVAILABLE = "unavailable";

    @Inject
    DatabaseState database;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!database.available()) {
            response.getHeaders().putSingle(NAME, UNAVAILABLE);
        }
    }
}
