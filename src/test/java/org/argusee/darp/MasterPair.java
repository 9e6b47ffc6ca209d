package org.argusee.darp;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.argusee.platform.DrillDatabase;
import org.argusee.testsupport.ArgusServer;
import org.argusee.testsupport.ArgusServers;
import org.argusee.testsupport.EmbeddedDatabase;

/**
 * The two servers of an active/standby master pair on one database (issue 16), and what their readiness says of
 * their roles: the drills of {@link MasterPairIT} and the bench's full form stand on it.
 */
final class MasterPair {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /**
     * Two servers as {@link #create}, on the drill's own PostgreSQL instead of the shared one, so a test can stop it
     * under them.
     */
    static ArgusServer[] create(ArgusServers servers, String first, String second, DrillDatabase db) {
        ArgusServer[] pair = create(servers, first, second);
        for (ArgusServer s : pair) {
            s.secret("DB_URL", db.jdbcUrl())
                    .secret("DB_USER", EmbeddedDatabase.USER)
                    .secret("DB_PASSWORD", EmbeddedDatabase.PASSWORD);
        }
        return pair;
    }

    /**
     * What one server's readiness says: its role (active, standby), epoch, writes refused by fencing, and whether
     * its last renewal of the lease still covers the present (its own clock).
     */
    record Role(String role, long epoch, long refusedWrites, boolean confirmed) {
        boolean active() {
            return "active".equals(role);
        }
    }

    private MasterPair() {}

    /** Two servers, the second on the first one's database, both one master (DARP tag {@link Cluster#MASTER}). */
    static ArgusServer[] create(ArgusServers servers, String first, String second) {
        ArgusServer a = servers.create(first);
        ArgusServer b = servers.create(second, a);
        members(a, b);
        return new ArgusServer[] {a, b};
    }

    /** Makes the servers members of one pair, one master (they must be given one database). */
    static void members(ArgusServer... pair) {
        for (ArgusServer s : pair) {
            s.property("argus.darp.tag", Cluster.MASTER);
            s.property("argus.pair.enabled", "true");
            s.property("argus.pair.member", s.name());
            s.property("argus.pair.url", s.url().toString());
        }
    }

    /** The server's role from its readiness; empty when it gives no answer within a second (frozen, dead). */
    static Optional<Role> role(ArgusServer server) {
        try {
            URI uri = server.managementUrl().toURI().resolve("health/ready");
            HttpResponse<String> reply = HTTP.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonObject health =
                    Json.createReader(new StringReader(reply.body())).readObject();
            return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .filter(c -> "master".equals(c.getString("name")))
                    .map(c -> c.getJsonObject("data"))
                    .map(d -> new Role(
                            d.getString("role"),
                            d.getJsonNumber("epoch").longValue(),
                            d.getJsonNumber("refusedWrites").longValue(),
                            d.getBoolean("leaseConfirmed", false)))
                    .findFirst();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static boolean isActive(ArgusServer server) {
        return role(server).map(Role::active).orElse(false);
    }

    /** Whether the server is active at the epoch it had and has had no more writes refused since. */
    static boolean stillActive(ArgusServer server, Role was) {
        return role(server)
                .filter(r -> r.active() && r.epoch() == was.epoch() && r.refusedWrites() == was.refusedWrites())
                .isPresent();
    }

    static boolean isStandby(ArgusServer server) {
        return role(server).map(r -> "standby".equals(r.role())).orElse(false);
    }

    /** The lease row, read on the pair's database: held by the server at that epoch, and not run out. */
    static boolean leaseHeldBy(DrillDatabase db, ArgusServer server, long epoch) {
        return db.single("select holder || ':' || epoch || ':' || (expires_at > now()) from argus.master_lease")
                .equals(server.name() + ":" + epoch + ":true");
    }
}
