package org.argusee.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.argusee.platform.control.Roles;
import org.argusee.testsupport.Endpoints;
import org.argusee.testsupport.Endpoints.Endpoint;
import org.junit.jupiter.api.Test;

/** No endpoint is open by accident: each declares its roles, and every write needs the admin role. */
class EndpointRolesTest {

    private final List<Endpoint> endpoints = Endpoints.all();

    @Test
    void findsTheApplicationsEndpoints() {
        assertTrue(endpoints.size() >= 20, "only " + endpoints.size() + " endpoints found: " + endpoints);
        assertTrue(endpoints.stream().anyMatch(e -> e.path().equals("/api/objects/{fullName}")), endpoints.toString());
    }

    @Test
    void everyEndpointDeclaresItsRoles() {
        List<Endpoint> undeclared =
                endpoints.stream().filter(e -> !e.declared()).toList();
        assertEquals(List.of(), undeclared, "endpoints without @RolesAllowed");
    }

    @Test
    void noEndpointIsOpenToEveryone() {
        List<Endpoint> open = endpoints.stream().filter(Endpoint::permitAll).toList();
        assertEquals(List.of(), open, "endpoints with @PermitAll");
    }

    @Test
    void onlyTheDarpProtocolIsOpenAndItIsAllInOneResource() {
        List<Endpoint> darp = Endpoints.darpProtocol();
        assertEquals(3, darp.size(), darp.toString());
        for (Endpoint e : darp) {
            assertTrue(e.permitAll() && e.roles().isEmpty(), e + " must be @PermitAll: slaves are not users");
            assertEquals("DarpProtocolResource", e.resource().getSimpleName(), e.toString());
        }
    }

    @Test
    void everyWriteNeedsAdminButTheDayToDayActionsOfStaff() {
        List<Endpoint> loose = endpoints.stream()
                .filter(Endpoint::writes)
                .filter(e -> !e.path().equals(OWN_PASSWORD))
                .filter(e -> !e.roles().equals(staffAction(e) ? Set.of(Roles.STAFF, Roles.ADMIN) : Set.of(Roles.ADMIN)))
                .toList();
        assertEquals(
                List.of(),
                loose,
                "writing endpoints that do not require admin (or staff, for override," + " annotations and check now)");
    }

    /** Everyone changes their own password (and only their own: the resource takes the caller's name). */
    private static final String OWN_PASSWORD = "/api/users/me/password";

    @Test
    void everyoneMayChangeTheirOwnPasswordOnly() {
        Endpoint own = endpoints.stream()
                .filter(e -> e.path().equals(OWN_PASSWORD))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + OWN_PASSWORD + ": " + endpoints));
        assertEquals(Set.copyOf(Roles.ALL), own.roles(), own.toString());
        assertTrue(
                java.util.Arrays.stream(own.method().getParameters())
                        .noneMatch(p -> p.isAnnotationPresent(jakarta.ws.rs.PathParam.class)),
                "the user is the caller, never a path parameter: " + own);
    }

    /** The original's acl_staff actions: override, annotate, check now (issue 12), acknowledge notifications. */
    private static boolean staffAction(Endpoint e) {
        return e.path().matches("/api/status/\\{fullName}/(override|annotations(/\\{id})?|check)")
                || e.path().matches("/api/notifications/(\\{id}/)?ack");
    }

    @Test
    void everyJsonRequestBodyIsARecord() {
        // StrictJsonBodies checks JSON bodies against records; any other type would slip past its checks
        for (Endpoint e : endpoints) {
            jakarta.ws.rs.Consumes consumes = e.method().getAnnotation(jakarta.ws.rs.Consumes.class);
            if (consumes == null) {
                consumes = e.resource().getAnnotation(jakarta.ws.rs.Consumes.class);
            }
            if (consumes != null && !java.util.Arrays.asList(consumes.value()).contains("application/json")) {
                continue; // uploads (Argus config files) are read as streams, with limits of their own
            }
            for (java.lang.reflect.Parameter p : e.method().getParameters()) {
                boolean annotated = java.util.Arrays.stream(p.getAnnotations())
                        .anyMatch(a -> a.annotationType().getPackageName().equals("jakarta.ws.rs")
                                || a.annotationType().getPackageName().equals("jakarta.ws.rs.core"));
                if (!annotated) {
                    assertTrue(
                            p.getType().isRecord(),
                            e + " takes a body of type " + p.getType().getName());
                }
            }
        }
    }

    @Test
    void rolesAreOnlyArgusRoles() {
        endpoints.forEach(e -> assertTrue(Roles.ALL.containsAll(e.roles()), e + " names an unknown role " + e.roles()));
    }
}
