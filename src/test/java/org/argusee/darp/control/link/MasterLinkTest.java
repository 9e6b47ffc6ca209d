package org.argusee.darp.control.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.argusee.darp.control.wire.ConfigDocument;
import org.argusee.darp.control.wire.Message;
import org.argusee.darp.control.wire.ReportItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The slave's link against a master on a real local socket: login, config, acks, a hung master, reconnection. */
class MasterLinkTest {

    final List<ConfigDocument> configs = new CopyOnWriteArrayList<>();
    FakeMaster master;
    MasterLink link;

    @AfterEach
    void stop() throws Exception {
        if (link != null) {
            link.close();
        }
        if (master != null) {
            master.close();
        }
    }

    @Test
    void logsInFetchesTheConfigAndGetsReportsAcked() throws Exception {
        start(FakeMaster.SECRET, Duration.ofSeconds(5));
        await("connected", () -> link.state().connected());
        await("the config", () -> !configs.isEmpty());
        assertEquals(FakeMaster.config().version(), configs.get(0).version());

        link.report(item("Top:a"));
        await("acked", () -> link.state().lastAcked() == 1 && link.state().pending() == 0);
        assertEquals("fake", link.state().master());
    }

    @Test
    void reportsThatComeTogetherGoInOneMessage() throws Exception {
        start(FakeMaster.SECRET, Duration.ofSeconds(5));
        await("connected", () -> link.state().connected());
        for (int i = 0; i < 50; i++) {
            link.report(item("Top:burst" + i));
        }
        await("all acked", () -> link.state().lastAcked() == 50 && link.state().pending() == 0);
        long messages = master.received.stream()
                .filter(m -> m instanceof Message.Reports)
                .count();
        // a burst handed over in a loop must not become 50 transactions on the master (the fake reads single frames:
        // kept small)
        assertTrue(messages <= 5, messages + " report messages for 50 reports");
    }

    @Test
    void aWrongSecretNeverConnectsAndSaysWhy() throws Exception {
        start("another secret entirely", Duration.ofSeconds(5));
        await("refused", () -> "down".equals(link.state().state()));
        assertTrue(link.state().reason().contains("HTTP 401"), link.state().reason());
        assertEquals(0, master.streams.get());
    }

    @Test
    void aMasterThatCannotProveItHoldsTheVerifierIsNotTrusted() throws Exception {
        master = new FakeMaster("slave1", FakeMaster.SECRET);
        master.forgeSignature = true;
        link = new MasterLink(settings(FakeMaster.SECRET, Duration.ofSeconds(5)), null, listener());
        link.start();
        await("refused", () -> "down".equals(link.state().state()));
        assertTrue(link.state().reason().contains("did not prove"), link.state().reason());
        assertEquals(0, master.streams.get());
    }

    @Test
    void aConfigChangedOnTheWayIsRefusedAndNeverApplied() throws Exception {
        master = new FakeMaster("slave1", FakeMaster.SECRET);
        master.tamper = true; // a man in the middle adds a byte, keeping the master's MAC
        link = new MasterLink(settings(FakeMaster.SECRET, Duration.ofSeconds(5)), null, listener());
        link.start();
        await(
                "refused",
                () -> "down".equals(link.state().state())
                        && link.state().reason() != null
                        && link.state().reason().contains("MAC"));
        assertTrue(configs.isEmpty(), "nothing applied");
        assertEquals(0, master.streams.get(), "no stream without a config");
    }

    /**
     * A config the slave could not apply (its own database away) is fetched again while the link stays up: the master
     * announces a version only when it changes and in its welcome, so before this the slave kept its old config
     * until the next change or reconnection (found by bench/chaos.sh databasesKilled).
     */
    @Test
    void aConfigThatCouldNotBeAppliedIsFetchedAgainOnTheSameLink() throws Exception {
        // the fake master never pings: with a timeout of 20 s the slave keeps this stream past the retry's 5 s
        start(FakeMaster.SECRET, Duration.ofSeconds(20));
        await("connected with the config", () -> link.state().connected() && configs.size() == 1);
        link.forgetConfig(); // what SlaveRunner does when the apply, on its executor, fails after the welcome
        await("the config fetched again", () -> configs.size() >= 2);
        assertEquals(configs.get(0).version(), configs.get(1).version());
        assertEquals(1, master.streams.get(), "on the same stream, no reconnection");
    }

    /**
     * A change announced while the slave fetches the one before is fetched after it: the announcement used to be
     * dropped (a fetch was under way), and the slave stayed on the older config until the next change.
     */
    @Test
    void aVersionAnnouncedDuringAFetchIsFetchedAfterIt() throws Exception {
        start(FakeMaster.SECRET, Duration.ofSeconds(20));
        await("connected with the config", () -> link.state().connected() && configs.size() == 1);
        master.configGate = new java.util.concurrent.CountDownLatch(1);
        master.frequency = "31";
        master.announce();
        await("the fetch of the second version under way", () -> master.configRequests.get() == 2);
        master.frequency = "32";
        String third = master.served().version();
        master.announce();
        // a report sent after it: when the master has it, the slave has most likely read the announcement too (the
        // test passes either way with the fix; without it, it fails when the announcement came during the fetch)
        link.report(item("Top:after"));
        await("a report after the announcement", () -> link.state().lastAcked() == 1);
        master.configGate.countDown();
        await(
                "the third version fetched",
                () -> !configs.isEmpty()
                        && third.equals(configs.get(configs.size() - 1).version()));
        assertEquals(3, configs.size(), "the second version, then the third");
    }

