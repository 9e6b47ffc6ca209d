package org.argusee.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.ArgusServer;
import org.argusee.testsupport.ArgusServers;
import org.argusee.testsupport.Eventually;
import org.argusee.testsupport.Relay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The database goes away under a running server (its connections pass through a {@link Relay} the test resets, as
 * a stopped PostgreSQL does) and comes back (docs/design/10-platform.md, "Database down"): an admin who logged in
 * before still logs in and reads the state from memory; writes answer 503 as problem details with Retry-After;
 * a user the server never verified gets 503, not a 500 or an HTML page; once the database is back, writes work again.
 */
class DatabaseDownIT {

    private static final Pattern PORT = Pattern.compile("^jdbc:postgresql://127\\.0\\.0\\.1:(\\d+)/(.*)$");
    private static final Duration WITHIN = Duration.ofSeconds(60);

    @RegisterExtension
    final ArgusServers servers = new ArgusServers();

    @Test
    void readsAndRecentLoginsGoOnWritesAnswer503AndAllResumes() {
        ArgusServer server = servers.create("dbdown");
        Matcher url = PORT.matcher(server.database().url());
        assertTrue(url.matches(), server.database().url());
        try (Relay db = Relay.to(Integer.parseInt(url.group(1)))) {
            server.secret("DB_URL", "jdbc:postgresql://127.0.0.1:" + db.port() + "/" + url.group(2));
            server.start();
            Api admin = server.api();
            assertEquals(200, admin.get("api/status/Top").status(), "the admin logs in while all is well");
            Api.Reply created = admin.post("api/users", """
                    {"username": "latecomer", "password": "latecomer-password", "roles": ["user"]}""");
            assertEquals(201, created.status(), created.body());

            db.reset();
            Eventually.await("writes refused with 503 while the database is away", WITHIN, () -> {
                Api.Reply write = admin.post(Api.object("Top") + "/children", """
                        {"kind": "Group", "name": "during_outage"}""");
                return write.status() == 503;
            });
            Api.Reply write = admin.post(Api.object("Top") + "/children", """
                    {"kind": "Group", "name": "during_outage"}""");
            assertEquals(503, write.status(), write.body());
            assertTrue(write.header("Content-Type").startsWith("application/problem+json"), write.toString());
            assertEquals("30", write.header("Retry-After"), write.toString());
            assertTrue(write.body().contains("database cannot be reached"), write.body());

            Api.Reply read = admin.get("api/status/Top");
            assertEquals(200, read.status(), "the state is read from memory: " + read);

            Api.Reply stranger = Api.anonymous(server.url())
                    .as("latecomer", "latecomer-password")
                    .get("api/status/Top");
            assertEquals(503, stranger.status(), stranger.toString());
            assertTrue(stranger.header("Content-Type").startsWith("application/problem+json"), stranger.toString());
            assertTrue(stranger.body().contains("last hour"), stranger.body());

            db.open();
            Eventually.await(
                    "writes work again once the database is back",
                    WITHIN,
                    () -> admin.post(Api.object("Top") + "/children", """
                                    {"kind": "Group", "name": "after_outage"}""").status() == 201);
            assertEquals(
                    200,
                    Api.anonymous(server.url())
                            .as("latecomer", "latecomer-password")
                            .get("api/status/Top")
                            .status());
        }
    }
}
