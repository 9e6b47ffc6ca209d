package org.argusee.probe.control.snmp;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.probe.control.ProbeFailure;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.net.Deadline;
import org.argusee.probe.control.net.NetLoop;
import org.snmp4j.AbstractTarget;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.event.ResponseListener;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;

/**
 * One SNMP probe: resolve the host, for v3 learn the agent's engine id unless known (a request as nobody, which
 * the agent answers with a report carrying it), then one get. The deadline is the loop's ({@link NetLoop#deadline}),
 * as for every probe; SNMP4J's own timeout is the time left and its retries 0, because Argus retries by itself.
 * Steps between round trips run on the session's worker; answers arrive on SNMP4J's receive thread.
 */
final class SnmpExchange implements ResponseListener {

    private static final Logger LOG = Logger.getLogger(SnmpExchange.class.getName());
    /** Marks the answer to the engine id discovery; anything else is the answer to the get. */
    private static final Object DISCOVERY = new Object();

    private final SnmpSession session;
    private final ProbeSpec spec;
    private final SnmpSettings settings;
    private final Consumer<SnmpExchange> done;
    private final CompletableFuture<Reply> result = new CompletableFuture<>();
    private final long started = System.nanoTime();
    private volatile Deadline deadline;
    private volatile PDU pending;
    private volatile UdpAddress agent;

    SnmpExchange(SnmpSession session, ProbeSpec spec, SnmpSettings settings, Consumer<SnmpExchange> done) {
        this.session = session;
        this.spec = spec;
        this.settings = settings;
        this.done = done;
    }

    CompletionStage<Reply> start(NetLoop loop) {
        try {
            deadline = loop.deadline(spec.timeout(), () -> fail("timeout"));
            loop.resolver()
                    .resolve(spec.hostname(), spec.ipversions())
                    .whenCompleteAsync(this::resolved, session.worker());
        } catch (RejectedExecutionException e) {
            fail(NetLoop.SHUT_DOWN);
        }
        return result.minimalCompletionStage();
    }

    @Override
    public <A extends Address> void onResponse(ResponseEvent<A> event) {
        session.cancel(event.getRequest(), this); // SNMP4J holds an answered async request until cancelled
        if (event.getError() != null) {
            fail(ProbeFailure.reasonOf(event.getError()));
        } else if (event.getUserObject() == DISCOVERY) {
            boolean answered = event.getResponse() != null;
            step(() -> discovered(answered));
        } else {
            Reply reply = SnmpReplies.of(settings, event.getResponse(), elapsed());
            if (SnmpSecurity.UNKNOWN_ENGINE.equals(reply.reason())
                    && settings.user().engine() == null) {
                session.forgetEngine(agent); // the agent was replaced: discover it again at the next probe
            }
            complete(reply);
        }
    }

    /** Any thread; the first outcome wins. */
    void fail(String reason) {
        complete(Reply.failed(reason, elapsed()));
    }

    private void resolved(InetAddress address, Throwable error) {
        if (error != null) {
            fail(ProbeFailure.reasonOf(error));
            return;
        }
        guarded(() -> {
            agent = new UdpAddress(address, spec.port());
            if (settings.version() != SnmpConstants.version3) {
                send(get(new PDU()), new CommunityTarget<>(agent, settings.community()), null);
            } else if (settings.user().engine() != null) {
                get(settings.user().engine());
            } else {
                session.engine(agent).ifPresentOrElse(this::get, this::discover);
            }
        });
    }

    private void discover() {
        UserTarget<UdpAddress> nobody = new UserTarget<>();
        nobody.setAddress(agent);
        nobody.setSecurityName(new OctetString());
        nobody.setSecurityLevel(SecurityLevel.NOAUTH_NOPRIV);
        ScopedPDU empty = new ScopedPDU();
        empty.setType(PDU.GET);
        send(empty, nobody, DISCOVERY);
    }

    private void discovered(boolean answered) {
        session.engine(agent)
                .ifPresentOrElse(this::get, () -> fail(answered ? "bad SNMP response: no engine id" : "timeout"));
    }

    private void get(OctetString engine) {
        ScopedPDU pdu = new ScopedPDU();
        pdu.setContextEngineID(settings.contextEngine() != null ? settings.contextEngine() : engine);
        pdu.setContextName(settings.contextName());
        send(get(pdu), session.target(agent, engine, settings.user()), null);
    }

    private PDU get(PDU pdu) {
        pdu.setType(PDU.GET);
        pdu.add(new VariableBinding(settings.oid() != null ? settings.oid() : SnmpSettings.SYS_UP_TIME));
        return pdu;
    }

    private void send(PDU pdu, AbstractTarget<UdpAddress> target, Object handle) {
        long left = spec.timeout().minus(elapsed()).toMillis();
        if (result.isDone() || left <= 0) {
            return; // the deadline has passed or is about to complete the probe
        }
        target.setVersion(settings.version());
        target.setTimeout(left);
        target.setRetries(0);
        pending = pdu;
        try {
            session.send(pdu, target, handle, this);
        } catch (IOException e) {
            fail(ProbeFailure.reasonOf(e));
        }
    }

    private void step(Runnable next) {
        try {
            session.worker().execute(() -> guarded(next));
        } catch (RejectedExecutionException e) {
            fail(NetLoop.SHUT_DOWN);
        }
    }

    /** Runs a step unless the probe is over; a bug in it must reach the log, not vanish in a future. */
    private void guarded(Runnable next) {
        if (result.isDone()) {
            return;
        }
        try {
            next.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SNMP probe of " + spec.hostname() + " failed in the monitor", e);
            fail(ProbeFailure.reasonOf(e));
        }
    }

    private void complete(Reply reply) {
        if (!result.complete(reply)) {
            return;
        }
        Deadline d = deadline;
        if (d != null) {
            d.cancel();
        }
        PDU p = pending;
        if (p != null) {
            session.cancel(p, this); // after a timeout or shutdown SNMP4J would keep waiting for the answer
        }
        done.accept(this);
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
