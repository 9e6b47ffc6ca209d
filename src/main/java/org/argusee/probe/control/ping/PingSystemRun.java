package org.argusee.probe.control.ping;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.argusee.probe.control.net.NetLoop;
import org.argusee.probe.control.prog.ProgProcesses;

/**
 * Without fping: the system's {@code ping -n -c1 -W<seconds> -4|-6 addr} for one host. Exit 0 with a time is up,
 * 1 is no answer, anything else is the tool's own complaint. Killed at the probe's deadline if still running.
 */
final class PingSystemRun implements Runnable {

    private static final File NO_INPUT = new File("/dev/null");

    private final Path ping;
    private final long waitMillis;
    private final PingProbe probe;
    private final ScheduledExecutorService timer;
    /** The monitor's live processes, which it kills when it closes. */
    private final Set<Process> running;

    PingSystemRun(Path ping, long waitMillis, PingProbe probe, ScheduledExecutorService timer, Set<Process> running) {
        this.ping = ping;
        this.waitMillis = waitMillis;
        this.probe = probe;
        this.timer = timer;
        this.running = running;
    }

    @Override
    public void run() {
        if (probe.isDone()) {
            return;
        }
        // ping's -W counts whole seconds
        long seconds = Math.max(1, Math.min(waitMillis, probe.remainingMillis()) / 1000);
        Process process;
        try {
            process = new ProcessBuilder(
                            ping.toString(),
                            "-n",
                            "-c1",
                            "-W" + seconds,
                            probe.family == 6 ? "-6" : "-4",
                            probe.address)
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(NO_INPUT))
                    .start();
        } catch (IOException e) {
            probe.down("cannot run ping: " + e.getMessage());
            return;
        }
        running.add(process);
        ScheduledFuture<?> kill;
        try {
            kill = timer.schedule(
                    () -> ProgProcesses.killTree(process, false), probe.remainingMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) { // the monitor closed meanwhile
            running.remove(process);
            ProgProcesses.killTree(process, false);
            probe.down(NetLoop.SHUT_DOWN);
            return;
        }
        String time = null;
        String last = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.ISO_8859_1))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Optional<String> t = PingOutput.pingTime(line);
                if (t.isPresent() && time == null) {
                    time = t.get();
                }
                last = line.isBlank() ? last : line.strip();
            }
            int code = process.waitFor();
            if (code == 0 && time != null) {
                probe.up(time);
            } else {
                probe.down(code == 1 || last == null ? PingOutput.NO_RESPONSE : "ping failed: " + last);
            }
        } catch (IOException e) {
            probe.down("cannot read ping: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            probe.down(NetLoop.SHUT_DOWN);
        } finally {
            kill.cancel(false);
            running.remove(process);
            if (process.isAlive()) {
                ProgProcesses.killTree(process, false);
            }
        }
    }
}
