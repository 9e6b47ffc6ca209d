package org.argusee.darp.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.List;
import org.argusee.darp.control.PeerVersion;
import org.argusee.platform.control.ArgusException;
import org.argusee.platform.control.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("darp/peers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "darp", description = "The other Argus servers this one cooperates with")
public class DarpPeersResource {

    @Inject
    DarpPeers peers;

    @GET
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "All DARP peers (secrets are never shown)")
    public List<PeerView> all() {
        return peers.all();
    }

    @GET
    @Path("{tag}")
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "One DARP peer")
    public Response get(@PathParam("tag") String tag) {
        PeerView peer = peers.get(tag);
        return Response.ok(peer)
                .header(HttpHeaders.ETAG, PeerVersion.etag(peer.updatedAt()))
                .build();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a DARP peer, optionally with its secret")
    public Response create(PeerInput input) {
        PeerView created = peers.create(input);
        return Response.created(UriBuilder.fromResource(DarpPeersResource.class)
                        .path(created.tag())
                        .build())
                .entity(created)
                .build();
    }

    @PUT
    @Path("{tag}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Change a DARP peer's role, addresses, URL, label, hidden flag or timeout",
            description = "With If-Match (the peer's ETag, its updatedAt) a peer changed since is refused: 412")
    public Response update(
            @PathParam("tag") String tag, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, PeerInput input) {
        PeerView peer = peers.update(tag, input, PeerVersion.parse(ifMatch));
        return Response.ok(peer)
                .header(HttpHeaders.ETAG, PeerVersion.etag(peer.updatedAt()))
                .build();
    }

    @PUT
    @Path("{tag}/secret")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set or rotate a DARP peer's shared secret (stored only as a SCRAM verifier)")
    public Response setSecret(
            @PathParam("tag") String tag, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, SecretInput input) {
        if (input == null) {
            throw new ArgusException.Invalid("body", "a JSON object {\"secret\": ...} is required");
        }
        Instant version = peers.setSecret(tag, input.secret(), PeerVersion.parse(ifMatch));
        return Response.noContent()
                .header(HttpHeaders.ETAG, PeerVersion.etag(version))
                .build();
    }

    @DELETE
    @Path("{tag}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove a DARP peer")
    public Response delete(@PathParam("tag") String tag, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        peers.delete(tag, PeerVersion.parse(ifMatch));
        return Response.noContent().build();
    }
}
