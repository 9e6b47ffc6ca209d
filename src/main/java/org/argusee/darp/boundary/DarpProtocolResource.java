package org.argusee.darp.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.argusee.darp.control.DarpSettings;
import org.argusee.darp.control.PeerRules;
import org.argusee.darp.control.ScramProof;
import org.argusee.darp.control.login.LoginDesk;
import org.argusee.darp.control.wire.ConfigDocument;
import org.argusee.darp.control.wire.Message;
import org.argusee.platform.boundary.MasterLease;
import org.argusee.platform.boundary.ProblemDetail;
import org.argusee.platform.control.ArgusException;
import org.argusee.platform.control.FieldError;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * DARP protocol v1 over HTTP, for slaves rather than people (docs/design/60-darp.md): challenge and login, then
 * the config fetch with the token. Open to unauthenticated callers at the HTTP level (web.xml); each call proves
 * itself with a SCRAM proof or a token bound to the caller's address. A refusal never says which part was wrong.
 */
@Path("darp/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "darp-protocol", description = "For DARP slaves: login and config fetch (the stream is a WebSocket)")
public class DarpProtocolResource {

    public record ChallengeRequest(String tag, String clientNonce) {}

    public record ChallengeReply(String nonce, String salt, int iterations, long expiresInSeconds) {}

    public record LoginRequest(String tag, String nonce, String proof) {
        @Override
        public String toString() {
            return "LoginRequest[tag=" + tag + ", proof=***]";
        }
    }

    public record LoginReply(String token, long expiresInSeconds, String serverSignature, String master, int protocol) {
        @Override
        public String toString() {
            return "LoginReply[master=" + master + ", token=***]";
        }
    }

    @Inject
    DarpLogins logins;

    @Inject
    ServedConfigs configs;

    @Inject
    DarpSettings settings;

    @Context
    HttpServletRequest request;

    @Inject
    MasterLease lease;

    @POST
    @Path("challenge")
    @PermitAll
    @Operation(summary = "Step 1 of a slave's login: a single-use challenge for its tag")
    public Response challenge(ChallengeRequest body) {
        if (!lease.role().active() || !lease.confirmed()) {
            return standby();
        }
        List<FieldError> errors = new ArrayList<>();
        if (body == null) {
            throw new ArgusException.Invalid("body", "a JSON object {\"tag\", \"clientNonce\"} is required");
        }
        PeerRules.tag(body.tag()).ifPresent(m -> errors.add(new FieldError("tag", m)));
        byte[] nonce = base64(body.clientNonce());
        if (nonce == null || nonce.length < 16 || nonce.length > 64) {
            errors.add(new FieldError("clientNonce", "clientNonce must be 16 to 64 random bytes in base64"));
        }
        ArgusException.Invalid.ifAny("cannot issue a DARP challenge", errors);
        try {
            LoginDesk.ChallengeAnswer a =
                    logins.desk().challenge(body.tag(), body.clientNonce(), request.getRemoteAddr(), Instant.now());
            return Response.ok(new ChallengeReply(
                            a.nonce(), a.salt(), a.iterations(), a.expiresIn().toSeconds()))
                    .build();
        } catch (LoginDesk.TooMany e) {
            return tooMany(e.retryAfter());
        }
    }

    @POST
    @Path("login")
    @PermitAll
    @Operation(summary = "Step 2 of a slave's login: the proof; answers a short-lived token and the master's proof")
    public Response login(LoginRequest body) {
        if (!lease.role().active() || !lease.confirmed()) {
            return standby();
        }
        if (body == null) {
            throw new ArgusException.Invalid("body", "a JSON object {\"tag\", \"nonce\", \"proof\"} is required");
        }
        List<FieldError> errors = new ArrayList<>();
        PeerRules.tag(body.tag()).ifPresent(m -> errors.add(new FieldError("tag", m)));
        if (body.nonce() == null || body.nonce().isEmpty() || body.nonce().length() > 300) {
            errors.add(new FieldError("nonce", "nonce must be the one the challenge gave"));
        }
        byte[] proof = base64(body.proof());
        if (proof == null) {
            errors.add(new FieldError("proof", "proof must be base64"));
        }
        ArgusException.Invalid.ifAny("cannot read the DARP login", errors);
        LoginDesk.Outcome outcome = logins.desk().login(body.tag(), body.nonce(), proof, caller(), Instant.now());
        if (outcome instanceof LoginDesk.Granted g) {
            return Response.ok(new LoginReply(
                            g.token(),
                            g.lifetime().toSeconds(),
                            ScramProof.base64(g.serverSignature()),
                            settings.tag(),
                            Message.PROTOCOL))
                    .build();
        }
        if (outcome instanceof LoginDesk.Throttled t) {
            return tooMany(t.retryAfter());
        }
        return unauthorized("login refused");
    }

    @GET
    @Path("config")
    @PermitAll
    @Operation(summary = "The objects this slave must test, with their own parameters; conditional on the ETag")
    public Response config(
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("If-None-Match") String ifNoneMatch,
            @HeaderParam(ScramProof.NONCE_HEADER) String nonce) {
        Instant now = Instant.now();
        Optional<String> token = bearer(authorization);
        Optional<String> tag = token.flatMap(t -> logins.desk().tokens().check(t, request.getRemoteAddr(), now));
        Optional<byte[]> key = token.flatMap(t -> logins.desk().tokens().sessionKey(t, request.getRemoteAddr(), now));
        if (tag.isEmpty() || key.isEmpty()) {
            return unauthorized("a valid DARP token is required (Authorization: Bearer ...); log in again");
        }
        String fresh = nonce == null ? "" : nonce; // the slave checks its own nonce: a missing one fails there
        ServedConfigs.Served served = configs.served(tag.get());
        ConfigDocument doc = served.doc();
        String etag = "\"" + doc.version() + "\"";
        if (ifNoneMatch != null
                && Arrays.stream(ifNoneMatch.split(","))
                        .map(String::strip)
                        .anyMatch(v -> v.equals(etag) || v.equals("W/" + etag) || v.equals("*"))) {
            return Response.notModified()
                    .header("ETag", etag)
                    .header(ScramProof.CONFIG_MAC_HEADER, ScramProof.notModifiedMac(key.get(), fresh, etag))
                    .build();
        }
        String body = served.body();
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header("ETag", etag)
                .header(ScramProof.CONFIG_MAC_HEADER, ScramProof.configMac(key.get(), fresh, body))
                .header("Cache-Control", "private, no-cache")
                .build();
    }

    private InetAddress caller() {
        try {
            return InetAddress.getByName(request.getRemoteAddr());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the container gave an unreadable remote address", e);
        }
    }

    private static Optional<String> bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(7).strip());
    }

    private static byte[] base64(String text) {
        try {
            return text == null ? null : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(
                        ProblemDetail.response(Response.Status.UNAUTHORIZED, "darp-unauthorized", detail, null))
                .header("WWW-Authenticate", "Bearer realm=\"argus-darp\"")
                .build();
    }

    /**
     * The standby of a master pair takes no slave (issue 16): 503 with type {@code urn:argus:problem:standby}, so
     * a slave given both masters' URLs tries the next one at once instead of counting a failed login.
     */
    /** Also while an active member's lease is not confirmed: it may have been replaced (SlaveStreams). */
    private static Response standby() {
        return Response.fromResponse(ProblemDetail.response(
                        Response.Status.SERVICE_UNAVAILABLE,
                        "standby",
                        "this server is the standby of a master pair (or could not renew its lease); log in to the active"
                                + " one",
                        null))
                .header("Retry-After", "5")
                .build();
    }

    private static Response tooMany(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return Response.fromResponse(ProblemDetail.response(
                        Response.Status.TOO_MANY_REQUESTS,
                        "darp-too-many",
                        "too many failed DARP logins from this address; retry after " + seconds + " s",
                        null))
                .header("Retry-After", seconds)
                .build();
    }
}
