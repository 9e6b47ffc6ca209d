package org.argusee.probe;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.DeployedServer;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A TCP/URL service of the tree is probed by the URL monitor against a real web server, and judged on its status. */
class UrlProbingIT extends DeployedServer {

    Api api;
    String group;
    HttpServer web;
    final AtomicInteger status = new AtomicInteger(200);

    @BeforeEach
    void setUp() throws IOException {
        api = Api.admin(base);
        web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        web.createContext("/health", e -> {
            byte[] body = "DATABASE OK".getBytes(StandardCharsets.US_ASCII);
            e.sendResponseHeaders(status.get(), body.length);
            try (OutputStream out = e.getResponseBody()) {
                out.write(body);
            }
        });
        web.start();
        group = "Top:url_" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                201,
                api.post(object("Top") + "/children", """
                {"kind": "Group", "name": "%s", "parameters": [
                  {"key": "frequency", "value": "1"}, {"key": "retries", "value": "0"},
                  {"key": "timeout", "value": "5"}]}""".formatted(group.substring(4)))
                        .status());
    }

    @AfterEach
    void tearDown() {
        api.delete(object(group) + "?recursive=true");
        web.stop(0);
    }

    @Test
    void statusFollowsTheWebServersAnswer() {
        String url = "http://127.0.0.1:" + web.getAddress().getPort() + "/health";
        Api.Reply created = api.post(object(group) + "/children", """
                {"kind": "Service", "type": "TCP/URL", "parameters": [{"key": "url", "value": "%s"}]}""".formatted(url));
        assertEquals(201, created.status(), created.toString());
        String service = created.json().getString("fullName");

        Eventually.await(service + " up", Duration.ofSeconds(20), () -> "up"
                .equals(status(service).getString("status")));

        status.set(503);
        Eventually.await(service + " down", Duration.ofSeconds(20), () -> "down"
                .equals(status(service).getString("status")));
        assertEquals(
                "expect failed: HTTP/1.1 503 Service Unavailable",
                status(service).getString("reason"));
    }

    private JsonObject status(String fullName) {
        return api.get(object(fullName)).json().getJsonObject("status");
    }
}
