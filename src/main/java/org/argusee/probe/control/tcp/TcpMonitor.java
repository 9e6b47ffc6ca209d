package org.argusee.probe.control.tcp;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import org.argusee.probe.control.Monitor;
import org.argusee.probe.control.MonitorRoute;
import org.argusee.probe.control.Probe;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.net.HostResolver;
import org.argusee.probe.control.net.NetLoop;
import org.argusee.probe.control.net.TlsOptions;

/**
 * {@code TCP} and its applications (SMTP, POP, HTTP...): connect, the TLS handshake for the TLS applications
 * (HTTPS, POPS, IMAPS...) and {@code ssl: yes}, optionally send, read as {@code readhow} says, then
 * {@code expect} on what was read. The value is what was read (for {@code banner} what had come with the first
 * line end, without the line ends it ends with), or null when the connection alone was the test; with {@code ssl_value: days} it is the days the
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
        CompletableFuture<Reply> result = new CompletableFuture<>();
        prepare(spec).start(result, CompletableFuture::complete);
        return result.minimalCompletionStage();
    }

    /**
     * The routing, the TLS options and an address literal's address, worked out once for the service's every probe
     * (each was read again at each probe: a fifth of the scheduler's tick, issue 17, session 14).
     */
    @Override
    public Probe prepare(ProbeSpec spec) {
        if (!MonitorRoute.TCP.takes(spec.type())) {
            return Probe.refused(
                    "TCP".equals(spec.type().base())
                            ? spec.type().family() + " is tested by another monitor"
                            : spec.type().text() + " is not a TCP service");
        }
        TlsOptions tls;
        try {
            tls = TlsOptions.of(spec.params());
        } catch (IllegalArgumentException e) {
            return Probe.refused(e.getMessage()); // ProbeSpec.of has said so already; a spec built by hand
        }
        InetSocketAddress target = HostResolver.literal(spec.hostname(), spec.ipversions(), spec.port());
        return new Probe() {
            @Override
            public <C> void start(C context, BiConsumer<? super C, Reply> then) {
                new TcpExchange(loop, spec, tls, null).start(target, context, then);
            }
        };
    }
}
