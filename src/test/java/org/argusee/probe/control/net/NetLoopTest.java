package org.argusee.probe.control.net;

import static org.argusee.probe.control.Probes.await;
import static org.argusee.probe.control.Probes.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.tcp.TcpMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NetLoopTest {

    private static final Duration LONG_WAIT = Duration.ofSeconds(60);
    private NetLoop loop;
    private TcpMonitor monitor;

    @BeforeEach
    void open() throws IOException {
        loop = NetLoop.open();
        monitor = new TcpMonitor(loop);
    }

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void twoThousandProbesAtOnceOnOneLoopThread() throws Exception {
        int count = 2000;
        try (TcpPeer peer = TcpPeer.start(TcpPeer.greetsAndCloses())) {
            ProbeSpec spec = spec("TCP/SMTP", "port", Integer.toString(peer.port()), "timeout", "50");
            Set<String> completedOn = ConcurrentHashMap.newKeySet();
            List<CompletionStage<Reply>> stages = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                CompletionStage<Reply> s = monitor.probe(spec);
                s.thenRun(() -> completedOn.add(Thread.currentThread().getName()));
                stages.add(s);
            }
            assertEquals(1, loopThreads(), "one selector thread, whatever the number of probes in flight");
            for (CompletionStage<Reply> s : stages) {
                Reply r = await(s, LONG_WAIT);
                assertTrue(r.ok(), r.reason());
                assertEquals("220 ready", r.value());
            }
            assertEquals(count, peer.accepted.get());
            completedOn.remove(Thread.currentThread().getName()); // stages already done when thenRun was added
            assertEquals(Set.of("argus-netloop"), completedOn);
            assertEquals(0, loop.inFlight());
        }
    }

    @Test
    void probesStartedFromManyThreadsAtOnce() throws Exception {
        int threads = 16;
        int each = 50;
        try (TcpPeer peer = TcpPeer.start(TcpPeer.greetsAndCloses())) {
            ProbeSpec spec = spec("TCP/SMTP", "port", Integer.toString(peer.port()), "timeout", "50");
            List<CompletionStage<Reply>> stages = new CopyOnWriteArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> starters = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread starter = new Thread(() -> {
                    awaitLatch(go);
                    for (int i = 0; i < each; i++) {
                        stages.add(monitor.probe(spec));
                    }
                });
                starter.start();
                starters.add(starter);
            }
            go.countDown();
            for (Thread starter : starters) {
                starter.join(LONG_WAIT.toMillis());
            }
            assertEquals(threads * each, stages.size());
            for (CompletionStage<Reply> s : stages) {
                assertTrue(await(s, LONG_WAIT).ok());
            }
        }
    }

    @Test
    void closeEndsProbesInFlightAsFailed() throws Exception {
        int count = 100;
        try (TcpPeer peer = TcpPeer.start((s, p) -> p.hold(s))) {
            ProbeSpec spec = spec("TCP/SMTP", "port", Integer.toString(peer.port()));
            List<CompletionStage<Reply>> stages = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                stages.add(monitor.probe(spec));
            }
            waitFor(() -> peer.accepted.get() == count);
            loop.close();
            for (CompletionStage<Reply> s : stages) {
                Reply r = await(s, Duration.ofSeconds(10));
                assertEquals("shut down", r.reason());
            }
            assertEquals(0, loop.inFlight());
            assertEquals(0, loopThreads());
            assertEquals(
                    "shut down",
                    await(monitor.probe(spec), Duration.ofSeconds(1)).reason());
        }
    }

    /**
     * A finished probe's connection is closed at once, not when the loop next wakes for something else: the close
     * waits for the selector to let go of the channel (session 10), and nothing else happens on the loop here.
     */
    @Test
    void theServiceSeesTheConnectionClosedWhenTheProbeEnds() throws Exception {
        CountDownLatch ended = new CountDownLatch(2);
        try (TcpPeer peer = TcpPeer.start(TcpPeer.countsTheEnd(ended))) {
            ProbeSpec spec = spec("TCP", "port", Integer.toString(peer.port()));
            assertTrue(await(monitor.probe(spec), LONG_WAIT).ok());
            assertTrue(await(monitor.probe(spec), LONG_WAIT).ok());
            assertTrue(ended.await(LONG_WAIT.toMillis(), TimeUnit.MILLISECONDS), "the peer never saw the end");
            assertEquals(0, loop.inFlight());
        }
    }

    /** The same for a probe that timed out: its connection is closed by a task on the loop, then nothing happens. */
    @Test
    void theServiceSeesTheConnectionClosedWhenTheProbeTimesOut() throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        try (TcpPeer peer = TcpPeer.start(TcpPeer.countsTheEnd(ended))) {
            ProbeSpec spec = spec("TCP/SMTP", "port", Integer.toString(peer.port()), "timeout", "1");
            assertEquals("timeout", await(monitor.probe(spec), LONG_WAIT).reason());
            assertTrue(ended.await(LONG_WAIT.toMillis(), TimeUnit.MILLISECONDS), "the peer never saw the end");
        }
    }

    /** Probes started in a batch wake the loop once at its end, or every so many: all of them run. */
    @Test
    void probesStartedInABatchAllRun() throws Exception {
        try (TcpPeer peer = TcpPeer.start(TcpPeer.greetsAndCloses())) {
            ProbeSpec spec = spec("TCP/SMTP", "port", Integer.toString(peer.port()), "timeout", "50");
            for (int count : new int[] {1, WakeBatch.MAX_DEFERRED * 3 + 1}) {
                List<CompletionStage<Reply>> stages = new ArrayList<>();
                NetLoop.batched(() -> {
                            for (int i = 0; i < count; i++) {
                                stages.add(monitor.probe(spec));
                            }
                        })
                        .run();
                for (CompletionStage<Reply> s : stages) {
                    Reply r = await(s, LONG_WAIT);
                    assertEquals("220 ready", r.value(), r.reason());
                }
            }
            assertEquals(0, loop.inFlight());
        }
    }

    private static long loopThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("argus-netloop"))
                .count();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(LONG_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Polls with a deadline: the condition depends on another process's scheduling, not on a fixed time. */
    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + LONG_WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within " + LONG_WAIT);
            Thread.sleep(10);
        }
    }
}
