package org.argusee.probe;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.DeployedServer;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How often the deployed server probes: 20 TCP services, each with a loopback listener of its own that counts the
 * connections it accepts, imported after the server started, at frequency 1 s (the shortest there is: the periods
 * are what the test waits for), then edited to 2 s, with an unrelated change of the tree (a replan) on the way.
 * Over several periods no listener sees more than one connection per period (plus a margin for a turn that started
 * late, and for the change of frequency): services probed twice as often, as a benchmark once measured
 * (docs/benchmarks.md), would. Nothing here depends on timing: the test waits
 * for every listener to reach a count, and bounds the counts by the time that waiting took, however long.
 */
class SchedulingIT extends DeployedServer {

    private static final int SERVICES = 20;
    private static final Duration WITHIN = Duration.ofSeconds(120);

    private Api api;
    private String group;
    private final List<CountingListener> listeners = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = Api.admin(base);
        for (int i = 0; i < SERVICES; i++) {
            listeners.add(new CountingListener());
        }
        String name = "sched_" + UUID.randomUUID().toString().substring(0, 8);
        group = "Top:" + name;
        assertEquals(
                201, api.post(object("Top") + "/children", """
                {"kind": "Group", "name": "%s"}""".formatted(name)).status());
    }

    @AfterEach
    void tearDown() {
        api.delete(object(group) + "?recursive=true");
        listeners.forEach(CountingListener::close);
    }

    @Test
    void eachServiceIsProbedOncePerItsFrequency() {
        StringBuilder config = new StringBuilder("frequency: 1\nretries: 0\ntimeout: 2\n");
        config.append("Host \"127.0.0.1\" {\n");
        for (CountingListener l : listeners) {
            config.append("\tService TCP {\n\t\tport: ").append(l.port()).append("\n\t\texpect: ^OK\n\t}\n");
        }
        config.append("}\n");
        Api.Reply imported =
                api.send("POST", "api/config/import?root=" + Api.encode(group), config.toString(), "text/plain");
        assertEquals(200, imported.status(), imported.toString());

        // every service has had its first turn (a random phase within 1 s): count from here, a replan on the way
        awaitEvery(1, counts());
        assertEquals(201, api.post(object(group) + "/children", """
                {"kind": "Group", "name": "unrelated"}""").status());
        assertAtMostOncePerPeriod(counts(), 8, 1, 0);

        double planned = planned();
        Api.Reply edited = api.put(object(group) + "/parameters/frequency", """
                {"value": "2", "local": false}""");
        assertEquals(200, edited.status(), edited.toString());
        // replanned: 20 services at 2 s instead of 1 s are 10 turns a second fewer in the server's schedule
        Eventually.await("the replan of the edited services", WITHIN, () -> planned() <= planned - 9.99);
        // a probe of the old turns may still be under way: one connection more at most
        assertAtMostOncePerPeriod(counts(), 6, 2, 1);
    }

    /**
     * Waits until every listener has seen {@code turns} connections more than {@code from}, then checks the counts
     * against the periods that took: none more than one turn over them (a turn that started late and the next on
     * time can both fall in the span) plus {@code extra}, and all together no more than half a turn over on average
     * (a listener's count over a span is its periods or one more, by its phase). Twice the probes would show in
     * both: the wait ends twice as soon, with as many connections.
     */
    private void assertAtMostOncePerPeriod(int[] from, int turns, int frequencySeconds, int extra) {
        long start = System.nanoTime();
        awaitEvery(turns, from);
        double periods = (System.nanoTime() - start) / 1e9 / frequencySeconds;
        int[] now = counts();
        int sum = 0;
        for (int i = 0; i < SERVICES; i++) {
            int seen = now[i] - from[i];
            sum += seen;
            int most = (int) Math.floor(periods) + 2 + extra;
            assertTrue(
                    seen <= most,
                    "listener " + i + " saw " + seen + " connections in " + String.format("%.1f", periods)
                            + " periods of " + frequencySeconds + " s (at most " + most + " expected)");
        }
        double most = SERVICES * (periods + 1.5 + extra);
        assertTrue(
                sum <= most,
                SERVICES + " listeners saw " + sum + " connections in " + String.format("%.1f", periods)
                        + " periods of " + frequencySeconds + " s (at most " + most + " expected)");
    }

    /** The server's whole schedule in turns a second (every service on it, other tests' included). */
    private double planned() {
        for (String line : api.get("api/metrics").body().split("\n")) {
            if (line.startsWith("argus_probes_planned ")) {
                return Double.parseDouble(line.substring(line.indexOf(' ') + 1));
            }
        }
        throw new AssertionError("no argus_probes_planned in api/metrics");
    }

    private void awaitEvery(int turns, int[] from) {
        Eventually.await("every listener " + turns + " connection(s) more", WITHIN, () -> {
            int[] now = counts();
            for (int i = 0; i < SERVICES; i++) {
                if (now[i] - from[i] < turns) {
                    return false;
                }
            }
            return true;
        });
    }

    private int[] counts() {
        int[] counts = new int[SERVICES];
        for (int i = 0; i < SERVICES; i++) {
            counts[i] = listeners.get(i).accepted.get();
        }
        return counts;
    }

    /** A healthy TCP service on 127.0.0.1 that counts the connections it accepted. */
    private static final class CountingListener {

        private final ServerSocket socket;
        private final AtomicInteger accepted = new AtomicInteger();

        CountingListener() {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(this::serve, "scheduling-it-listener-" + socket.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept();
                        OutputStream out = s.getOutputStream()) {
                    accepted.incrementAndGet();
                    out.write("OK ready\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // closed by the test, or the prober hung up first
                }
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
