package org.argusee.probe.control.url;

import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.argusee.probe.control.ProbeFailure;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.net.NetLoop;
import org.argusee.probe.control.net.ReadHow;
import org.argusee.probe.control.net.TlsOptions;
import org.argusee.probe.control.tcp.TcpExchange;
import org.argusee.tree.control.BooleanValue;

/**
 * One {@code TCP/URL} probe: a GET, then each redirect by hand (up to 15, the original's limit), every request
 * a {@link TcpExchange} on the loop, plain or TLS as its URL says. The requests share the service's timeout:
 * each gets what is left of it, so the whole chain ends by the deadline.
 *
 * <p>The value is the last answer as the server sent it, status line, headers and body (capped at 64 KiB), so
 * {@code expect} can match content. With no {@code expect} the status line must say 200. The certificate
 * checks ({@link TlsOptions}) are about the first TLS server on the way: the one named in the URL, or the one
 * an http URL sends the client to.
 *
 * <p>A redirect from an address on the Internet into an internal one (loopback, link-local, private:
 * {@link InternalAddresses}) is refused unless the service sets {@code url_private_redirects}: a page outside
 * must not make the server fetch an inside page for every reader of the service to see. A URL that names an
 * internal address itself was the admin's choice, and so are its redirects. The value kept is capped at
 * {@link #MAX_VALUE} characters; {@code expect} sees the whole answer.
 */
final class UrlFetch {

    static final int MAX_REDIRECTS = 15;
    /** What a result keeps of the answer: enough to see why, not a copy of the page for every reader. */
    static final int MAX_VALUE = 4096;

    static final String PRIVATE_REDIRECTS = "url_private_redirects";
    private static final Logger LOG = Logger.getLogger(UrlFetch.class.getName());
    private static final Pattern STATUS_200 = Pattern.compile("\\AHTTP/\\d+(?:\\.\\d+)?\\s+200\\b");

    private final NetLoop loop;
    private final ProbeSpec spec;
    private final UrlTarget first;
    private final TlsOptions tls;
    private final Predicate<InetAddress> internal;
    private final boolean privateRedirects;
    private final long started = System.nanoTime();
    private final long deadline;
    private final CompletableFuture<Reply> result = new CompletableFuture<>();
    /** Touched by one hop at a time, each after the previous completed: no two threads at once. */
    private final Set<String> visited = new HashSet<>();

    private X509Certificate certificate;
    /** Whether the first request went to an internal address; then its redirects may too. */
    private volatile boolean startedInside;

    UrlFetch(NetLoop loop, ProbeSpec spec, UrlTarget first, TlsOptions tls) {
        this(loop, spec, first, tls, InternalAddresses::isInternal);
    }

    /** {@code internal} decides which addresses are internal (tests on loopback name some loopback ones outside). */
    UrlFetch(NetLoop loop, ProbeSpec spec, UrlTarget first, TlsOptions tls, Predicate<InetAddress> internal) {
        this.loop = loop;
        this.spec = spec;
        this.first = first;
        this.tls = tls;
        this.internal = internal;
        String allow = spec.params().get(PRIVATE_REDIRECTS);
        this.privateRedirects = allow != null && BooleanValue.isValid(allow) && BooleanValue.parse(allow);
        deadline = started + spec.timeout().toNanos();
    }

    CompletionStage<Reply> start() {
        try {
            hop(first, 0);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "URL probe of " + first + " failed in the monitor", e);
            fail(ProbeFailure.reasonOf(e), 0);
        }
        return result.minimalCompletionStage();
    }

    private void hop(UrlTarget target, int redirects) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            fail("timeout", redirects);
            return;
        }
        visited.add(target.toString());
        String request = HttpGet.request(target, spec.params(), target.sameOrigin(first) ? first.userInfo() : null);
        ProbeSpec one = new ProbeSpec(
                spec.type(),
                target.host(),
                target.port(),
                request,
                null,
                ReadHow.TOEOF,
                true,
                target.https(),
                Duration.ofNanos(left),
                spec.ipversions(),
                Map.of());
        TcpExchange exchange = new TcpExchange(loop, one, TlsOptions.NONE, new HttpFraming());
        if (redirects > 0 && !startedInside && !privateRedirects) {
            exchange.refusing(address -> internal.test(address)
                    ? "redirect to " + target + " refused: " + address.getHostAddress()
                            + " is an internal address (set " + PRIVATE_REDIRECTS + ": yes to follow it)"
                    : null);
        }
        exchange.start().whenComplete((reply, error) -> {
            if (redirects == 0 && exchange.address() != null) {
                startedInside = internal.test(exchange.address());
            }
            try {
                if (error != null) {
                    fail(ProbeFailure.reasonOf(error), redirects);
                } else {
                    answered(target, redirects, exchange.certificate(), reply);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "URL probe of " + first + " failed in the monitor", e);
                fail(ProbeFailure.reasonOf(e), redirects);
            }
        });
    }

    private void answered(UrlTarget target, int redirects, X509Certificate seen, Reply reply) {
        if (certificate == null && seen != null) {
            certificate = seen;
            String problem = tls.problem(seen, Instant.now());
            if (problem != null) {
                fail(problem, 0);
                return;
            }
        }
        if (!reply.ok()) {
            fail(reply.reason(), redirects);
            return;
        }
        String raw = reply.value();
        Optional<HttpHead> head = HttpHead.parse(raw);
        if (head.isPresent() && head.get().redirect()) {
            if (redirects == MAX_REDIRECTS) {
                fail("too many redirects (more than " + MAX_REDIRECTS + ")", 0);
                return;
            }
            UrlTarget next;
            try {
                next = target.resolve(head.get().location());
            } catch (IllegalArgumentException e) {
                fail(e.getMessage(), 0);
                return;
            }
            if (visited.contains(next.toString())) {
                fail("redirect loop (back to " + next + ")", 0);
            } else {
                hop(next, redirects + 1);
            }
            return;
        }
        judge(raw);
    }

    private void judge(String raw) {
        if (spec.expect() != null && !spec.expect().matcher(raw).find()) {
            fail("expect failed", 0);
        } else if (spec.expect() == null && !STATUS_200.matcher(raw).find()) {
            fail("expect failed: " + HttpHead.firstLine(raw), 0);
        } else if ((tls.daysValue() || tls.expiryDays() >= 0) && certificate == null) {
            fail("no server certificate: " + first + " is not https and did not lead to https", 0);
        } else {
            String value = tls.daysValue()
                    ? Long.toString(TlsOptions.daysLeft(certificate, Instant.now()))
                    : raw.length() > MAX_VALUE ? raw.substring(0, MAX_VALUE) : raw;
            result.complete(Reply.ok(value, elapsed()));
        }
    }

    private void fail(String reason, int redirects) {
        String where = redirects == 0 ? "" : " after " + redirects + (redirects == 1 ? " redirect" : " redirects");
        result.complete(Reply.failed(reason + where, elapsed()));
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
