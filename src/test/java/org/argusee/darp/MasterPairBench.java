package org.argusee.darp;

import static org.argusee.darp.Cluster.WITHIN;
import static org.argusee.darp.Cluster.statusOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.argusee.testsupport.ArgusServer;
import org.argusee.testsupport.ArgusServers;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The full form of issue 16's pair drills (bench/master-pair.sh; the short form is {@link MasterPairIT}): an
 * active/standby pair at the default lease, {@code argus.bench.services} services probed every second, and
 * {@code argus.bench.rounds} rounds, alternately SIGKILL and SIGSTOP of the active server. In each round half the
 * targets change the moment the active one stops (a change the new active one must log, once); the stopped one is
 * killed-and-restarted or resumed, and comes back as the standby. Figures: time to take over, time for a resumed
 * one to step down, transitions expected against stored (lost, duplicated), writes refused by fencing. Named
 * *Bench so that mvn verify never runs it.
 */
class MasterPairBench {

    private static final Logger LOG = Logger.getLogger(MasterPairBench.class.getName());
    private static final int SERVICES = Integer.getInteger("argus.bench.services", 20);
    private static final int ROUNDS = Integer.getInteger("argus.bench.rounds", 6);
    private static final Duration SETTLE = Duration.ofSeconds(60);

    @RegisterExtension
    final ArgusServers servers = new ArgusServers();

    private final boolean[] reachable = new boolean[SERVICES];
    private final int[] flips = new int[SERVICES];
    private final List<String> services = new ArrayList<>();
    private final List<String> figures = new ArrayList<>();
    private ArgusServer[] pair;

    @Test
    void drills() throws IOException {
        pair = MasterPair.create(servers, "bench-a", "bench-b");
        pair[0].start();
        pair[1].start();
        Eventually.await("one active, one standby", WITHIN, () -> MasterPair.isActive(pair[0]));
        String group = Cluster.create(
                pair[0], "Top", Cluster.group("Bench", "frequency", "1", "retries", "0", "timeout", "5"));
        for (int i = 0; i < SERVICES; i++) {
            reach(i, true);
            services.add(Cluster.create(pair[0], group, Cluster.reachService("pair_" + i, "pair-" + i)));
        }
        settled(pair[0]);
        figures.add("master pair drills: " + SERVICES + " services (probed every 1 s), " + ROUNDS
                + " rounds, lease 10 s renewed every 2 s");
        for (int round = 1; round <= ROUNDS; round++) {
            ArgusServer active = MasterPair.isActive(pair[0]) ? pair[0] : pair[1];
            ArgusServer standby = active == pair[0] ? pair[1] : pair[0];
            boolean kill = round % 2 == 1;
            long epoch = MasterPair.role(active).orElseThrow().epoch();
            if (kill) {
                active.kill();
            } else {
                active.hang();
            }
            for (int i = round % 2; i < SERVICES; i += 2) {
                reach(i, !reachable[i]);
                flips[i]++;
            }
            Duration took = Eventually.await("the standby takes over", SETTLE, () -> MasterPair.isActive(standby));
            settled(standby);
            Duration down;
            long refused = 0;
            Instant back = Instant.now();
            if (kill) {
                active.start();
                down = Eventually.await(
                        "the killed one back as the standby", SETTLE, () -> MasterPair.isStandby(active));
            } else {
                active.resume();
                down = Eventually.await("the resumed one steps down", SETTLE, () -> MasterPair.isStandby(active));
                refused = MasterPair.role(active).orElseThrow().refusedWrites();
            }
            long stored = 0;
            long inconsistent = 0;
            for (String s : services) {
                var log = Cluster.transitions(standby, s);
                stored += log.size();
                inconsistent += Cluster.inconsistencies(s, log).size();
            }
            long expected = java.util.Arrays.stream(flips).sum();
            figures.add(String.format(
                    "round %d %s: standby active after %d ms (epoch %d -> %d); %s %d ms; transitions expected %d,"
                            + " stored %d, out of order or twice %d; writes refused by fencing %d",
                    round,
                    kill ? "SIGKILL" : "SIGSTOP",
                    took.toMillis(),
                    epoch,
                    MasterPair.role(standby).orElseThrow().epoch(),
                    kill ? "restarted and standby after" : "resumed and stepped down after",
                    kill ? Duration.between(back, Instant.now()).toMillis() : down.toMillis(),
                    expected,
                    stored,
                    inconsistent,
                    refused));
            LOG.info(figures.get(figures.size() - 1));
        }
        Path out = Path.of("target", "master-pair-bench.txt");
        Files.write(out, figures);
        figures.forEach(f -> LOG.info(() -> "FIGURE " + f));
    }

    /** Waits until the active server shows every service as its target now is. */
    private void settled(ArgusServer active) {
        for (int i = 0; i < SERVICES; i++) {
            String expected = reachable[i] ? "up" : "down";
            String s = services.get(i);
            Eventually.await(
                    s + " " + expected + " on " + active.name(), SETTLE, () -> expected.equals(statusOf(active, s)));
        }
    }

    private void reach(int i, boolean up) {
        reachable[i] = up;
        pair[0].dataFile("pair-" + i, up);
        pair[1].dataFile("pair-" + i, up);
    }
}