    /**
     * A config that takes longer to come than the liveness timeout still arrives: bounded by that timeout, the
     * fetch of 3,000 services from a loaded master (3 s) failed and started again from the login for ever.
     */
    @Test
    void aConfigSlowerThanTheTimeoutIsWaitedFor() throws Exception {
        master = new FakeMaster("slave1", FakeMaster.SECRET);
        master.configTime = Duration.ofMillis(2500);
        link = new MasterLink(settings(FakeMaster.SECRET, Duration.ofSeconds(1)), null, listener());
        link.start();
        await("connected", () -> link.state().connected());
        assertEquals(1, configs.size());
    }

    @Test
    void aHungMasterIsFoundAndUnackedReportsGoAgainAfterTheReconnect() throws Exception {
        start(FakeMaster.SECRET, Duration.ofMillis(1500));
        await("connected", () -> link.state().connected());
        master.answering = false;
        link.report(item("Top:during-hang"));
        Instant hung = Instant.now();

        await("found down", () -> "down".equals(link.state().state()));
        long took = Duration.between(hung, Instant.now()).toMillis();
        assertTrue(took < 5000, "found after " + took + " ms");
        assertTrue(
                link.state().reason().contains("within 1500 ms")
                        || link.state().reason().contains("for 1500 ms"),
                link.state().reason());

        master.answering = true;
        await("reconnected", () -> link.state().connected() && link.state().connections() == 2);
        await("the report acked after the resend", () -> link.state().pending() == 0);
        long sentTwice = master.received.stream()
                .filter(m -> m instanceof Message.Reports r
                        && r.items().stream().anyMatch(i -> i.object().equals("Top:during-hang") && i.seq() == 1))
                .count();
        assertEquals(2, sentTwice, "the same number both times");
    }

    @Test
    void aCutConnectionIsFollowedByAReconnect() throws Exception {
        start(FakeMaster.SECRET, Duration.ofSeconds(5));
        await("connected", () -> link.state().connected());
        master.cut();
        await("reconnected", () -> link.state().connected() && link.state().connections() == 2);
        assertEquals(1, configs.size(), "the unchanged config is not delivered again (304-like, same version)");
    }

    /**
     * Two slaves configured with the same tag take the stream from each other (the master closes the older one 4409).
     * Before, each came back after the shortest backoff, so the link changed hands every second for ever; now the
     * one whose stream was taken waits as after a refused login, and says why.
     */
    @Test
    void aStreamTakenByAnotherServerWithTheSameTagWaitsAsAfterARefusal() throws Exception {
        master = new FakeMaster("slave1", FakeMaster.SECRET);
        link = new MasterLink(
                new LinkSettings(
                        master.url(),
                        "slave1",
                        FakeMaster.SECRET,
                        "fake",
                        Duration.ofSeconds(5),
                        Duration.ofMillis(100),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(3)),
                null,
                listener());
        link.start();
        await("connected", () -> link.state().connected());
        master.closeStreams(4409, "replaced by a newer connection");
        await("down", () -> "down".equals(link.state().state()));
        assertTrue(
                link.state().reason().contains("another server"), link.state().reason());
        // the shortest backoff is 100 ms: at least 2.4 s (3 s -20 %) must pass before the next stream
        org.argusee.testsupport.Eventually.holds(
                "no new stream within a second of the replacement",
                Duration.ofSeconds(1),
                () -> master.streams.get() == 1);
        await("connected again after the wait", () -> link.state().connected() && master.streams.get() == 2);
    }

    /** Issue 16: given both servers of a master pair, the slave logs in to the active one, whichever it is. */
    @Test
    void aSlaveOfAPairFollowsTheActiveMaster() throws Exception {
        try (FakeMaster other = new FakeMaster("slave1", FakeMaster.SECRET)) {
            master = new FakeMaster("slave1", FakeMaster.SECRET);
            master.standby = true;
            link = new MasterLink(
                    LinkSettings.of(
                            java.util.List.of(master.url(), other.url()),
                            "slave1",
                            FakeMaster.SECRET,
                            "fake",
                            Duration.ofSeconds(5),
                            Duration.ofMillis(500),
                            Duration.ZERO),
                    null,
                    listener());
            link.start();
            await("connected to the second, active one", () -> link.state().connected() && other.streams.get() == 1);
            assertEquals(0, master.streams.get());

            other.standby = true; // the pair changes roles; the old active one drops its slaves
            master.standby = false;
            other.cut();
            await("connected to the first, now active", () -> link.state().connected() && master.streams.get() == 1);
            assertEquals(1, other.streams.get());
        }
    }

    private void start(String secret, Duration timeout) throws Exception {
        master = new FakeMaster("slave1", FakeMaster.SECRET);
        link = new MasterLink(settings(secret, timeout), null, listener());
        link.start();
    }

    private LinkSettings settings(String secret, Duration timeout) {
        return new LinkSettings(
                master.url(), "slave1", secret, "fake", timeout, Duration.ofMillis(100), Duration.ofMillis(500));
    }

    private LinkListener listener() {
        return configs::add;
    }

    private static ReportItem item(String object) {
        return new ReportItem(0, object, "down", "major", "timeout", Instant.now(), false);
    }

    /** Waits for a condition on a future completed by a polling task: no fixed sleep. */
    private static void await(String what, BooleanSupplier condition) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        var poller = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            poller.scheduleAtFixedRate(
                    () -> {
                        if (condition.getAsBoolean()) {
                            done.complete(null);
                        }
                    },
                    0,
                    20,
                    TimeUnit.MILLISECONDS);
            done.get(15, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not within 15 s: " + what);
        } finally {
            poller.shutdownNow();
        }
    }
}
