package org.argusee.bench;

import jakarta.json.JsonObject;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import org.argusee.testsupport.ArgusServer;

/**
 * The failover part of the DARP benchmark, at the default link settings: the master hung (SIGSTOP), then resumed
 * and, once both slaves are connected again, killed (SIGKILL). Each time: from the signal to the first connection
 * a slave makes to a failover listener (the failover services' own address: only their probes reach it, and the
 * master can probe nothing once stopped or dead), and to the 2F-th (each slave has probed each failover service
 * once, if none was probed twice meanwhile, which holds while that time is under the services' frequency).
 */
final class FailoverRound {

    private static final Duration WAIT = Duration.ofSeconds(120);

    private final DarpBench bench;
    private final TargetProcess listeners;
    private final PrintStream out;

    FailoverRound(DarpBench bench, TargetProcess listeners) {
        this.bench = bench;
        this.listeners = listeners;
        this.out = bench.out();
    }

    void run() {
        ArgusServer master = bench.master();
        awaitSlavesConnected();
        out.printf(
                "%n== failover (%d services, slave settings at their defaults), load average %s%n",
                bench.failoverServices(), bench.load());
        standby("before the hang");
        master.hang();
        measure("master hung (SIGSTOP)");
        master.resume();
        Instant resumed = Instant.now();
        awaitSlavesConnected();
        out.printf("master resumed: both slaves connected again after %d s%n", DarpBench.secondsSince(resumed));
        standby("after the resume");
        master.kill();
        measure("master killed (SIGKILL)");
    }

    /**
     * Counts the failover listeners' accepts over one frequency while the master is up: about F when only the
     * master probes (slaves standing by), about 3F when the slaves probe too, which would make the failover
     * figures meaningless (their first probe would not be a takeover).
     */
    private void standby(String when) {
        listeners.ask("mark");
        DarpBench.pause(bench.frequency() * 1000L);
        out.printf(
                "standby check %s: %s failover probes in one frequency (%d s); the master alone makes %d%n",
                when, listeners.ask("since 1")[0], bench.frequency(), bench.failoverServices());
    }

    private void measure(String what) {
        Instant signal = Instant.now();
        listeners.ask("mark");
        int all = 2 * bench.failoverServices();
        Instant deadline = signal.plus(WAIT);
        String[] since = listeners.ask("since " + all);
        while (Long.parseLong(since[2]) < 0 && Instant.now().isBefore(deadline)) {
            DarpBench.pause(100);
            since = listeners.ask("since " + all);
        }
        long first = Long.parseLong(since[1]);
        long last = Long.parseLong(since[2]);
        out.printf(
                "%s: first failover probe by a slave after %s, %d probes (each slave each service once) after %s;"
                        + " %s probes seen; load average %s%n",
                what, after(signal, first), all, after(signal, last), since[0], bench.load());
        for (ArgusServer slave : bench.slaves()) {
            out.printf("  %s: master link %s%n", slave.name(), linkDown(slave, signal));
        }
    }

    /** When the slave's own view says its master went down, relative to the signal. */
    private static String linkDown(ArgusServer slave, Instant signal) {
        try {
            return linkState(slave, signal);
        } catch (RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String linkState(ArgusServer slave, Instant signal) {
        return slave.api().get("api/darp/connections").array().getValuesAs(JsonObject.class).stream()
                .filter(c -> "master".equals(c.getString("role", "")))
                .findFirst()
                .map(c -> c.getString("state", "?")
                        + (c.containsKey("since") && !c.isNull("since")
                                ? String.format(
                                        " since %.2f s after the signal",
                                        Duration.between(signal, Instant.parse(c.getString("since")))
                                                        .toMillis()
                                                / 1e3)
                                : ""))
                .orElse("not listed");
    }

    private static String after(Instant signal, long epochMillis) {
        return epochMillis < 0
                ? "none within " + WAIT.toSeconds() + " s"
                : String.format("%.2f s", (epochMillis - signal.toEpochMilli()) / 1e3);
    }

    private void awaitSlavesConnected() {
        for (ArgusServer slave : bench.slaves()) {
            DarpBench.await(slave.name() + " connected to its master", WAIT, () -> connected(slave));
        }
    }

    private static boolean connected(ArgusServer slave) {
        try {
            return slave.api().get("api/darp/connections").array().getValuesAs(JsonObject.class).stream()
                    .anyMatch(c ->
                            "master".equals(c.getString("role", "")) && "connected".equals(c.getString("state", "")));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
