package org.argusee.probe.control.tcp;

import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.argusee.probe.control.Monitor;
import org.argusee.probe.control.MonitorRoute;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.net.Exchange;
import org.argusee.probe.control.net.NetLoop;
import org.argusee.probe.control.net.TlsOptions;

/**
 * {@code TCP} and its applications (SMTP, POP, HTTP...): connect, the TLS handshake for the TLS applications
 * (HTTPS, POPS, IMAPS...) and {@code ssl: yes}, optionally send, read as {@code readhow} says, then
 * {@code expect} on what was read. The value is what was read (for {@code banner} the first line without its
 * line end), or null when the connection alone was the test; with {@code ssl_value: days} it is the days the
 * server's certificate has left ({@link TlsOptions}).
 */
public final class TcpMonitor implements Monitor {

    private final NetLoop loop;

    public TcpMonitor(NetLoop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    @Override
    public boolean handles(ProbeSpec spec) {
        return MonitorRoute.TCP.takes(spec.type());
    }

    @Override
    public CompletionStage<Reply> probe(ProbeSpec spec) {
        if (!MonitorRoute.TCP.takes(spec.type())) {
            return Exchange.refused(
                    "TCP".equals(spec.type().base())
                            ? spec.type().family() + " is tested by another monitor"
                            : spec.type().text() + " is not a TCP service");
        }
        TlsOptions tls;
        try {
            tls = TlsOptions.of(spec.params());
        } catch (IllegalArgumentException e) {
            return Exchange.refused(e.getMessage()); // ProbeSpec.of has said so already; a spec built by hand
        }
        return new TcpExchange(loop, spec, tls, null).start();
    }
}
