package org.argusee.web;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.Chromium;
import org.argusee.testsupport.Eventually;
import org.argusee.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Configs page in a real browser: config-big (its addresses made loopback, see webadmin/README.md) imported as
 * a zip with the dry run first, a syntax error shown with file and line, a stored block edited (an error refused),
 * config problems linked to their object, and the page closed to non-admins.
 */
class WebAdminConfigIT extends WebFixture {

    private Chromium page() {
        return admin().go("admin-config.html").waitReady(WITHIN);
    }

    /** Upload through the file picker (what a drop hands the page as well) under this test's group. */
    private static void upload(Chromium b, String root, Path file) {
        WebElement rootField = b.driver().findElement(By.id("root"));
        rootField.clear();
        rootField.sendKeys(root);
        b.driver().findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
    }

    @Test
    void configBigImportsAsAZipWithTheDryRunFirst() throws IOException {
        Path zip = zip("config-big.zip", configBig());
        Chromium b = page();
        upload(b, group, zip);
        b.until(WITHIN, d -> "true".equals(d.findElement(By.id("check-verdict")).getAttribute("data-ok")));
        assertTrue(b.driver().findElement(By.id("check-layout")).getText().contains("config directory of 13"));
        WebElement added = b.visible(By.id("diff-added"), WITHIN);
        int count = Integer.parseInt(added.getAttribute("data-count"));
        assertTrue(count > 800, "config-big's groups, hosts and services: " + count);
        assertTrue(added.getText().contains(group + ":Routers"), added.getText());
        assertEquals(
                "0", b.driver().findElement(By.id("diff-removed")).getAttribute("data-count"), "merge removes nothing");
        String changed = b.driver().findElement(By.id("diff-changed")).getText();
        assertTrue(changed.contains("frequency: 1 -> 60") && !changed.contains("kind:"), changed);
        b.screenshotFullPage("admin-config-dry-run");
        assertEquals(
                List.of("127.0.0.1"),
                api.get(object(group) + "/children").array().getValuesAs(JsonObject.class).stream()
                        .map(o -> o.getString("name"))
                        .toList(),
                "the dry run changed nothing");

        b.click(By.id("import"), WITHIN);
        WebElement result = b.visible(By.id("import-result"), Duration.ofSeconds(120));
        assertTrue(result.getText().contains("Imported"), result.getText());
        b.script("window.scrollTo(0, 0);");
        b.screenshotFullPage("admin-config-imported");
        assertEquals(200, api.get(object(group + ":Routers:Ambler")).status());

        b.go("./").waitReady(WITHIN);
        expand(b, group);
        b.visible(row("tree", group + ":Routers"), WITHIN);
        expand(b, group + ":Routers");
        b.visible(row("tree", group + ":Routers:Ambler"), WITHIN);
        b.screenshot("admin-config-on-dashboard");

        // a search with more matches than the server sends (500: config-big's services all hold '_') says so
        b.go("./?q=_").waitReady(WITHIN);
        WebElement cut = b.visible(By.cssSelector("#tree li.truncated"), WITHIN);
        assertTrue(cut.getText().contains("Only the first 500 matches"), cut.getText());

        // the same file again changes nothing: said so, and no Import offered
        b.go("admin-config.html").waitReady(WITHIN);
        upload(b, group, zip);
        b.until(
                Duration.ofSeconds(120),
                d -> d.findElement(By.id("import-error")).getText().contains("Nothing to import"));
        assertFalse(b.driver().findElement(By.id("import")).isEnabled(), "no import of what is there already");
    }

    @Test
    void aSyntaxErrorInAnIncludeShowsFileAndLineAndNothingIsOffered() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("site/config", "Group \"Web\" {\n\tInclude \"web.inc\"\n}\n");
        files.put("site/web.inc", "Host \"127.0.0.1\" {\n\tbogus \"x\" {\n\t}\n\tService TCP/HTTP\n}\n");
        Path zip = zip("broken.zip", files);
        Chromium b = page();
        upload(b, group, zip);
        b.until(WITHIN, d -> "false"
                .equals(d.findElement(By.id("check-verdict")).getAttribute("data-ok")));
        WebElement error =
                b.visible(By.cssSelector("#diagnostics tr.sev-error[data-file='web.inc'][data-line='2']"), WITHIN);
        assertTrue(error.getText().contains("unknown block keyword 'bogus'"), error.getText());
        assertTrue(b.driver().findElement(By.id("check-layout")).getText().contains("main file 'config'"));
        assertFalse(b.driver().findElement(By.id("diff-panel")).isDisplayed(), "no import offered");
        b.screenshot("admin-config-syntax-error");

