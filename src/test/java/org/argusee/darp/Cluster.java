package org.argusee.darp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.ArgusServer;

/**
 * What the DARP tests between real servers ({@code DarpClusterIT}, {@code DarpFailoverIT},
 * {@code DarpStreamRecoveryIT}) do to and read from the servers of {@link org.argusee.testsupport.ArgusServers}:
 * peers on a master, slave settings, objects, statuses, link states, each server's view of an object, transition
 * logs, notifications and their deliveries, and the master's stored sequence numbers. Everything goes through the
 * public REST API, except the sequence number, which only the master's database holds.
 */
final class Cluster {

    /** The master's tag in these tests: its server name. */
    static final String MASTER = "master";
    /** How long a single API answer or a state the servers reach on their own may take on a loaded machine. */
    static final Duration WITHIN = Duration.ofSeconds(20);

    private Cluster() {}

    /**
     * Makes {@code slave} a slave of the server at {@code masterUrl} (the master itself or a relay to it), with a
     * short timeout and reconnect cap so that the tests see failures and recoveries within seconds.
     */
    static void slaveOf(ArgusServer slave, String masterUrl, String secret, int timeoutSeconds, int frequencySeconds) {
        slave.property("argus.darp.master.url", masterUrl)
                .property("argus.darp.master.tag", MASTER)
                .property("argus.darp.master.timeout", Integer.toString(timeoutSeconds))
                .property("argus.darp.master.frequency", Integer.toString(frequencySeconds))
                // the tests' services are Prog commands testing a file: a slave runs none unless it allows them
                .property("argus.darp.allow-programs", "true")
                // a slave refused before its peer exists comes back at once when it is added (the masters here
                // allow 1000 failed logins); DarpPeerEditIT sets the default back to test it
                .property("argus.darp.master.refused-wait", "1")
                .secret("argus.darp.master.secret", secret);
    }

    /** A slave peer on the master, its secret set through the API. */
    static void peer(ArgusServer master, String tag, String addresses, String secret, int timeoutSeconds) {
        Api.Reply reply = master.api().post("api/darp/peers", """
                {"tag": "%s", "role": "slave", "allowedAddresses": [%s], "timeoutSeconds": %d, "secret": "%s"}""".formatted(tag, addresses, timeoutSeconds, secret));
        assertEquals(201, reply.status(), "peer " + tag + " on " + master.name() + ": " + reply);
    }

    static void allow(ArgusServer master, String tag, String addresses) {
        Api.Reply reply = master.api().put("api/darp/peers/" + tag, "{\"allowedAddresses\": [" + addresses + "]}");
        assertEquals(200, reply.status(), "addresses of " + tag + " on " + master.name() + ": " + reply);
    }

    /** Creates a child of {@code parent} from the objects API's JSON; answers its full name. */
    static String create(ArgusServer server, String parent, String json) {
        Api.Reply created = server.api().post(Api.object(parent) + "/children", json);
        assertEquals(201, created.status(), "create under " + parent + " on " + server.name() + ": " + created);
        return created.json().getString("fullName");
    }

    static void parameter(ArgusServer server, String fullName, String key, String value) {
        Api.Reply put = server.api()
                .put(Api.object(fullName) + "/parameters/" + key, "{\"value\": \"" + value + "\", \"local\": false}");
        assertEquals(200, put.status(), key + " of " + fullName + " on " + server.name() + ": " + put);
    }

