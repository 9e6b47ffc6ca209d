package org.argusee.argusconf;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.DeployedServer;
import org.argusee.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Argus 3.7 configuration files through the API: check, import under a root, dry run, replace, export. */
class ConfigIT extends DeployedServer {

    private static final String BRANCH = """
            frequency: 5m
            Group "Servers" {
                notify: mail:ops@example.com
                Host "mail.example.com" {
                    Service TCP/SMTP
                    Service Ping {
                        retries: 4
                    }
                }
            }
            """;

    Api api;
    String root;

    @BeforeEach
    void rootOfItsOwn() {
        api = Api.admin(base);
        root = newGroup("conf_");
    }

    @Test
    void checkReportsCountsOfARealArgusConfig() {
        JsonObject report =
                send("check", "", "text/plain", resource("/argusconf/config")).json();
        assertTrue(report.getBoolean("ok"), report.toString());
        JsonObject objects = report.getJsonObject("objects");
        assertEquals(5, objects.getInt("Group"));
        assertEquals(3, objects.getInt("Host"));
        assertEquals(18, objects.getInt("Service"));
    }

    @Test
    void checkReportsErrorsWithLinesAndChangesNothing() throws SQLException {
        long before = revision();
        JsonObject report = send(
                        "check", "", "text/plain", "Gropu \"x\" {\n}\nService Ping\n".getBytes(StandardCharsets.UTF_8))
                .json();
        assertFalse(report.getBoolean("ok"));
        assertTrue(report.getInt("errors") >= 2, report.toString());
        JsonObject first = report.getJsonArray("diagnostics").getJsonObject(0);
        assertEquals(1, first.getInt("line"), report.toString());
        assertEquals(before, revision());
    }

    @Test
    void importUnderARootThenExportReadsBackTheSame() throws SQLException {
        long before = revision();
        JsonObject report = ok(send("import", "root=" + Api.encode(root), "text/plain", text(BRANCH)));
        assertTrue(report.getBoolean("applied"));
        assertEquals(before + 1, revision(), "one import, one configuration revision");
        assertTrue(
                report.getJsonArray("added").getValuesAs(jakarta.json.JsonString.class).stream()
                        .anyMatch(s -> s.getString().equals(root + ":Servers:mail.example.com:SMTP_mail.example.com")),
                report.toString());
        JsonObject ping = api.get(object(root + ":Servers:mail.example.com:Ping_mail.example.com"))
                .json();
        assertEquals("4", ping.getJsonArray("parameters").getJsonObject(0).getString("value"));

        String exported = api.get("api/config/export?root=" + Api.encode(root + ":Servers"))
                .body();
        String copy = newGroup("copy_");
        ok(send("import", "root=" + Api.encode(copy), "text/plain", text(exported)));
        assertEquals(
                exported,
                api.get("api/config/export?root=" + Api.encode(copy + ":Servers"))
                        .body());
    }

    @Test
    void dryRunShowsTheDiffAndChangesNothing() throws SQLException {
        ok(send("import", "root=" + Api.encode(root), "text/plain", text(BRANCH)));
        long before = revision();
        JsonObject plan = ok(send(
                "import",
                "root=" + Api.encode(root) + "&mode=replace&dryRun=true",
                "text/plain",
                text("Group \"Servers\" {\n    Host \"web.example.com\" {\n    }\n}\n")));
        assertFalse(plan.getBoolean("applied"));
        assertEquals(List.of(root + ":Servers:web.example.com"), strings(plan, "added"));
        assertTrue(strings(plan, "removed").contains(root + ":Servers:mail.example.com"), plan.toString());
        assertEquals(before, revision());
        assertEquals(200, api.get(object(root + ":Servers:mail.example.com")).status());
    }

    /** A merge finds what exists at every depth, and adds new subtrees (only new parents above them) beside it. */
    @Test
    void mergeAddsBesideWhatExistsAtEveryDepth() {
        ok(send("import", "root=" + Api.encode(root), "text/plain", text(BRANCH)));
        JsonObject report = ok(send("import", "root=" + Api.encode(root), "text/plain", text("""
                        Group "Servers" {
                            Host "mail.example.com" {
                                Service Ping {
                                    retries: 5
                                }
                                Service TCP/IMAP
                            }
                            Group "More" {
                                Host "db.example.com" {
                                    Service Ping
                                }
                            }
                        }
                        """)));
        String servers = root + ":Servers";
        assertEquals(
                List.of(
                        servers + ":mail.example.com:IMAP_mail.example.com",
                        servers + ":More",
                        servers + ":More:db.example.com",
                        servers + ":More:db.example.com:Ping_db.example.com"),
                strings(report, "added"),
                report.toString());
        assertEquals(List.of(servers + ":mail.example.com:Ping_mail.example.com"), strings(report, "changed"));
        JsonObject ping = api.get(object(servers + ":mail.example.com:Ping_mail.example.com"))
                .json();
        assertEquals("5", ping.getJsonArray("parameters").getJsonObject(0).getString("value"));
        assertEquals(
                200,
                api.get(object(servers + ":mail.example.com:SMTP_mail.example.com"))
                        .status());
        assertEquals(
                200,
                api.get(object(servers + ":More:db.example.com:Ping_db.example.com"))
                        .status());
    }

