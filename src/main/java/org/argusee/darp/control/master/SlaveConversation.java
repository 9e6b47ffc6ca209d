package org.argusee.darp.control.master;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.argusee.darp.control.link.Heartbeat;
import org.argusee.darp.control.wire.BadMessage;
import org.argusee.darp.control.wire.Message;
import org.argusee.darp.control.wire.Messages;
import org.argusee.darp.control.wire.ToldItem;

/**
 * The master's side of one slave's stream, without a container: hello and welcome, reports and acks, heartbeats,
 * and the error rules of docs/design/60-darp.md (a bad first message closes, a bad later one is answered and the
 * connection kept). The state is guarded by this object's monitor, but the calls into the server that may wait
 * for the database ({@link Port#accept}, {@link Port#apply}) are made outside it: the timer's {@link #tick} walks
 * every slave's conversation on one thread, and one slave's slow transaction must not hold up the others' pings
 * (found under load: every slave's heartbeat stalled behind one login's insert). The socket delivers one
 * connection's messages one after another; reports are stored in that order by one task at a time, off the
 * socket's thread ({@link Port#execute}), so a ping behind a report batch is answered while the batch waits for the
 * database: a master whose pool is starved or whose database is away keeps its slaves (issue 16). A batch that
 * cannot be stored because the database cannot be reached ({@link Port#waitsForDatabase}) is kept and tried again
 * every second ({@link ReportWriter}), unacked; the link stays up.
 */
public final class SlaveConversation {

    private static final Logger LOG = Logger.getLogger(SlaveConversation.class.getName());
    static final long HELLO_MILLIS = 10_000;
    static final long MIN_PING_MILLIS = 200;

    public static final int BAD_HELLO = 4400;
    public static final int UNAUTHORIZED = 4401;
    public static final int TIMEOUT = 4408;
    public static final int REPLACED = 4409;
    public static final int UNSUPPORTED = 4426;
    public static final int UNAVAILABLE = 1011;

    /** What the conversation needs from the server. */
    public interface Port {
        /** The slave behind a token, registered as connected, with the welcome to give it; empty if refused. */
        Optional<Accepted> accept(String token, long slaveTimeoutMillis);

        /** Applies reports durably; returns the seq to ack. May throw if the database is away. */
        long apply(String tag, Message.Reports reports);

        void send(String text);

        void close(int code, String reason);

        /** Runs a task that may wait for the database, off the caller's thread (in tests: at once). */
        default void execute(Runnable task) {
            task.run();
        }

        /** Whether {@link #apply} failed only because the database cannot be reached now (worth a retry). */
        default boolean waitsForDatabase(RuntimeException failure) {
            return false;
        }
    }

    /** An accepted slave: its tag and its welcome (which carries how long the master waits for it). */
    public record Accepted(String tag, Message.Welcome welcome) {}

    private final Port port;
    private final Instant opened;
    private String tag;
    private Heartbeat beat;
    private boolean closed;
    private final ReportWriter writer;

    public SlaveConversation(Port port, Instant opened) {
        this.port = port;
        this.opened = opened;
        this.writer = new ReportWriter(port, this);
    }

    /** The slave's tag once it said hello, else null. */
    public synchronized String tag() {
        return tag;
    }

    public synchronized Instant lastHeard() {
        return beat == null ? opened : beat.lastHeard();
    }

    public void received(String text, Instant now) {
        String from;
        synchronized (this) {
            if (closed) {
                return;
            }
            from = tag;
            if (from != null) {
                beat.heard(now);
            }
        }
        if (from == null) {
            hello(text, now);
            return;
        }
        Message m;
        try {
            m = Messages.parse(text);
        } catch (BadMessage e) {
            send(new Message.ErrorReply(e.code(), e.getMessage(), null));
            return;
        }
        if (m instanceof Message.Reports r) {
            writer.add(from, r);
        } else if (m instanceof Message.Ping p) {
            send(new Message.Pong(p.id()));
        } else if (m instanceof Message.Pong p) {
            synchronized (this) {
                beat.answered(p.id());
            }
        } else if (m instanceof Message.ErrorReply e) {
            LOG.warning(() -> "DARP slave '" + from + "' reports " + e.code() + ": " + e.message());
        } else {
            send(new Message.ErrorReply("malformed", "a slave does not send '" + typeOf(m) + "' here", null));
        }
    }