    /** The object's own parameter as stored on this server, if the object and the parameter are there. */
    static Optional<String> ownParameter(ArgusServer server, String fullName, String key) {
        Api.Reply reply = server.api().get(Api.object(fullName));
        if (reply.status() == 404) {
            return Optional.empty();
        }
        assertEquals(200, reply.status(), fullName + " on " + server.name() + ": " + reply);
        return reply.json().getJsonArray("parameters").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("key").equals(key))
                .map(p -> p.getString("value"))
                .findFirst();
    }

    static boolean exists(ArgusServer server, String fullName) {
        int status = server.api().get(Api.object(fullName)).status();
        if (status != 200 && status != 404) {
            throw new AssertionError(fullName + " on " + server.name() + ": HTTP " + status);
        }
        return status == 200;
    }

    /** {@code /api/status/{fullName}}: the status the server shows (on a master, the combined one), or null if absent. */
    static JsonObject status(ArgusServer server, String fullName) {
        Api.Reply reply = server.api().get("api/status/" + Api.encode(fullName));
        if (reply.status() == 404) {
            return null;
        }
        assertEquals(200, reply.status(), "status of " + fullName + " on " + server.name() + ": " + reply);
        return reply.json();
    }

    /** The shown status label (up, down, unknown), or "absent" when the server has no such object. */
    static String statusOf(ArgusServer server, String fullName) {
        JsonObject s = status(server, fullName);
        return s == null ? "absent" : s.getString("status");
    }

    /** When the server last checked the object (null: never), from {@code checkedAt}. */
    static String checkedAt(ArgusServer server, String fullName) {
        JsonObject s = status(server, fullName);
        // JSON-B leaves a null out, and isNull throws on an absent key
        return s != null && s.get("checkedAt") instanceof JsonString at ? at.getString() : null;
    }

    /** The server's link to peer {@code tag} from {@code /api/darp/connections}: connected, down, never, or absent. */
    static String link(ArgusServer server, String tag) {
        return connection(server, tag).map(c -> c.getString("state")).orElse("absent");
    }

    static Optional<JsonObject> connection(ArgusServer server, String tag) {
        Api.Reply reply = server.api().get("api/darp/connections");
        assertEquals(200, reply.status(), "connections on " + server.name() + ": " + reply);
        return reply.array().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("tag").equals(tag))
                .findFirst();
    }

    /** The DARP view of an object on a server ({@code /api/darp/objects/...}), whole. */
    static JsonObject viewOf(ArgusServer server, String fullName) {
        Api.Reply reply = server.api().get("api/darp/objects/" + Api.encode(fullName));
        assertEquals(200, reply.status(), "DARP view of " + fullName + " on " + server.name() + ": " + reply);
        return reply.json();
    }

    /** Each server's view of an object on the master ({@code /api/darp/objects/...}), by tag. */
    static Map<String, JsonObject> views(ArgusServer master, String fullName) {
        Map<String, JsonObject> byTag = new LinkedHashMap<>();
        viewOf(master, fullName)
                .getJsonArray("servers")
                .getValuesAs(JsonObject.class)
                .forEach(r -> byTag.put(r.getString("tag"), r));
        return byTag;
    }

    /** What the master holds as {@code tag}'s last report of the object: up, down, unknown, or "none" (no row). */
    static String reported(ArgusServer master, String fullName, String tag) {
        JsonObject row = views(master, fullName).get(tag);
        return row == null ? "none" : row.getString("status");
    }

    /** The object's transition log on the server, oldest first (the API gives newest first). */
    static List<JsonObject> transitions(ArgusServer server, String fullName) {
        Api.Reply reply = server.api().get("api/status/" + Api.encode(fullName) + "/transitions?limit=200");
        assertEquals(200, reply.status(), "transitions of " + fullName + " on " + server.name() + ": " + reply);
        List<JsonObject> items =
                new ArrayList<>(reply.json().getJsonArray("items").getValuesAs(JsonObject.class));
        Collections.reverse(items);
        return items;
    }

    /**
     * What is wrong with a transition log: a transition to the status it came from, or one that does not start
     * where the one before it ended. A report applied twice, or an old one applied after a newer one, shows as one
     * of these.
     */
    static List<String> inconsistencies(String fullName, List<JsonObject> log) {
        List<String> problems = new ArrayList<>();
        String previous = null;
        for (JsonObject t : log) {
            String from = t.getString("from", null);
            String to = t.getString("to", null);
            if (from != null && from.equals(to)) {
                problems.add(fullName + ": " + from + " -> " + to + " at " + t.getString("at", "?"));
            }
            if (previous != null && from != null && !previous.equals(from)) {
                problems.add(fullName + ": from " + from + " after a transition to " + previous + " at "
                        + t.getString("at", "?"));
            }
            previous = to;
        }
        return problems;
    }

    /** The master's durable {@code darp_link.last_seq} for the slave (-1: no row yet). */
    static long storedLastSeq(ArgusServer master, String slaveTag) {
        try (Connection db = master.database().connect();
                PreparedStatement s = db.prepareStatement("select last_seq from argus.darp_link where tag = ?")) {
            s.setString(1, slaveTag);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new AssertionError(
                    "cannot read darp_link of " + slaveTag + " in "
                            + master.database().name(),
                    e);
        }
    }

    /** The last report number the slave has had acked, as its own connections view shows its master's link. */
    static long slaveLastAcked(ArgusServer slave) {
        JsonObject c =
                connection(slave, MASTER).orElseThrow(() -> new AssertionError(slave.name() + " shows no master"));
        return c.get("lastSeq") instanceof JsonNumber n ? n.longValue() : -1;
    }

    /** A Prog service up exactly while {@code $ARGUS_DATA/<file>} exists on the server that runs it. */
    static String reachService(String uname, String file, String... parameters) {
        StringBuilder params = new StringBuilder("{\"key\": \"uname\", \"value\": \"" + uname + "\"}, "
                + "{\"key\": \"command\", \"value\": \"test -e \\\"$ARGUS_DATA/" + file + "\\\"\"}");
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            params.append(", {\"key\": \"")
                    .append(parameters[i])
                    .append("\", \"value\": \"")
                    .append(parameters[i + 1])
                    .append("\"}");
        }
        return "{\"kind\": \"Service\", \"type\": \"Prog\", \"parameters\": [" + params + "]}";
    }

    /** A group under Top with these parameters (key, value, key, value...). */
    static String group(String name, String... parameters) {
        StringBuilder params = new StringBuilder();
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            params.append(params.length() == 0 ? "" : ", ")
                    .append("{\"key\": \"")
                    .append(parameters[i])
                    .append("\", \"value\": \"")
                    .append(parameters[i + 1])
                    .append("\"}");
        }
        return "{\"kind\": \"Group\", \"name\": \"" + name + "\", \"parameters\": [" + params + "]}";
    }

    /**
     * A condition for {@link org.argusee.testsupport.Eventually#await}: true once {@code value} has stayed the same
     * for {@code quiet} (a service no longer probed keeps its check time). Starts counting at the first call.
     */
    static Supplier<Boolean> unchangedFor(Duration quiet, Supplier<String> value) {
        Object[] last = {new Object()};
        Instant[] since = {Instant.now()};
        return () -> {
            String v = value.get();
            Instant now = Instant.now();
            if (!Objects.equals(v, last[0])) {
                last[0] = v;
                since[0] = now;
            }
            return Duration.between(since[0], now).compareTo(quiet) >= 0;
        };
    }

    /** The server's notifications of the object ({@code /api/notifications}), newest first. */
    static List<JsonObject> notifications(ArgusServer server, String object) {
        Api.Reply r = server.api().get("api/notifications?object=" + Api.encode(object));
        assertEquals(200, r.status(), r.toString());
        return r.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    /** The states of a notification's deliveries (created, queued, sent, failed, acked). */
    static List<String> deliveryStates(ArgusServer server, JsonObject notification) {
        Api.Reply r = server.api()
                .get("api/notifications/" + notification.getJsonNumber("id").longValue());
        assertEquals(200, r.status(), r.toString());
        return r.json().getJsonArray("deliveries").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("state"))
                .toList();
    }
}
