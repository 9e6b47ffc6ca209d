package org.argusee.probe.control.rpc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.argusee.probe.control.Monitor;
import org.argusee.probe.control.MonitorRoute;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.net.Exchange;
import org.argusee.probe.control.net.NetLoop;
import org.argusee.probe.control.net.ReadHow;
import org.argusee.probe.control.net.TlsOptions;
import org.argusee.probe.control.tcp.TcpExchange;
import org.argusee.probe.control.udp.UdpExchange;
import org.argusee.probe.control.udp.UdpProtocol;
import org.argusee.tree.control.ServiceType;

/**
 * {@code TCP/RPC} and {@code UDP/RPC}, as the original's Argus::RPC: ask the portmapper on the host
 * ({@code portmap_port}, 111) for the program's port over the same transport, then call the program's NULL
 * procedure there. Up when the portmapper answers with a port and the program accepts the call; a version
 * mismatch is up too when the service names no version (the program is there). {@code expect} and the other
 * value tests see the raw reply, one char per byte, over TCP with its record mark, as in the original.
 *
 * <p>Stricter than the original, which took any portmapper answer with the right xid: a program the portmapper
 * does not know (port 0) is down "not registered" here, where the original then tried port 0.
 */
public final class RpcMonitor implements Monitor {

    private static final TlsOptions NO_TLS = TlsOptions.of(Map.of());

    private final NetLoop loop;

