package org.argusee.probe.control.dns;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.DeployedServer;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DNS services of the tree are probed in the deployed server (dnsjava in the WAR, SLF4J from WildFly) against a
 * DNS server on 127.0.0.1 run by the test, and their status, value checks and reasons are the DNS monitor's.
 */
class DnsProbingIT extends DeployedServer {

    Api api;
    String host;
    DnsServer dns;

    @BeforeEach
    void setUp() throws IOException {
        api = Api.admin(base);
        dns = DnsServer.start(DnsTestZone.authoritative());
        String group = "Top:dns_" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                201,
                api.post(object("Top") + "/children", """
                {"kind": "Group", "name": "%s", "parameters": [
                  {"key": "frequency", "value": "1"}, {"key": "retries", "value": "0"},
                  {"key": "timeout", "value": "2"}]}""".formatted(group.substring(4)))
                        .status());
        assertEquals(201, api.post(object(group) + "/children", """
                {"kind": "Host", "name": "127.0.0.1"}""").status());
        host = group + ":127.0.0.1";
    }

    @AfterEach
    void tearDown() throws IOException {
        api.delete(object(host.substring(0, host.lastIndexOf(':'))) + "?recursive=true");
        dns.close();
    }

    @Test
    void dnsServicesAreUpOrDownForTheDnsMonitorsReasons() throws Exception {
        String domain = service("Domain/example.com", "");
        String serialOk = service("DNS/Serial/example.com", """
                , {"key": "minvalue", "value": "%d"}""".formatted(DnsTestZone.SERIAL));
        String serialLow = service("DNS/Serial/example.com", """
                , {"key": "minvalue", "value": "%d"}, {"key": "uname", "value": "Serial_too_low"}""".formatted(DnsTestZone.SERIAL + 1));
        String missing = service("DNS/A/nope.example.com", "");

        awaitStatus(domain, "up");
        awaitStatus(serialOk, "up");
        awaitStatus(missing, "down");
        assertEquals("NXDOMAIN", status(missing).getString("reason"));
        awaitStatus(serialLow, "down");
    }

    private String service(String type, String moreParameters) {
        Api.Reply created = api.post(object(host) + "/children", """
                {"kind": "Service", "type": "%s", "parameters": [
                  {"key": "port", "value": "%d"}%s]}""".formatted(type, dns.port(), moreParameters));
        assertEquals(201, created.status(), created.toString());
        return created.json().getString("fullName");
    }

    private void awaitStatus(String service, String wanted) throws Exception {
        Eventually.await(
                service + " " + wanted,
                Duration.ofSeconds(20),
                () -> wanted.equals(status(service).getString("status")));
    }

    private JsonObject status(String fullName) {
        return api.get(object(fullName)).json().getJsonObject("status");
    }
}
