package org.argusee.probe;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.argusee.probe.control.snmp.SnmpAgent;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.DeployedServer;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OctetString;

/** SNMP services of the tree are probed in the server against a real agent (v2c and v3), and go down with it. */
class SnmpProbingIT extends DeployedServer {

    private static final String COMMUNITY = "it-community";

    Api api;
    String group;
    SnmpAgent agent;

    @BeforeEach
    void setUp() throws IOException {
        api = Api.admin(base);
        agent = SnmpAgent.start(
                        COMMUNITY,
                        new UsmUser(
                                new OctetString("it-user"),
                                AuthSHA.ID,
                                new OctetString("it-auth-pass"),
                                PrivAES128.ID,
                                new OctetString("it-priv-pass")))
                .with("1.3.6.1.2.1.1.1.0", new OctetString("Argus test agent"));
        group = "Top:snmp_" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                201,
                api.post(object("Top") + "/children", """
                {"kind": "Group", "name": "%s", "parameters": [
                  {"key": "frequency", "value": "1"}, {"key": "retries", "value": "0"},
                  {"key": "timeout", "value": "3"}]}""".formatted(group.substring(4)))
                        .status());
        assertEquals(201, api.post(object(group) + "/children", """
                {"kind": "Host", "name": "127.0.0.1"}""").status());
    }

    @AfterEach
    void tearDown() throws IOException {
        api.delete(object(group) + "?recursive=true");
        agent.close();
    }

    @Test
    void snmpServicesFollowTheAgent() throws Exception {
        String v2c = create("UDP/SNMPv2c", """
                {"key": "community", "value": "%s"}, {"key": "oid", "value": "sysDescr.0"}""".formatted(COMMUNITY));
        String v3 = create("UDP/SNMPv3", """
                {"key": "snmpuser", "value": "it-user"}, {"key": "snmpauth", "value": "SHA1"},
                {"key": "snmppass", "value": "it-auth-pass"}, {"key": "snmppriv", "value": "AES"},
                {"key": "snmpprivpass", "value": "it-priv-pass"}, {"key": "oid", "value": ".1.3.6.1.2.1.1.1.0"}""");
        for (String service : new String[] {v2c, v3}) {
            Eventually.await(service + " up", Duration.ofSeconds(30), () -> "up"
                    .equals(status(service).getString("status")));
            assertEquals("Argus test agent", status(service).getString("result"), service);
        }
        agent.close();
        for (String service : new String[] {v2c, v3}) {
            Eventually.await(service + " down", Duration.ofSeconds(30), () -> "down"
                    .equals(status(service).getString("status")));
            assertEquals("timeout", status(service).getString("reason"), service);
        }
    }

    private String create(String type, String parameters) {
        Api.Reply created =
                api.post(object(group + ":127.0.0.1") + "/children", """
                {"kind": "Service", "type": "%s", "parameters": [{"key": "port", "value": "%d"}, %s]}""".formatted(type, agent.port(), parameters));
        assertEquals(201, created.status(), created.toString());
        return created.json().getString("fullName");
    }

    private JsonObject status(String fullName) {
        return api.get(object(fullName)).json().getJsonObject("status");
    }
}
