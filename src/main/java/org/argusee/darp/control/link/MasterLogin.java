package org.argusee.darp.control.link;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.argusee.darp.control.ScramProof;
import org.argusee.darp.control.wire.BadMessage;
import org.argusee.darp.control.wire.ConfigDocument;
import org.argusee.darp.control.wire.ConfigDocuments;

/**
 * The slave's HTTP calls: the challenge-response login (the secret never leaves the slave; the master's answer is
 * checked too, so the slave knows the master holds its verifier) and the conditional config fetch.
 */
public final class MasterLogin {

    private static final Logger LOG = Logger.getLogger(MasterLogin.class.getName());

    /**
     * The largest config document read from the master: about 60,000 services at the usual 250 bytes each, many
     * times what one slave tests, and a bound on what a fake master can make the slave hold.
     */
    static final long MAX_CONFIG_BYTES = 16L * 1024 * 1024;

    /** The largest challenge or login answer read: they are a few hundred bytes. */
    static final long MAX_LOGIN_BYTES = 64L * 1024;

    /**
     * A login: the token, the master's tag as it gave it, and the key only this login's two ends know, which signs
     * the config the master serves (see {@link ScramProof#sessionKey}).
     */
    public record Session(String token, String master, byte[] sessionKey) {
        @Override
        public String toString() {
            return "Session[master=" + master + ", token=***, sessionKey=***]";
        }
    }

    private final HttpClient http;
    private final LinkSettings settings;
    private final SecureRandom random;
    private final Clock clock;
    private final IterationBudget budget = new IterationBudget();
    private final long maxConfigBytes;

    public MasterLogin(HttpClient http, LinkSettings settings, SecureRandom random) {
        this(http, settings, random, Clock.systemUTC(), MAX_CONFIG_BYTES);
    }

    MasterLogin(HttpClient http, LinkSettings settings, SecureRandom random, Clock clock, long maxConfigBytes) {
        this.http = http;
        this.settings = settings;
        this.random = random;
        this.clock = clock;
        this.maxConfigBytes = maxConfigBytes;
    }

    public CompletableFuture<Session> login() {
        byte[] nonceBytes = new byte[24];
        random.nextBytes(nonceBytes);
        String clientNonce = Base64.getEncoder().encodeToString(nonceBytes);
        String challengeBody = Json.createObjectBuilder()
                .add("tag", settings.tag())
                .add("clientNonce", clientNonce)
                .build()
                .toString();
        return post("challenge", challengeBody).thenCompose(challenge -> {
            String nonce = challenge.getString("nonce", "");
            String salt = challenge.getString("salt", "");
            int iterations = iterations(challenge);
            if (!nonce.startsWith(clientNonce) || nonce.length() <= clientNonce.length()) {
                throw new LinkFailure("the master's challenge is malformed");
            }
            Instant now = clock.instant();
            budget.refusal(salt, iterations, now).ifPresent(why -> {
                LOG.warning(() -> "DARP login to " + settings.master() + ": " + why);
                throw new LinkFailure(why);
            });
            byte[] saltBytes = decode(salt);
            ScramProof.Keys keys = budget.keys(
                    salt, iterations, now, () -> ScramProof.Keys.derive(settings.secret(), saltBytes, iterations));
            String auth = ScramProof.authMessage(settings.tag(), clientNonce, nonce, salt, iterations);
            byte[] proof = ScramProof.clientProof(keys, auth);
            byte[] expected = ScramProof.expectedServerSignature(keys, auth);
            String loginBody = Json.createObjectBuilder()
                    .add("tag", settings.tag())
                    .add("nonce", nonce)
                    .add("proof", ScramProof.base64(proof))
                    .build()
                    .toString();
            return post("login", loginBody).thenApply(granted -> {
                byte[] signature = decode(granted.getString("serverSignature", ""));
                if (!MessageDigest.isEqual(signature, expected)) {
                    throw new LinkFailure("the master did not prove it knows this slave's secret");
                }
                budget.proven(salt, iterations);
                return new Session(
                        granted.getString("token"),
                        granted.getString("master", null),
                        ScramProof.sessionKey(keys.serverKey(), auth));
            });
        });
    }

