package org.argusee.probe.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.argusee.platform.control.ConcurrentLongMap;

/**
 * DARP failover for the {@link Scheduler}: probes, each at a random moment within {@link #SPREAD_MILLIS}, the
 * services that this server tests now and did not when last looked at; hands those it has stopped testing to
 * {@code handedBack} (the status board shows them unknown again, as it shows those it stands by for, not the last
 * result it found before the master came back: it no longer tests them, so that result would stay for ever).
 * Failover then takes the time to find the master down plus one probe, not plus a whole frequency, and thousands
 * of services taken over at once do not start in the same millisecond.
 */
final class Takeover {

    private static final Logger LOG = Logger.getLogger(Takeover.class.getName());

    /** Services that become tested here are probed within this many ms, each at its own random moment. */
    static final long SPREAD_MILLIS = 1000;

    /** Probes a service after a delay if it is still scheduled as it is and tested here; false when shutting down. */
    @FunctionalInterface
    interface ProbeLater {
        boolean probe(long id, Scheduled s, long delayMillis);
    }

    private Takeover() {}

    /** Looks at each service's duty against what it said last time. Callers serialise calls. */
    static void run(ConcurrentLongMap<Scheduled> scheduled, ProbeLater later, Consumer<List<Long>> handedBack) {
        List<Long> left = new ArrayList<>();
        int started = 0;
        for (long id : scheduled.keys()) {
            Scheduled s = scheduled.get(id);
            if (s == null) {
                continue; // gone meanwhile
            }
            boolean now = s.duty().testsNow();
            if (s.testedWas(now) == now) {
                continue;
            }
            if (!now) {
                left.add(id);
                continue;
            }
            if (!later.probe(id, s, ThreadLocalRandom.current().nextLong(SPREAD_MILLIS))) {
                return; // shutting down
            }
            started++;
        }
        if (!left.isEmpty()) {
            handedBack.accept(left);
        }
        if (started > 0 || !left.isEmpty()) {
            int taken = started;
            int stopped = left.size();
            LOG.info(() -> "DARP: " + taken + " service(s) now tested here (probed within " + SPREAD_MILLIS + " ms), "
                    + stopped + " no longer tested here (unknown again)");
        }
    }
}
