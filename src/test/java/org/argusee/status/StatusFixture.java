package org.argusee.status;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.DeployedServer;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A group of its own per test ({@code frequency: 1}, {@code retries: 1}, {@code timeout: 2}, {@code graph: yes})
 * with a host 127.0.0.1, listeners the test controls, and the calls the status tests share.
 */
abstract class StatusFixture extends DeployedServer {

    static final Duration WITHIN = Duration.ofSeconds(20);

    Api api;
    String group;
    String host;
    final List<TestListener> listeners = new ArrayList<>();
    final List<String> users = new ArrayList<>();

    @BeforeEach
    void createGroup() {
        api = Api.admin(base);
        group = "Top:st_" + UUID.randomUUID().toString().substring(0, 8);
        host = groupWithHost(group);
    }

    /** Creates the group {@code fullName} (under Top) with the settings above and its host; answers the host. */
    String groupWithHost(String fullName) {
        created(api.post(object("Top") + "/children", """
                {"kind": "Group", "name": "%s", "parameters": [
                  {"key": "frequency", "value": "1"}, {"key": "retries", "value": "1"},
                  {"key": "timeout", "value": "2"}, {"key": "graph", "value": "yes"}]}""".formatted(fullName.substring(4))));
        created(api.post(object(fullName) + "/children", """
                {"kind": "Host", "name": "127.0.0.1"}"""));
        return fullName + ":127.0.0.1";
    }

    @AfterEach
    void removeGroup() {
        api.delete(object(group) + "?recursive=true");
        listeners.forEach(TestListener::close);
        users.forEach(u -> api.delete("api/users/" + u));
    }

    TestListener listener(boolean healthy) {
        TestListener l = new TestListener(healthy);
        listeners.add(l);
        return l;
    }

    /** A TCP service on the listener's port under {@code parent}, expecting "OK"; returns its full name. */
    String service(String parent, TestListener listener, String... params) {
        StringBuilder p = new StringBuilder("""
                {"key": "port", "value": "%d"}, {"key": "expect", "value": "^OK"}""".formatted(listener.port()));
        for (int i = 0; i < params.length; i += 2) {
            p.append(", {\"key\": \"%s\", \"value\": \"%s\"}".formatted(params[i], params[i + 1]));
        }
        return created(api.post(object(parent) + "/children", """
                {"kind": "Service", "type": "TCP", "parameters": [%s]}""".formatted(p))).getString("fullName");
    }

    JsonObject status(String fullName) {
        Api.Reply reply = api.get(status(fullName, ""));
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    static String status(String fullName, String sub) {
        return "api/status/" + Api.encode(fullName) + sub;
    }

    /** Waits until the object shows {@code shown}; returns its status then. */
    JsonObject awaitShown(String fullName, String shown) {
        Eventually.await(
                fullName + " shows " + shown,
                WITHIN,
                () -> shown.equals(status(fullName).getString("displayStatus")));
        return status(fullName);
    }

    /** A user with only the role "user". */
    Api reader() {
        String name = "st_reader_" + UUID.randomUUID().toString().substring(0, 8);
        created(api.post("api/users", """
                {"username": "%s", "password": "reader-password-1", "roles": ["user"]}""".formatted(name)));
        users.add(name);
        return Api.anonymous(base).as(name, "reader-password-1");
    }

    static JsonObject created(Api.Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
        return reply.json();
    }

    static JsonObject ok(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }
}