    /**
     * The config if its version differs from {@code knownVersion}; empty on 304. Each fetch sends a fresh nonce, and
     * either answer is used only if its MAC under the session's key covers that nonce: a document or a 304 changed on
     * the way, made up, or replayed from an earlier fetch (or sent by someone without the login) is refused.
     */
    public CompletableFuture<Optional<ConfigDocument>> fetch(Session session, String knownVersion) {
        byte[] nonceBytes = new byte[18];
        random.nextBytes(nonceBytes);
        String nonce = Base64.getEncoder().encodeToString(nonceBytes);
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.api("config"))
                .timeout(settings.fetchTimeout())
                .header("Authorization", "Bearer " + session.token())
                .header("Accept", "application/json")
                .header(ScramProof.NONCE_HEADER, nonce)
                .GET();
        String known = knownVersion == null ? null : "\"" + knownVersion + "\"";
        if (known != null) {
            request.header("If-None-Match", known);
        }
        return http.sendAsync(request.build(), LimitedBody.handler(maxConfigBytes, "config fetch"))
                .thenApply(response -> {
                    String mac = response.headers()
                            .firstValue(ScramProof.CONFIG_MAC_HEADER)
                            .orElse("");
                    if (response.statusCode() == 304 && known != null) {
                        String etag = response.headers().firstValue("ETag").orElse("");
                        if (!etag.equals(known)
                                || !matches(mac, ScramProof.notModifiedMac(session.sessionKey(), nonce, etag))) {
                            throw refused("304 (not modified)");
                        }
                        return Optional.empty();
                    }
                    check(response, "config fetch");
                    if (!matches(mac, ScramProof.configMac(session.sessionKey(), nonce, response.body()))) {
                        throw refused("config");
                    }
                    try {
                        return Optional.of(ConfigDocuments.read(response.body()));
                    } catch (BadMessage e) {
                        throw new LinkFailure("the master's config cannot be used: " + e.getMessage());
                    }
                });
    }

    private static boolean matches(String mac, String expected) {
        return MessageDigest.isEqual(
                mac.getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII));
    }

    private LinkFailure refused(String what) {
        LOG.warning(() -> "DARP " + what + " from " + settings.master() + " refused: its "
                + ScramProof.CONFIG_MAC_HEADER + " does not match this fetch (changed or replayed on the way?)");
        return new LinkFailure("the master's " + what + " does not carry this fetch's MAC; refused");
    }

    private CompletableFuture<JsonObject> post(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(settings.api(path))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.sendAsync(request, LimitedBody.handler(MAX_LOGIN_BYTES, path))
                .thenApply(response -> {
                    check(response, path);
                    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                        return reader.readObject();
                    } catch (JsonException | IllegalStateException e) {
                        throw new LinkFailure(path + ": the master's answer is not JSON");
                    }
                });
    }

    /** The count as sent, clamped to an int (a huge number is refused, never wrapped into the bounds). */
    private static int iterations(JsonObject challenge) {
        if (!(challenge.get("iterations") instanceof JsonNumber n) || !n.isIntegral()) {
            throw new LinkFailure("the master's challenge has no whole iteration count");
        }
        BigInteger value = n.bigIntegerValue();
        return value.bitLength() < 32 ? value.intValue() : value.signum() < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new LinkFailure("the master's answer has bad base64");
        }
    }

    private static void check(HttpResponse<String> response, String what) {
        int status = response.statusCode();
        if (status == 401) {
            throw new LinkFailure.Unauthorized(what + " refused by the master (HTTP 401)");
        }
        if (status == 429) {
            String after = response.headers().firstValue("Retry-After").orElse(null);
            throw new LinkFailure.Throttled(
                    what + ": too many failed logins from this address (HTTP 429, retry after "
                            + (after == null ? "?" : after) + " s)",
                    LinkFailure.Throttled.seconds(after));
        }
        if (status == 503 && response.body() != null && response.body().contains("urn:argus:problem:standby")) {
            throw new LinkFailure(what + ": this master is the standby of a pair (HTTP 503); trying the next URL");
        }
        if (status != 200) {
            throw new LinkFailure(what + ": HTTP " + status + " from the master");
        }
    }
}
