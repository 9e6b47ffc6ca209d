package org.argusee.notify.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.argusee.notify.control.Outgoing;
import org.argusee.platform.boundary.ProgramIsolation;
import org.argusee.platform.control.ProgramUser;

/**
 * Runs a program method as the original does ({@code open(Q, "| $cmd")}): the command, its % sequences filled in,
 * by {@code /bin/sh -c}, with the {@code send} text (default "%M") on its standard input. Killed, with its children,
 * at the method's timeout. As for Prog services, it runs as the user of {@code argus.prog.user} when one is set,
 * and variables whose name says they hold a secret are removed from its environment. A non-zero exit fails the delivery (retried), with the first line of its error output.
 */
@ApplicationScoped
public class ProgramTransmitter {

    /** Who the program runs as (argus.prog.user), as Prog services do. */
    @Inject
    ProgramIsolation isolation;

    public void send(Outgoing out) throws IOException, InterruptedException {
        String command = out.expand(out.method().command(), "");
        String input =
                out.expand(out.method().send() == null ? "%M" : out.method().send(), "");
        ProgramUser user = isolation.user();
        ProcessBuilder pb = new ProcessBuilder(user.command(List.of("/bin/sh", "-c", command)))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .directory(user.directory());
        user.environment(pb.environment());
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
