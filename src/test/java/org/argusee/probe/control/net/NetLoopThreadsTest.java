package org.argusee.probe.control.net;

import static org.argusee.probe.control.Probes.await;
import static org.argusee.probe.control.Probes.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.tcp.TcpMonitor;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A loop of several selector threads: probes spread over them, each decided and closed as on one thread. */
class NetLoopThreadsTest {

    private static final Duration LONG_WAIT = Duration.ofSeconds(60);
    private static final int THREADS = 3;
    private NetLoop loop;
    private TcpMonitor monitor;

    @BeforeEach
    void open() throws IOException {
        loop = NetLoop.open(THREADS);
        monitor = new TcpMonitor(loop);
    }

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void probesSpreadOverEveryThreadWithTheSameReplies() throws Exception {
        int count = 300;
        try (TcpPeer peer = TcpPeer.start(TcpPeer.greetsAndCloses())) {
            ProbeSpec spec = spec("TCP/SMTP", "port", Integer.toString(peer.port()), "timeout", "50");
            Set<String> completedOn = ConcurrentHashMap.newKeySet();
            List<CompletionStage<Reply>> stages = new ArrayList<>();
            NetLoop.batched(() -> {
                        for (int i = 0; i < count; i++) {
                            CompletionStage<Reply> s = monitor.probe(spec);
                            s.thenRun(
                                    () -> completedOn.add(Thread.currentThread().getName()));
                            stages.add(s);
                        }
                    })
                    .run();
            assertEquals(THREADS, loop.threads());
            for (CompletionStage<Reply> s : stages) {
                Reply r = await(s, LONG_WAIT);
                assertEquals("220 ready", r.value(), r.reason());
            }
            assertEquals(count, peer.accepted.get());
            completedOn.remove(Thread.currentThread().getName()); // stages already done when thenRun was added
            assertEquals(Set.of("argus-netloop-1", "argus-netloop-2", "argus-netloop-3"), completedOn);
            assertEquals(0, loop.inFlight());
        }
    }

    /** Probes in turn go to each thread: twice as many as threads, each seen closed by the service. */
    @Test
    void everyThreadClosesTheConnectionOfAFinishedProbe() throws Exception {
        probesOnEveryThreadAreClosed(null, "timeout", "30");
    }

    @Test
    void everyThreadClosesTheConnectionOfATimedOutProbe() throws Exception {
        probesOnEveryThreadAreClosed("timeout", "timeout", "1");
    }

    /** Probes that end with {@code reason} (null: up) each close their connection, whichever thread they ran on. */
    private void probesOnEveryThreadAreClosed(String reason, String... params) throws Exception {
        int count = THREADS * 2;
        CountDownLatch ended = new CountDownLatch(count);
        try (TcpPeer peer = TcpPeer.start(TcpPeer.countsTheEnd(ended))) {
            List<String> all = new ArrayList<>(List.of(params));
            all.addAll(List.of("port", Integer.toString(peer.port())));
            ProbeSpec spec = spec(reason == null ? "TCP" : "TCP/SMTP", all.toArray(String[]::new));
            List<CompletionStage<Reply>> stages = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                stages.add(monitor.probe(spec));
            }
            for (CompletionStage<Reply> s : stages) {
                Reply r = await(s, LONG_WAIT);
                assertEquals(reason == null, r.ok(), r.reason());
                if (reason != null) {
                    assertEquals(reason, r.reason());
                }
            }
            assertTrue(ended.await(LONG_WAIT.toMillis(), TimeUnit.MILLISECONDS), "the peer never saw every end");
            assertEquals(0, loop.inFlight());
        }
    }

    @Test
    void closeEndsTheProbesInFlightOnEveryThread() throws Exception {
        int count = THREADS * 10;
        try (TcpPeer peer = TcpPeer.start((s, p) -> p.hold(s))) {
            ProbeSpec spec = spec("TCP/SMTP", "port", Integer.toString(peer.port()));
            List<CompletionStage<Reply>> stages = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                stages.add(monitor.probe(spec));
            }
            Eventually.await("every probe connected", LONG_WAIT, () -> peer.accepted.get() == count);
            loop.close();
            for (CompletionStage<Reply> s : stages) {
                assertEquals(NetLoop.SHUT_DOWN, await(s, Duration.ofSeconds(10)).reason());
            }
            assertEquals(0, loop.inFlight());
            assertEquals(
                    0,
                    Thread.getAllStackTraces().keySet().stream()
                            .filter(t -> t.isAlive()
                                    && t.getName().startsWith("argus-netloop-")
                                    && t instanceof SelectorThread)
                            .count());
        }
    }

    @Test
    void theScratchBufferIsForTheLoopsThreadsOnly() {
        assertThrows(IllegalStateException.class, loop::scratch);
    }
}
