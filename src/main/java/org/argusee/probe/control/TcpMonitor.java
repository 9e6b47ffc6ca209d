package org.argusee.probe.control;

import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * {@code TCP} and its applications (SMTP, POP, HTTP...): connect, optionally send, read as {@code readhow}
 * says, then {@code expect} on what was read. The value is what was read (for {@code banner} the first line
 * without its line end), or null when the connection alone was the test.
 */
public final class TcpMonitor implements Monitor {

    private final NetLoop loop;

    public TcpMonitor(NetLoop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    @Override
    public boolean handles(ProbeSpec spec) {
        return "TCP".equals(spec.type().base()) && !spec.ssl()
                && (spec.type().app() == null || TcpApps.of(spec.type().app()).handled());
    }

    @Override
    public CompletionStage<Reply> probe(ProbeSpec spec) {
        if (!"TCP".equals(spec.type().base())) {
            return Exchange.refused(spec.type().text() + " is not a TCP service");
        }
        if (spec.type().app() != null && !TcpApps.of(spec.type().app()).handled()) {
            return Exchange.refused(spec.type().family() + " is tested by another monitor");
        }
        if (spec.ssl()) {
            return Exchange.refused("TLS not supported yet");
        }
        return new TcpExchange(loop, spec).start();
    }
}
