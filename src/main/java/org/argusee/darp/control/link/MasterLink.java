package org.argusee.darp.control.link;

import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.argusee.darp.control.wire.BadMessage;
import org.argusee.darp.control.wire.ConfigDocument;
import org.argusee.darp.control.wire.Message;
import org.argusee.darp.control.wire.Messages;
import org.argusee.darp.control.wire.ReportItem;

/**
 * A slave's link to its master (docs/design/05-darp.md): login, config fetch, then the stream with numbered
 * reports, acks, heartbeats with a deadline for the answer, and reconnection with backoff after any failure.
 * Plain Java on the JDK's HttpClient, so a test JVM can play a slave with it. Everything that changes the link's
 * state runs on its own single thread; callers only post work to it.
 */
public final class MasterLink implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MasterLink.class.getName());
    static final int BATCH = 500;
    private static final long TICK_MILLIS = 100;
    private static final long MIN_PING_MILLIS = 200;

    private final LinkSettings settings;
    private final LinkListener listener;
    private final ScheduledExecutorService loop;
    private final HttpClient http;
    private final MasterLogin login;
    private final Outbox outbox = new Outbox();
    private final Backoff backoff;
    private final Heartbeat heartbeat;

    private boolean running;
    private int generation;
    private StreamConnection stream;
    private ScheduledFuture<?> tick;
    private MasterLogin.Session session;
    private String knownVersion;
    private boolean welcomed;
    private boolean fetching;
    private String masterTag;
    private long lastAcked;
    private int connections;
    private volatile LinkState state;

    public MasterLink(LinkSettings settings, String knownVersion, LinkListener listener) {
        this.settings = settings;
        this.listener = listener;
        this.knownVersion = knownVersion;
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "argus-darp-link-" + settings.tag());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        SecureRandom random = new SecureRandom();
        this.login = new MasterLogin(http, settings, random);
        this.backoff = new Backoff(settings.minBackoff(), settings.maxBackoff(), random);
        this.heartbeat = new Heartbeat(settings.timeout().toMillis());
        this.state = new LinkState("stopped", Instant.now(), null, null, 0, 0, knownVersion, 0);
    }

    public void start() {
        loop.execute(() -> {
            if (!running) {
                running = true;
                attempt();
            }
        });
    }

    /** Stops connecting and closes the stream; reports keep queueing and go after the next start. */
    public void stop() {
        loop.execute(() -> {
            running = false;
            drop(1000, "slave stopping");
            publish("stopped", null);
        });
    }

    /** Queues a report; it goes at once when connected, else after the next welcome. */
    public void report(ReportItem item) {
        loop.execute(() -> {
            outbox.add(item);
            if (welcomed) {
                sendReports(outbox.takeNew());
            }
            publish(state.state(), state.reason());
        });
    }

    /** The config delivered last could not be applied: fetch it again at the next chance. */
    public void forgetConfig() {
        loop.execute(() -> knownVersion = null);
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

    private void attempt() {
        int gen = ++generation;
        publish("connecting", state.reason());
        login.login()
                .thenComposeAsync(s -> {
                    session = s;
                    masterTag = s.master();
                    return login.fetch(s.token(), knownVersion);
                }, loop)
                .thenAcceptAsync(doc -> doc.ifPresent(this::deliver), loop)
                .thenCompose(v -> StreamConnection.open(http, settings.stream(), settings.timeout(), handler(gen)))
                .whenCompleteAsync((connection, error) -> opened(gen, connection, error), loop);
    }

    private void opened(int gen, StreamConnection connection, Throwable error) {
        if (gen != generation || !running) {
            if (connection != null) {
                connection.close(1000, "superseded");
            }
            return;
        }
        if (error != null) {
            failed(gen, reason(error));
            return;
        }
        stream = connection;
        heartbeat.opened(now());
        stream.send(Messages.write(new Message.Hello(Message.PROTOCOL, session.token(), settings.timeout().toMillis())));
        tick = loop.scheduleAtFixedRate(() -> check(gen), TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private StreamConnection.Handler handler(int gen) {
        return new StreamConnection.Handler() {
            @Override
            public void message(String text) {
                loop.execute(() -> received(gen, text));
            }

            @Override
            public void closed(String reason) {
                loop.execute(() -> failed(gen, reason));
            }
        };
    }

    private void received(int gen, String text) {
        if (gen != generation || stream == null) {
            return;
        }
        heartbeat.heard(now());
        Message m;
        try {
            m = Messages.parse(text);
        } catch (BadMessage e) {
            LOG.warning(() -> "DARP master " + settings.master() + " sent a bad message: " + e.getMessage());
            send(new Message.ErrorReply(e.code(), e.getMessage(), null));
            return;
        }
        if (m instanceof Message.Welcome w) {
            welcome(gen, w);
        } else if (m instanceof Message.Ack a) {
            outbox.ack(a.seq());
            lastAcked = Math.max(lastAcked, a.seq());
            publish(state.state(), state.reason());
        } else if (m instanceof Message.ConfigChanged c) {
            if (!c.version().equals(knownVersion)) {
                refetch();
            }
        } else if (m instanceof Message.Ping p) {
            send(new Message.Pong(p.id()));
        } else if (m instanceof Message.Pong p) {
            heartbeat.answered(p.id());
        } else if (m instanceof Message.ErrorReply e) {
            LOG.warning(() -> "DARP master " + settings.master() + " reports " + e.code()
                    + (e.seq() == null ? "" : " for report " + e.seq()) + ": " + e.message());
        } else {
            send(new Message.ErrorReply("malformed", "a master does not receive '" + m.getClass().getSimpleName()
                    + "' messages", null));
        }
    }

    private void welcome(int gen, Message.Welcome w) {
        if (settings.masterTag() != null && !settings.masterTag().equals(w.master())) {
            String reason = "the master calls itself '" + w.master() + "', expected '" + settings.masterTag() + "'";
            stream.close(4401, "unexpected master");
            failed(gen, reason);
            return;
        }
        masterTag = w.master();
        welcomed = true;
        heartbeat.welcomed(w.timeoutMillis());
        lastAcked = Math.max(lastAcked, w.lastSeq());
        backoff.reset();
        connections++;
        sendReports(outbox.welcome(w.lastSeq()));
        publish("connected", null);
        LOG.info(() -> "DARP connected to master '" + w.master() + "' at " + settings.master());
        listener.connected(connections == 1);
        if (w.configVersion() != null && !w.configVersion().equals(knownVersion)) {
            refetch();
        }
    }

    private void check(int gen) {
        if (gen != generation || stream == null) {
            return;
        }
        Instant now = now();
        Optional<String> late = heartbeat.overdue(now);
        if (late.isPresent()) {
            failed(gen, late.get());
            return;
        }
        if (welcomed) {
            heartbeat.pingDue(now, Math.max(MIN_PING_MILLIS, heartbeat.peerTimeoutMillis() / 3))
                    .ifPresent(id -> send(new Message.Ping(id)));
        }
    }

    private void refetch() {
        if (fetching || session == null) {
            return;
        }
        fetching = true;
        int gen = generation;
        login.fetch(session.token(), knownVersion)
                .exceptionallyCompose(e -> unwrap(e) instanceof LinkFailure.Unauthorized
                        ? login.login().thenComposeAsync(s -> {
                            session = s;
                            return login.fetch(s.token(), knownVersion);
                        }, loop)
                        : CompletableFuture.failedFuture(e))
                .whenCompleteAsync((doc, e) -> {
                    fetching = false;
                    if (e != null) {
                        LOG.warning(() -> "DARP config fetch from " + settings.master() + " failed: " + reason(e));
                        if (gen == generation && running) {
                            loop.schedule(this::refetch, 5, TimeUnit.SECONDS);
                        }
                        return;
                    }
                    doc.ifPresent(this::deliver);
                }, loop);
    }

    private void deliver(ConfigDocument doc) {
        if (!doc.version().equals(knownVersion)) {
            knownVersion = doc.version();
            publish(state.state(), state.reason());
            listener.configFetched(doc);
        }
    }

    private void failed(int gen, String reason) {
        if (gen != generation || !running) {
            return;
        }
        drop(4408, "master down");
        Duration wait = backoff.next();
        publish("down", reason);
        LOG.warning(() -> "DARP master " + settings.master() + " unreachable: " + reason + "; trying again in "
                + wait.toMillis() + " ms");
        int next = generation;
        loop.schedule(() -> {
            if (running && generation == next && stream == null) {
                attempt();
            }
        }, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends the current connection attempt or stream; callbacks of it are ignored from now on. */
    private void drop(int code, String why) {
        generation++;
        if (tick != null) {
            tick.cancel(false);
            tick = null;
        }
        if (stream != null) {
            stream.close(code, why);
            stream = null;
        }
        welcomed = false;
    }

    private void sendReports(List<ReportItem> items) {
        for (int from = 0; from < items.size(); from += BATCH) {
            send(Message.Reports.of(items.subList(from, Math.min(items.size(), from + BATCH))));
        }
    }

    private void send(Message m) {
        if (stream != null) {
            stream.send(Messages.write(m));
        }
    }

    private void publish(String name, String reason) {
        String since = name.equals(state.state()) ? null : name;
        state = new LinkState(name, since == null ? state.since() : now(), reason, masterTag, lastAcked,
                outbox.pending(), knownVersion, connections);
        listener.stateChanged(state);
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    private static String reason(Throwable e) {
        Throwable cause = unwrap(e);
        return cause instanceof LinkFailure ? cause.getMessage() : cause.toString();
    }

    private static Instant now() {
        return Instant.now();
    }
}
