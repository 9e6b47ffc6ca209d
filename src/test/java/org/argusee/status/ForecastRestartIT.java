package org.argusee.status;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.ArgusServer;
import org.argusee.testsupport.CommonServer;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.Test;

/**
 * The Holt-Winters forecaster survives a restart of the server (stored at shutdown, loaded before probing: the same
 * forecaster, learning since the same time) and starts over when {@code hwab_period} or {@code hwab_model} changes,
 * as the original's. On the harness's {@link CommonServer} (the run's Arquillian server is never restarted), in a
 * group of its own that it deletes at its end.
 */
class ForecastRestartIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Test
    void theForecasterSurvivesARestartAndStartsOverWhenModelOrPeriodChange() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> answer(listener), "forecast-restart-listener");
            acceptor.setDaemon(true);
            acceptor.start();
            ArgusServer server = CommonServer.get();
            String group = "hwab_" + UUID.randomUUID().toString().substring(0, 8);
            Api api = server.api();
            created(api.post(object("Top") + "/children", """
                    {"kind": "Group", "name": "%s", "parameters": [
                      {"key": "frequency", "value": "1"}, {"key": "retries", "value": "0"},
                      {"key": "timeout", "value": "2"}]}""".formatted(group)));
            created(api.post(object("Top:" + group) + "/children", """
                    {"kind": "Host", "name": "127.0.0.1"}"""));
            try {
                restartKeepsTheForecaster(server, group, listener.getLocalPort());
            } finally {
                CommonServer.get().api().delete(object("Top:" + group) + "?recursive=true");
            }
        }
    }

    private static void restartKeepsTheForecaster(ArgusServer server, String group, int port) {
        Api api = server.api();
        String service = created(api.post(object("Top:" + group + ":127.0.0.1") + "/children", """
                            {"kind": "Service", "type": "TCP", "parameters": [
                              {"key": "port", "value": "%d"}, {"key": "pluck", "value": "(\\\\d+)"},
                              {"key": "maxdeviation", "value": "3"}, {"key": "hwab_period", "value": "1h"}]}""".formatted(port)))
                .getString("fullName");
        JsonObject before = forecast(api, service);
        assertEquals(3600, before.getInt("periodSeconds"));

        server.restart();
        JsonObject after = forecast(server.api(), service);
        assertEquals(before.getString("learningSince"), after.getString("learningSince"), "the stored one");
        assertEquals("additive", after.getString("model"));

        put(server.api(), service, "hwab_period", "2h");
        JsonObject longer = awaitForecast(server.api(), service, f -> f.getInt("periodSeconds") == 7200);
        assertNotEquals(before.getString("learningSince"), longer.getString("learningSince"));

        put(server.api(), service, "hwab_model", "multiplicative");
        JsonObject multiplied =
                awaitForecast(server.api(), service, f -> f.getString("model").equals("multiplicative"));
        assertEquals(7200, multiplied.getInt("periodSeconds"));
    }

    /**
     * The service's forecast once it has one (its first result makes it, or loads the stored one after a restart;
     * until then the answer is started: false).
     */
    private static JsonObject forecast(Api api, String service) {
        String path = "api/status/" + Api.encode(service) + "/forecast";
        AtomicReference<JsonObject> started = new AtomicReference<>();
        Eventually.await(service + " forecast", WITHIN, () -> {
            Api.Reply reply = api.get(path);
            if (reply.status() == 200 && reply.json().getBoolean("started")) {
                started.set(reply.json());
            }
            return started.get() != null;
        });
        return started.get();
    }

    /** The forecast once it is as wanted: a change of parameters takes effect at the service's next result. */
    private static JsonObject awaitForecast(Api api, String service, Predicate<JsonObject> wanted) {
        AtomicReference<JsonObject> last = new AtomicReference<>();
        Eventually.await(service + " forecast as wanted", WITHIN, () -> {
            last.set(forecast(api, service));
            return wanted.test(last.get());
        });
        return last.get();
    }

    private static void put(Api api, String service, String key, String value) {
        Api.Reply put = api.put(object(service) + "/parameters/" + key, """
                {"value": "%s", "local": false}""".formatted(value));
        assertEquals(200, put.status(), put.toString());
    }

    private static JsonObject created(Api.Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
        return reply.json();
    }

    private static void answer(ServerSocket listener) {
        while (!listener.isClosed()) {
            try (Socket s = listener.accept();
                    OutputStream out = s.getOutputStream()) {
                out.write("OK 42\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // closed by the test
            }
        }
    }
}
