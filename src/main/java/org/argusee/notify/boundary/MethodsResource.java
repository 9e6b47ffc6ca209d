package org.argusee.notify.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.argusee.platform.control.ArgusException;
import org.argusee.platform.control.FieldError;
import org.argusee.platform.control.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Notification methods: every one in force (built-ins, the config's Method blocks, the database's), and those of
 * the database set or removed by name (admin). A method set here replaces a built-in or config one of that name.
 */
@Path("notify/methods")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "notifications", description = "Who was told what, and acknowledgements")
public class MethodsResource {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    private static final Set<String> KINDS = Set.of("mail", "program", "webhook", "log", "null");

    @Inject
    MethodStore store;

    @Inject
    MethodTrial trial;

    /** Where a test message goes: {@code {"to": "ops@example.org"}} (a webhook or log method needs none). */
    public record TrialRequest(String to) {}

    @GET
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(
            summary = "Every method in force, by name (webhook headers are never shown; commands, URLs and"
                    + " templates only to admins: a webhook URL often holds its token)")
    public List<MethodView> all(@Context SecurityContext security) {
        List<MethodView> all = store.all();
        return security.isUserInRole(Roles.ADMIN)
                ? all
                : all.stream().map(MethodsResource::outline).toList();
    }

    @POST
    @Path("{name}/test")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Send a test message through a method now (no queue, no retry); answers whether it went")
    public MethodTrial.Result test(
            @PathParam("name") String name, TrialRequest request, @Context SecurityContext security) {
        return trial.send(
                name,
                request == null ? null : request.to(),
                security.getUserPrincipal().getName());
    }

    private static MethodView outline(MethodView m) {
        return new MethodView(
                m.name(),
                m.kind(),
                null,
                null,
                null,
                m.hasHeaders(),
                null,
                m.qtime(),
                m.nolotsmsgs(),
                m.timeoutSeconds(),
                m.source());
    }

    @PUT
    @Path("{name}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Set a method: {\"kind\": \"webhook\", \"command\": \"https://...\", \"send\": \"{...%M...}\"}")
    public MethodView put(@PathParam("name") String name, MethodView in) {
        List<FieldError> errors = new ArrayList<>();
        if (!NAME.matcher(name).matches()) {
            errors.add(new FieldError("name", "method name '" + name + "': 1-100 of letters, digits, _ . -"));
        }
        if (in == null || in.kind() == null || !KINDS.contains(in.kind())) {
            errors.add(new FieldError(
                    "kind",
                    "kind: one of " + String.join(", ", KINDS.stream().sorted().toList())));
        } else if (in.kind().equals("program")
                && (in.command() == null || in.command().isBlank())) {
            errors.add(new FieldError("command", "a program method needs a command"));
        }
        if (in != null && in.qtime() != null && (in.qtime() < 0 || in.qtime() > 86400)) {
            errors.add(new FieldError("qtime", "qtime " + in.qtime() + ": 0 to 86400 seconds"));
        }
        if (in != null && in.timeoutSeconds() != null && (in.timeoutSeconds() < 1 || in.timeoutSeconds() > 600)) {
            errors.add(new FieldError("timeoutSeconds", "timeoutSeconds " + in.timeoutSeconds() + ": 1 to 600"));
        }
        ArgusException.Invalid.ifAny("method '" + name + "'", errors);
        store.put(name, in);
        return store.all().stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @DELETE
    @Path("{name}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove a method set through the API (a built-in or config one of that name is back)")
    public Response delete(@PathParam("name") String name) {
        if (!store.delete(name)) {
            throw new ArgusException.NotFound("name", "no method '" + name + "' was set through the API");
        }
        return Response.noContent().build();
    }
}
