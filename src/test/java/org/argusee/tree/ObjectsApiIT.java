package org.argusee.tree;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.DeployedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Creating, reading, changing, moving and deleting tree objects over REST, as argusctl users would. */
class ObjectsApiIT extends DeployedServer {

    Api api;
    String group;

    @BeforeEach
    void groupOfItsOwn() {
        api = Api.admin(base);
        String name = "crud_" + UUID.randomUUID().toString().substring(0, 8);
        created(api.post(object("Top") + "/children", """
                {"kind": "Group", "name": "%s", "parameters": [
                  {"key": "frequency", "value": "30s"},
                  {"key": "notify", "value": "mail:ops@example.com"},
                  {"key": "gravity", "value": "up"},
                  {"key": "timeout", "value": "5", "local": true}]}""".formatted(name)));
        group = "Top:" + name;
    }

    @Test
    void createdObjectsRoundTripWithInheritance() {
        created(api.post(object(group) + "/children", """
                {"kind": "Host", "name": "mail.example.com"}"""));
        JsonObject service = created(api.post(object(group + ":mail.example.com") + "/children", """
                {"kind": "Service", "type": "TCP/SMTP", "parameters": [{"key": "retries", "value": "4"}]}"""));

        assertEquals(group + ":mail.example.com:SMTP_mail.example.com", service.getString("fullName"));
        assertEquals("TCP/SMTP", service.getString("type"));
        assertEquals(List.of("retries=4 own"), own(service));
        JsonObject effective = effective(service);
        assertEquals("30s", value(effective, "frequency"), "frequency is inherited from the group");
        assertEquals(group, source(effective, "frequency"));
        assertEquals("mail:ops@example.com", value(effective, "notify"));
        assertEquals("mail.example.com", value(effective, "hostname"), "a host's name is its hostname");
        assertFalse(effective.containsKey("gravity"), "gravity is not inherited");
        assertFalse(effective.containsKey("timeout"), "timeout!: is local to the group");

        JsonObject fetched = api.get(object(service.getString("fullName"))).json();
        assertEquals(service.getJsonArray("effectiveParameters"), fetched.getJsonArray("effectiveParameters"));
        assertEquals("unknown", fetched.getJsonObject("status").getString("status"));
        List<String> children =
                api
                        .get(object(group + ":mail.example.com") + "/children")
                        .array()
                        .getValuesAs(JsonObject.class)
                        .stream()
                        .map(c -> c.getString("name"))
                        .toList();
        assertEquals(List.of("SMTP_mail.example.com"), children);
    }

    @Test
    void parametersAreSetChangedAndRemoved() {
        JsonObject changed = ok(api.put(object(group) + "/parameters/frequency", """
                {"value": "2m"}"""));
        assertEquals("2m", value(effective(changed), "frequency"));
        assertTrue(own(changed).contains("frequency=2m own"), "keeps its place: " + own(changed));

        ok(api.put(object(group) + "/parameters/label", """
                {"value": "Mail servers", "local": true}"""));
        JsonObject labelled = api.get(object(group)).json();
        assertEquals("Mail servers", labelled.getString("label"));
        assertTrue(
                own(labelled).contains("label=Mail servers local"),
                own(labelled).toString());

        assertEquals(204, api.delete(object(group) + "/parameters/frequency").status());
        assertFalse(effective(api.get(object(group)).json()).containsKey("frequency"));
        assertEquals(404, api.delete(object(group) + "/parameters/frequency").status());
    }

