package org.argusee.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.ArgusServer;
import org.argusee.testsupport.ArgusServers;
import org.argusee.testsupport.Eventually;
import org.argusee.testsupport.ProgAccount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15, finding 4, on a real server with {@code argus.prog.user}: a Prog service and a program notification
 * method each run the attack of the finding (read {@code /proc/<server>/environ}, its {@code cmdline} and the initial
 * admin password file) and say who they ran as. On the code before, both ran as the server's user (root here) and
 * found the database password and the DARP secret in the environment and the password in its file.
 */
class ProgIsolationIT {

    private static final Duration WITHIN = Duration.ofSeconds(40);
    private static final String DARP_SECRET = "darp-secret-" + UUID.randomUUID();

    @RegisterExtension
    static final ArgusServers SERVERS = new ArgusServers();

    static ArgusServer server;
    static Api api;
    static String adminPassword;
    static Path drop;

    @BeforeAll
    static void boot() throws IOException {
        ProgAccount.ensure();
        server = SERVERS.create("progiso")
                .property("argus.prog.user", ProgAccount.NAME)
                .property("argus.notify.qtime", "0")
                .property("argus.notify.retry-seconds", "1")
                .secret("argus.darp.master.secret", DARP_SECRET)
                // no bootstrap password: the server writes a random one to its data directory
                .secret("argus.bootstrap.admin-password", "");
        server.start();
        adminPassword = Files.readString(server.dataDir().resolve("argus-initial-admin-password"))
                .strip();
        api = server.anonymousApi().as("admin", adminPassword);
        // where the program method may write (the prog user has no other place)
        drop = Files.createTempDirectory("prog-isolation-");
        Files.setPosixFilePermissions(drop, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    @AfterAll
    static void removeDrop() throws IOException {
        if (drop != null) {
            try (var files = Files.list(drop)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(drop);
        }
    }

    @Test
    void aProgServiceRunsAsTheProgUserAndFindsNoSecret() {
        String group = group();
        String service = prog(
                group,
                attack(),
                "{\"key\": \"expect\", \"value\": \".\"}, {\"key\": \"uname\", \"value\": \"attack\"}");
        Eventually.await(
                service + " has a result", WITHIN, () -> status(service).containsKey("result"));
        assertNothingFound(status(service).getString("result"));
    }

    @Test
    void aProgramNotificationMethodRunsAsTheProgUserAndFindsNoSecret() throws Exception {
        try (Connection c = server.database().connect();
                PreparedStatement s = c.prepareStatement(
                        "insert into argus.notify_method (name, kind, command) values ('attack', 'program', ?)")) {
            s.setString(1, "(" + attack() + ") > \"%R\"");
            s.executeUpdate();
        }
        Path out = drop.resolve("method-out");
        Path down = drop.resolve("go-down");
        String group = group();
        String service = prog(group, "test ! -e " + down, "{\"key\": \"notify\", \"value\": \"attack:" + out + "\"}");
        Eventually.await(
                service + " up", WITHIN, () -> "up".equals(status(service).getString("status")));
        Files.createFile(down);
        Eventually.await("the program method ran", WITHIN, () -> !read(out).isEmpty());
        Eventually.await(
                "the program method finished", WITHIN, () -> read(out).lines().count() == 4);
        assertNothingFound(read(out));
    }

    /**
     * Who the command runs as, then per file how many lines hold a secret, then the size of the server's command
     * line: it is readable by every user, so it must hold none. Secrets sit on a line of their own in environ
     * (NUL-separated, made lines by tr).
     */
    private static String attack() {
        String secrets = List.of(
                        DARP_SECRET,
                        adminPassword,
                        "DB_PASSWORD=" + server.database().password(),
                        "argus.db.password",
                        "admin-password")
                .stream()
                .map(s -> "-e '" + s + "'")
                .reduce((a, b) -> a + " " + b)
                .orElseThrow();
        // the server's pid and data directory spelled out: a program method has no $ARGUS_PID or $ARGUS_DATA;
        // stderr to /dev/null before the file is opened, so the shell's "cannot open" goes there too (a Prog
        // service's stderr is part of its value)
        String proc = "/proc/" + server.pid();
        return "id -u; for f in " + proc + "/environ " + proc + "/cmdline "
                + server.dataDir().resolve("argus-initial-admin-password")
                + "; do echo \"$(basename $f) $(tr '\\000' '\\n' 2>/dev/null < $f"
                + " | grep -c -F " + secrets + ")\"; done";
    }

    private static void assertNothingFound(String output) {
        assertEquals(
                List.of(
                        Long.toString(ProgAccount.ensure()),
                        "environ 0",
                        "cmdline 0",
                        "argus-initial-admin-password 0"),
                output.lines().toList(),
                "the command ran as " + ProgAccount.NAME + " and read no secret");
        assertTrue(!output.contains(adminPassword) && !output.contains(DARP_SECRET));
    }

    private static String group() {
        String name = "iso_" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply r = api.post(Api.object("Top") + "/children", """
                {"kind": "Group", "name": "%s", "parameters": [
                  {"key": "frequency", "value": "1"}, {"key": "retries", "value": "0"},
                  {"key": "timeout", "value": "5"}]}""".formatted(name));
        assertEquals(201, r.status(), r.toString());
        return "Top:" + name;
    }

    private static String prog(String group, String command, String extraParameter) {
        JsonObject commandParameter = Json.createObjectBuilder()
                .add("key", "command")
                .add("value", command)
                .build();
        Api.Reply r = api.post(Api.object(group) + "/children", """
                {"kind": "Service", "type": "Prog", "parameters": [%s, %s]}""".formatted(commandParameter, extraParameter));
        assertEquals(201, r.status(), r.toString());
        return r.json().getString("fullName");
    }

    private static JsonObject status(String fullName) {
        return api.get(Api.object(fullName)).json().getJsonObject("status");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
