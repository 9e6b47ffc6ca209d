package org.argusee.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.ArgusServer;
import org.argusee.testsupport.CommonServer;
import org.argusee.testsupport.Eventually;
import org.argusee.testsupport.Relay;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under a running server (its connections pass through a {@link Relay} the test resets, as
 * a stopped PostgreSQL does) and comes back (docs/design/10-platform.md, "Database down"): an admin who logged in
 * before still logs in and reads the state from memory; writes answer 503 as problem details with Retry-After;
 * a user the server never verified gets 503, not a 500 or an HTML page; once the database is back, writes work again.
 * On the harness's {@link CommonServer}, whose database relay it resets; its user and groups are named for this run
 * and deleted at its end.
 */
class DatabaseDownIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    @Test
    void readsAndRecentLoginsGoOnWritesAnswer503AndAllResumes() {
        ArgusServer server = CommonServer.get();
        Relay db = CommonServer.database();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String user = "latecomer_" + suffix;
        String during = "during_outage_" + suffix;
        String after = "after_outage_" + suffix;
        Api admin = server.api();
        try {
            assertEquals(200, admin.get("api/status/Top").status(), "the admin logs in while all is well");
            Api.Reply created = admin.post("api/users", """
                    {"username": "%s", "password": "latecomer-password", "roles": ["user"]}""".formatted(user));
            assertEquals(201, created.status(), created.body());

            db.reset();
            Eventually.await("writes refused with 503 while the database is away", WITHIN, () -> {
                Api.Reply write = admin.post(Api.object("Top") + "/children", """
                        {"kind": "Group", "name": "%s"}""".formatted(during));
                return write.status() == 503;
            });
            Api.Reply write = admin.post(Api.object("Top") + "/children", """
                    {"kind": "Group", "name": "%s"}""".formatted(during));
            assertEquals(503, write.status(), write.body());
            assertTrue(write.header("Content-Type").startsWith("application/problem+json"), write.toString());
            assertEquals("30", write.header("Retry-After"), write.toString());
            assertTrue(write.body().contains("database cannot be reached"), write.body());

            Api.Reply read = admin.get("api/status/Top");
            assertEquals(200, read.status(), "the state is read from memory: " + read);

            Api.Reply stranger =
                    Api.anonymous(server.url()).as(user, "latecomer-password").get("api/status/Top");
            assertEquals(503, stranger.status(), stranger.toString());
            assertTrue(stranger.header("Content-Type").startsWith("application/problem+json"), stranger.toString());
            assertTrue(stranger.body().contains("last hour"), stranger.body());

            db.open();
            Eventually.await(
                    "writes work again once the database is back",
                    WITHIN,
                    () -> admin.post(Api.object("Top") + "/children", """
                                    {"kind": "Group", "name": "%s"}""".formatted(after))
                                    .status()
                            == 201);
            assertEquals(
                    200,
                    Api.anonymous(server.url())
                            .as(user, "latecomer-password")
                            .get("api/status/Top")
                            .status());
        } finally {
            db.open();
            Api cleanup = CommonServer.get().api();
            cleanup.delete("api/users/" + Api.encode(user));
            cleanup.delete(Api.object("Top:" + during) + "?recursive=true");
            cleanup.delete(Api.object("Top:" + after) + "?recursive=true");
        }
    }
}