    @Test
    void objectsAreRenamedMovedAndDeleted() {
        created(api.post(object(group) + "/children", """
                {"kind": "Group", "name": "a"}"""));
        created(api.post(object(group) + "/children", """
                {"kind": "Group", "name": "b"}"""));
        created(api.post(object(group + ":a") + "/children", """
                {"kind": "Service", "type": "Ping", "name": "ping1", "parameters": [{"key": "hostname", "value": "127.0.0.1"}]}"""));

        JsonObject renamed = ok(api.put(object(group + ":a"), """
                {"name": "alpha"}"""));
        assertEquals(group + ":alpha", renamed.getString("fullName"));
        assertEquals(200, api.get(object(group + ":alpha:ping1")).status());
        assertEquals(404, api.get(object(group + ":a")).status());

        JsonObject moved = ok(api.post(object(group + ":alpha:ping1") + "/move", """
                {"parent": "%s:b"}""".formatted(group)));
        assertEquals(group + ":b:ping1", moved.getString("fullName"));

        Api.Reply refused = api.delete(object(group + ":b"));
        assertEquals(409, refused.status(), refused.toString());
        assertEquals(
                "recursive",
                refused.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(204, api.delete(object(group) + "?recursive=true").status());
        assertEquals(404, api.get(object(group + ":b:ping1")).status());
    }

    @Test
    void aliasPointsAtItsTarget() {
        created(api.post(object(group) + "/children", """
                {"kind": "Host", "name": "db1"}"""));
        JsonObject alias = created(api.post(object(group) + "/children", """
                {"kind": "Alias", "name": "database", "target": "%s:db1"}""".formatted(group)));
        assertEquals("Alias", alias.getString("kind"));
        assertEquals(group + ":db1", alias.getString("target"));
    }

    @Test
    void treeIsNested() {
        created(api.post(object(group) + "/children", """
                {"kind": "Host", "name": "web1"}"""));
        JsonObject tree =
                api.get("api/tree?root=" + Api.encode(group) + "&depth=1").json();
        assertEquals(group, tree.getString("fullName"));
        assertEquals("web1", tree.getJsonArray("children").getJsonObject(0).getString("name"));
    }

    @Test
    void nameWithSlashIsReachableEncoded() {
        JsonObject url = created(api.post(object(group) + "/children", """
                {"kind": "Service", "type": "TCP/URL", "parameters": [
                  {"key": "url", "value": "http://www.example.com:8080/status/x"}]}"""));
        assertEquals(group + ":URL_www.example.com:8080/status/x", url.getString("fullName"));
        assertEquals(200, api.get(object(url.getString("fullName"))).status());
    }

    @Test
    void keyCanBeLocalAndInheritedAtOnce() {
        ok(api.put(object(group) + "/parameters/sendnotify", """
                {"value": "yes", "local": true}"""));
        ok(api.put(object(group) + "/parameters/sendnotify", """
                {"value": "no"}"""));
        created(api.post(object(group) + "/children", """
                {"kind": "Host", "name": "relay"}"""));
        assertEquals("yes", value(effective(api.get(object(group)).json()), "sendnotify"), "local wins on the group");
        assertEquals(
                "no",
                value(effective(api.get(object(group + ":relay")).json()), "sendnotify"),
                "the plain one reaches the children");
        assertEquals(
                204,
                api.delete(object(group) + "/parameters/sendnotify?local=true").status());
        assertEquals("no", value(effective(api.get(object(group)).json()), "sendnotify"));
    }

    @Test
    void unknownFieldIsRefusedNotIgnored() {
        Api.Reply reply = api.post(object(group) + "/children", """
                {"kind": "Group", "nmae": "typo"}""");
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.json().getString("detail").contains("nmae"), reply.toString());
    }

    static JsonObject created(Api.Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
        assertNotNull(reply.header("Location"));
        return reply.json();
    }

    static JsonObject ok(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    static List<String> own(JsonObject view) {
        return view.getJsonArray("parameters").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("key") + "=" + p.getString("value") + (p.getBoolean("local") ? " local" : " own"))
                .toList();
    }

    static JsonObject effective(JsonObject view) {
        var builder = jakarta.json.Json.createObjectBuilder();
        view.getJsonArray("effectiveParameters")
                .getValuesAs(JsonObject.class)
                .forEach(p -> builder.add(p.getString("key"), p));
        return builder.build();
    }

    static String value(JsonObject effective, String key) {
        return effective.getJsonObject(key).getString("value");
    }

    static String source(JsonObject effective, String key) {
        return effective.getJsonObject(key).getString("source");
    }
}