    /** Called often (every 250 ms): pings when due, closes a silent or hung slave, retries unstored reports. */
    public void tick(Instant now) {
        String from = ticked(now);
        if (from != null) {
            writer.retryIfDue(from, now);
        }
    }

    /** The tick under the monitor; answers the slave's tag if it is welcomed and still open. */
    private synchronized String ticked(Instant now) {
        if (closed) {
            return null;
        }
        if (beat == null) {
            if (now.toEpochMilli() - opened.toEpochMilli() > HELLO_MILLIS) {
                close(TIMEOUT, "no hello within " + HELLO_MILLIS + " ms");
            }
            return null;
        }
        Optional<String> late = beat.overdue(now);
        if (late.isPresent()) {
            close(TIMEOUT, late.get());
            return null;
        }
        beat.pingDue(now, Math.max(MIN_PING_MILLIS, beat.peerTimeoutMillis() / 3))
                .ifPresent(id -> send(new Message.Ping(id)));
        return tag;
    }

    public synchronized void configChanged(String version) {
        if (!closed && tag != null) {
            send(new Message.ConfigChanged(version));
        }
    }

    /**
     * Whether the slave was heard within half the time after which it is dropped. It pings at least every third of
     * that time, so a longer silence means this server was frozen (SIGSTOP, a long pause) or the slave is going,
     * though its stream still looks open: a master just thawed must not take its slaves for settled.
     */
    public synchronized boolean heardLately(Instant now) {
        return beat != null
                && beat.lastHeard() != null
                && now.toEpochMilli() - beat.lastHeard().toEpochMilli() <= beat.timeoutMillis() / 2;
    }

    /** What this master told of objects the slave is served: an ack of nothing that carries them. */
    public synchronized void told(List<ToldItem> items) {
        if (!closed && tag != null && !items.isEmpty()) {
            send(new Message.Ack(0, items));
        }
    }

    /** Ends it from the server's side (replaced, shutting down). */
    public synchronized void end(int code, String reason) {
        if (!closed) {
            close(code, reason);
        }
    }

    /** The socket went away; nothing more is sent. */
    public synchronized void gone() {
        closed = true;
    }

    private void hello(String text, Instant now) {
        Message m;
        try {
            m = Messages.parse(text);
        } catch (BadMessage e) {
            refuse(e.code(), e.getMessage(), BAD_HELLO);
            return;
        }
        if (!(m instanceof Message.Hello h)) {
            refuse("malformed", "the first message must be hello, not '" + typeOf(m) + "'", BAD_HELLO);
            return;
        }
        if (h.protocol() != Message.PROTOCOL) {
            refuse(
                    "unsupported-protocol",
                    "this master speaks DARP protocol " + Message.PROTOCOL + ", not " + h.protocol(),
                    UNSUPPORTED);
            return;
        }
        if (h.timeoutMillis() < 1) {
            refuse("malformed", "hello: 'timeoutMillis' must be at least 1", BAD_HELLO);
            return;
        }
        Optional<Accepted> accepted = port.accept(h.token(), h.timeoutMillis());
        if (accepted.isEmpty()) {
            refuse("unauthorized", "token unknown, expired or not yours: log in again", UNAUTHORIZED);
            return;
        }
        synchronized (this) {
            if (closed) {
                return; // the hello deadline passed while the login was looked up: the close is on its way
            }
            tag = accepted.get().tag();
            beat = new Heartbeat(accepted.get().welcome().timeoutMillis());
            beat.opened(now);
            beat.welcomed(h.timeoutMillis());
        }
        send(accepted.get().welcome());
    }

    private void refuse(String code, String message, int closeCode) {
        send(new Message.ErrorReply(code, message, null));
        end(closeCode, message);
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Nothing goes out once the conversation is closed (a late ack after a heartbeat close, say). */
    void send(Message m) {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        port.send(Messages.write(m));
    }

    private void close(int code, String reason) {
        closed = true;
        port.close(code, reason);
    }

    private static String typeOf(Message m) {
        return Messages.type(m);
    }
}
