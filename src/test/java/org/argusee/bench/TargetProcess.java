package org.argusee.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** One {@link ProbeTargets} process (TCP listeners on loopback addresses), driven over its stdin and stdout. */
final class TargetProcess implements AutoCloseable {

    private final Process process;
    private final Writer in;
    private final BufferedReader out;

    private TargetProcess(Process process) {
        this.process = process;
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Listeners on hosts {@code first .. first + hosts - 1} ({@link ProbeTargets#address}), {@code ports} each. */
    static TargetProcess start(int first, int hosts, int ports) {
        String java = ProcessHandle.current().info().command().orElse("java");
        try {
            TargetProcess t = new TargetProcess(new ProcessBuilder(
                            java,
                            "-Xmx128m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            ProbeTargets.class.getName(),
                            String.valueOf(first),
                            String.valueOf(hosts),
                            String.valueOf(ports))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start());
            String ready = t.out.readLine();
            if (ready == null || !ready.startsWith("ready")) {
                t.close();
                throw new IllegalStateException(
                        "listener process for hosts " + first + "+" + hosts + " did not start: " + ready);
            }
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a command and returns the answer's words after the first. */
    String[] ask(String command) {
        try {
            in.write(command + "\n");
            in.flush();
            String answer = out.readLine();
            if (answer == null) {
                throw new IllegalStateException("listener process ended before answering '" + command + "'");
            }
            String[] words = answer.split(" ");
            return Arrays.copyOfRange(words, 1, words.length);
        } catch (IOException e) {
            throw new UncheckedIOException(command, e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