    public RpcMonitor(NetLoop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    /** @throws IllegalArgumentException naming what makes the service untestable (for the config check) */
    public static void check(ServiceType type, Map<String, String> params) {
        RpcTarget.of(type, params);
    }

    @Override
    public boolean handles(ProbeSpec spec) {
        return MonitorRoute.RPC.takes(spec.type());
    }

    @Override
    public CompletionStage<Reply> probe(ProbeSpec spec) {
        if (!handles(spec)) {
            return Exchange.refused(spec.type().text() + " is not an RPC service");
        }
        RpcTarget target;
        try {
            target = RpcTarget.of(spec.type(), spec.params());
        } catch (IllegalArgumentException e) {
            return Exchange.refused(e.getMessage());
        }
        boolean tcp = "TCP".equals(spec.type().base());
        long started = System.nanoTime();
        int xid = ThreadLocalRandom.current().nextInt();
        byte[] lookup = RpcMessages.call(
                xid,
                RpcMessages.PORTMAPPER,
                target.portmapVersion(),
                RpcMessages.LOOKUP_PROC,
                RpcMessages.lookupArgs(target, tcp));
        return leg(spec, tcp, target.portmapPort(), lookup, xid, spec.timeout())
                .thenCompose(r -> r.ok()
                        ? program(spec, tcp, target, r.value(), xid, started)
                        : done(Reply.failed("portmapper: " + r.reason(), Duration.ZERO), started));
    }

    /** The portmapper answered: call the program's NULL procedure at the port it named. */
    private CompletionStage<Reply> program(
            ProbeSpec spec, boolean tcp, RpcTarget target, String raw, int lookupXid, long started) {
        RpcMessages.Decoded d = RpcMessages.reply(message(raw, tcp), lookupXid);
        if (d.problem() != null) {
            return failed("portmapper " + d.problem(), started);
        }
        if (d.acceptStat() != RpcMessages.SUCCESS) {
            return failed("portmapper lookup failed", started);
        }
        int port;
        try {
            port = RpcMessages.lookedUpPort(d.results(), target.portmapVersion());
        } catch (IllegalArgumentException e) {
            return failed("portmapper returned garbage", started);
        }
        if (port < 1 || port > 65535) {
            return failed("RPC program " + Integer.toUnsignedString(target.program()) + " not registered", started);
        }
        Duration left = spec.timeout().minusNanos(System.nanoTime() - started);
        if (left.isNegative() || left.isZero()) {
            return failed("timeout", started);
        }
        int xid = ThreadLocalRandom.current().nextInt();
        byte[] call = RpcMessages.call(xid, target.program(), target.version(), RpcMessages.NULL_PROC, new byte[0]);
        return leg(spec, tcp, port, call, xid, left).thenCompose(r -> done(judge(spec, tcp, target, r, xid), started));
    }

    private static Reply judge(ProbeSpec spec, boolean tcp, RpcTarget target, Reply r, int xid) {
        if (!r.ok()) {
            return r;
        }
        RpcMessages.Decoded d = RpcMessages.reply(message(r.value(), tcp), xid);
        if (d.problem() != null) {
            return Reply.failed("RPC " + d.problem(), r.elapsed());
        }
        String problem =
                switch (d.acceptStat()) {
                    case RpcMessages.SUCCESS -> null;
                    case RpcMessages.PROG_MISMATCH ->
                        target.versionNamed()
                                ? "RPC version " + Integer.toUnsignedString(target.version()) + " not offered"
                                : null;
                    case RpcMessages.PROG_UNAVAIL -> "RPC program unavailable";
                    default -> "RPC error " + d.acceptStat();
                };
        if (problem != null) {
            return Reply.failed(problem, r.elapsed());
        }
        if (spec.expect() != null && !spec.expect().matcher(r.value()).find()) {
            return Reply.failed("expect failed", r.elapsed());
        }
        return r;
    }

    /** One call and its reply, on the loop: a datagram, or a record-marked message over a new connection. */
    private CompletionStage<Reply> leg(ProbeSpec spec, boolean tcp, int port, byte[] call, int xid, Duration timeout) {
        if (tcp) {
            byte[] framed = ByteBuffer.allocate(4 + call.length)
                    .putInt(0x80000000 | call.length)
                    .put(call)
                    .array();
            ProbeSpec leg = legSpec(spec, port, new String(framed, StandardCharsets.ISO_8859_1), timeout);
            return new TcpExchange(loop, leg, NO_TLS, new WholeRecord()).start();
        }
        return new UdpExchange(loop, legSpec(spec, port, null, timeout), new Datagram(call, xid)).start();
    }

    private static ProbeSpec legSpec(ProbeSpec spec, int port, String send, Duration timeout) {
        return new ProbeSpec(
                spec.type(),
                spec.hostname(),
                port,
                send,
                null,
                ReadHow.TOEOF,
                true,
                false,
                timeout,
                spec.ipversions(),
                spec.params());
    }

    /** The RPC message of a raw reply: over TCP without the 4-byte record mark. */
    private static byte[] message(String raw, boolean tcp) {
        byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
        return tcp ? Arrays.copyOfRange(bytes, Math.min(4, bytes.length), bytes.length) : bytes;
    }

    private static CompletionStage<Reply> failed(String reason, long started) {
        return done(Reply.failed(reason, Duration.ZERO), started);
    }

    /** The whole probe's elapsed time, both legs. */
    private static CompletionStage<Reply> done(Reply r, long started) {
        Duration total = Duration.ofNanos(System.nanoTime() - started);
        return CompletableFuture.completedStage(new Reply(r.ok(), r.value(), r.reason(), total));
    }

    /** A UDP call: only a reply carrying its xid answers it; others are ignored, as a resolver does. */
    private record Datagram(byte[] call, int xid) implements UdpProtocol {
        @Override
        public byte[] request(ProbeSpec spec) {
            return call.clone();
        }

        @Override
        public Answer check(byte[] request, byte[] reply) {
            return reply.length >= 4 && ByteBuffer.wrap(reply).getInt() == xid ? Answer.MATCH : Answer.NOT_OURS;
        }
    }

    /** Over TCP the reply is whole when its record (the length in the mark) is in; the server may keep the line open. */
    private static final class WholeRecord implements Predicate<ByteBuffer> {
        private final ByteBuffer mark = ByteBuffer.allocate(4);
        private long body;

        @Override
        public boolean test(ByteBuffer chunk) {
            while (mark.hasRemaining() && chunk.hasRemaining()) {
                mark.put(chunk.get());
            }
            body += chunk.remaining();
            return !mark.hasRemaining() && body >= (mark.getInt(0) & 0x7FFFFFFFL);
        }
    }
}
