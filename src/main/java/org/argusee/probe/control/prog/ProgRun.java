package org.argusee.probe.control.prog;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.argusee.platform.control.ProgramUser;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.net.NetLoop;

/**
 * One run of a {@code Prog} command: start it, read its output, wait for its exit, finish exactly once. The
 * deadline ({@link #timedOut}) and shutdown ({@link #kill}) come from other threads: they complete the result
 * first, so it never waits for the process, then kill the process tree, which ends the reading thread's wait.
 */
final class ProgRun {

    /** Output kept as the value; the rest is read and dropped, so the command never blocks on a full pipe. */
    static final int OUTPUT_CAP = 64 * 1024;

    private static final File NO_INPUT = new File("/dev/null");

    /** What makes the output decide ({@link #judgedByOutput}): the value tests and the value processing. */
    private static final Set<String> OUTPUT_TESTS = Set.of(
            "expect",
            "nexpect",
            "minvalue",
            "maxvalue",
            "eqvalue",
            "nevalue",
            "calc",
            "pluck",
            "unpack",
            "scale",
            "maxdeviation");

    private final String command;
    private final List<String> shell;
    private final boolean ownGroup;
    private final Map<String, String> environment;
    private final ProgramUser user;
    private final boolean judgedByOutput;
    private final CompletableFuture<Reply> result = new CompletableFuture<>();
    private final long started = System.nanoTime();
    private Process process; // guarded by this
    private boolean killed; // guarded by this

    ProgRun(
            String command,
            List<String> shell,
            boolean ownGroup,
            Map<String, String> environment,
            ProgramUser user,
            boolean judgedByOutput) {
        this.command = command;
        this.shell = shell;
        this.ownGroup = ownGroup;
        this.environment = environment;
        this.user = user;
        this.judgedByOutput = judgedByOutput;
    }

    /**
     * True when the service tests or processes the output (any severity variant): then the exit code is ignored, as
     * the original's Prog did for every service it counted as tested, not only for {@code expect} and
     * {@code nexpect} (a command that exits 1 and prints 5 is up under {@code maxvalue: 10} there; found running
     * beside Argus 3.7, docs/parity.md). {@code perlexpr} does not count: it is not run here.
     */
    static boolean judgedByOutput(Map<String, String> params) {
        return params.keySet().stream()
                .map(k -> k.contains(".") ? k.substring(0, k.indexOf('.')) : k)
                .anyMatch(OUTPUT_TESTS::contains);
    }

    CompletableFuture<Reply> result() {
        return result;
    }

    /** On a pool thread: the whole life of the process. */
    void run() {
        Process p;
        synchronized (this) {
            if (killed || result.isDone()) {
                return;
            }
            try {
                p = builder().start();
            } catch (IOException e) {
                fail("cannot run /bin/sh: " + e.getMessage());
                return;
            }
            process = p;
        }
        if (ownGroup) {
            // what it left running in its group would hold the output open: the value would wait for it
            p.onExit().thenRun(() -> ProgProcesses.killGroup(p));
        }
        try (InputStream out = p.getInputStream()) {
            byte[] output = readCapped(out);
            int code = p.waitFor();
            finish(code, output);
        } catch (IOException e) {
            fail("cannot read the output: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(NetLoop.SHUT_DOWN);
        }
    }

    /** The service's timeout passed. */
    void timedOut() {
        Process p;
        synchronized (this) {
            p = process;
        }
        kill(
                p != null && !p.isAlive()
                        ? "timeout: the command exited but a process it started in a session of its"
                                + " own keeps the output open"
                        : "timeout");
    }

    void kill(String reason) {
        fail(reason);
        Process p;
        synchronized (this) {
            killed = true;
            p = process;
        }
        if (p != null) {
            ProgProcesses.killTree(p, ownGroup);
        }
    }

    void fail(String reason) {
        result.complete(Reply.failed(reason, elapsed()));
    }

    private ProcessBuilder builder() {
        List<String> argv = new ArrayList<>(shell);
        argv.add(command);
        ProcessBuilder pb = new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.from(NO_INPUT))
                .redirectErrorStream(true) // as the original, which gave the command one pipe for both
                .directory(user.directory());
        ProgEnvironment.apply(pb.environment(), environment, user);
        return pb;
    }

    private void finish(int code, byte[] output) {
        String text = withoutLineEnds(new String(output, StandardCharsets.UTF_8));
        if (judgedByOutput) {
            result.complete(Reply.ok(text, elapsed()));
        } else if (code == 0) {
            // no output is no value, not "no data": the exit code was the test
            result.complete(Reply.ok(text.isEmpty() ? null : text, elapsed()));
        } else {
            fail(exitReason(code));
        }
    }

    /** As Perl's chomp, for every line end at the end. */
    private static String withoutLineEnds(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }

    static String exitReason(int code) {
        return switch (code) {
            case 126 -> "exit status 126 (cannot execute)";
            case 127 -> "exit status 127 (command not found)";
            default -> code > 128 && code < 160 ? "killed by signal " + (code - 128) : "exit status " + code;
        };
    }

    private static byte[] readCapped(InputStream in) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            int keep = Math.min(n, OUTPUT_CAP - kept.size());
            if (keep > 0) {
                kept.write(buffer, 0, keep);
            }
        }
        return kept.toByteArray();
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