    @Test
    void replaceMakesTheBranchExactlyTheFiles() {
        ok(send("import", "root=" + Api.encode(root), "text/plain", text(BRANCH)));
        ok(send(
                "import",
                "root=" + Api.encode(root) + "&mode=replace",
                "text/plain",
                text("Group \"Servers\" {\n    Host \"web.example.com\" {\n    }\n}\n")));
        assertEquals(404, api.get(object(root + ":Servers:mail.example.com")).status());
        assertEquals(200, api.get(object(root + ":Servers:web.example.com")).status());
        JsonObject servers = api.get(object(root + ":Servers")).json();
        assertTrue(servers.getJsonArray("parameters").isEmpty(), "replace drops notify: " + servers);
    }

    @Test
    void aConfigWithErrorsImportsNothing() throws SQLException {
        long before = revision();
        Api.Reply reply = send(
                "import",
                "root=" + Api.encode(root),
                "text/plain",
                text("Group \"ok\" {\n    frequency: 10x\n}\nGroup \"broken\" {\n"));
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.body().contains("10x"), reply.body());
        assertEquals(before, revision());
        assertEquals(404, api.get(object(root + ":ok")).status());
    }

    @Test
    void aConfigDirectoryArrivesAsAZip() throws IOException {
        JsonObject report = send(
                        "check", "", "application/zip", zip(Path.of("src/test/resources/argusconf/config-big")))
                .json();
        assertTrue(report.getBoolean("ok"), report.toString());
        assertEquals(92, report.getJsonObject("objects").getInt("Group"));
        assertEquals(590, report.getJsonObject("objects").getInt("Service"));
    }

    @Test
    void darpBlockBecomesPeersWithVerifiers() throws SQLException {
        String tag = "m" + UUID.randomUUID().toString().substring(0, 8);
        String config = """
                DARP "%1$s" {
                    secret: shared-secret-1
                    slave "%1$s-s1" {
                        hostname: 127.0.0.1
                        remote_url: http://127.0.0.1:8180/
                    }
                    slave "%1$s-s2" {
                        hostname: slave2.example.com
                        secret: hush!
                    }
                }
                """.formatted(tag);
        JsonObject dry = ok(send("import", "root=" + Api.encode(root) + "&dryRun=true", "text/plain", text(config)));
        assertEquals(List.of(tag + "-s1", tag + "-s2"), strings(dry, "darpPeersAdded"));
        assertEquals(404, api.get("api/darp/peers/" + tag + "-s1").status(), "a dry run adds no peer");
        try {
            JsonObject report = ok(send("import", "root=" + Api.encode(root), "text/plain", text(config)));
            assertEquals(List.of(tag + "-s1", tag + "-s2"), strings(report, "darpPeersAdded"));
            assertTrue(
                    strings(report, "notes").stream().anyMatch(n -> n.contains("ARGUS_DARP_TAG=" + tag)),
                    report.toString());
            assertTrue(strings(report, "notes").stream().anyMatch(n -> n.contains("shorter")), report.toString());
            Api.Reply peer = api.get("api/darp/peers/" + tag + "-s1");
            assertTrue(peer.json().getBoolean("secretSet"));
            assertFalse(peer.body().contains("shared-secret-1"));
            assertTrue(
                    verifier(tag + "-s1").matches("shared-secret-1"), "the DARP block's secret applies to its slaves");
            assertTrue(verifier(tag + "-s2").matches("hush!"));
        } finally {
            api.delete("api/darp/peers/" + tag + "-s1");
            api.delete("api/darp/peers/" + tag + "-s2");
        }
    }

    @Test
    void methodsCronAndSnmpoidBlocksAreStoredAndExported() throws SQLException {
        String config = """
                Method "pager" {
                	command: /usr/local/bin/page %R
                	schedule "nights" {
                		mon 18:00 - 24:00 => yes
                	}
                }
                snmpoid myOid .1.3.6.1.4.1.99.1
                Group "G" {
                	cron "0 * * * *" {
                		func: override
                	}
                }
                """;
        JsonObject report = ok(send("import", "root=" + Api.encode(root), "text/plain", text(config)));
        assertEquals(
                List.of(
                        root + ": Method \"pager\" added",
                        root + ": snmpoid \"myOid\" added",
                        root + ":G: cron \"0 * * * *\" added"),
                strings(report, "blocks"));
        String exported = api.get("api/config/export?root=" + Api.encode(root)).body();
        assertTrue(
                exported.contains("Method \"pager\" {\n\tcommand: /usr/local/bin/page %R\n\tschedule nights {\n"
                        + "\t\tmon 18:00 - 24:00 => yes\n\t}\n}\n"),
                exported);
        assertTrue(exported.contains("\t\tcron \"0 * * * *\" {\n\t\t\tfunc: override\n\t\t}\n"), exported);
        assertTrue(exported.startsWith("Method"), "Methods are global: written first, at top level: " + exported);

        long before = revision();
        JsonObject again = ok(send("import", "root=" + Api.encode(root), "text/plain", text(config)));
        assertFalse(again.getBoolean("applied"), "the same blocks again change nothing: " + again);
        assertEquals(before, revision());

        JsonObject merged = ok(send(
                "import",
                "root=" + Api.encode(root),
                "text/plain",
                text("Method \"pager\" {\n\tcommand: /bin/true\n}\n")));
        assertEquals(List.of(root + ": Method \"pager\" changed"), strings(merged, "blocks"));
        String afterMerge =
                api.get("api/config/export?root=" + Api.encode(root)).body();
        assertTrue(afterMerge.contains("snmpoid myOid .1.3.6.1.4.1.99.1"), "merge keeps the others: " + afterMerge);
        assertFalse(afterMerge.contains("schedule"), "the file's Method replaces the whole block: " + afterMerge);

        JsonObject replaced = ok(
                send("import", "root=" + Api.encode(root) + "&mode=replace", "text/plain", text("Group \"G\" {\n}\n")));
        assertTrue(
                strings(replaced, "blocks")
                        .containsAll(
                                List.of(root + ": Method \"pager\" removed", root + ":G: cron \"0 * * * *\" removed")),
                replaced.toString());
        assertFalse(api.get("api/config/export?root=" + Api.encode(root)).body().contains("snmpoid"));
    }

    @Test
    void blockRowsBrokenBySqlAreRefusedByTheDatabase() throws SQLException {
        ok(send("import", "root=" + Api.encode(root), "text/plain", text("Method \"m\" {\n\tcommand: x\n}\n")));
        try (Connection c = TestDatabase.connect()) {
            long method = scalar(
                    c,
                    "select b.id from argus.config_block b join argus.object o on o.id = b.object_id"
                            + " where o.name = '" + root.substring(4) + "' and b.keyword = 'Method'");
            for (String sql : List.of(
                    "update argus.config_block set keyword = 'Methd' where id = " + method,
                    "update argus.config_block set name = null where id = " + method,
                    "insert into argus.config_block (object_id, parent_id, keyword, name) select object_id, id,"
                            + " 'cron', 'x' from argus.config_block where id = " + method,
                    "insert into argus.config_block_line (block_id, position, key, value) values (" + method
                            + ", 5, null, 'two' || chr(10) || 'lines')")) {
                assertThrows(SQLException.class, () -> c.createStatement().execute(sql), sql);
            }
        }
    }

    @Test
    void onlyAdminsImport() {
        String user = "conf_" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, api.post("api/users", """
                {"username": "%s", "password": "reader-password", "roles": ["user"]}""".formatted(user)).status());
        assertEquals(
                403,
                send(user, "reader-password", "import", "", "text/plain", text(BRANCH))
                        .status());
        assertEquals(
                403,
                Api.anonymous(base)
                        .as(user, "reader-password")
                        .get("api/config/export?root=" + Api.encode(root))
                        .status(),
                "an export holds the secrets (issue 12)");
        assertEquals(404, api.get(object(root + ":Servers")).status(), "nothing was imported");
    }

    private String newGroup(String prefix) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                201, api.post(object("Top") + "/children", """
                {"kind": "Group", "name": "%s"}""".formatted(name)).status());
        return "Top:" + name;
    }

    /** Api sends JSON; uploads need their own content type. */
    private Api.Reply send(String call, String query, String contentType, byte[] body) {
        return send(Api.ADMIN, Api.ADMIN_PASSWORD, call, query, contentType, body);
    }

    private Api.Reply send(String user, String password, String call, String query, String contentType, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(base + "api/config/" + call + (query.isEmpty() ? "" : "?" + query)))
                .header("Content-Type", contentType)
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return new Api.Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject ok(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private static List<String> strings(JsonObject o, String key) {
        return o.getJsonArray(key).getValuesAs(jakarta.json.JsonString.class).stream()
                .map(s -> s.getString())
                .toList();
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) {
        try (InputStream in = ConfigIT.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zip(Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out);
                Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                zip.putNextEntry(new ZipEntry("config-big/" + f.getFileName()));
                zip.write(Files.readAllBytes(f));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static org.argusee.darp.control.ScramVerifier verifier(String tag) throws SQLException {
        try (Connection c = TestDatabase.connect();
                var s = c.prepareStatement("select secret_verifier from argus.darp_peer where tag = ?")) {
            s.setString(1, tag);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "no peer " + tag);
                return org.argusee.darp.control.ScramVerifier.parse(rs.getString(1));
            }
        }
    }

    private static long revision() throws SQLException {
        try (Connection c = TestDatabase.connect()) {
            return scalar(c, "select revision from argus.config_revision where id = 1");
        }
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
