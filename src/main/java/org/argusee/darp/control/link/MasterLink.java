package org.argusee.darp.control.link;

import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.argusee.darp.control.wire.BadMessage;
import org.argusee.darp.control.wire.Message;
import org.argusee.darp.control.wire.Messages;
import org.argusee.darp.control.wire.ReportItem;
import org.argusee.darp.control.wire.StreamSeal;
import org.argusee.platform.control.SteadyClock;

/**
 * A slave's link to its master (docs/design/60-darp.md): login, config fetch, then the stream with numbered
 * reports, acks, heartbeats with a deadline for the answer, and reconnection with backoff after any failure.
 * Plain Java on the JDK's HttpClient, so a test JVM can play a slave with it. Everything that changes the link's
 * state runs on its own single thread; callers only post work to it. This class handles the messages and the
 * reports; the {@link Connector} keeps the connection up.
 */
public final class MasterLink implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MasterLink.class.getName());
    static final int BATCH = 500;
    /** How long a report waits for others to share its message. */
    static final long GATHER_MILLIS = 20;

    private static final long MIN_PING_MILLIS = 200;

    private final LinkSettings settings;
    private final LinkListener listener;
    private final ScheduledExecutorService loop;
    private final MasterLogin login;
    private final Outbox outbox = new Outbox();
    private boolean flushPending; // loop thread only
    private final Heartbeat heartbeat;
    private final Connector connector;
    private final ConfigFollower config;
    private boolean welcomed;
    /** Signs and checks the current connection's messages after the hello; null before it. */
    private StreamSeal seal;

    private String masterTag;
    private long lastAcked;
    private int connections;
    private volatile LinkState state;

    public MasterLink(LinkSettings settings, String knownVersion, LinkListener listener) {
        this.settings = settings;
        this.listener = listener;
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "argus-darp-link-" + settings.tag());
            t.setDaemon(true);
            return t;
        });
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        SecureRandom random = new SecureRandom();
        this.login = new MasterLogin(http, settings, random);
        this.config =
                new ConfigFollower(login, loop, listener, settings.master().toString(), knownVersion);
        Backoff backoff = new Backoff(settings.minBackoff(), settings.maxBackoff(), settings.refusedWait(), random);
        this.connector = new Connector(settings, loop, http, backoff, events());
        this.heartbeat = new Heartbeat(settings.timeout().toMillis());
        this.state = new LinkState("stopped", Instant.now(), null, null, 0, 0, knownVersion, 0);
    }

    public void start() {
        loop.execute(connector::start);
    }

    /** Stops connecting and closes the stream; reports keep queueing and go after the next start. */
    public void stop() {
        loop.execute(() -> {
            connector.stop(1000, "slave stopping");
            welcomed = false;
            publish("stopped", null);
        });
    }

    /**
     * Queues a report; it goes within {@link #GATHER_MILLIS} when connected, else after the next welcome. The
     * reports that come meanwhile (a slave stores its status changes in rounds and reports them one by one) go in
     * the same message: one message is one transaction on the master, and a burst of thousands of one-item
     * messages kept the master's answers to pings waiting behind them until the link timed out (benchmark).
     */
    public void report(ReportItem item) {
        loop.execute(() -> {
            outbox.add(item);
            if (welcomed && !flushPending) {
                flushPending = true;
                loop.schedule(this::flush, GATHER_MILLIS, TimeUnit.MILLISECONDS);
            }
            publish(state.state(), state.reason());
        });
    }

    private void flush() {
        flushPending = false;
        if (welcomed) {
            sendReports(outbox.takeNew());
        }
    }

    /** The config delivered last could not be applied: fetched again in a few seconds while the link lives. */
    public void forgetConfig() {
        loop.execute(() -> config.applyFailed(connector.alive()));
    }

    public LinkState state() {
        return state;
    }

    @Override
    public void close() {
        stop();
        loop.shutdown();
        try {
            loop.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Connector.Events events() {
        return new Connector.Events() {
            @Override
            public CompletionStage<?> connecting() {
                publish("connecting", state.reason());
                return login.login()
                        .thenComposeAsync(
                                s -> {
                                    masterTag = s.master();
                                    return config.loggedIn(s);
                                },
                                loop);
            }

            @Override
            public void opened() {
                heartbeat.opened(steady());
                // the hello is sealed too (message 1): the master finds the key from its token, then checks it
                seal = new StreamSeal(config.session().sessionKey(), StreamSeal.Direction.SLAVE_TO_MASTER);
                send(new Message.Hello(
                        Message.PROTOCOL,
                        config.session().token(),
                        settings.timeout().toMillis()));
            }

            @Override
            public void message(String text) {
                received(text);
            }

            @Override
            public void tick() {
                check();
            }

            @Override
            public void down(String reason, Duration wait) {
                welcomed = false;
                publish("down", reason);
                LOG.warning(() -> "DARP master unreachable: " + reason + "; trying "
                        + settings.masters().current() + " in " + wait.toMillis() + " ms");
            }
        };
    }

    private void received(String frame) {
        String text;
        try {
            text = seal == null ? frame : seal.open(frame);
        } catch (BadMessage e) {
            LOG.warning(() -> "DARP master " + settings.master() + ": " + e.getMessage() + "; connection dropped");
            connector.refuse(4401, "bad MAC", "the master's message cannot be trusted: " + e.getMessage());
            return;
        }
        heartbeat.heard(steady());
        Message m;
        try {
            m = Messages.parse(text);
        } catch (BadMessage e) {
            LOG.warning(() -> "DARP master " + settings.master() + " sent a bad message: " + e.getMessage());
            send(new Message.ErrorReply(e.code(), e.getMessage(), null));
            return;
        }
        if (m instanceof Message.Welcome w) {
            welcome(w);
        } else if (m instanceof Message.Ack a) {
            List<ReportItem> applied = outbox.ack(a.seq());
            if (!applied.isEmpty()) {
                listener.reportsApplied(applied);
            }
            lastAcked = Math.max(lastAcked, a.seq());
            publish(state.state(), state.reason());
            if (!a.told().isEmpty() && masterTag != null) {
                listener.masterTold(masterTag, a.told());
            }
        } else if (m instanceof Message.ConfigChanged c) {
            config.announced(c.version(), connector.alive());
        } else if (m instanceof Message.Ping p) {
            send(new Message.Pong(p.id()));
        } else if (m instanceof Message.Pong p) {
            heartbeat.answered(p.id());
        } else if (m instanceof Message.ErrorReply e) {
            LOG.warning(() -> "DARP master " + settings.master() + " reports " + e.code()
                    + (e.seq() == null ? "" : " for report " + e.seq()) + ": " + e.message());
        } else {
            send(new Message.ErrorReply(
                    "malformed", "a master does not receive '" + m.getClass().getSimpleName() + "' messages", null));
        }
    }

    private void welcome(Message.Welcome w) {
        if (settings.masterTag() != null && !settings.masterTag().equals(w.master())) {
            String reason = "the master calls itself '" + w.master() + "', expected '" + settings.masterTag() + "'";
            connector.refuse(4401, "unexpected master", reason);
            return;
        }
        masterTag = w.master();
        welcomed = true;
        heartbeat.welcomed(w.timeoutMillis());
        lastAcked = Math.max(lastAcked, w.lastSeq());
        connector.welcomed();
        connections++;
        List<ReportItem> applied = new ArrayList<>();
        sendReports(outbox.welcome(w.lastSeq(), applied));
        if (!applied.isEmpty()) {
            listener.reportsApplied(applied);
        }
        publish("connected", null);
        LOG.info(() -> "DARP connected to master '" + w.master() + "' at "
                + settings.masters().current());
        listener.connected(connections == 1);
        config.announced(w.configVersion(), connector.alive());
    }

    private void check() {
        Instant now = steady();
        Optional<String> late = heartbeat.overdue(now);
        if (late.isPresent()) {
            connector.fail(late.get());
            return;
        }
        if (welcomed) {
            heartbeat
                    .pingDue(now, Math.max(MIN_PING_MILLIS, heartbeat.peerTimeoutMillis() / 3))
                    .ifPresent(id -> send(new Message.Ping(id)));
        }
    }

    private void sendReports(List<ReportItem> items) {
        for (int from = 0; from < items.size(); from += BATCH) {
            send(Message.Reports.of(items.subList(from, Math.min(items.size(), from + BATCH))));
        }
    }

    private void send(Message m) {
        String text = Messages.write(m);
        connector.send(seal == null ? text : seal.seal(text));
    }

    /** {@code since} moves only when the link comes up or goes away; retrying while down is still down. */
    private void publish(String name, String reason) {
        boolean wasUp = state.connected();
        boolean moved = wasUp != "connected".equals(name) || "stopped".equals(state.state()) != "stopped".equals(name);
        state = new LinkState(
                name,
                moved ? now() : state.since(),
                reason,
                masterTag,
                lastAcked,
                outbox.pending(),
                config.knownVersion(),
                connections);
        listener.stateChanged(state);
    }

    private static Instant now() {
        return Instant.now();
    }

    /**
     * The heartbeat's time: a step of the wall clock must not make the master look silent (set forward) or stop the
     * pings (set back) (docs/reliability.md, "clockstep").
     */
    private static Instant steady() {
        return SteadyClock.SYSTEM.instant();
    }
}
