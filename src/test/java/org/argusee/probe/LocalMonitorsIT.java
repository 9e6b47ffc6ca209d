package org.argusee.probe;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.DeployedServer;
import org.argusee.testsupport.Eventually;
import org.argusee.testsupport.PingPrerequisites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ping, Prog, Self and Compute services of the tree are probed in the deployed server: the monitors are wired, and
 * a Compute service reads the latest value the scheduler saw for another service.
 */
class LocalMonitorsIT extends DeployedServer {

    Api api;
    String group;

    @BeforeAll
    static void tools() {
        PingPrerequisites.ensureInstalled();
    }

    @BeforeEach
    void setUp() {
        api = Api.admin(base);
        group = "Top:local_" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                201,
                api.post(object("Top") + "/children", """
                {"kind": "Group", "name": "%s", "parameters": [
                  {"key": "frequency", "value": "1"}, {"key": "retries", "value": "0"},
                  {"key": "timeout", "value": "3"}]}""".formatted(group.substring(4)))
                        .status());
    }

    @AfterEach
    void tearDown() {
        api.delete(object(group) + "?recursive=true");
    }

    @Test
    void pingProgSelfAndComputeAreProbed() {
        assertEquals(201, api.post(object(group) + "/children", """
                {"kind": "Host", "name": "127.0.0.1"}""").status());
        String ping = service(group + ":127.0.0.1", "Ping", "{\"key\": \"maxvalue\", \"value\": \"1000\"}");
        String prog = service(group, "Prog", "{\"key\": \"command\", \"value\": \"echo 5\"}");
        String failing = service(group, "Prog", "{\"key\": \"command\", \"value\": \"exit 3\"}");
        String self = service(group, "Self/threads", "{\"key\": \"minvalue\", \"value\": \"1\"}");
        String compute = service(
                group,
                "Compute",
                "{\"key\": \"uname\", \"value\": \"double\"}, " + "{\"key\": \"expr\", \"value\": \"%{" + prog
                        + "} * 2 + 1\"}");

        for (String up : new String[] {ping, prog, self}) {
            Eventually.await(up + " up", Duration.ofSeconds(20), () -> "up"
                    .equals(status(up).getString("status")));
        }
        Eventually.await(
                compute + " up with 11",
                Duration.ofSeconds(20),
                () -> "up".equals(status(compute).getString("status"))
                        && "11".equals(status(compute).getString("result", null)));
        // the operand is the result the service shows, after its own scale, as the original's srvc::result
        String scaled = service(
                group,
                "Prog",
                "{\"key\": \"command\", \"value\": \"echo 1500\"}, {\"key\": \"scale\", \"value\": \"1000\"}");
        String judged = service(
                group,
                "Compute",
                "{\"key\": \"uname\", \"value\": \"judged\"}, {\"key\": \"expr\", \"value\": \"%{" + scaled
                        + "} * 2\"}");
        Eventually.await(
                judged + " up with 3",
                Duration.ofSeconds(20),
                () -> "up".equals(status(judged).getString("status"))
                        && "3".equals(status(judged).getString("result", null)));
        Eventually.await(failing + " down", Duration.ofSeconds(20), () -> "down"
                .equals(status(failing).getString("status")));
        assertEquals("exit status 3", status(failing).getString("reason"));
    }

    private String service(String parent, String type, String parameter) {
        Api.Reply created = api.post(object(parent) + "/children", """
                {"kind": "Service", "type": "%s", "parameters": [%s]}""".formatted(type, parameter));
        assertEquals(201, created.status(), created.toString());
        return created.json().getString("fullName");
    }

    private JsonObject status(String fullName) {
        return api.get(object(fullName)).json().getJsonObject("status");
    }
}