        // an empty file passes the check; in replace mode its import removed everything under the root
        Path empty = Files.createTempFile("empty-", ".conf");
        try {
            b.driver()
                    .findElement(By.id("file"))
                    .sendKeys(empty.toAbsolutePath().toString());
            b.until(WITHIN, d -> d.findElement(By.id("import-error")).getText().contains("nothing to import"));
            assertFalse(b.driver().findElement(By.id("import")).isEnabled(), "no import of an empty file");
        } finally {
            Files.delete(empty);
        }

        // a single file's problems name that file (the server calls it "config")
        Path bad = Files.createTempFile("bad-", ".conf");
        try {
            Files.writeString(bad, "Group \"Bad\" {\n\tfrequency:\t30x\n}\n");
            b.driver().findElement(By.id("file")).sendKeys(bad.toAbsolutePath().toString());
            WebElement row = b.visible(By.cssSelector("#diagnostics tr.sev-error[data-line='2']"), WITHIN);
            assertTrue(row.getText().contains(bad.getFileName().toString()), row.getText());
        } finally {
            Files.delete(bad);
        }
    }

    @Test
    void aBlockEditedWithAnErrorIsRefusedAndAGoodEditIsStored() {
        String method = "web_" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply imported = api.send(
                "POST",
                "api/config/import?root=" + Api.encode(group),
                "Method \"" + method + "\" {\n\tcommand: /bin/true\n\tsend: To: %R\\n\n}\n",
                "text/plain");
        assertEquals(200, imported.status(), imported.toString());
        JsonObject stored = api.get("api/config/blocks").array().getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("object").equals(group))
                .findFirst()
                .orElseThrow();
        long id = stored.getJsonNumber("id").longValue();
        JsonObject first = api.get("api/config/blocks/" + id).json();
        String before = first.getString("text");

        Chromium b = page();
        b.click(By.cssSelector("#blocks tr[data-id='" + id + "'] button.block-edit"), WITHIN);
        WebElement text = b.visible(By.id("block-text"), WITHIN);
        b.until(WITHIN, d -> text.getAttribute("value").contains("Method \"" + method + "\""));
        text.clear();
        // spaces, not tabs: a tab typed moves the focus out of the text, as it should
        text.sendKeys("Method \"" + method + "\" {\n  send: To: %R\\n\n  bogus \"x\" {\n  }\n}\n");
        b.click(By.id("block-save"), WITHIN);
        b.visible(By.id("block-refused"), WITHIN);
        WebElement line = b.visible(By.cssSelector("#block-errors li.sev-error[data-line='3']"), WITHIN);
        assertTrue(line.getText().contains("unknown block keyword 'bogus'"), line.getText());
        b.script("document.getElementById('block-errors').scrollIntoView(false);");
        b.screenshot("admin-config-block-refused");
        assertEquals(before, api.get("api/config/blocks/" + id).json().getString("text"), "nothing stored");

        text.clear();
        text.sendKeys("Method \"" + method + "\" {\n  command: /bin/true\n  send: Subject: Argus\\n\n}\n");
        b.click(By.id("block-save"), WITHIN);
        b.visible(By.id("block-saved"), WITHIN);
        JsonObject after = api.get("api/config/blocks/" + id).json();
        assertTrue(after.getString("text").contains("Subject: Argus"), after.toString());

        // a save made from the old text is refused, not silently applied over the newer one
        HttpResponse<String> stale = putIfMatch(id, before, first.getString("version"));
        assertEquals(409, stale.statusCode(), stale.body());
        assertTrue(stale.body().contains("changed by someone else"), stale.body());
    }

    @Test
    void aNewBlockIsAddedOnAnObjectAndDeleted() {
        String method = "web_" + UUID.randomUUID().toString().substring(0, 8);
        String text = "Method \"" + method + "\" {\n  command: /bin/true\n  send: To: %R\\n\n}\n";
        Chromium b = page();
        b.click(By.id("block-new"), WITHIN);
        WebElement object = b.visible(By.id("block-object"), WITHIN);
        object.clear();
        object.sendKeys(group);
        b.driver().findElement(By.id("block-text")).sendKeys(text);
        b.click(By.id("block-save"), WITHIN);
        b.visible(By.id("block-saved"), WITHIN);
        long id = Long.parseLong(b.driver().findElement(By.id("block-editor")).getAttribute("data-id"));
        b.visible(By.cssSelector("#blocks tr[data-id='" + id + "'][data-object='" + group + "']"), WITHIN);
        Eventually.await("method " + method + " in force", WITHIN, () -> api.get("api/notify/methods")
                .body()
                .contains("\"" + method + "\""));

        Api.Reply again = api.send("POST", "api/config/blocks?object=" + Api.encode(group), text, "text/plain");
        assertEquals(409, again.status(), "one block of a name per object: " + again);
        Api.Reply nowhere = api.send("POST", "api/config/blocks?object=Top:no_such_group", text, "text/plain");
        assertEquals(404, nowhere.status(), nowhere.toString());
        Api.Reply bad =
                api.send("POST", "api/config/blocks", "Method \"x\" {\n  bogus \"y\" {\n  }\n}\n", "text/plain");
        assertEquals(400, bad.status(), bad.toString());
        assertTrue(bad.body().contains("block:2"), "the error names the line: " + bad.body());

        b.click(By.id("block-delete"), WITHIN);
        b.click(By.id("block-delete-confirm"), WITHIN);
        b.until(WITHIN, d -> d.findElements(By.cssSelector("#blocks tr[data-id='" + id + "']"))
                .isEmpty());
        assertEquals(404, api.get("api/config/blocks/" + id).status());
    }

    @Test
    void configProblemsLinkToTheirObject() throws SQLException {
        String bogus = host + ":Bogus_web";
        try (Connection db = TestDatabase.connect();
                PreparedStatement s = db.prepareStatement("insert into argus.object (parent_id, kind, name, type)"
                        + " select id, 'Service', 'Bogus_web', 'Bogus/Thing' from argus.object_full_name"
                        + " where full_name = ?")) {
            db.setAutoCommit(true);
            s.setString(1, host);
            assertEquals(1, s.executeUpdate());
        }
        Eventually.await("a problem with " + bogus, WITHIN, () -> api.get("api/config/problems")
                .body()
                .contains(bogus));
        Chromium b = page();
        WebElement link = b.visible(By.cssSelector("#config-problems tr[data-object='" + bogus + "'] a"), WITHIN);
        assertTrue(link.getAttribute("href").contains("object.html?name="), link.getAttribute("href"));
        b.screenshot("admin-config-problems");

        // an export of a name that is not there says so (it downloaded the 404's problem+json as a .conf)
        WebElement root = b.driver().findElement(By.id("export-root"));
        root.clear();
        root.sendKeys(group + ":no_such_object");
        b.click(By.id("export-link"), WITHIN);
        String said = b.visible(By.id("export-error"), WITHIN).getText();
        assertEquals("There is no object " + group + ":no_such_object.", said);
    }

    @Test
    void onlyAdminsGetThePageAndTheApi() {
        String staff = user("staff");
        Chromium b = browser(staff, "web-password-1").go("admin-config.html").waitReady(WITHIN);
        String said = b.visible(By.id("not-allowed"), WITHIN).getText();
        assertTrue(said.contains("This page is for administrators"), "one wording on every admin page: " + said);
        assertTrue(b.driver().findElements(By.id("admin-parts")).isEmpty());
        Api as = Api.anonymous(base).as(staff, "web-password-1");
        assertEquals(403, as.get("api/config/blocks").status());
        assertEquals(403, as.get("api/config/export?root=Top").status());
        assertEquals(
                403,
                as.send("POST", "api/config/check", "Group \"x\" {\n}\n", "text/plain")
                        .status());
    }

    /** A script's PUT with If-Match (the test's Api helper sends no extra headers). */
    private HttpResponse<String> putIfMatch(long id, String text, String version) {
        String login = Base64.getEncoder()
                .encodeToString((Api.ADMIN + ":" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "api/config/blocks/" + id))
                .timeout(WITHIN)
                .header("Authorization", "Basic " + login)
                .header("Content-Type", "text/plain")
                .header("If-Match", "\"" + version + "\"")
                .PUT(HttpRequest.BodyPublishers.ofString(text))
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> configBig() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try {
            Path dir = Path.of(
                    WebAdminConfigIT.class.getResource("/webadmin/config-big").toURI());
            try (Stream<Path> list = Files.list(dir)) {
                for (Path f : list.sorted().toList()) {
                    files.put("config-big/" + f.getFileName(), Files.readString(f, StandardCharsets.ISO_8859_1));
                }
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    private static Path zip(String name, Map<String, String> files) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "webadmin"));
        Path zip = dir.resolve(UUID.randomUUID().toString().substring(0, 8) + "-" + name);
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue().getBytes(StandardCharsets.ISO_8859_1));
                z.closeEntry();
            }
        }
        return zip;
    }
}
