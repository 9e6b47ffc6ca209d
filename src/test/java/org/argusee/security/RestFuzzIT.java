package org.argusee.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.DatabaseFingerprint;
import org.argusee.testsupport.DeployedServer;
import org.argusee.testsupport.Endpoints;
import org.argusee.testsupport.Endpoints.Endpoint;
import org.argusee.testsupport.FuzzTally;
import org.argusee.testsupport.Mutator;
import org.argusee.testsupport.ServerFigures;
import org.argusee.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's fuzzing of the REST API on the deployed server: malformed bodies, wrong types, huge values, Unicode,
 * nulls, unknown fields, bad query values and wrong content types at every endpoint {@link Endpoints} finds, as an
 * admin (so nothing is refused for its role). Figures: no 5xx, every error problem+json, and no refused write that
 * changed anything ({@link DatabaseFingerprint} of the server's database, taken after each write). The fuzz writes only under {@code Top:Fuzz} and to users, peers and
 * methods it names itself; what it made is removed at the end. CI form: 600 requests;
 * {@code -Dargus.fuzz.count=10000} for the full run (bench/fuzz.sh).
 */
class RestFuzzIT extends DeployedServer {

    private static final Logger LOG = Logger.getLogger(RestFuzzIT.class.getName());
    static final String FUZZ_ADMIN = "fuzzadmin";
    static final String FUZZ_PASSWORD = "fuzz-admin-password-2026";

    Api admin;
    final Set<String> existing = new HashSet<>();

    @AfterEach
    void cleanUp() {
        admin.send("DELETE", Api.object(RestInputs.ROOT) + "?recursive=true", null);
        for (String kind : List.of("users", "darp/peers", "notify/methods")) {
            for (String name : names(kind)) {
                if (!existing.contains(name)) {
                    admin.delete("api/" + kind + "/" + Api.encode(name));
                }
            }
        }
    }

    @Test
    void malformedRequestsToEveryEndpointGetA4xxProblemAndChangeNothing() {
        admin = Api.admin(base);
        for (String kind : List.of("users", "darp/peers", "notify/methods")) {
            existing.addAll(names(kind));
        }
        existing.addAll(objectNames());
        existing.add("Top");
        admin.post("api/users", """
                {"username": "%s", "password": "%s", "roles": ["admin"]}""".formatted(FUZZ_ADMIN, FUZZ_PASSWORD));
        Api fuzz = Api.anonymous(base).as(FUZZ_ADMIN, FUZZ_PASSWORD);
        List<String> objects = fixture();
        long seed = Mutator.seed();
        Mutator mutator = Mutator.ofTexts(seed, List.of("fuzz", "Top:Fuzz", "127.0.0.1", "60", "TCP/SSH"));
        RestInputs inputs = new RestInputs(
                mutator,
                objects,
                configTexts(),
                v -> v.startsWith(RestInputs.ROOT) || v.startsWith("fuzz") || !existing.contains(v));
        // a notification method's test sends through it: a fuzzed method could name a URL off this machine
        List<Endpoint> endpoints = Endpoints.all().stream()
                .filter(e ->
                        !(e.path().startsWith("/api/notify/methods") && e.path().endsWith("/test")))
                .toList();
        FuzzTally tally = new FuzzTally("REST (" + endpoints.size() + " endpoints)", seed);
        ServerFigures before = ServerFigures.read(admin);
        int count = Mutator.count(600);
        try (Connection db = TestDatabase.connect()) {
            run(fuzz, endpoints, inputs, mutator, tally, db, count);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        ServerFigures after = ServerFigures.read(admin);
        LOG.info("REST fuzz heap: " + before + " before, " + after + " after");
        String summary = tally.summary();
        assertEquals(List.of(), tally.failures(), summary);
    }

    private static void run(
            Api fuzz,
            List<Endpoint> endpoints,
            RestInputs inputs,
            Mutator mutator,
            FuzzTally tally,
            Connection db,
            int count) {
        Map<String, String> print = fingerprint(db);
        for (int i = 0; i < count; i++) {
            Endpoint e = endpoints.get(mutator.random().nextInt(endpoints.size()));
            RestInputs.Request r = inputs.next(e);
            long start = System.nanoTime();
            Api.Reply reply;
            try {
                reply = fuzz.send(r.method(), r.path(), r.body(), r.contentType());
            } catch (UncheckedIOException ex) {
                tally.failed("no answer", i, r + ": " + ex.getCause());
                continue;
            }
            String problem = problem(reply);
            if (problem != null) {
                tally.failed(problem, i, r + " -> " + reply.status() + " " + reply.body());
                continue;
            }
            if (e.writes()) {
                Map<String, String> now = fingerprint(db);
                if (reply.status() >= 400 && !now.equals(print)) {
                    tally.failed(
                            "refused but changed", i, r + " -> " + reply.status() + " changed " + changed(print, now));
                }
                print = now;
            }
            tally.ok(Integer.toString(reply.status()), System.nanoTime() - start);
        }
    }

    private static List<String> changed(Map<String, String> before, Map<String, String> after) {
        return before.keySet().stream()
                .filter(k -> !before.get(k).equals(after.get(k)))
                .toList();
    }

    /** Why an answer is wrong: a 5xx, or an error that is not problem+json; null when it is right. */
    static String problem(Api.Reply reply) {
        if (reply.status() >= 500) {
            return "5xx";
        }
        if (reply.status() >= 400) {
            String type = String.valueOf(reply.header("Content-Type"));
            if (!type.startsWith("application/problem+json")) {
                return "error not problem+json (" + type + ")";
            }
            try {
                Json.createReader(new StringReader(reply.body())).readObject();
            } catch (RuntimeException e) {
                return "problem+json that does not parse";
            }
        }
        return null;
    }

    /** A group, a host and a TCP service to a port nothing listens on, all the fuzz's own. */
    private List<String> fixture() {
        admin.post(Api.object("Top") + "/children", """
                {"kind": "Group", "name": "Fuzz", "parameters": [{"key": "frequency", "value": "300"}]}""");
        admin.post(Api.object(RestInputs.ROOT) + "/children", """
                {"kind": "Host", "name": "127.0.0.1"}""");
        String service = admin.post(Api.object(RestInputs.ROOT + ":127.0.0.1") + "/children", """
                        {"kind": "Service", "type": "TCP", "parameters": [{"key": "port", "value": "9"}]}""")
                .json()
                .getString("fullName");
        return List.of(RestInputs.ROOT, RestInputs.ROOT + ":127.0.0.1", service, RestInputs.ROOT + ":gone");
    }

    private static Map<String, String> fingerprint(Connection db) {
        try {
            return DatabaseFingerprint.of(db);
        } catch (SQLException e) {
            throw new IllegalStateException("the server's database cannot be read", e);
        }
    }

    private List<String> names(String kind) {
        List<String> out = new ArrayList<>();
        for (JsonValue v : admin.get("api/" + kind).array()) {
            jakarta.json.JsonObject o = v.asJsonObject();
            for (String key : List.of("username", "tag", "name")) {
                if (o.containsKey(key)) {
                    out.add(o.getString(key));
                    break;
                }
            }
        }
        return out;
    }

    /** Every object's full name and every number an id of another test's object could be. */
    private Set<String> objectNames() {
        Set<String> names = new HashSet<>();
        collect(admin.get("api/tree?depth=1000").json(), names);
        for (int id = 0; id < 1_000_000; id++) {
            names.add(Integer.toString(id)); // block and object ids: the fuzz's are far above
        }
        return names;
    }

    private static void collect(jakarta.json.JsonObject node, Set<String> names) {
        if (node.containsKey("fullName")) {
            names.add(node.getString("fullName"));
        }
        if (node.containsKey("children")) {
            for (JsonValue child : node.getJsonArray("children")) {
                collect(child.asJsonObject(), names);
            }
        }
    }

    private static JsonValue parse(String body) {
        try {
            return Json.createReader(new StringReader(body)).readValue();
        } catch (RuntimeException e) {
            return JsonValue.NULL;
        }
    }

    static List<String> configTexts() {
        try {
            List<String> texts = new ArrayList<>();
            for (String name : List.of("config", "config-darp-slave", "config-new-features")) {
                Path p = Path.of(
                        RestFuzzIT.class.getResource("/argusconf/" + name).toURI());
                texts.add(Files.readString(p));
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
