package org.argusee.tree;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.DeployedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tree editor's API: the catalog, versions (If-Match, 412 when stale) and dry runs that write nothing. */
class ObjectVersionsIT extends DeployedServer {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    Api api;
    String group;

    @BeforeEach
    void groupOfItsOwn() {
        api = Api.admin(base);
        String name = "ver_" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                201, api.post(object("Top") + "/children", """
                {"kind": "Group", "name": "%s", "parameters": [{"key": "frequency", "value": "60"}]}""".formatted(name)).status());
        group = "Top:" + name;
    }

    @AfterEach
    void removeGroup() {
        api.delete(object(group) + "?recursive=true");
    }

    @Test
    void theCatalogNamesTypesAndParameters() {
        JsonObject catalog = api.get("api/catalog").json();
        JsonObject smtp = catalog.getJsonArray("services").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("type").equals("TCP/SMTP"))
                .findFirst()
                .orElseThrow();
        assertEquals(25, smtp.getInt("port"));
        assertTrue(smtp.getJsonArray("parameters").toString().contains("\"port\""), smtp.toString());
        JsonObject frequency = catalog.getJsonObject("parameters").getJsonObject("frequency");
        assertTrue(frequency.getBoolean("inherited"));
        assertEquals("60", frequency.getString("defaultValue"));
    }

    @Test
    void aSaveFromAStaleVersionIsRefusedAndChangesNothing() {
        Api.Reply read = api.get(object(group));
        String version = read.json().getString("version");
        assertEquals("\"" + version + "\"", read.header("ETag"));

        HttpResponse<String> first =
                send("PUT", object(group) + "/parameters/frequency", "{\"value\": \"30\"}", version);
        assertEquals(200, first.statusCode(), first.body());
        String newer = json(first).getString("version");
        assertNotEquals(version, newer);

        HttpResponse<String> stale =
                send("PUT", object(group) + "/parameters/frequency", "{\"value\": \"10\"}", version);
        assertEquals(412, stale.statusCode(), stale.body());
        assertTrue(stale.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject problem = json(stale);
        assertEquals("urn:argus:problem:stale", problem.getString("type"));
        assertEquals("version", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertTrue(problem.getString("detail").contains("changed by someone else"), problem.toString());
        assertEquals("30", own(group, "frequency"));

        assertEquals(
                412,
                send("DELETE", object(group) + "?recursive=true", null, version).statusCode());
        assertEquals(
                200,
                send("PUT", object(group) + "/parameters/frequency", "{\"value\": \"10\"}", newer)
                        .statusCode());
        assertEquals("10", own(group, "frequency"));
    }

    @Test
    void dryRunsListWhatChangesBelowAndWriteNothing() {
        assertEquals(201, api.post(object(group) + "/children", """
                {"kind": "Host", "name": "h1"}""").status());
        assertEquals(201, api.post(object(group + ":h1") + "/children", """
                {"kind": "Service", "type": "Ping", "name": "Ping"}""").status());
        assertEquals(201, api.post(object(group) + "/children", """
                {"kind": "Group", "name": "g2", "parameters": [{"key": "frequency", "value": "5"}]}""").status());

        HttpResponse<String> dry =
                send("PUT", object(group) + "/parameters/frequency?dryRun=true", "{\"value\": \"20\"}", null);
        assertEquals(200, dry.statusCode(), dry.body());
        List<String> changes = json(dry).getJsonArray("changes").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("fullName") + " " + c.getString("key") + " " + c.getString("oldValue") + "->"
                        + c.getString("newValue"))
                .toList();
        assertEquals(
                List.of(
                        group + " frequency 60->20",
                        group + ":h1 frequency 60->20",
                        group + ":h1:Ping frequency 60->20"),
                changes,
                "g2 sets its own frequency and is not listed");
        assertEquals("60", own(group, "frequency"), "a dry run writes nothing");

        HttpResponse<String> move =
                send("POST", object(group + ":h1") + "/move?dryRun=true", """
                {"parent": "%s"}""".formatted(group + ":g2"), null);
        assertEquals(200, move.statusCode(), move.body());
        assertEquals(group + ":g2:h1", json(move).getString("newFullName"));
        assertEquals(2, json(move).getInt("objects"));
        assertEquals(0, json(move).getJsonArray("warnings").size());
        assertEquals(
                201,
                api.post(object(group) + "/children", """
                {"kind": "Alias", "name": "ping", "target": "%s"}""".formatted(group + ":h1:Ping"))
                        .status());
        HttpResponse<String> stranding =
                send("POST", object(group + ":h1") + "/move?dryRun=true", """
                {"parent": "%s"}""".formatted(group + ":g2"), null);
        assertTrue(
                json(stranding).getJsonArray("warnings").getString(0).contains("alias " + group + ":ping"),
                stranding.body());
        assertEquals(200, api.get(object(group + ":h1")).status(), "not moved");

        HttpResponse<String> bad =
                send("PUT", object(group) + "/parameters/frequency?dryRun=true", "{\"value\": \"often\"}", null);
        assertEquals(400, bad.statusCode(), "a dry run checks as a real write does");
    }

    private String own(String fullName, String key) {
        return api.get(object(fullName)).json().getJsonArray("parameters").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("key").equals(key))
                .map(p -> p.getString("value"))
                .findFirst()
                .orElse(null);
    }

    private HttpResponse<String> send(String method, String path, String json, String version) {
        HttpRequest.Builder b = HttpRequest.newBuilder(api.base().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((Api.ADMIN + ":" + Api.ADMIN_PASSWORD)
                                                .getBytes(StandardCharsets.UTF_8)))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (version != null) {
            b.header("If-Match", "\"" + version + "\"");
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject json(HttpResponse<String> r) {
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }
}
