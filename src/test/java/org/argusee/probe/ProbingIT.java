package org.argusee.probe;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.DeployedServer;
import org.argusee.testsupport.Eventually;
import org.argusee.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A service of the tree is probed on its schedule against a real listener, and its status follows the listener. */
class ProbingIT extends DeployedServer {

    Api api;
    String group;
    ServerSocket listener;

    @BeforeEach
    void setUp() throws IOException {
        api = Api.admin(base);
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::answerOk, "probing-it-listener");
        acceptor.setDaemon(true);
        acceptor.start();
        group = "Top:probe_" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                201,
                api.post(object("Top") + "/children", """
                {"kind": "Group", "name": "%s", "parameters": [
                  {"key": "frequency", "value": "1"}, {"key": "retries", "value": "0"},
                  {"key": "timeout", "value": "2"}]}""".formatted(group.substring(4)))
                        .status());
        assertEquals(201, api.post(object(group) + "/children", """
                {"kind": "Host", "name": "127.0.0.1"}""").status());
    }

    @AfterEach
    void tearDown() throws IOException {
        api.delete(object(group) + "?recursive=true");
        listener.close();
    }

    @Test
    void statusFollowsTheListener() throws Exception {
        int port = listener.getLocalPort();
        Api.Reply created = api.post(object(group + ":127.0.0.1") + "/children", """
                {"kind": "Service", "type": "TCP", "parameters": [
                  {"key": "port", "value": "%d"}, {"key": "expect", "value": "^OK"}]}""".formatted(port));
        assertEquals(201, created.status(), created.toString());
        String service = created.json().getString("fullName");

        Eventually.await(service + " up", Duration.ofSeconds(15), () -> "up"
                .equals(status(service).getString("status")));

        listener.close();
        Eventually.await(service + " down", Duration.ofSeconds(15), () -> "down"
                .equals(status(service).getString("status")));
        JsonObject down = status(service);
        assertEquals("critical", down.getString("severity"));
        assertTrue(down.getString("reason").contains("refused"), down.toString());
        assertEquals(List.of("up->down"), transitions(created.json().getString("fullName")));
    }

    private JsonObject status(String fullName) {
        return api.get(object(fullName)).json().getJsonObject("status");
    }

    private void answerOk() {
        while (!listener.isClosed()) {
            try (Socket s = listener.accept();
                    OutputStream out = s.getOutputStream()) {
                out.write("OK ready\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // closed by the test: the service goes down, which is what it checks
            }
        }
    }

    private static List<String> transitions(String fullName) throws SQLException {
        try (Connection c = TestDatabase.connect();
                PreparedStatement s = c.prepareStatement(
                        "select t.old_status, t.new_status from argus.status_transition t"
                                + " join argus.object_full_name f on f.id = t.object_id where f.full_name = ? order by t.id")) {
            s.setString(1, fullName);
            List<String> result = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1) + "->" + rs.getString(2));
                }
            }
            return result;
        }
    }
}
