package org.argusee.darp.control.link;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.argusee.darp.control.ScramProof;
import org.argusee.darp.control.wire.BadMessage;
import org.argusee.darp.control.wire.ConfigDocument;
import org.argusee.darp.control.wire.ConfigDocuments;

/**
 * The slave's HTTP calls: the challenge-response login (the secret never leaves the slave; the master's answer is
 * checked too, so the slave knows the master holds its verifier) and the conditional config fetch.
 */
public final class MasterLogin {

    /** A login: the token and the master's tag as it gave it. */
    public record Session(String token, String master) {
        @Override
        public String toString() {
            return "Session[master=" + master + ", token=***]";
        }
    }

    private final HttpClient http;
    private final LinkSettings settings;
    private final SecureRandom random;

    public MasterLogin(HttpClient http, LinkSettings settings, SecureRandom random) {
        this.http = http;
        this.settings = settings;
        this.random = random;
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
            int iterations = challenge.getInt("iterations", 0);
            if (!nonce.startsWith(clientNonce) || nonce.length() <= clientNonce.length() || iterations < 1000) {
                throw new LinkFailure("the master's challenge is malformed");
            }
            byte[] saltBytes = Base64.getDecoder().decode(salt);
            String auth = ScramProof.authMessage(settings.tag(), clientNonce, nonce, salt, iterations);
            byte[] proof = ScramProof.clientProof(settings.secret(), saltBytes, iterations, auth);
            byte[] expected = ScramProof.expectedServerSignature(settings.secret(), saltBytes, iterations, auth);
            String loginBody = Json.createObjectBuilder()
                    .add("tag", settings.tag())
                    .add("nonce", nonce)
                    .add("proof", ScramProof.base64(proof))
                    .build()
                    .toString();
            return post("login", loginBody).thenApply(granted -> {
                byte[] signature = Base64.getDecoder().decode(granted.getString("serverSignature", ""));
                if (!MessageDigest.isEqual(signature, expected)) {
                    throw new LinkFailure("the master did not prove it knows this slave's secret");
                }
                return new Session(granted.getString("token"), granted.getString("master", null));
            });
        });
    }

    /** The config if its version differs from {@code knownVersion}; empty on 304. */
    public CompletableFuture<Optional<ConfigDocument>> fetch(String token, String knownVersion) {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.api("config"))
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET();
        if (knownVersion != null) {
            request.header("If-None-Match", "\"" + knownVersion + "\"");
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> {
                    if (response.statusCode() == 304) {
                        return Optional.empty();
                    }
                    check(response, "config fetch");
                    try {
                        return Optional.of(ConfigDocuments.read(response.body()));
                    } catch (BadMessage e) {
                        throw new LinkFailure("the master's config cannot be used: " + e.getMessage());
                    }
                });
    }

    private CompletableFuture<JsonObject> post(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(settings.api(path))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> {
                    check(response, path);
                    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                        return reader.readObject();
                    } catch (JsonException | IllegalStateException e) {
                        throw new LinkFailure(path + ": the master's answer is not JSON");
                    }
                });
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
        if (status != 200) {
            throw new LinkFailure(what + ": HTTP " + status + " from the master");
        }
    }
}
