package org.argusee.notify.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.argusee.notify.control.Outgoing;

/**
 * Runs a program method as the original does ({@code open(Q, "| $cmd")}): the command, its % sequences filled in,
 * by {@code /bin/sh -c}, with the {@code send} text (default "%M") on its standard input. Killed, with its children,
 * at the method's timeout. Variables whose name says they hold a secret are removed from its environment, as for
 * Prog services. A non-zero exit fails the delivery (retried), with the first line of its error output.
 */
@ApplicationScoped
public class ProgramTransmitter {

    private static final Pattern SECRET = Pattern.compile(".*(PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIAL).*");

    public void send(Outgoing out) throws IOException, InterruptedException {
        String command = out.expand(out.method().command(), "");
        String input =
                out.expand(out.method().send() == null ? "%M" : out.method().send(), "");
        ProcessBuilder pb =
                new ProcessBuilder("/bin/sh", "-c", command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().keySet().removeIf(name -> SECRET.matcher(name.toUpperCase(Locale.ROOT))
                .matches());
        Process p = pb.start();
        try {
            try (OutputStream in = p.getOutputStream()) {
                in.write((input + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the program did not read its input: its exit status says whether that matters
            }
            if (!p.waitFor(out.method().timeoutSeconds(), TimeUnit.SECONDS)) {
                throw new IOException("program method '" + out.method().name() + "' killed after "
                        + out.method().timeoutSeconds() + " s");
            }
            if (p.exitValue() != 0) {
                String err = new String(p.getErrorStream().readNBytes(500), StandardCharsets.UTF_8).strip();
                throw new IOException("program method '" + out.method().name() + "' exited with " + p.exitValue()
                        + (err.isEmpty() ? "" : ": " + err.lines().findFirst().orElse("")));
            }
        } finally {
            if (p.isAlive()) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }
}
