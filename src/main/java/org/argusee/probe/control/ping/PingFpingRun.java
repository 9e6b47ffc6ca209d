package org.argusee.probe.control.ping;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.argusee.probe.control.net.NetLoop;
import org.argusee.probe.control.prog.ProgProcesses;

/**
 * One fping process for a batch of hosts of one address family: {@code fping -4|-6 -e -r 0 -i 1 -t <wait> addr...}.
 * fping prints each answer as it comes (and flushes), so a host that answers is up at once while the batch still
 * waits for the silent ones. Runs on a pool thread, which it holds while it reads. The process is killed at the
 * last deadline of its probes if it is still running; each probe's own deadline has completed it by then.
 */
final class PingFpingRun implements Runnable {

    private static final File NO_INPUT = new File("/dev/null");

    private final Path fping;
    private final int family;
    private final long waitMillis;
    private final List<PingProbe> probes;
    private final ScheduledExecutorService timer;
    /** The monitor's live processes, which it kills when it closes. */
    private final Set<Process> running;

    PingFpingRun(
            Path fping,
            int family,
            long waitMillis,
            List<PingProbe> probes,
            ScheduledExecutorService timer,
            Set<Process> running) {
        this.fping = fping;
        this.family = family;
        this.waitMillis = waitMillis;
        this.probes = List.copyOf(probes);
        this.timer = timer;
        this.running = running;
    }

    @Override
    public void run() {
        Map<String, List<PingProbe>> byAddress = new LinkedHashMap<>();
        long lastDeadline = Long.MIN_VALUE;
        for (PingProbe p : probes) {
            if (!p.isDone()) {
                byAddress.computeIfAbsent(p.address, a -> new ArrayList<>()).add(p);
                lastDeadline = Math.max(lastDeadline, p.deadlineNanos);
            }
        }
        if (byAddress.isEmpty()) {
            return; // timed out while waiting for a thread
        }
        Process process;
        try {
            process = new ProcessBuilder(command(byAddress.keySet()))
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(NO_INPUT))
                    .start();
        } catch (IOException e) {
            byAddress.values().forEach(list -> list.forEach(p -> p.down("cannot run fping: " + e.getMessage())));
            return;
        }
        long killIn = Math.max(0, (lastDeadline - System.nanoTime()) / 1_000_000);
        running.add(process);
        ScheduledFuture<?> kill;
        try {
            kill = timer.schedule(() -> ProgProcesses.killTree(process, false), killIn, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) { // the monitor closed meanwhile
            running.remove(process);
            ProgProcesses.killTree(process, false);
            byAddress.values().forEach(list -> list.forEach(p -> p.down(NetLoop.SHUT_DOWN)));
            return;
        }
        String general = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.ISO_8859_1))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Optional<PingOutput.HostResult> r = PingOutput.fping(line);
                List<PingProbe> mine = r.map(h -> byAddress.get(h.host())).orElse(null);
                if (mine == null) {
                    general = line.strip().isEmpty() ? general : line.strip();
                } else {
                    mine.forEach(p -> settle(p, r.get()));
                }
            }
            int code = process.waitFor();
            // 0-2: every host was judged (alive, unreachable, not found); 3-4: fping itself failed
            String rest = code >= 3 && general != null
                    ? "fping failed: " + general.replaceFirst("^fping: ", "")
                    : PingOutput.NO_RESPONSE;
            byAddress.values().forEach(list -> list.forEach(p -> p.down(rest)));
        } catch (IOException e) {
            byAddress.values().forEach(list -> list.forEach(p -> p.down("cannot read fping: " + e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            byAddress.values().forEach(list -> list.forEach(p -> p.down(NetLoop.SHUT_DOWN)));
        } finally {
            kill.cancel(false);
            running.remove(process);
            if (process.isAlive()) {
                ProgProcesses.killTree(process, false);
            }
        }
    }

    private static void settle(PingProbe p, PingOutput.HostResult r) {
        if (r.alive()) {
            p.up(r.millis());
        } else {
            p.down(r.reason());
        }
    }

    private List<String> command(Iterable<String> addresses) {
        List<String> argv = new ArrayList<>(List.of(
                fping.toString(),
                family == 6 ? "-6" : "-4",
                "-e",
                "-r",
                "0",
                "-i",
                "1",
                "-t",
                Long.toString(waitMillis)));
        addresses.forEach(argv::add);
        return argv;
    }
}
