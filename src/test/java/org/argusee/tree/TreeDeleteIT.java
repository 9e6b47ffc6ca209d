package org.argusee.tree;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.DeployedServer;
import org.argusee.testsupport.Eventually;
import org.argusee.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: a recursive delete of a group of 20,000 services while the status writer stores their first results
 * (each goes from unknown to down, so the writer stores thousands of rows a round, in one transaction each). Both
 * lock the services' rows; they used to lock them in different orders and the delete failed with a deadlock (500)
 * one time in a few. The services probe a closed loopback port: nothing leaves the machine.
 */
class TreeDeleteIT extends DeployedServer {

    private static final int HOSTS = 200;
    private static final int SERVICES_PER_HOST = 100;

    Api api;
    String group;

    @BeforeEach
    void createGroup() {
        api = Api.admin(base);
        group = "del_" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                201, api.post(object("Top") + "/children", """
                {"kind": "Group", "name": "%s"}""".formatted(group)).status());
    }

    @AfterEach
    void removeLeftovers() {
        api.send("DELETE", object("Top:" + group) + "?recursive=true", null, null, Duration.ofSeconds(180));
    }

    @Test
    void recursiveDeleteWhileTheWriterStoresTheirStatuses() throws Exception {
        // 20,000 services: the import, and the delete below, may take longer than the client's usual 30 s
        Api.Reply imported = api.send(
                "POST", "api/config/import?root=Top:" + group, config(), "text/plain", Duration.ofSeconds(180));
        assertEquals(200, imported.status(), imported.toString());

        // the writer is busy: some of the services have a stored status, most are still to come
        Eventually.await("statuses stored for the group", Duration.ofSeconds(60), () -> stored() >= 500);
        long deadlocks = count("select deadlocks from pg_stat_database where datname = current_database()");
        Api.Reply deleted =
                api.send("DELETE", object("Top:" + group) + "?recursive=true", null, null, Duration.ofSeconds(180));

        assertEquals(204, deleted.status(), deleted.toString());
        assertEquals(404, api.get(object("Top:" + group)).status());
        assertEquals(0, stored(), "no status rows are left of the deleted services");
        // when PostgreSQL picked the writer as the victim, the delete went through but the writer's batch failed;
        // a backend's counters reach pg_stat_database within about a second of its next commit
        Eventually.holds(
                "no deadlock between the delete and the status writer",
                Duration.ofSeconds(3),
                () -> count("select deadlocks from pg_stat_database where datname = current_database()") == deadlocks);
    }

    /** Services spread over 10 s, so the first results (down: nothing listens) come in for seconds. */
    private static String config() {
        StringBuilder b = new StringBuilder("frequency: 10s\nretries: 0\ntimeout: 2\n");
        for (int h = 0; h < HOSTS; h++) {
            b.append("Host \"h").append(h).append("\" {\n\thostname: 127.0.0.1\n");
            for (int s = 0; s < SERVICES_PER_HOST; s++) {
                b.append("\tService TCP {\n\t\tport: 9\n\t\tuname: s").append(s).append("\n\t}\n");
            }
            b.append("}\n");
        }
        return b.toString();
    }

    private long stored() {
        return count(
                "select count(*) from argus.object_status s join argus.object_full_name f on f.id = s.object_id"
                        + " where f.full_name like ?",
                "Top:" + group + ":%");
    }

    private static long count(String sql, String... args) {
        try (Connection db = TestDatabase.connect();
                PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
