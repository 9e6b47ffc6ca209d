package org.argusee.web;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.argusee.status.TestListener;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.DeployedServer;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The live push's rule under a burst (issue 12): every socket either receives every change that concerns it, in
 * order, or is told to resync. Several hundred services on real loopback listeners flip together a few times (each
 * time their group is checked now, so thousands of changes arrive in large batches), watched by sockets of a user
 * who sees everything and of one who sees only part of the tree. In the end each socket's view (what it showed
 * before, with every push applied in order) must equal what /api/status answers that user, unless it got a resync.
 */
class LiveBurstIT extends DeployedServer {

    static final Duration WITHIN = Duration.ofSeconds(90);
    static final String PASSWORD = "burst-password-1";
    static final int LISTENERS = 10;
    static final int HOSTS_PER_GROUP = 15;
    static final int ROUNDS = 9;
    static final int SOCKETS_PER_USER = 10;

    final List<AutoCloseable> closing = new ArrayList<>();
    final List<String> users = new ArrayList<>();
    Api admin;
    String root;

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        if (root != null) {
            admin.delete(object(root) + "?recursive=true");
        }
        users.forEach(u -> admin.delete("api/users/" + u));
    }

    @Test
    void everySocketEndsConsistentWithTheApiOrWasToldToResync() {
        admin = Api.admin(base);
        List<TestListener> listeners = new ArrayList<>();
        for (int i = 0; i < LISTENERS; i++) {
            TestListener l = new TestListener(true);
            closing.add(l);
            listeners.add(l);
        }
        String name = "burst_" + UUID.randomUUID().toString().substring(0, 8);
        root = "Top:" + name;
        assertEquals(
                201, admin.post("api/objects/Top/children", """
                {"kind": "Group", "name": "%s"}""".formatted(name)).status());
        Api.Reply imported =
                admin.send("POST", "api/config/import?root=" + Api.encode(root), config(listeners), "text/plain");
        assertEquals(200, imported.status(), imported.toString());
        int services = 2 * HOSTS_PER_GROUP * LISTENERS;
        flip(listeners, true, services);

        Browser[] everything = logins("staff");
        Browser[] part = logins("user");
        List<Watcher> watchers = new ArrayList<>();
        for (Browser[] browsers : List.of(everything, part)) {
            Map<String, String> shown = shown(browsers[0]);
            assertEquals(
                    browsers == part ? services / 2 : services,
                    services(shown),
                    "acl_user hides the second group from the user only");
            for (Browser b : browsers) {
                LiveClient live = LiveClient.open(b);
                closing.add(live);
                live.hello();
                watchers.add(new Watcher(root, b, live, shown));
            }
        }

        for (int round = 1; round <= ROUNDS; round++) {
            flip(listeners, round % 2 == 0, services); // ends down: a missed push cannot hide behind the old status
        }

        Map<Browser, Map<String, String>> now = new HashMap<>();
        Eventually.awaitNone("every socket's view equals /api/status for its user, or it got a resync", WITHIN, () -> {
            now.clear();
            List<String> wrong = new ArrayList<>();
            for (Watcher w : watchers) {
                Map<String, String> api = now.computeIfAbsent(w.browser, this::shown);
                w.differences(api).ifPresent(wrong::add);
            }
            return wrong;
        });
    }

    /**
     * All listeners healthy or not, the group checked now, until every service shows it (for the admin). Checked now
     * again every 5 s while not: right after the import the scheduler may not know every service yet.
     */
    private void flip(List<TestListener> listeners, boolean healthy, int services) {
        listeners.forEach(l -> l.healthy(healthy));
        String shown = healthy ? "up" : "down";
        long[] checked = {0};
        Eventually.await("all " + services + " services " + shown, WITHIN, () -> {
            if (System.nanoTime() - checked[0] > 5_000_000_000L) {
                assertEquals(
                        200,
                        admin.post("api/status/" + Api.encode(root) + "/check", null)
                                .status());
                checked[0] = System.nanoTime();
            }
            return admin.get("api/status/" + Api.encode(root))
                            .json()
                            .getJsonObject("counts")
                            .getInt(shown, 0)
                    == services;
        });
    }

    /** Two groups of hosts with a service on each listener; the second hidden from role user by acl_user. */
    private static String config(List<TestListener> listeners) {
        StringBuilder sb = new StringBuilder();
        for (String group : List.of("seen", "hidden")) {
            sb.append("Group \"").append(group).append("\" {\n\tfrequency: 3600\n\tretries: 0\n\ttimeout: 5\n");
            if (group.equals("hidden")) {
                sb.append("\tacl_user: -ALL staff root\n");
            }
            for (int h = 0; h < HOSTS_PER_GROUP; h++) {
                sb.append("\tHost \"").append(group).append(h).append("\" {\n\t\thostname: 127.0.0.1\n");
                for (TestListener l : listeners) {
                    sb.append("\t\tService TCP {\n\t\t\tport: ")
                            .append(l.port())
                            .append("\n\t\t\texpect: ^OK\n\t\t}\n");
                }
                sb.append("\t}\n");
            }
            sb.append("}\n");
        }
        return sb.toString();
    }

    private Browser[] logins(String role) {
        String user = "burst_" + role + "_" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                201,
                admin.post("api/users", """
                {"username": "%s", "password": "%s", "roles": ["%s"]}""".formatted(user, PASSWORD, role)).status());
        users.add(user);
        Browser[] browsers = new Browser[SOCKETS_PER_USER];
        for (int i = 0; i < browsers.length; i++) {
            browsers[i] = new Browser(base);
            assertEquals(303, browsers[i].login(user, PASSWORD).statusCode());
        }
        return browsers;
    }

    private static long services(Map<String, String> shown) {
        return shown.keySet().stream().filter(n -> n.split(":").length == 5).count();
    }

    /** What the browser's user is shown of the root and under it, object by object (display status), by the API. */
    private Map<String, String> shown(Browser browser) {
        Map<String, String> out = new HashMap<>();
        children(browser, "Top").stream()
                .filter(row -> row.getString("fullName").equals(root))
                .forEach(row -> out.put(root, row.getString("displayStatus")));
        List<String> open = new ArrayList<>(List.of(root));
        while (!open.isEmpty()) {
            String parent = open.remove(open.size() - 1);
            for (JsonObject row : children(browser, parent)) {
                out.put(row.getString("fullName"), row.getString("displayStatus"));
                if (!row.getString("kind").equals("Service")) {
                    open.add(row.getString("fullName"));
                }
            }
        }
        return out;
    }

    private static List<JsonObject> children(Browser browser, String parent) {
        var r = browser.get("api/status/" + Api.encode(parent) + "/children");
        assertEquals(200, r.statusCode(), r.body());
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(r.body()))) {
            return reader.readArray().getValuesAs(JsonObject.class);
        }
    }

    /** One socket and what its page showed when it opened. */
    private record Watcher(String root, Browser browser, LiveClient live, Map<String, String> before) {

        /** Where the view (before, then each push in order) differs from the API's answer; empty after a resync. */
        java.util.Optional<String> differences(Map<String, String> api) {
            Map<String, String> view = new HashMap<>(before);
            List<JsonObject> messages = live.messages();
            long seq = Long.MIN_VALUE;
            for (JsonObject m : messages) {
                if (m.containsKey("seq")) {
                    long next = m.getJsonNumber("seq").longValue();
                    if (next < seq) {
                        return java.util.Optional.of("socket " + System.identityHashCode(live) + ": seq " + next
                                + " after " + seq + ": out of order");
                    }
                    seq = next;
                }
                switch (m.getString("type")) {
                    case "resync" -> {
                        return java.util.Optional.empty();
                    }
                    case "status" -> {
                        JsonObject row = m.getJsonObject("row");
                        view.put(row.getString("fullName"), row.getString("displayStatus"));
                    }
                    default -> {}
                }
            }
            List<String> wrong = new ArrayList<>();
            api.forEach((name, status) -> {
                if (!status.equals(view.get(name))) {
                    wrong.add(name + " shows " + view.get(name) + ", the API " + status);
                }
            });
            view.keySet().stream()
                    .filter(n -> n.startsWith(root + ":") && !api.containsKey(n))
                    .forEach(n -> wrong.add(n + " pushed, but the API does not show it to this user"));
            return wrong.isEmpty()
                    ? java.util.Optional.empty()
                    : java.util.Optional.of(
                            "socket " + System.identityHashCode(live) + ": " + wrong.size() + " wrong, e.g. "
                                    + wrong.subList(0, Math.min(3, wrong.size())) + " (" + messages.size()
                                    + " messages" + (live.closed() ? ", closed " + live.closeCode() : "") + ")");
        }
    }
}
