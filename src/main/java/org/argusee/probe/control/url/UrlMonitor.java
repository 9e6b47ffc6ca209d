package org.argusee.probe.control.url;

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
 * {@code TCP/URL}: fetches {@code url} with a GET and follows redirects ({@link UrlFetch}), on the same network
 * loop as the TCP monitor, so a slow web server holds no thread.
 *
 * <p>Why not {@code java.net.http.HttpClient}: the value must be the answer as the server sent it (the
 * original's status line with its reason phrase, headers, body) for {@code expect}; {@code http_version: 1.0}
 * (the original's default) must be possible; and TLS, certificate figures and timeouts are then the TCP
 * monitor's, tested once, with no second thread pool and no client-wide TLS settings to confine.
 */
public final class UrlMonitor implements Monitor {

    private final NetLoop loop;

    public UrlMonitor(NetLoop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    @Override
    public boolean handles(ProbeSpec spec) {
        return MonitorRoute.URL.takes(spec.type());
    }

    @Override
    public CompletionStage<Reply> probe(ProbeSpec spec) {
        if (!handles(spec)) {
            return Exchange.refused(spec.type().text() + " is not a URL service");
        }
        UrlTarget target;
        TlsOptions tls;
        try {
            target = UrlTarget.parse(spec.params().get("url"));
            HttpGet.check(spec.params());
            tls = TlsOptions.of(spec.params());
        } catch (IllegalArgumentException e) {
            return Exchange.refused(e.getMessage()); // ProbeSpec.of has said so already; a spec built by hand
        }
        if (loop.isClosed()) {
            return Exchange.refused(NetLoop.SHUT_DOWN);
        }
        return new UrlFetch(loop, spec, target, tls).start();
    }
}
